package dev.occam.cli;

import java.nio.file.Path;
import java.util.Locale;

/** The layout of a data file given to {@code --data}. */
enum DataFormat {
    /** Comma-separated with a header line; dense. */
    CSV,
    /** {@code label index:value ...}; sparse. */
    LIBSVM;

    /** The explicit choice, else LibSVM for names ending in .svm, .libsvm or .svmlight, else CSV. */
    static DataFormat of(Path file, DataFormat explicit) {
        if (explicit != null) return explicit;
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".svm") || name.endsWith(".libsvm") || name.endsWith(".svmlight") ? LIBSVM : CSV;
    }
}

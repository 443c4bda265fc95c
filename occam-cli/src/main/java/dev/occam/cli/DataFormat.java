package dev.occam.cli;

import dev.occam.data.CsvReader;
import dev.occam.data.Dataset;
import dev.occam.data.ParquetReader;
import dev.occam.data.ReadOptions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** The layout of a data file given to {@code --data}. */
enum DataFormat {
    /** Comma-separated with a header line; dense. */
    CSV,
    /** {@code label index:value ...}; sparse. */
    LIBSVM,
    /** Apache Parquet, numeric columns; dense. */
    PARQUET;

    /**
     * The explicit choice, else LibSVM for names ending in .svm, .libsvm or .svmlight, Parquet for
     * names ending in .parquet, else CSV.
     */
    static DataFormat of(Path file, DataFormat explicit) {
        if (explicit != null) return explicit;
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".parquet")) return PARQUET;
        return name.endsWith(".svm") || name.endsWith(".libsvm") || name.endsWith(".svmlight") ? LIBSVM : CSV;
    }

    /** True for the layouts whose columns have names (CSV, Parquet): a target, weights and features are chosen by name. */
    boolean namedColumns() {
        return this != LIBSVM;
    }

    /**
     * Reads a file of named columns. Parquet's reader (and so Parquet's library) is loaded only
     * when this runs for a Parquet file: commands on CSV never load it.
     */
    Dataset read(Path file, ReadOptions o) throws IOException {
        return switch (this) {
            case CSV -> CsvReader.read(file, o);
            case PARQUET -> ParquetReader.read(file, o);
            case LIBSVM -> throw new IllegalStateException("LibSVM columns have no names");
        };
    }
}

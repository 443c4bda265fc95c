package dev.occam.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The memory a command will need for a data file, estimated before the file is read, and the one
 * line the user gets when the Java heap is smaller: instead of an {@link OutOfMemoryError} after
 * minutes of reading, a message with the estimate and the setting to raise.
 *
 * <p>The estimate (docs/memory.md gives the whole accounting): the first MiB of the file gives the
 * mean line length and the columns (CSV header) or stored entries per line (LibSVM); with the file
 * size that gives n, p and the stored entries. A command then holds at least X (dense: 8·n·p bytes,
 * column-major doubles; sparse: 12 bytes per stored entry), a few vectors of n doubles, and, by
 * command: the p×p Gram of gaussian covariance updates; for cv each running fold's copy of its
 * training rows (likelihood families) or one p×p moment matrix per fold (gaussian), and its
 * held-out rows with their linear predictors at every λ; for train the two float copies of X (4·n·p
 * each, alive with X while the inputs are standardized); for predict each prediction as a double
 * and a String. The estimate counts only what must be held, so it errs low: when it already
 * exceeds the heap the run cannot succeed, and when it does not, the top-level handler of
 * {@link Occam} still turns a late {@code OutOfMemoryError} into the same kind of line.
 */
final class MemoryCheck {
    /** How much of the file is sampled. */
    private static final int SAMPLE = 1 << 20;

    private MemoryCheck() { }

    /** What a command does with the data. */
    enum Use { FIT, PATH, CV, TRAIN, PREDICT }

    /** The estimated shape of a data file: rows, features, stored entries (n·p when dense). */
    record Shape(long rows, long cols, long entries, boolean sparse) {
        /** Bytes of X as the readers hold it. */
        long matrixBytes() {
            return sparse ? 12 * entries + 4 * (cols + 1) : 8 * rows * cols;
        }
    }

    /** Thrown when the estimate exceeds the heap; {@link Occam} prints its message with status {@link Occam#NO_MEMORY}. */
    static final class NotEnoughMemory extends RuntimeException {
        NotEnoughMemory(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Throws {@link NotEnoughMemory} when {@code use} of {@code file} needs more than the heap's limit.
     *
     * @param folds CV folds (0 for none)
     * @param gaussian whether the fit is gaussian (covariance updates, CV from moments)
     */
    static void require(Path file, DataFormat layout, Use use, int folds, boolean gaussian) throws IOException {
        if (!Files.isRegularFile(file)) return; // the reader says what is wrong
        // a Parquet file's size says little about its rows (compressed columns); an OutOfMemoryError
        // while reading it still gets the one-line message (Occam.outOfMemory)
        if (layout == DataFormat.PARQUET) return;
        Shape s = shape(file, layout);
        long need = need(s, use, folds, gaussian, Runtime.getRuntime().availableProcessors());
        long limit = Runtime.getRuntime().maxMemory();
        if (need > limit) {
            throw new NotEnoughMemory(String.format(Locale.ROOT, "not enough memory: %s holds about %,d rows x %,d features; %s needs "
                    + "about %s (X alone is %s) but the Java heap is limited to %s. Raise the limit: OCCAM_JAVA_OPTS=-Xmx%s "
                    + "(bin/occam; java -Xmx%s otherwise); docs/memory.md", file, s.rows(), s.cols(), use.name().toLowerCase(Locale.ROOT),
                    size(need), size(s.matrixBytes()), size(limit), suggestion(need), suggestion(need)));
        }
    }

    /**
     * As {@link #require} for IDX images given to train: the reader holds the file's bytes and the
     * images as floats (4 bytes per value), which the training data use as they are. A file that
     * is not IDX is left to the reader's message.
     */
    static void requireIdx(Path images) throws IOException {
        if (!Files.isRegularFile(images)) return;
        byte[] head;
        try (InputStream in = Files.newInputStream(images)) {
            head = in.readNBytes(4 + 4 * 4);
        }
        if (head.length < 8 || head[0] != 0 || head[1] != 0 || head[3] < 1 || head.length < 4 + 4 * head[3]) return;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(head);
        long rows = Integer.toUnsignedLong(b.getInt(4));
        long pixels = 1;
        for (int d = 1; d < head[3]; d++) pixels *= Integer.toUnsignedLong(b.getInt(4 + 4 * d));
        long size = Files.size(images);
        long need = size + 4 * rows * pixels;
        long limit = Runtime.getRuntime().maxMemory();
        if (need > limit) {
            throw new NotEnoughMemory(String.format(Locale.ROOT, "not enough memory: %s holds %,d images of %,d pixels; train needs "
                    + "about %s (the images as floats are %s) but the Java heap is limited to %s. Raise the limit: "
                    + "OCCAM_JAVA_OPTS=-Xmx%s (bin/occam; java -Xmx%s otherwise); docs/memory.md", images, rows, pixels, size(need),
                    size(4 * rows * pixels), size(limit), suggestion(need), suggestion(need)));
        }
    }

    /** The message for an {@link OutOfMemoryError} that happened anyway. */
    static String outOfMemory(String command) {
        long limit = Runtime.getRuntime().maxMemory();
        return "not enough memory: the Java heap (limit " + size(limit) + ") ran out" + (command == null ? "" : " during " + command)
                + ". Raise the limit: OCCAM_JAVA_OPTS=-Xmx" + suggestion(2 * limit) + " (bin/occam; java -Xmx otherwise); docs/memory.md";
    }

    /** Bytes that {@code use} must hold for data of shape {@code s} (see the class comment). */
    static long need(Shape s, Use use, int folds, boolean gaussian, int processors) {
        long n = s.rows();
        long p = s.cols();
        long x = s.matrixBytes();
        long rowVectors = 4 * 8 * n;
        long gram = gaussian && p <= 2000 && n >= 2 * p ? 8 * p * p : 0;
        return switch (use) {
            // each prediction is kept as a double and as its decimal String (about 64 bytes) until written
            case PREDICT -> x + (8 + 64) * n;
            case TRAIN -> x + 8 * n * p + 8 * n;
            case FIT, PATH -> x + rowVectors + gram + (folds > 0 ? cv(s, folds, gaussian, processors) : 0);
            case CV -> x + rowVectors + gram + cv(s, folds, gaussian, processors);
        };
    }

    /**
     * What cross-validation adds: moments per fold (gaussian) or each running fold's copy of its
     * training rows; and per running fold, to score it, a copy of its held-out rows and their
     * linear predictors at each of the (default 100) λ values.
     */
    private static long cv(Shape s, int folds, boolean gaussian, int processors) {
        long p = s.cols();
        int k = Math.max(folds, 1);
        long running = Math.max(1, Math.min(folds, processors));
        long heldOut = s.rows() / k;
        long scoring = running * (s.matrixBytes() / k + 8 * 100 * heldOut);
        if (gaussian && p <= 2000) return (folds + 1) * 8 * p * p + scoring;
        return running * s.matrixBytes() * (folds - 1) / k + scoring;
    }

    /** Rows, features and entries of a data file, from its size and its first MiB. */
    static Shape shape(Path file, DataFormat layout) throws IOException {
        long size = Files.size(file);
        byte[] b;
        try (InputStream in = Files.newInputStream(file)) {
            b = in.readNBytes(SAMPLE);
        }
        int start = 0;
        long cols = 0;
        if (layout == DataFormat.CSV) {
            // the header: its fields, less the target
            int end = 0;
            while (end < b.length && b[end] != '\n') end++;
            cols = 1;
            for (int i = 0; i < end; i++) if (b[i] == ',') cols++;
            cols = Math.max(cols - 1, 0);
            start = Math.min(end + 1, b.length);
        }
        long lines = 0;
        long colons = 0;
        long maxIndex = 0;
        int lastEnd = start;
        long index = 0;
        boolean inIndex = layout == DataFormat.LIBSVM;
        for (int i = start; i < b.length; i++) {
            byte c = b[i];
            if (c == '\n') {
                lines++;
                lastEnd = i + 1;
                inIndex = false;
                continue;
            }
            if (layout == DataFormat.LIBSVM) {
                // "label index:value ...": the digits before each ':' are a feature index
                if (c == ' ' || c == '\t') {
                    index = 0;
                    inIndex = true;
                } else if (c == ':') {
                    colons++;
                    maxIndex = Math.max(maxIndex, index);
                    inIndex = false;
                } else if (inIndex && c >= '0' && c <= '9') {
                    index = index * 10 + (c - '0');
                }
            }
        }
        boolean whole = b.length == size;
        if (whole && lastEnd < b.length) lines++; // a last line without a line end
        long sampled = Math.max(lastEnd - start, 1);
        long rows = whole ? lines : lines == 0 ? 1 : (long) Math.ceil((double) (size - start) * lines / sampled);
        if (layout == DataFormat.LIBSVM) {
            long entries = lines == 0 ? 0 : (long) Math.ceil((double) colons / lines * rows);
            return new Shape(rows, maxIndex, entries, true);
        }
        return new Shape(rows, cols, rows * cols, false);
    }

    /** A size in B, kB, MB or GB (powers of 1024), e.g. "1.5 GB". */
    static String size(long bytes) {
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return (u == 0 ? Long.toString(bytes) : String.format(Locale.ROOT, "%.1f", v)) + " " + units[u];
    }

    /** A -Xmx value comfortably above {@code bytes} (1.5×, whole MB or GB). */
    static String suggestion(long bytes) {
        long mb = (long) Math.ceil(bytes * 1.5 / (1 << 20));
        return mb >= 1024 ? (mb + 1023) / 1024 + "g" : mb + "m";
    }
}

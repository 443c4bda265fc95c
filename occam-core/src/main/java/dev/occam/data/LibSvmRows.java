package dev.occam.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a LibSVM file read so far, in compressed sparse rows (CSR), with the per-line rules
 * and messages of {@link LibSvmReader}: {@link #addLine} takes one line of text. The sequential
 * reader fills one; the parallel reader one per chunk (lines it cannot take from the bytes go through
 * {@link #addLine} too) and then {@link #append}s them in file order.
 */
final class LibSvmRows {
    final IntList rowPtr = new IntList();
    final IntList index = new IntList();
    final DoubleList values = new DoubleList();
    final DoubleList y;
    final List<String> labels;
    private final TargetKind kind;
    /** The largest feature index seen (1-based), i.e. the number of features so far. */
    int p;
    /** Whether any line had text (comments included): "only comments" vs "empty" when there is no row. */
    boolean anyText;

    LibSvmRows(TargetKind kind) {
        this.kind = kind;
        y = kind == TargetKind.NUMERIC ? new DoubleList() : null;
        labels = kind == TargetKind.CLASS ? new ArrayList<>() : null;
        rowPtr.add(0);
    }

    /**
     * Heap a feature costs whatever its values: its name, its column pointer, and the per-feature
     * arrays of a fit. It bounds the feature index a file may use, so that a short line such as
     * {@code 1 2000000000:1} is an error naming the setting to raise, not an OutOfMemoryError.
     */
    static final int BYTES_PER_FEATURE = 256;

    /** The largest feature index this heap can hold (see {@link #BYTES_PER_FEATURE}). */
    static final int MAX_INDEX = (int) Math.min(Integer.MAX_VALUE - 1, Runtime.getRuntime().maxMemory() / BYTES_PER_FEATURE);

    int rows() {
        return rowPtr.size() - 1;
    }

    /**
     * One line (without its line end, byte-order mark already removed): a row, or nothing for a
     * blank or comment line. Errors are one line: file, line, token number, expected, found.
     */
    void addLine(String name, String line, long lineNo) {
        anyText |= !line.isBlank();
        int hash = line.indexOf('#');
        String data = hash >= 0 ? line.substring(0, hash) : line;
        String[] tokens = data.strip().split("[ \\t]+");
        if (tokens.length == 1 && tokens[0].isEmpty()) return;
        int first = 0;
        if (kind == TargetKind.NONE) {
            // Prediction: a label is optional and ignored.
            if (!tokens[0].contains(":")) first = 1;
        } else {
            String label = tokens[0];
            if (label.contains(":")) {
                throw new DataFormatException(name, lineNo, 1, null, "a label first on the line", DataFormatException.quote(label));
            }
            if (y != null) {
                double v = Cells.parse(label);
                if (Double.isNaN(v)) {
                    throw new DataFormatException(name, lineNo, 1, null, Cells.expectation(label) + " as the label", Cells.problem(label));
                }
                y.add(v);
            } else {
                if (Cells.isMissing(label)) {
                    throw new DataFormatException(name, lineNo, 1, null, "a class label", Cells.problem(label));
                }
                labels.add(label);
            }
            first = 1;
        }
        int previous = 0;
        for (int t = first; t < tokens.length; t++) {
            String token = tokens[t];
            if (token.startsWith("qid:")) continue;
            int colon = token.indexOf(':');
            if (colon < 0) {
                throw new DataFormatException(name, lineNo, t + 1, null, "index:value", DataFormatException.quote(token));
            }
            int j = parseIndex(token.substring(0, colon));
            if (j < 1) {
                throw new DataFormatException(name, lineNo, t + 1, null,
                        "a feature index between 1 and " + (Integer.MAX_VALUE - 1), DataFormatException.quote(token));
            }
            if (j > MAX_INDEX) {
                throw new DataFormatException(name, lineNo, t + 1, null, "a feature index of at most " + MAX_INDEX
                        + " (what this heap holds at " + BYTES_PER_FEATURE + " bytes a feature; raise the Java heap, -Xmx, for more)",
                        DataFormatException.quote(token));
            }
            if (j <= previous) {
                throw new DataFormatException(name, lineNo, t + 1, null,
                        "an index above " + previous + " (indices must increase along a line)", DataFormatException.quote(token));
            }
            previous = j;
            String text = token.substring(colon + 1);
            double v = Cells.parse(text);
            if (Double.isNaN(v)) {
                throw new DataFormatException(name, lineNo, t + 1, null,
                        Cells.expectation(text) + " after \"" + j + ":\"", Cells.problem(text));
            }
            p = Math.max(p, j);
            if (v != 0.0) {
                index.add(j - 1);
                values.add(v);
            }
        }
        rowPtr.add(index.size());
    }

    /** The index in a token's digits, or −1 when they are not a positive integer below 2³¹−1. */
    private static int parseIndex(String digits) {
        if (digits.isEmpty() || digits.length() > 10) return -1;
        long v = 0;
        for (int k = 0; k < digits.length(); k++) {
            char c = digits.charAt(k);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v >= Integer.MAX_VALUE ? -1 : (int) v;
    }

    /** Appends the rows of {@code next} (the lines after this one's) to these. */
    void append(LibSvmRows next) {
        int base = index.size();
        for (int r = 1; r < next.rowPtr.size(); r++) rowPtr.add(base + next.rowPtr.get(r));
        for (int k = 0; k < next.index.size(); k++) index.add(next.index.get(k));
        double[] v = next.values.toArray();
        for (double x : v) values.add(x);
        if (y != null) for (double x : next.y.toArray()) y.add(x);
        if (labels != null) labels.addAll(next.labels);
        p = Math.max(p, next.p);
        anyText |= next.anyText;
    }
}

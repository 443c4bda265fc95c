package dev.occam.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a LibSVM / SVMlight file into a {@link Dataset} with sparse (CSC) X.
 *
 * <p>Each data line is {@code label index:value index:value ...} with 1-based feature indices
 * increasing along the line, separated by spaces or tabs. Features not listed are 0 (explicit zeros
 * are not stored). {@code qid:} tokens are ignored, {@code #} starts a comment, blank lines are
 * skipped. The number of features is the largest index seen, or {@code minFeatures} if larger (a
 * model's width when predicting); features are named x1 … xp. With {@link TargetKind#NONE} a line
 * may start directly with {@code index:value}; a label, if present, is ignored.
 *
 * <p>Errors are one line: the file, the line, the 1-based token number on that line (as the column),
 * what was expected and what was found.
 */
public final class LibSvmReader {
    private LibSvmReader() { }

    /** Name of the target in the data set (LibSVM files have no header). */
    public static final String TARGET_NAME = "label";

    /**
     * Reads {@code file}.
     *
     * @param file the LibSVM file; its name appears in error messages as given
     * @param kind numeric labels (regression, counts), class labels, or none (prediction)
     * @param minFeatures the least number of features p (0 for "as many as the file has")
     * @return sparse X (n × p), y (null for {@link TargetKind#NONE}), names x1 … xp, classes when {@code kind} is CLASS
     * @throws DataFormatException for bad content
     * @throws IOException when the file cannot be read
     */
    public static Dataset read(Path file, TargetKind kind, int minFeatures) throws IOException {
        if (minFeatures < 0) throw new IllegalArgumentException("minFeatures must be >= 0; got " + minFeatures);
        String name = file.toString();
        Cells.requireRegularFile(file);
        IntList rowPtr = new IntList();
        IntList index = new IntList();
        DoubleList values = new DoubleList();
        DoubleList y = kind == TargetKind.NUMERIC ? new DoubleList() : null;
        LabelCoder labels = kind == TargetKind.CLASS ? new LabelCoder() : null;
        int p = 0;
        boolean anyText = false;
        rowPtr.add(0);
        // Malformed UTF-8 is replaced rather than fatal: only ASCII matters in this format.
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
            long lineNo = 0;
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') line = line.substring(1);
                anyText |= !line.isBlank();
                int hash = line.indexOf('#');
                String data = hash >= 0 ? line.substring(0, hash) : line;
                String[] tokens = data.strip().split("[ \\t]+");
                if (tokens.length == 1 && tokens[0].isEmpty()) continue;
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
        }
        int n = rowPtr.size() - 1;
        if (n == 0) {
            throw new DataFormatException(name, anyText ? "no data lines (only comments)" : "the file is empty");
        }
        p = Math.max(p, minFeatures);
        SparseMatrix x = toCsc(n, p, rowPtr, index, values);
        double[] target = y != null ? y.toArray() : labels != null ? labels.codes() : null;
        return new Dataset(x, target, null, Dataset.defaultNames(p), kind == TargetKind.NONE ? null : TARGET_NAME,
                labels != null ? labels.sortedLabels() : null);
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

    /** Converts rows (CSR) to compressed sparse columns; rows stay increasing within each column. */
    private static SparseMatrix toCsc(int n, int p, IntList rowPtr, IntList index, DoubleList values) {
        int nnz = index.size();
        double[] vals = values.toArray();
        int[] colPtr = new int[p + 1];
        for (int k = 0; k < nnz; k++) colPtr[index.get(k) + 1]++;
        for (int j = 0; j < p; j++) colPtr[j + 1] += colPtr[j];
        int[] next = java.util.Arrays.copyOf(colPtr, p);
        int[] rowIndex = new int[nnz];
        double[] cscValues = new double[nnz];
        for (int i = 0; i < n; i++) {
            for (int k = rowPtr.get(i), e = rowPtr.get(i + 1); k < e; k++) {
                int dest = next[index.get(k)]++;
                rowIndex[dest] = i;
                cscValues[dest] = vals[k];
            }
        }
        return new SparseMatrix(n, p, colPtr, rowIndex, cscValues);
    }
}

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
 *
 * <p>Speed: {@link ParallelLibSvm} reads the file in chunks on every processor, numbers straight
 * from the bytes; lines it cannot take whole, and files with lone carriage returns, go through the
 * text rules of {@link LibSvmRows#addLine}, which also give every message.
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
        Cells.requireRegularFile(file);
        LibSvmRows rows = ParallelLibSvm.read(file, kind, ParallelCsv.CHUNK_BYTES);
        return dataset(file.toString(), rows != null ? rows : readLines(file, kind), kind, minFeatures);
    }

    /** Reads {@code file} line by line as text (files the parallel reader leaves, e.g. with lone CRs). */
    static LibSvmRows readLines(Path file, TargetKind kind) throws IOException {
        String name = file.toString();
        LibSvmRows rows = new LibSvmRows(kind);
        // Malformed UTF-8 is replaced rather than fatal: only ASCII matters in this format.
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
            long lineNo = 0;
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') line = line.substring(1);
                rows.addLine(name, line, lineNo);
            }
        }
        return rows;
    }

    /** The data set from all rows: the checks that need every line, then CSR to CSC. */
    static Dataset dataset(String name, LibSvmRows rows, TargetKind kind, int minFeatures) {
        int n = rows.rows();
        if (n == 0) {
            throw new DataFormatException(name, rows.anyText ? "no data lines (only comments)" : "the file is empty");
        }
        int p = Math.max(rows.p, minFeatures);
        SparseMatrix x = toCsc(n, p, rows.rowPtr, rows.index, rows.values);
        LabelCoder labels = null;
        if (rows.labels != null) {
            labels = new LabelCoder();
            for (String l : rows.labels) labels.add(l);
        }
        double[] target = rows.y != null ? rows.y.toArray() : labels != null ? labels.codes() : null;
        return new Dataset(x, target, null, Dataset.defaultNames(p), kind == TargetKind.NONE ? null : TARGET_NAME,
                labels != null ? labels.sortedLabels() : null);
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

package dev.occam.data;

import java.util.Objects;

/**
 * Sparse X in compressed-sparse-column form: the entries of column j are
 * {@code values[colPtr[j] .. colPtr[j+1])} at rows {@code rowIndex[...]}, rows increasing.
 * Arrays are shared, not copied.
 */
public final class SparseMatrix implements DesignMatrix {
    private final int n;
    private final int p;
    private final int[] colPtr;
    private final int[] rowIndex;
    private final double[] values;

    /**
     * @param n rows
     * @param p columns
     * @param colPtr length p+1, non-decreasing, colPtr[0] = 0
     * @param rowIndex row of each stored entry, increasing within a column
     * @param values value of each stored entry
     */
    public SparseMatrix(int n, int p, int[] colPtr, int[] rowIndex, double[] values) {
        Objects.requireNonNull(colPtr, "colPtr");
        Objects.requireNonNull(rowIndex, "rowIndex");
        Objects.requireNonNull(values, "values");
        if (n < 0 || p < 0) {
            throw new IllegalArgumentException("matrix dimensions must be >= 0; got " + n + "x" + p);
        }
        if (colPtr.length != p + 1 || colPtr[0] != 0) {
            throw new IllegalArgumentException("colPtr must have p+1 = " + (p + 1) + " entries starting at 0");
        }
        int nnz = colPtr[p];
        if (rowIndex.length < nnz || values.length < nnz) {
            throw new IllegalArgumentException("rowIndex and values must hold colPtr[p] = " + nnz + " entries");
        }
        for (int j = 0; j < p; j++) {
            if (colPtr[j + 1] < colPtr[j]) {
                throw new IllegalArgumentException("colPtr must be non-decreasing; column " + j);
            }
            for (int k = colPtr[j]; k < colPtr[j + 1]; k++) {
                int r = rowIndex[k];
                if (r < 0 || r >= n || (k > colPtr[j] && r <= rowIndex[k - 1])) {
                    throw new IllegalArgumentException("row indices of column " + j + " must be increasing and in [0, " + n + ")");
                }
            }
        }
        this.n = n;
        this.p = p;
        this.colPtr = colPtr;
        this.rowIndex = rowIndex;
        this.values = values;
    }

    /** Converts a dense matrix, keeping only its non-zero entries. */
    public static SparseMatrix fromDense(DenseMatrix d) {
        int n = d.rows();
        int p = d.cols();
        int[] ptr = new int[p + 1];
        int nnz = 0;
        double[] v = d.values();
        for (int k = 0; k < v.length; k++) {
            if (v[k] != 0.0) nnz++;
        }
        int[] rows = new int[nnz];
        double[] vals = new double[nnz];
        int k = 0;
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < n; i++) {
                double x = v[j * n + i];
                if (x != 0.0) {
                    rows[k] = i;
                    vals[k++] = x;
                }
            }
            ptr[j + 1] = k;
        }
        return new SparseMatrix(n, p, ptr, rows, vals);
    }

    @Override public int rows() { return n; }
    @Override public int cols() { return p; }
    /** Column pointers (not a copy). */
    public int[] colPtr() { return colPtr; }
    /** Row indices (not a copy). */
    public int[] rowIndex() { return rowIndex; }
    /** Stored values (not a copy). */
    public double[] values() { return values; }

    @Override
    public double dotColumn(int j, double[] v) {
        // four partial sums: one running sum would make every gathered load wait for the previous add
        double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
        int k = colPtr[j];
        int e = colPtr[j + 1];
        for (; k + 3 < e; k += 4) {
            s0 += values[k] * v[rowIndex[k]];
            s1 += values[k + 1] * v[rowIndex[k + 1]];
            s2 += values[k + 2] * v[rowIndex[k + 2]];
            s3 += values[k + 3] * v[rowIndex[k + 3]];
        }
        for (; k < e; k++) {
            s0 += values[k] * v[rowIndex[k]];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Two inner products of column j in one pass over its entries: out[0] = x_jᵀa, out[1] = x_jᵀb.
     *
     * @param j column
     * @param a first vector (length rows). Not modified.
     * @param b second vector (length rows). Not modified.
     * @param out the two sums. Modified.
     */
    public void dotColumnTwo(int j, double[] a, double[] b, double[] out) {
        double sa0 = 0.0, sa1 = 0.0, sb0 = 0.0, sb1 = 0.0;
        int k = colPtr[j];
        int e = colPtr[j + 1];
        for (; k + 1 < e; k += 2) {
            int i0 = rowIndex[k];
            int i1 = rowIndex[k + 1];
            double x0 = values[k];
            double x1 = values[k + 1];
            sa0 += x0 * a[i0];
            sb0 += x0 * b[i0];
            sa1 += x1 * a[i1];
            sb1 += x1 * b[i1];
        }
        if (k < e) {
            int i = rowIndex[k];
            sa0 += values[k] * a[i];
            sb0 += values[k] * b[i];
        }
        out[0] = sa0 + sa1;
        out[1] = sb0 + sb1;
    }

    /**
     * Σ_i w_i x_ij and Σ_i w_i x_ij² over the stored entries of column j, in one pass.
     *
     * @param j column
     * @param w weights (length rows). Not modified.
     * @param out the two sums. Modified.
     */
    public void weightedMoments(int j, double[] w, double[] out) {
        double s0 = 0.0, s1 = 0.0, q0 = 0.0, q1 = 0.0;
        int k = colPtr[j];
        int e = colPtr[j + 1];
        for (; k + 1 < e; k += 2) {
            double wx0 = w[rowIndex[k]] * values[k];
            double wx1 = w[rowIndex[k + 1]] * values[k + 1];
            s0 += wx0;
            s1 += wx1;
            q0 += wx0 * values[k];
            q1 += wx1 * values[k + 1];
        }
        if (k < e) {
            double wx = w[rowIndex[k]] * values[k];
            s0 += wx;
            q0 += wx * values[k];
        }
        out[0] = s0 + s1;
        out[1] = q0 + q1;
    }

    @Override
    public void axpyColumn(int j, double a, double[] v) {
        for (int k = colPtr[j], e = colPtr[j + 1]; k < e; k++) {
            v[rowIndex[k]] += a * values[k];
        }
    }

    /**
     * y = Xβ + b0. With many stored entries in the non-zero columns, the columns are split into as
     * many parts as processors, each part adding its columns into a vector of its own, summed at
     * the end (a column-by-column axpy into one y cannot be shared between threads).
     */
    @Override
    public void multiply(double[] beta, double b0, double[] y) {
        int parts = Math.min(Runtime.getRuntime().availableProcessors(), MAX_MULTIPLY_PARTS);
        long work = 0;
        for (int j = 0; j < p; j++) if (beta[j] != 0.0) work += colPtr[j + 1] - colPtr[j];
        if (parts < 2 || work < PARALLEL_MULTIPLY_ENTRIES || work < 4L * n) {
            DesignMatrix.super.multiply(beta, b0, y);
            return;
        }
        // the parts' first columns, so that each holds about work/parts stored entries
        int[] start = new int[parts + 1];
        long acc = 0;
        int part = 1;
        for (int j = 0; j < p && part < parts; j++) {
            if (beta[j] != 0.0) acc += colPtr[j + 1] - colPtr[j];
            if (acc >= work * part / parts) start[part++] = j + 1;
        }
        while (part <= parts) start[part++] = p;
        double[][] sums = new double[parts][];
        java.util.stream.IntStream.range(0, parts).parallel().forEach(t -> {
            double[] v = new double[n];
            for (int j = start[t]; j < start[t + 1]; j++) {
                if (beta[j] != 0.0) axpyColumn(j, beta[j], v);
            }
            sums[t] = v;
        });
        for (int i = 0; i < n; i++) {
            double s = b0;
            for (int t = 0; t < parts; t++) s += sums[t][i];
            y[i] = s;
        }
    }

    /** Stored entries below which {@link #multiply} runs on one thread. */
    private static final long PARALLEL_MULTIPLY_ENTRIES = 200_000;
    /** Parts {@link #multiply} splits its columns into at most. */
    private static final int MAX_MULTIPLY_PARTS = 8;

    @Override
    public void axpyColumnWeighted(int j, double a, double[] w, double[] v) {
        for (int k = colPtr[j], e = colPtr[j + 1]; k < e; k++) {
            int i = rowIndex[k];
            v[i] += a * w[i] * values[k];
        }
    }

    @Override
    public double weightedSumOfSquares(int j, double[] w) {
        double s0 = 0.0, s1 = 0.0;
        int k = colPtr[j];
        int e = colPtr[j + 1];
        for (; k + 1 < e; k += 2) {
            double x0 = values[k];
            double x1 = values[k + 1];
            s0 += w[rowIndex[k]] * x0 * x0;
            s1 += w[rowIndex[k + 1]] * x1 * x1;
        }
        if (k < e) {
            double x = values[k];
            s0 += w[rowIndex[k]] * x * x;
        }
        return s0 + s1;
    }

    @Override
    public double get(int i, int j) {
        int lo = colPtr[j];
        int hi = colPtr[j + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int r = rowIndex[mid];
            if (r == i) return values[mid];
            if (r < i) lo = mid + 1; else hi = mid - 1;
        }
        return 0.0;
    }

    @Override public long storedEntries() { return colPtr[p]; }
}

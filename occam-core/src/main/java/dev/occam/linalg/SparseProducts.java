package dev.occam.linalg;

/**
 * Products with a sparse matrix X in compressed-sparse-column form (n × p): the entries of column
 * j are {@code values[colPtr[j] .. colPtr[j+1])} at rows {@code rowIndex[...]}, increasing within a
 * column. The counterparts of {@link Gram} for sparse X; the results are dense.
 */
public final class SparseProducts {
    private SparseProducts() { }

    /**
     * out = Xᵀ·diag(w)·X, symmetric p × p (both triangles written). Cost O(p · nnz): each column
     * is scattered, weighted, into a dense buffer and dotted with the columns before it.
     *
     * @param n rows of X
     * @param p columns of X
     * @param colPtr column pointers, length p + 1. Not modified.
     * @param rowIndex row of each stored entry. Not modified.
     * @param values value of each stored entry. Not modified.
     * @param w weights, length n; null for all 1. Not modified.
     * @param out result, column-major p × p. Modified.
     */
    public static void crossprod(int n, int p, int[] colPtr, int[] rowIndex, double[] values, double[] w, double[] out) {
        double[] buf = new double[n];
        for (int j = 0; j < p; j++) {
            for (int t = colPtr[j]; t < colPtr[j + 1]; t++) {
                int i = rowIndex[t];
                buf[i] = w == null ? values[t] : w[i] * values[t];
            }
            for (int k = 0; k <= j; k++) {
                double s = 0.0;
                for (int t = colPtr[k]; t < colPtr[k + 1]; t++) {
                    s += values[t] * buf[rowIndex[t]];
                }
                out[j + k * p] = s;
                out[k + j * p] = s;
            }
            for (int t = colPtr[j]; t < colPtr[j + 1]; t++) {
                buf[rowIndex[t]] = 0.0;
            }
        }
    }

    /**
     * out = X·diag(d)·Xᵀ, symmetric n × n (both triangles written): Σ_j d_j x_j x_jᵀ, one
     * outer product per column, cost O(Σ_j nnz_j²).
     *
     * @param n rows of X
     * @param p columns of X
     * @param colPtr column pointers. Not modified.
     * @param rowIndex row indices. Not modified.
     * @param values stored values. Not modified.
     * @param d column weights, length p; null for all 1. Not modified.
     * @param out result, column-major n × n. Modified.
     */
    public static void outer(int n, int p, int[] colPtr, int[] rowIndex, double[] values, double[] d, double[] out) {
        java.util.Arrays.fill(out, 0, n * n, 0.0);
        for (int j = 0; j < p; j++) {
            double dj = d == null ? 1.0 : d[j];
            if (dj == 0.0) {
                continue;
            }
            int end = colPtr[j + 1];
            for (int s = colPtr[j]; s < end; s++) {
                int k = rowIndex[s];
                double a = dj * values[s];
                // Rows increase within a column, so entries t ≥ s are on or below the diagonal.
                for (int t = s; t < end; t++) {
                    out[rowIndex[t] + k * n] += a * values[t];
                }
            }
        }
        Gram.mirrorLower(n, out);
    }

    /**
     * out = X[i0:i1, :]·B for a block of rows of X and a dense p × m matrix B, reading each column of
     * X from {@code cursor[j]} on and leaving {@code cursor[j]} at the first entry of row ≥ i1.
     * Calling it for consecutive row blocks from cursor[j] = colPtr[j] visits every entry once.
     *
     * @param p columns of X
     * @param colPtr column pointers. Not modified.
     * @param rowIndex row indices. Not modified.
     * @param values stored values. Not modified.
     * @param cursor per column, the first stored entry not yet visited. Modified.
     * @param i0 first row of the block
     * @param i1 end (exclusive) of the block
     * @param m columns of B
     * @param b matrix B (p × m), column-major with leading dimension ldb. Not modified.
     * @param ldb leading dimension of B (≥ p)
     * @param out result ((i1 − i0) × m), column-major with leading dimension ldout. Modified.
     * @param ldout leading dimension of out (≥ i1 − i0)
     */
    public static void multiplyRows(int p, int[] colPtr, int[] rowIndex, double[] values, int[] cursor,
                                    int i0, int i1, int m, double[] b, int ldb, double[] out, int ldout) {
        for (int c = 0; c < m; c++) {
            java.util.Arrays.fill(out, c * ldout, c * ldout + (i1 - i0), 0.0);
        }
        for (int j = 0; j < p; j++) {
            int t = cursor[j];
            int end = colPtr[j + 1];
            for (; t < end && rowIndex[t] < i1; t++) {
                int r = rowIndex[t] - i0;
                double x = values[t];
                for (int c = 0; c < m; c++) {
                    out[r + c * ldout] += x * b[j + c * ldb];
                }
            }
            cursor[j] = t;
        }
    }
}

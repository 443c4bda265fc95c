package dev.occam.glm;

import dev.occam.data.DenseMatrix;
import dev.occam.data.SparseMatrix;
import dev.occam.linalg.Gram;

/**
 * The weighted Gram matrix of a few standardized columns, Σ_i W_i z_ia z_ib with z the intercept
 * column (all ones, when asked for) and the columns x̃_j = (x_j − c_j)/s_j of the given features:
 * the Hessian of a weighted least-squares loss (or the Fisher information of a GLM with working
 * weights W) restricted to an active set. The columns are copied, a block of rows at a time, into a
 * dense block so each product is one {@link Gram#crossprod} (native dsyrk when present).
 */
final class ActiveHessian {
    /** Largest whole-column block {@link #block} copies, in doubles (n·d): 32 M = 256 MiB. */
    static final long MAX_ENTRIES = 32L << 20;

    private ActiveHessian() { }

    /** Rows per block of the single-response Hessian: the copied block is at most ROWS × d. */
    static final int ROWS = 4096;

    /**
     * Writes the d × d matrix (d = m + (intercept ? 1 : 0), intercept first) column-major into
     * {@code out}. The rows are taken in blocks of {@link #ROWS} (one cross-product each, summed in
     * block order), so memory stays at ROWS × d whatever n. {@code w} (row weights ≥ 0) and
     * {@code features} are not modified.
     *
     * @return false when the problem has no rows (moments only)
     */
    static boolean compute(Problem pr, double[] w, int[] features, int m, boolean intercept, double[] out) {
        if (pr.x == null) return false;
        int n = pr.n;
        int o = intercept ? 1 : 0;
        int d = m + o;
        java.util.Arrays.fill(out, 0, d * d, 0.0);
        int rows = Math.min(ROWS, n);
        double[] z = new double[rows * d];
        double[] wb = new double[rows];
        double[] part = new double[d * d];
        double[] dense = pr.x instanceof DenseMatrix dm ? dm.values() : null;
        SparseMatrix sp = dense == null ? (SparseMatrix) pr.x : null;
        int[] cursor = new int[m];
        if (sp != null) for (int t = 0; t < m; t++) cursor[t] = sp.colPtr()[features[t]];
        for (int from = 0; from < n; from += rows) {
            int r = Math.min(rows, n - from);
            System.arraycopy(w, from, wb, 0, r);
            if (intercept) java.util.Arrays.fill(z, 0, r, 1.0);
            for (int t = 0; t < m; t++) {
                int j = features[t];
                double c = pr.centres[j];
                double inv = 1.0 / pr.scales[j];
                int off = (o + t) * r;
                if (dense != null) {
                    int src = j * n + from;
                    for (int i = 0; i < r; i++) z[off + i] = (dense[src + i] - c) * inv;
                } else {
                    // the column's stored entries in rows [from, from + r), in row order
                    java.util.Arrays.fill(z, off, off + r, -c * inv);
                    int[] ri = sp.rowIndex();
                    double[] v = sp.values();
                    int end = sp.colPtr()[j + 1];
                    int k = cursor[t];
                    while (k < end && ri[k] < from + r) {
                        z[off + ri[k] - from] = (v[k] - c) * inv;
                        k++;
                    }
                    cursor[t] = k;
                }
            }
            Gram.crossprod(r, d, z, 0, r, wb, null, part);
            for (int q = 0; q < d * d; q++) out[q] += part[q];
        }
        return true;
    }

    /**
     * The dense n × d block of the intercept column (when asked for) and the standardized columns
     * of {@code features[0..m)}, column-major; null when larger than {@link #MAX_ENTRIES} or when
     * the problem has no rows.
     */
    static double[] block(Problem pr, int[] features, int m, boolean intercept) {
        int n = pr.n;
        int d = m + (intercept ? 1 : 0);
        if ((long) n * d > MAX_ENTRIES || pr.x == null) return null;
        double[] z = new double[n * d];
        int col = 0;
        if (intercept) {
            java.util.Arrays.fill(z, 0, n, 1.0);
            col = 1;
        }
        double[] tmp = new double[n];
        for (int t = 0; t < m; t++, col++) {
            int j = features[t];
            java.util.Arrays.fill(tmp, 0.0);
            pr.x.axpyColumn(j, 1.0, tmp);
            double c = pr.centres[j];
            double inv = 1.0 / pr.scales[j];
            int off = col * n;
            for (int i = 0; i < n; i++) z[off + i] = (tmp[i] - c) * inv;
        }
        return z;
    }
}

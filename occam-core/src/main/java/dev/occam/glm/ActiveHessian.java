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
        for (int from = 0; from < n; from += rows) {
            int r = Math.min(rows, n - from);
            System.arraycopy(w, from, wb, 0, r);
            fill(pr, features, m, intercept, from, r, z);
            Gram.crossprod(r, d, z, 0, r, wb, null, part);
            for (int q = 0; q < d * d; q++) out[q] += part[q];
        }
        return true;
    }

    /**
     * The columns of the same matrix that belong to the coordinates after the first {@code first}:
     * Σ_i W_i z_ia z_ib for every coordinate a of [intercept, features[0..m)] and b among the
     * coordinates from position {@code first} on — the border a Hessian kept over a growing set
     * needs when coordinates join it ({@link NewtonSystem}), at n·d·(d − first) multiply-adds
     * instead of n·d². Written column-major, d rows per column, into {@code out}.
     *
     * @return false when the problem has no rows (moments only)
     */
    static boolean columns(Problem pr, double[] w, int[] features, int m, boolean intercept, int first, double[] out) {
        if (pr.x == null) return false;
        int n = pr.n;
        int o = intercept ? 1 : 0;
        int d = m + o;
        int q = d - first;
        java.util.Arrays.fill(out, 0, d * q, 0.0);
        if (q == 0) return true;
        int rows = Math.min(ROWS, n);
        double[] z = new double[rows * d];
        double[] wb = new double[rows];
        double[] part = new double[d * q];
        for (int from = 0; from < n; from += rows) {
            int r = Math.min(rows, n - from);
            System.arraycopy(w, from, wb, 0, r);
            fill(pr, features, m, intercept, from, r, z);
            dev.occam.linalg.Gram.cross(r, d, q, z, 0, r, wb, z, first * r, r, part, 0, d);
            for (int t = 0; t < d * q; t++) out[t] += part[t];
        }
        return true;
    }

    /** Rows [from, from + r) of the standardized block [intercept, features[0..m)], column-major with r rows. */
    private static void fill(Problem pr, int[] features, int m, boolean intercept, int from, int r, double[] z) {
        int o = intercept ? 1 : 0;
        if (intercept) java.util.Arrays.fill(z, 0, r, 1.0);
        double[] dense = pr.x instanceof DenseMatrix dm ? dm.values() : null;
        for (int t = 0; t < m; t++) {
            int j = features[t];
            double c = pr.centres[j];
            double inv = 1.0 / pr.scales[j];
            int off = (o + t) * r;
            if (dense != null) {
                int src = j * pr.n + from;
                for (int i = 0; i < r; i++) z[off + i] = (dense[src + i] - c) * inv;
            } else {
                SparseMatrix sp = (SparseMatrix) pr.x;
                int[] ri = sp.rowIndex();
                double[] v = sp.values();
                java.util.Arrays.fill(z, off, off + r, -c * inv);
                int end = sp.colPtr()[j + 1];
                // the column's first stored entry at or after row `from`
                int k = java.util.Arrays.binarySearch(ri, sp.colPtr()[j], end, from);
                if (k < 0) k = -k - 1;
                while (k < end && ri[k] < from + r) {
                    z[off + ri[k] - from] = (v[k] - c) * inv;
                    k++;
                }
            }
        }
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

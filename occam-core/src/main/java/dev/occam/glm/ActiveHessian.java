package dev.occam.glm;

import dev.occam.data.DenseMatrix;
import dev.occam.data.SparseMatrix;
import dev.occam.linalg.ColumnDots;
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

    /**
     * Up to this many joining columns {@link #columns} forms by inner products with X's columns read
     * in place ({@link ColumnDots}); more by one product per block of rows. Measured on a
     * 50 000 × 1 000 X, 2 threads: {@link ColumnDots} takes 8–13 ms for 1–5 joining columns (one read
     * of X), 15–19 ms for 8, 30 ms for 16 and 75 ms for 48, where copying blocks of the active columns
     * for a product (single precision or double) takes 80–95 ms for 24–48 and ~100 ms for 64.
     */
    static final int DOT_JOINS = 48;

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
     * {@link #compute} in single precision, for a Hessian that only serves as the metric of Newton
     * steps judged by the exact gradient (a likelihood family's Fisher information, kept while the
     * weights move and corrected by BFGS updates, {@link NewtonSystem}): each block of rows is
     * weighted by √W and standardized into floats, multiplied by one ssyrk (twice the speed of dsyrk),
     * and summed in double. Entries carry relative errors of about 1e-7, far below what the
     * weights' drift between refreshes already costs the steps. Falls back to {@link #compute} when
     * no native BLAS is present (the Java BLAS gains nothing from floats).
     *
     * @return false when the problem has no rows (moments only)
     */
    static boolean computeSingle(Problem pr, double[] w, int[] features, int m, boolean intercept, double[] out) {
        if (pr.x == null) return false;
        if (!dev.occam.linalg.NativeBlas.available()) return compute(pr, w, features, m, intercept, out);
        int o = intercept ? 1 : 0;
        int d = m + o;
        java.util.Arrays.fill(out, 0, d * d, 0.0);
        float[] part = new float[d * d];
        var blas = dev.occam.linalg.NativeBlas.get();
        forEachSingleBlock(pr, w, features, m, intercept, (zf, r) -> {
            blas.ssyrk("L", "T", d, r, 1f, zf, 0, r, 0f, part, 0, d);
            for (int c = 0; c < d; c++) {
                for (int q = c; q < d; q++) out[c * d + q] += part[c * d + q];
            }
        });
        Gram.mirrorLower(d, out);
        return true;
    }

    /**
     * The columns of the same matrix that belong to the coordinates after the first {@code first}:
     * Σ_i W_i z_ia z_ib for every coordinate a of [intercept, features[0..m)] and b among the
     * coordinates from position {@code first} on — the border a Hessian kept over a growing set
     * needs when coordinates join it ({@link NewtonSystem}), at n·d·(d − first) multiply-adds
     * instead of n·d². Written column-major, d rows per column, into {@code out}.
     *
     * <p>Only the joining columns are weighted (v_b = W∘z_b, n·q), so the product reads the others
     * once. When the set covers at least half of a dense X, X itself is read in place — all p raw
     * columns, no copy — and centred afterwards: z̃_aᵀv_b = (x_aᵀv_b − c_a·Σv_b)/s_a.
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
        double[] dense = pr.x instanceof DenseMatrix dm ? dm.values() : null;
        boolean inPlace = dense != null && 2L * m >= pr.p && modestCentres(pr, features, m);
        // the joining coordinates' positions among [intercept, features]
        int[] joining = new int[q];
        for (int b = 0; b < q; b++) joining[b] = first + b;
        if (dense != null && q <= DOT_JOINS && modestCentres(pr, features, m)) {
            // a few joining columns: each active column of X read once, in place, dotted with the
            // weighted joining columns block of rows by block of rows, instead of copying the block
            double[] v = new double[n * q];
            double[] sumV = new double[q];
            weighted(pr, w, features, intercept, joining, 0, n, v, sumV);
            double[] raw = new double[q * m];
            ColumnDots.product(n, dense, n, features, m, v, q, raw);
            for (int b = 0; b < q; b++) {
                if (intercept) out[b * d] = sumV[b];
                for (int t = 0; t < m; t++) {
                    int j = features[t];
                    out[b * d + o + t] = (raw[b * m + t] - pr.centres[j] * sumV[b]) / pr.scales[j];
                }
            }
            return true;
        }
        double[] v = new double[rows * q];
        double[] sumV = new double[q];
        if (inPlace) {
            int p = pr.p;
            double[] raw = new double[p * q];
            double[] part = new double[p * q];
            for (int from = 0; from < n; from += rows) {
                int r = Math.min(rows, n - from);
                weighted(pr, w, features, intercept, joining, from, r, v, sumV);
                Gram.cross(r, p, q, dense, from, n, null, v, 0, r, part, 0, p);
                for (int t = 0; t < p * q; t++) raw[t] += part[t];
            }
            for (int b = 0; b < q; b++) {
                if (intercept) out[b * d] = sumV[b];
                for (int t = 0; t < m; t++) {
                    int j = features[t];
                    out[b * d + o + t] = (raw[b * p + j] - pr.centres[j] * sumV[b]) / pr.scales[j];
                }
            }
            return true;
        }
        double[] z = new double[rows * d];
        double[] part = new double[d * q];
        for (int from = 0; from < n; from += rows) {
            int r = Math.min(rows, n - from);
            fill(pr, features, m, intercept, from, r, z);
            for (int b = 0; b < q; b++) {
                int src = (first + b) * r;
                for (int i = 0; i < r; i++) v[b * r + i] = w[from + i] * z[src + i];
            }
            Gram.cross(r, d, q, z, 0, r, null, v, 0, r, part, 0, d);
            for (int t = 0; t < d * q; t++) out[t] += part[t];
        }
        return true;
    }

    /**
     * {@link #columns} in single precision, for a Fisher information kept in floats
     * ({@link #computeSingle}): a few joining columns as there (dot products with X read in place,
     * memory-bound, no gain from floats); more by one sgemm per block of rows — the block weighted
     * by √W and standardized into floats, its joining columns multiplied against all of it — summed
     * in double. Half the multiply-add time of the double product, which is what joining columns
     * cost on a long path (n·Σd over every join: as much as forming the whole matrix once).
     *
     * @return false when the problem has no rows (moments only)
     */
    static boolean columnsSingle(Problem pr, double[] w, int[] features, int m, boolean intercept, int first, double[] out) {
        int o = intercept ? 1 : 0;
        int d = m + o;
        int q = d - first;
        if (pr.x == null || !dev.occam.linalg.NativeBlas.available() || q <= DOT_JOINS) {
            return columns(pr, w, features, m, intercept, first, out);
        }
        java.util.Arrays.fill(out, 0, d * q, 0.0);
        float[] part = new float[d * q];
        var blas = dev.occam.linalg.NativeBlas.get();
        forEachSingleBlock(pr, w, features, m, intercept, (zf, r) -> {
            blas.sgemm("T", "N", d, q, r, 1f, zf, 0, r, zf, first * r, r, 0f, part, 0, d);
            for (int t = 0; t < d * q; t++) out[t] += part[t];
        });
        return true;
    }

    /**
     * Whether centring after the product loses at most ~1e-10 relative: |c_j| ≤ 1e3·s_j for every
     * feature (the rounding of x_aᵀv grows with (c/s)²).
     */
    private static boolean modestCentres(Problem pr, int[] features, int m) {
        for (int t = 0; t < m; t++) {
            int j = features[t];
            if (!(Math.abs(pr.centres[j]) <= 1e3 * pr.scales[j])) return false;
        }
        return true;
    }

    /**
     * Rows [from, from + r) of the weighted joining columns v_b = W∘z_b (b over {@code joining},
     * positions among [intercept, features]), column-major with r rows; adds each column's sum to
     * {@code sums}.
     */
    private static void weighted(Problem pr, double[] w, int[] features, boolean intercept, int[] joining,
                                 int from, int r, double[] v, double[] sums) {
        int o = intercept ? 1 : 0;
        double[] col = new double[r];
        for (int b = 0; b < joining.length; b++) {
            int c = joining[b];
            if (c < o) {
                java.util.Arrays.fill(col, 1.0);
            } else {
                fill(pr, new int[] {features[c - o]}, 1, false, from, r, col);
            }
            double s = 0;
            for (int i = 0; i < r; i++) {
                double x = w[from + i] * col[i];
                v[b * r + i] = x;
                s += x;
            }
            sums[b] += s;
        }
    }

    /** A product of one block of rows in floats (r rows, column-major) that {@link #forEachSingleBlock} hands over. */
    private interface SingleBlock {
        void accept(float[] zf, int r);
    }

    /**
     * Hands each block of {@link #ROWS} rows of [intercept, features[0..m)], standardized and
     * weighted by √W in floats ({@link #fillSingle}), to {@code product}, in row order.
     */
    private static void forEachSingleBlock(Problem pr, double[] w, int[] features, int m, boolean intercept, SingleBlock product) {
        int n = pr.n;
        int d = m + (intercept ? 1 : 0);
        int rows = Math.min(ROWS, n);
        double[] z = new double[rows];
        float[] zf = new float[rows * d];
        double[] root = new double[rows];
        for (int from = 0; from < n; from += rows) {
            int r = Math.min(rows, n - from);
            for (int i = 0; i < r; i++) root[i] = Math.sqrt(w[from + i]);
            fillSingle(pr, features, m, intercept, from, r, root, z, zf);
            product.accept(zf, r);
        }
    }

    /**
     * Rows [from, from + r) of the block [intercept, features[0..m)] standardized and weighted by
     * {@code root} (√W), in floats, column-major with r rows; a dense X's columns are read in one
     * loop each. {@code z} is scratch of r doubles.
     */
    private static void fillSingle(Problem pr, int[] features, int m, boolean intercept, int from, int r, double[] root,
                                   double[] z, float[] zf) {
        int o = intercept ? 1 : 0;
        if (intercept) for (int i = 0; i < r; i++) zf[i] = (float) root[i];
        double[] dense = pr.x instanceof DenseMatrix dm ? dm.values() : null;
        for (int t = 0; t < m; t++) {
            int j = features[t];
            int off = (o + t) * r;
            if (dense != null) {
                double c = pr.centres[j];
                double inv = 1.0 / pr.scales[j];
                int src = j * pr.n + from;
                for (int i = 0; i < r; i++) zf[off + i] = (float) (root[i] * ((dense[src + i] - c) * inv));
            } else {
                fill(pr, new int[] {j}, 1, false, from, r, z);
                for (int i = 0; i < r; i++) zf[off + i] = (float) (root[i] * z[i]);
            }
        }
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

package dev.occam.glm;

import dev.occam.linalg.Gram;

/**
 * The weighted Gram matrix of a few standardized columns, Σ_i W_i z_ia z_ib with z the intercept
 * column (all ones, when asked for) and the columns x̃_j = (x_j − c_j)/s_j of the given features:
 * the Hessian of a weighted least-squares loss (or the Fisher information of a GLM with working
 * weights W) restricted to an active set. The columns are copied into one dense n × d block so the
 * product is a single {@link Gram#crossprod} (native dsyrk when present).
 */
final class ActiveHessian {
    /** Largest block copied, in doubles (n·d): 32 M = 256 MiB. Beyond, callers fall back to coordinate descent. */
    static final long MAX_ENTRIES = 32L << 20;

    private ActiveHessian() { }

    /**
     * Writes the d × d matrix (d = m + (intercept ? 1 : 0), intercept first) column-major into
     * {@code out}. {@code w} (row weights ≥ 0) and {@code features} are not modified.
     *
     * @return false when the block would exceed {@link #MAX_ENTRIES}
     */
    static boolean compute(Problem pr, double[] w, int[] features, int m, boolean intercept, double[] out) {
        double[] z = block(pr, features, m, intercept);
        if (z == null) return false;
        Gram.crossprod(pr.n, m + (intercept ? 1 : 0), z, 0, pr.n, w, null, out);
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

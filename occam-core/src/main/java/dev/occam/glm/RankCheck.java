package dev.occam.glm;

import dev.occam.data.DesignMatrix;
import dev.occam.data.Standardization;

import java.util.List;

/**
 * Whether an unpenalized fit (λ = 0) is unique: only when the features left in the fit (and the
 * intercept) are linearly independent on the rows with weight. When they are not — more features
 * than rows, a duplicated column, a column that is a sum of others — every point of a whole affine
 * set fits exactly as well, and coordinate descent returns one of them (which one depends on the
 * order of the sweeps), so the user is told. The test: a Cholesky factorization of the weighted
 * Gram matrix of the standardized features, whose pivot at feature k, relative to k's own diagonal,
 * is 1 − R² of k on the features before it; below {@link #PIVOT} it is a linear combination of
 * them. It costs n·q² multiply-adds for q features, so it runs only up to {@link #MAX_WORK}.
 */
final class RankCheck {
    /** 1 − R² below which a feature counts as a combination of the others (R² ≥ 1 − 1e-10). */
    static final double PIVOT = 1e-10;
    /** n·q² above which the factorization is not attempted (a fraction of a second). */
    static final double MAX_WORK = 2e8;

    private RankCheck() { }

    /** A warning when the fit at λ = 0 is not unique, else null (also when too large to check). */
    static String atLambdaZero(DesignMatrix x, double[] u, Standardization std, boolean intercept, List<String> names) {
        int p = x.cols();
        int[] active = new int[p];
        int q = 0;
        for (int j = 0; j < p; j++) if (!std.constant()[j]) active[q++] = j;
        int rows = 0;
        for (double w : u) if (w > 0) rows++;
        int free = rows - (intercept ? 1 : 0);
        String advice = "; the coefficients are one of many exact fits: use lambda > 0 (with alpha < 1 the answer is always unique)";
        if (q > free) {
            return "at lambda = 0 the fit is not unique: " + q + " features and " + rows + " rows with weight"
                    + (intercept ? " (and an intercept)" : "") + advice;
        }
        if ((double) x.rows() * q * q > MAX_WORK) return null;
        int n = x.rows();
        double[] g = new double[q * q];
        double[] z = new double[n];
        for (int b = 0; b < q; b++) {
            int k = active[b];
            double ck = std.centres()[k];
            double sk = std.scales()[k];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                z[i] = u[i] * (x.get(i, k) - ck) / sk;
                sum += z[i];
            }
            for (int a = 0; a <= b; a++) {
                int j = active[a];
                g[a * q + b] = (x.dotColumn(j, z) - std.centres()[j] * sum) / std.scales()[j];
            }
        }
        // Cholesky, upper triangle in place: g[a][b] for a ≤ b
        for (int b = 0; b < q; b++) {
            double diag = g[b * q + b];
            for (int c = 0; c < b; c++) diag -= g[c * q + b] * g[c * q + b];
            if (!(diag > PIVOT * g[b * q + b])) {
                return "at lambda = 0 the fit is not unique: feature \"" + names.get(active[b]) + "\" is a linear combination of "
                        + "features before it (collinear or duplicated columns)" + advice;
            }
            double r = Math.sqrt(diag);
            g[b * q + b] = r;
            for (int e = b + 1; e < q; e++) {
                double v = g[b * q + e];
                for (int c = 0; c < b; c++) v -= g[c * q + b] * g[c * q + e];
                g[b * q + e] = v / r;
            }
        }
        return null;
    }
}

package dev.occam.spark;

import dev.occam.glm.GaussianMoments;

/**
 * The quadratic model of the mean loss at the current coefficients, in occam-core's standardized
 * coordinates (x̃_j = (x_j − centre_j)/scale_j) with the intercept as coordinate 0: curvature H
 * (ΣW over the intercept, ΣW x̃_j, ΣW x̃_j x̃_k) and negative gradient g (Σr, Σr x̃_j), plus the
 * deviance there. Minimizing −gᵀδ + ½δᵀHδ + penalty by coordinate descent is one Newton step.
 *
 * @param d p + 1
 * @param h column-major d × d
 * @param g length d
 * @param deviance Σu·d(y, μ)
 */
record Quadratic(int d, double[] h, double[] g, double deviance) {

    /** From one pass's sums at one point, taken around the standardization's centres. */
    static Quadratic of(PointSums sums, double[] scales) {
        int p = scales.length;
        int d = p + 1;
        double[] h = new double[d * d];
        double[] g = new double[d];
        h[0] = sums.w;
        g[0] = sums.r;
        for (int j = 0; j < p; j++) {
            double hj = sums.wx[j] / scales[j];
            h[j + 1] = hj;
            h[(j + 1) * d] = hj;
            g[j + 1] = sums.rx[j] / scales[j];
            // sums.h holds the lower triangle (row index ≥ column index) only
            for (int k = 0; k <= j; k++) {
                double hjk = sums.h[k * p + j] / (scales[j] * scales[k]);
                h[(j + 1) * d + k + 1] = hjk;
                h[(k + 1) * d + j + 1] = hjk;
            }
        }
        return new Quadratic(d, h, g, sums.deviance);
    }

    /**
     * From one pass's gradient and deviance at one point, with the curvature {@code h} of an
     * earlier quadratic (a chord step, see {@link Curvature#NONE}).
     */
    static Quadratic withCurvature(PointSums sums, double[] scales, Quadratic earlier) {
        int p = scales.length;
        double[] g = new double[p + 1];
        g[0] = sums.r;
        for (int j = 0; j < p; j++) g[j + 1] = sums.rx[j] / scales[j];
        return new Quadratic(p + 1, earlier.h(), g, sums.deviance);
    }

    /**
     * The quadratic at a point where every row has the same IRLS weight u·V₀ (the null model: β = 0),
     * from the first pass's moments of (x, y, v) around {@code centres}: H is V₀/Σv times their
     * cross-products, in standardized coordinates. The gradient {@code g} and the deviance are
     * computed by the caller from the same pass.
     */
    static Quadratic atConstantWeight(GaussianMoments m, double v0, double[] scales, double[] g, double deviance) {
        int p = scales.length;
        int d = p + 1;
        double f = v0 / m.weightSum();
        double[] h = new double[d * d];
        h[0] = v0;
        for (int j = 0; j < p; j++) {
            double hj = f * m.sx()[j] / scales[j];
            h[j + 1] = hj;
            h[(j + 1) * d] = hj;
            double[] col = m.sxx()[j];
            for (int k = 0; k < p; k++) h[(j + 1) * d + k + 1] = f * col[k] / (scales[j] * scales[k]);
        }
        return new Quadratic(d, h, g, deviance);
    }

    /**
     * A lower bound on the condition number of H over the intercept (when fitted) and the free
     * features: (max/min of its Cholesky factor's diagonal)², +∞ when H is singular there.
     */
    double conditionEstimate(boolean[] free, boolean intercept) {
        int[] at = new int[d];
        int m = 0;
        if (intercept) at[m++] = 0;
        for (int j = 0; j + 1 < d; j++) if (free[j]) at[m++] = j + 1;
        if (m == 0) return 1.0;
        double[] a = new double[m * m];
        for (int u = 0; u < m; u++) {
            for (int v = 0; v < m; v++) a[u * m + v] = h[at[u] * d + at[v]];
        }
        try {
            dev.occam.linalg.Cholesky.factor(m, a, 0, m);
        } catch (dev.occam.linalg.NotPositiveDefiniteException e) {
            return Double.POSITIVE_INFINITY;
        }
        return dev.occam.linalg.Cholesky.conditionEstimate(m, a, 0, m);
    }
}

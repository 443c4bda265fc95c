package dev.occam.glm;

import dev.occam.data.Dataset;

/**
 * An independent check of the optimality (KKT) conditions of a fitted path, computed directly from
 * the original data and the canonical objective — it shares no code with the solvers.
 */
final class Kkt {
    private Kkt() { }

    /**
     * Largest KKT violation at path index l, relative to max(1, λ): for every feature, the
     * gradient of the smooth part of the canonical objective (in the standardized parametrization)
     * must lie in λαf_j ∂|b_j| (or point outwards at an active limit); the intercept gradient must be 0.
     */
    static double worstViolation(Dataset d, GlmPath path, int l) {
        GlmSettings s = path.settings();
        int n = d.rows();
        int p = d.cols();
        double[] v = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            v[i] = d.weights() == null ? 1 : d.weights()[i];
            total += v[i];
        }
        // standardization computed here from first principles
        double[] mean = new double[p];
        double[] sd = new double[p];
        for (int j = 0; j < p; j++) {
            double m = 0;
            double q = 0;
            for (int i = 0; i < n; i++) {
                m += v[i] * d.x().get(i, j) / total;
            }
            for (int i = 0; i < n; i++) {
                double c = d.x().get(i, j) - m;
                q += v[i] * c * c / total;
            }
            mean[j] = m;
            sd[j] = Math.sqrt(q);
        }
        double[] f = s.penaltyFactors();
        double fsum = 0;
        if (f == null) {
            f = new double[p];
            java.util.Arrays.fill(f, 1);
        }
        for (double x : f) fsum += x;
        LinearModel model = path.model(l);
        double[][] eta = model.link(d.x());
        int K = eta.length;
        double[][] resid = new double[K][n];   // −∂ℓ/∂η_k, weighted by v/Σv
        for (int i = 0; i < n; i++) {
            double w = v[i] / total;
            switch (path.family()) {
                case GAUSSIAN -> resid[0][i] = w * (d.y()[i] - eta[0][i]);
                case BINOMIAL -> resid[0][i] = w * (d.y()[i] - 1 / (1 + Math.exp(-eta[0][i])));
                case POISSON -> resid[0][i] = w * (d.y()[i] - Math.exp(eta[0][i]));
                case MULTINOMIAL -> {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int k = 0; k < K; k++) max = Math.max(max, eta[k][i]);
                    double z = 0;
                    for (int k = 0; k < K; k++) z += Math.exp(eta[k][i] - max);
                    for (int k = 0; k < K; k++) {
                        resid[k][i] = w * ((d.y()[i] == k ? 1 : 0) - Math.exp(eta[k][i] - max) / z);
                    }
                }
            }
        }
        double lambda = path.lambdas()[l];
        double alpha = s.alpha();
        double scaleRef = Math.max(1.0, lambda);
        double worst = 0;
        double[] lower = s.lowerLimits();
        double[] upper = s.upperLimits();
        for (int k = 0; k < K; k++) {
            if (s.intercept() && path.family() != Family.MULTINOMIAL) {
                double g0 = 0;
                for (int i = 0; i < n; i++) g0 += resid[k][i];
                worst = Math.max(worst, Math.abs(g0) / scaleRef);
            }
            for (int j = 0; j < p; j++) {
                if (sd[j] < 1e-12) continue;
                double scale = s.standardize() ? sd[j] : 1.0;
                double g = 0;
                for (int i = 0; i < n; i++) g += resid[k][i] * d.x().get(i, j);
                g /= scale;   // gradient wrt the standardized coefficient b = w·scale
                double bStd = model.coefficients()[k][j] * scale;
                double fj = f[j] * p / fsum;
                double l1 = lambda * alpha * fj;
                double smooth = g - lambda * (1 - alpha) * fj * bStd;
                double lo = lower == null ? Double.NEGATIVE_INFINITY : (lower.length == 1 ? lower[0] : lower[j]);
                double hi = upper == null ? Double.POSITIVE_INFINITY : (upper.length == 1 ? upper[0] : upper[j]);
                double w = model.coefficients()[k][j];
                double viol;
                if (w != 0 && w > lo && w < hi) {
                    viol = Math.abs(smooth - l1 * Math.signum(w));
                } else if (w == 0) {
                    double ex = Math.max(0, Math.abs(smooth) - l1);
                    // at a zero limit, a push outwards is allowed
                    if (smooth > 0 && hi <= 0) ex = 0;
                    if (smooth < 0 && lo >= 0) ex = 0;
                    viol = ex;
                } else {
                    // at a non-zero limit: the residual force must push outwards
                    double force = smooth - l1 * Math.signum(w);
                    viol = (w >= hi && force > 0) || (w <= lo && force < 0) ? 0 : Math.abs(force);
                }
                worst = Math.max(worst, viol / scaleRef);
            }
        }
        return worst;
    }
}

package dev.occam.penalty;

import dev.occam.data.Dataset;

/**
 * Occam's canonical objective, computed directly from its definition (independently of the
 * solvers): (1/Σv)Σv_i·ℓ(y_i, b0 + x_iᵀw) + λΣ_j[α·s_j|w_j| + (1−α)/2·s_j²w_j²], with s_j the
 * weighted 1/n standard deviation of feature j (the root mean square without an intercept, as
 * glmnet does) under standardize and 1 otherwise.
 */
final class CanonicalObjective {
    private CanonicalObjective() { }

    enum Loss { GAUSSIAN, BINOMIAL, POISSON }

    static double value(Dataset d, Loss loss, double b0, double[] w, LibrarySetting.Canonical c, boolean intercept) {
        int n = d.rows();
        int p = d.cols();
        double[] v = d.weights();
        double sumV = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double vi = v == null ? 1 : v[i];
            double eta = b0;
            for (int j = 0; j < p; j++) eta += d.x().get(i, j) * w[j];
            double y = d.y()[i];
            double l = switch (loss) {
                case GAUSSIAN -> 0.5 * (y - eta) * (y - eta);
                case BINOMIAL -> (eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta))) - y * eta;
                case POISSON -> Math.exp(eta) - y * eta;
            };
            sum += vi * l;
            sumV += vi;
        }
        double penalty = 0;
        for (int j = 0; j < p; j++) {
            double s = c.standardize() ? scale(d, j, intercept) : 1;
            penalty += c.alpha() * s * Math.abs(w[j]) + 0.5 * (1 - c.alpha()) * s * s * w[j] * w[j];
        }
        return sum / sumV + c.lambda() * penalty;
    }

    /** Weighted 1/n standard deviation of column j (root mean square without an intercept). */
    static double scale(Dataset d, int j, boolean intercept) {
        int n = d.rows();
        double[] v = d.weights();
        double sumV = 0;
        double mean = 0;
        for (int i = 0; i < n; i++) {
            double vi = v == null ? 1 : v[i];
            sumV += vi;
            mean += vi * d.x().get(i, j);
        }
        mean = intercept ? mean / sumV : 0;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double vi = v == null ? 1 : v[i];
            double e = d.x().get(i, j) - mean;
            ss += vi * e * e;
        }
        return Math.sqrt(ss / sumV);
    }

    /** glmnet's σ_y: the weighted 1/n standard deviation of y, or its root mean square without an intercept. */
    static double sdY(Dataset d, boolean intercept) {
        int n = d.rows();
        double[] v = d.weights();
        double sumV = 0;
        double mean = 0;
        for (int i = 0; i < n; i++) {
            double vi = v == null ? 1 : v[i];
            sumV += vi;
            mean += vi * d.y()[i];
        }
        mean = intercept ? mean / sumV : 0;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double vi = v == null ? 1 : v[i];
            ss += vi * (d.y()[i] - mean) * (d.y()[i] - mean);
        }
        return Math.sqrt(ss / sumV);
    }
}

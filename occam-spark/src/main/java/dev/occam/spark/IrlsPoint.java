package dev.occam.spark;

import dev.occam.glm.Family;

import java.io.Serializable;

/**
 * One binomial or poisson fit as the executors need it: η = a + βᵀx on the original feature
 * scale and the sample weights' total (u = v/Σv). Per row it gives what occam-core's
 * {@code Irls} computes: the mean μ, the working weight u·V(μ) (the same floor on μ(1−μ)), the
 * residual u(y − μ) and the unit deviance ({@link FisherPass} sums them per block of rows). A pass
 * may carry several points (one set of sums each) so that several λ or iterates share one read of
 * the data.
 */
record IrlsPoint(Family family, double a, double[] beta, double weightSum) implements Serializable {
    /** occam-core's floor on μ(1−μ), so a saturated row cannot make a weight vanish. */
    static final double PMIN = 1e-5;

    /**
     * Adds one row to the gradient-only {@code sums}: Σr and Σr(x − c) with r = u(y − μ) (the
     * negative gradient of the mean loss, moved to the standardization's centres {@code c} on the
     * executor so no cancellation happens on the driver) and the deviance. O(p) per row.
     */
    void addGradient(GradientSums sums, double[] x, double[] c, double y, double v) {
        double eta = eta(x);
        double u = v / weightSum;
        double mu = mean(eta);
        double r = u * (y - mu);
        sums.add(x, c, r, u * unitDeviance(y, eta, mu));
    }

    private double eta(double[] x) {
        double eta = a;
        for (int j = 0; j < beta.length; j++) eta += beta[j] * x[j];
        return eta;
    }

    /** The mean μ at linear predictor η. */
    double mean(double eta) {
        if (family == Family.BINOMIAL) return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
        return Math.exp(eta);
    }

    /** V(μ), floored for binomial as occam-core does. */
    static double variance(Family family, double mu) {
        if (family == Family.BINOMIAL) {
            double q = Math.min(Math.max(mu, PMIN), 1 - PMIN);
            return q * (1 - q);
        }
        return mu;
    }

    /** V(μ), floored for binomial. */
    double variance(double mu) {
        return variance(family, mu);
    }

    /** The unit deviance d(y, μ) at η (μ = mean(η)). */
    double unitDeviance(double y, double eta, double mu) {
        if (family == Family.BINOMIAL) {
            double lossPos = eta > 0 ? Math.log1p(Math.exp(-eta)) : -eta + Math.log1p(Math.exp(eta));
            return 2 * (y > 0.5 ? lossPos : lossPos + eta);
        }
        double t = y > 0 ? y * (Math.log(y) - eta) : 0.0;
        return 2 * (t - (y - mu));
    }
}

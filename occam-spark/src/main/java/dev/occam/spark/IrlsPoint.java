package dev.occam.spark;

import dev.occam.glm.Family;

import java.io.Serializable;

/**
 * The current binomial or poisson fit as the executors need it: η = a + βᵀx on the original
 * feature scale, the sample weights' total (u = v/Σv), and the per-row quantities of one IRLS
 * step, computed as occam-core's {@code Irls} computes them (the same floor on μ(1−μ)).
 */
record IrlsPoint(Family family, double a, double[] beta, double weightSum) implements Serializable {
    /** occam-core's floor on μ(1−μ), so a saturated row cannot make a weight vanish. */
    static final double PMIN = 1e-5;

    /** Adds one row (features x, target y, sample weight v) to {@code sums}. */
    void add(IrlsSums sums, double[] x, double y, double v) {
        double eta = a;
        for (int j = 0; j < beta.length; j++) eta += beta[j] * x[j];
        double u = v / weightSum;
        double mu;
        double var;
        double unit;
        if (family == Family.BINOMIAL) {
            mu = eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
            double q = Math.min(Math.max(mu, PMIN), 1 - PMIN);
            var = q * (1 - q);
            double lossPos = eta > 0 ? Math.log1p(Math.exp(-eta)) : -eta + Math.log1p(Math.exp(eta));
            unit = 2 * (y > 0.5 ? lossPos : lossPos + eta);
        } else {
            mu = Math.exp(eta);
            var = mu;
            double t = y > 0 ? y * (Math.log(y) - eta) : 0.0;
            unit = 2 * (t - (y - mu));
        }
        double w = u * var;
        double r = u * (y - mu);
        sums.moments.add(x, w > 0 ? r / w : 0.0, w);
        sums.deviance += u * unit;
    }
}

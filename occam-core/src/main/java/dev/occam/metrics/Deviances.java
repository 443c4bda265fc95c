package dev.occam.metrics;

/**
 * Unit deviances d(y, μ) = 2[log L(y; y) − log L(y; μ)] of the GLM families, per observation, and
 * their weighted means. Smaller is better; a perfect prediction has deviance 0.
 * <ul>
 *   <li>gaussian: (y − μ)²;</li>
 *   <li>binomial (y ∈ [0, 1], μ = P(y = 1)): 2[y log(y/μ) + (1 − y) log((1 − y)/(1 − μ))], which is
 *       −2 log μ for y = 1 and −2 log(1 − μ) for y = 0;</li>
 *   <li>poisson (y ≥ 0, μ &gt; 0): 2[y log(y/μ) − (y − μ)], 2μ for y = 0;</li>
 *   <li>multinomial (y a class index, μ_k class probabilities): −2 log μ_y.</li>
 * </ul>
 * Probabilities may be clipped to [clip, 1 − clip] first, as glmnet's cross-validation does with
 * clip = 1e-5 so that one confident mistake cannot make the deviance infinite; pass 0 for none.
 * 0·log 0 is taken as 0.
 */
public final class Deviances {
    private Deviances() { }

    /** glmnet's clipping of probabilities in cross-validated deviances ({@code prob_min}). */
    public static final double GLMNET_CLIP = 1e-5;

    /** out[i] = (y[i] − mu[i])². {@code out} modified; the rest not. */
    public static void unitGaussian(double[] y, double[] mu, double[] out) {
        Regression.squaredErrors(y, mu, out);
    }

    /** Binomial unit deviance of probabilities p of y = 1. {@code out} modified; the rest not. */
    public static void unitBinomial(double[] y, double[] p, double clip, double[] out) {
        double lo = clip;
        double hi = 1 - clip;
        for (int i = 0; i < y.length; i++) {
            double q = Math.min(Math.max(p[i], lo), hi);
            double yi = y[i];
            out[i] = 2 * (xlogx(yi, q) + xlogx(1 - yi, 1 - q));
        }
    }

    /** Poisson unit deviance of means mu. {@code out} modified; the rest not. */
    public static void unitPoisson(double[] y, double[] mu, double[] out) {
        for (int i = 0; i < y.length; i++) {
            out[i] = 2 * (xlogx(y[i], mu[i]) - (y[i] - mu[i]));
        }
    }

    /**
     * Poisson unit deviance from the linear predictor η = log μ, in glmnet's form
     * 2[(y log y − y) − (y η − e^η)]. {@code out} modified; the rest not.
     */
    public static void unitPoissonFromLink(double[] y, double[] eta, double[] out) {
        for (int i = 0; i < y.length; i++) {
            double yi = y[i];
            double devy = yi > 0 ? yi * Math.log(yi) - yi : 0.0;
            double deveta = yi * eta[i] - Math.exp(eta[i]);
            out[i] = 2 * (devy - deveta);
        }
    }

    /**
     * Multinomial unit deviance −2 log prob[y_i][i] (y holds class indices 0, 1, …; prob[k][i] the
     * probability of class k for row i). {@code out} modified; the rest not.
     */
    public static void unitMultinomial(double[] y, double[][] prob, double clip, double[] out) {
        double lo = clip;
        double hi = 1 - clip;
        for (int i = 0; i < y.length; i++) {
            double q = Math.min(Math.max(prob[(int) y[i]][i], lo), hi);
            out[i] = -2 * Math.log(q);
        }
    }

    /** Mean gaussian deviance Σ w (y − μ)² / Σ w (the MSE). */
    public static double gaussian(double[] y, double[] mu, double[] w) {
        return Regression.mse(y, mu, w);
    }

    /** Mean binomial deviance, probabilities not clipped. */
    public static double binomial(double[] y, double[] p, double[] w) {
        double[] d = new double[y.length];
        unitBinomial(y, p, 0.0, d);
        return Weighted.mean(d, w);
    }

    /** Mean poisson deviance. */
    public static double poisson(double[] y, double[] mu, double[] w) {
        double[] d = new double[y.length];
        unitPoisson(y, mu, d);
        return Weighted.mean(d, w);
    }

    /** Mean multinomial deviance, probabilities not clipped. */
    public static double multinomial(double[] y, double[][] prob, double[] w) {
        double[] d = new double[y.length];
        unitMultinomial(y, prob, 0.0, d);
        return Weighted.mean(d, w);
    }

    /** a·log(a/b), with 0·log(0/b) = 0. */
    private static double xlogx(double a, double b) {
        return a > 0 ? a * Math.log(a / b) : 0.0;
    }
}

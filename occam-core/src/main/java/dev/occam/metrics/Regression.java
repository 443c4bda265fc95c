package dev.occam.metrics;

/**
 * Errors of numeric predictions μ against targets y: squared error (y − μ)², absolute error
 * |y − μ|, their weighted means (MSE, MAE) and R². Weights may be null (all 1).
 */
public final class Regression {
    private Regression() { }

    /** out[i] = (y[i] − mu[i])². {@code out} modified (may be {@code mu}); the rest not. */
    public static void squaredErrors(double[] y, double[] mu, double[] out) {
        for (int i = 0; i < y.length; i++) {
            double r = y[i] - mu[i];
            out[i] = r * r;
        }
    }

    /** out[i] = |y[i] − mu[i]|. {@code out} modified (may be {@code mu}); the rest not. */
    public static void absoluteErrors(double[] y, double[] mu, double[] out) {
        for (int i = 0; i < y.length; i++) out[i] = Math.abs(y[i] - mu[i]);
    }

    /** Mean squared error Σ w (y − μ)² / Σ w. */
    public static double mse(double[] y, double[] mu, double[] w) {
        double[] e = new double[y.length];
        squaredErrors(y, mu, e);
        return Weighted.mean(e, w);
    }

    /** Mean absolute error Σ w |y − μ| / Σ w. */
    public static double mae(double[] y, double[] mu, double[] w) {
        double[] e = new double[y.length];
        absoluteErrors(y, mu, e);
        return Weighted.mean(e, w);
    }

    /**
     * Coefficient of determination 1 − Σ w (y − μ)² / Σ w (y − ȳ)², ȳ the weighted mean of y. It is
     * negative when μ does worse than the constant ȳ, and NaN for a constant y.
     */
    public static double r2(double[] y, double[] mu, double[] w) {
        double ybar = Weighted.mean(y, w);
        double rss = 0;
        double tss = 0;
        for (int i = 0; i < y.length; i++) {
            double wi = w == null ? 1.0 : w[i];
            double r = y[i] - mu[i];
            double d = y[i] - ybar;
            rss += wi * r * r;
            tss += wi * d * d;
        }
        return tss > 0 ? 1 - rss / tss : Double.NaN;
    }
}

package dev.occam.metrics;

/** Weighted means: the one aggregation every measure shares. */
public final class Weighted {
    private Weighted() { }

    /**
     * Σ w_i x_i / Σ w_i, or the plain mean when {@code w} is null. NaN when the weights sum to 0.
     * Neither array is modified.
     */
    public static double mean(double[] x, double[] w) {
        double s = 0;
        double sw = 0;
        if (w == null) {
            for (double v : x) s += v;
            return s / x.length;
        }
        for (int i = 0; i < x.length; i++) {
            s += w[i] * x[i];
            sw += w[i];
        }
        return s / sw;
    }

    /**
     * The weighted mean over the finite values only: entries that are NaN or ±∞ are left out
     * together with their weights (R's {@code weighted.mean(x, w, na.rm = TRUE)} after glmnet's
     * {@code mat[is.infinite(mat)] = NA}). NaN when no finite value with positive total weight is left.
     * Neither array is modified.
     */
    public static double meanOfFinite(double[] x, double[] w) {
        double s = 0;
        double sw = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) continue;
            double wi = w == null ? 1.0 : w[i];
            s += wi * x[i];
            sw += wi;
        }
        return s / sw;
    }
}

package dev.occam.glm;

/**
 * Unit deviances d(y, μ) = 2[ℓ(y, μ) − ℓ(y, y)] of the families, summed with weights. Used for the
 * deviance ratio 1 − dev/nulldev of every fit.
 */
final class Deviance {
    private Deviance() { }

    /** Σ u_i (y_i − η_i)². */
    static double gaussian(double[] y, double[] eta, double[] u) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double r = y[i] - eta[i];
            s += u[i] * r * r;
        }
        return s;
    }

    /** −2 Σ u_i [y_i log μ_i + (1 − y_i) log(1 − μ_i)], y ∈ {0, 1}, μ = logistic(η). */
    static double binomial(double[] y, double[] eta, double[] u) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            // log(1+e^-η) and log(1+e^η) computed stably
            double e = eta[i];
            double lossPos = e > 0 ? Math.log1p(Math.exp(-e)) : -e + Math.log1p(Math.exp(e));
            double loss = y[i] > 0.5 ? lossPos : lossPos + e;
            s += u[i] * loss;
        }
        return 2 * s;
    }

    /** 2 Σ u_i [y_i log(y_i/μ_i) − (y_i − μ_i)], μ = e^η. */
    static double poisson(double[] y, double[] eta, double[] u) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double mu = Math.exp(eta[i]);
            double t = y[i] > 0 ? y[i] * (Math.log(y[i]) - eta[i]) : 0.0;
            s += u[i] * (t - (y[i] - mu));
        }
        return 2 * s;
    }

    /** −2 Σ u_i log p_{i, y_i} for softmax probabilities of η[k][i]; y holds class indices. */
    static double multinomial(double[] y, double[][] eta, double[] u) {
        double s = 0;
        int n = y.length;
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double[] e : eta) max = Math.max(max, e[i]);
            double z = 0;
            for (double[] e : eta) z += Math.exp(e[i] - max);
            s += u[i] * (Math.log(z) + max - eta[(int) y[i]][i]);
        }
        return 2 * s;
    }
}

package dev.occam.penalty;

/**
 * A penalty on a weight vector, in Occam's canonical scaling (DESIGN.md):
 *
 * <pre>   P(w) = λ · Σ_j f_j [ α|w_j| + (1−α)/2 · w_j² ]</pre>
 *
 * with λ ≥ 0 the strength, α ∈ [0,1] the L1 share (glmnet's {@code alpha}; scikit-learn calls it
 * {@code l1_ratio} and calls λ {@code alpha}) and f_j ≥ 0 per-feature penalty factors.
 * Each implementation is the special case of this form named by its type.
 */
public sealed interface Penalty permits Penalty.None, Penalty.L1, Penalty.L2, Penalty.ElasticNet {

    /** The L1 share α of this penalty (0 for L2 and none). */
    double alpha();

    /** λ, the strength. */
    double lambda();

    /** True when the penalty is identically zero. */
    default boolean isZero() {
        return lambda() == 0.0;
    }

    /** P(w) with penalty factors f (null = all 1). */
    default double value(double[] w, double[] f) {
        double a = alpha();
        double s = 0.0;
        for (int j = 0; j < w.length; j++) {
            double fj = f == null ? 1.0 : f[j];
            s += fj * (a * Math.abs(w[j]) + 0.5 * (1 - a) * w[j] * w[j]);
        }
        return lambda() * s;
    }

    /**
     * The proximal operator of t·f·P for one coordinate: argmin_u ½(u − z)² + t·λ·f[α|u| + (1−α)/2·u²]
     * = S(z, tλfα) / (1 + tλf(1−α)) with S the soft-threshold.
     */
    default double prox(double z, double t, double f) {
        double l1 = t * lambda() * f * alpha();
        double l2 = t * lambda() * f * (1 - alpha());
        return softThreshold(z, l1) / (1 + l2);
    }

    /** The gradient of the smooth (L2) part for one coordinate: λ f (1−α) w. */
    default double smoothGradient(double w, double f) {
        return lambda() * f * (1 - alpha()) * w;
    }

    /** S(z, g) = sign(z)·max(|z| − g, 0). */
    static double softThreshold(double z, double g) {
        if (z > g) return z - g;
        if (z < -g) return z + g;
        return 0.0;
    }

    /** Validates λ ≥ 0 and finite. */
    private static void checkLambda(double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and >= 0; got " + lambda);
        }
    }

    /** Validates α ∈ [0, 1]. */
    static void checkAlpha(double alpha) {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in [0, 1]; got " + alpha);
        }
    }

    static Penalty none() { return new None(); }
    static Penalty l1(double lambda) { return new L1(lambda); }
    static Penalty l2(double lambda) { return new L2(lambda); }
    static Penalty elasticNet(double lambda, double alpha) { return new ElasticNet(lambda, alpha); }

    /** No penalty: λ = 0. */
    record None() implements Penalty {
        @Override public double alpha() { return 0.0; }
        @Override public double lambda() { return 0.0; }
    }

    /** Lasso: λ Σ f_j |w_j| (α = 1). */
    record L1(double lambda) implements Penalty {
        public L1 { checkLambda(lambda); }
        @Override public double alpha() { return 1.0; }
    }

    /** Ridge / weight decay: λ/2 Σ f_j w_j² (α = 0). Note the ½. */
    record L2(double lambda) implements Penalty {
        public L2 { checkLambda(lambda); }
        @Override public double alpha() { return 0.0; }
    }

    /** Elastic net: λ Σ f_j [α|w_j| + (1−α)/2 w_j²]. */
    record ElasticNet(double lambda, double alpha) implements Penalty {
        public ElasticNet {
            checkLambda(lambda);
            checkAlpha(alpha);
        }
    }
}

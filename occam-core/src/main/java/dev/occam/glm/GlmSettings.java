package dev.occam.glm;

import java.util.Arrays;

/**
 * Settings of an elastic-net path fit: immutable, validated on construction. Start from
 * {@link #of(Family)} and change settings with the {@code with…} methods.
 *
 * <p>The objective for each λ on the path (DESIGN.md, glmnet's scaling):
 * <pre>
 *   (1/Σv) Σ_i v_i ℓ(y_i, b0 + x_iᵀw)  +  λ · Σ_j f_j [ α|w_j| + (1−α)/2 · w_j² ]
 * </pre>
 * with v the sample weights, f the penalty factors after glmnet's rescaling (they are scaled to sum
 * to p, the number of features), and, under {@code standardize}, w the coefficients of features
 * scaled to unit (weighted, 1/n) variance. The intercept b0 is never penalized.
 *
 * @param family response distribution
 * @param alpha L1 share α ∈ [0,1] (scikit-learn's {@code l1_ratio})
 * @param lambdas a user-given decreasing λ sequence, or null to compute one from the data
 * @param nlambda number of λ values when computed (default 100)
 * @param lambdaMinRatio smallest λ as a fraction of λ_max; NaN = glmnet's default, 1e-2 when n < p, else 1e-4
 * @param penaltyFactors f_j ≥ 0 per feature (0 = unpenalized), or null for all 1
 * @param lowerLimits lower bound per coefficient (≤ 0, may be −∞), or null for none; original scale
 * @param upperLimits upper bound per coefficient (≥ 0, may be +∞), or null for none; original scale
 * @param standardize penalize coefficients of features scaled to unit variance (results on the original scale)
 * @param intercept fit an unpenalized intercept
 * @param tolerance coordinate descent's threshold: a run of sweeps stops when the largest weighted squared
 *                  coefficient change of a sweep is below tolerance × null deviance (glmnet's {@code thresh};
 *                  in glmnet's unit: for binomial, poisson and multinomial fits half the deviance, the
 *                  null model's mean negative log-likelihood)
 * @param maxPasses limit on coordinate-descent passes over the data for the whole path
 * @param dfmax stop the path once more than dfmax features are non-zero (default p + 1)
 * @param strongRules screen features with the sequential strong rule (a KKT check keeps the result exact)
 * @param earlyStop stop a computed path early as glmnet does (deviance ratio above 0.999 or
 *                  a relative change below 1e-5); never applied to a user-given λ sequence
 * @param updates how coordinate descent keeps the gradient up to date (gaussian only)
 * @param convergence when a λ is solved: certified by the KKT conditions (default) or glmnet's threshold rule
 * @param kktTolerance the certified rule's bound on the largest KKT violation, relative to max(λ, 1e-6·G)
 *                     (default {@value #DEFAULT_KKT_TOLERANCE})
 */
public record GlmSettings(Family family, double alpha, double[] lambdas, int nlambda, double lambdaMinRatio,
                          double[] penaltyFactors, double[] lowerLimits, double[] upperLimits,
                          boolean standardize, boolean intercept, double tolerance, int maxPasses,
                          int dfmax, boolean strongRules, boolean earlyStop, Updates updates,
                          Convergence convergence, double kktTolerance) {

    /** Gradient bookkeeping in gaussian coordinate descent. */
    public enum Updates {
        /**
         * Covariance when n ≥ 2p and p ≤ 2000 (glmnet chooses covariance for p &lt; 500); otherwise
         * active-set covariance for dense X and naive for sparse X.
         */
        AUTO,
        /** Keep the gradient of every feature through inner products with the active features (n ≫ p). */
        COVARIANCE,
        /** Keep the residual and compute a feature's gradient when it is visited (p ≫ n, sparse X). */
        NAIVE,
        /**
         * Dense X: Gram matrix and gradients of the features that have entered only, residual for the
         * rest (see {@code GaussianActiveGram}); sparse X falls back to naive.
         */
        ACTIVE_COVARIANCE
    }

    public GlmSettings {
        if (family == null) throw new IllegalArgumentException("family must be given");
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in [0, 1]; got " + alpha);
        }
        if (lambdas != null) {
            lambdas = lambdas.clone();
            if (lambdas.length == 0) throw new IllegalArgumentException("lambda sequence must not be empty");
            for (int k = 0; k < lambdas.length; k++) {
                if (!(lambdas[k] >= 0) || Double.isInfinite(lambdas[k])) {
                    throw new IllegalArgumentException("lambda must be finite and >= 0; got " + lambdas[k]);
                }
                if (k > 0 && lambdas[k] > lambdas[k - 1]) {
                    throw new IllegalArgumentException("lambda sequence must be decreasing; got " + lambdas[k - 1] + " then " + lambdas[k]);
                }
            }
        }
        if (nlambda < 1) throw new IllegalArgumentException("nlambda must be >= 1; got " + nlambda);
        if (!Double.isNaN(lambdaMinRatio) && !(lambdaMinRatio > 0 && lambdaMinRatio < 1)) {
            throw new IllegalArgumentException("lambda-min-ratio must be in (0, 1); got " + lambdaMinRatio);
        }
        if (penaltyFactors != null) {
            penaltyFactors = penaltyFactors.clone();
            for (double f : penaltyFactors) {
                if (!(f >= 0) || Double.isInfinite(f)) {
                    throw new IllegalArgumentException("penalty factor must be finite and >= 0; got " + f);
                }
            }
        }
        if (lowerLimits != null) {
            lowerLimits = lowerLimits.clone();
            for (double l : lowerLimits) {
                if (!(l <= 0)) throw new IllegalArgumentException("lower limit must be <= 0; got " + l);
            }
        }
        if (upperLimits != null) {
            upperLimits = upperLimits.clone();
            for (double u : upperLimits) {
                if (!(u >= 0)) throw new IllegalArgumentException("upper limit must be >= 0; got " + u);
            }
        }
        if (!(tolerance > 0)) throw new IllegalArgumentException("tolerance must be > 0; got " + tolerance);
        if (maxPasses < 1) throw new IllegalArgumentException("maxPasses must be >= 1; got " + maxPasses);
        if (updates == null) throw new IllegalArgumentException("updates must be given");
        if (convergence == null) throw new IllegalArgumentException("convergence rule must be given");
        if (!(kktTolerance > 0) || Double.isInfinite(kktTolerance)) {
            throw new IllegalArgumentException("kkt tolerance must be finite and > 0; got " + kktTolerance);
        }
    }

    /** Default of the certified rule: KKT violations at most 1e-9 relative to λ. */
    public static final double DEFAULT_KKT_TOLERANCE = 1e-9;

    /** When the solver may stop at a λ. */
    public enum Convergence {
        /**
         * Certified (the default): coordinate descent runs to glmnet's threshold ({@code tolerance}),
         * then the answer is checked against the KKT conditions of the objective on <em>every</em>
         * feature, and refined — Newton steps on the active set with the signs held, then coordinate
         * descent at a 100× tighter threshold — until the largest violation is at most
         * {@code kktTolerance} × max(λ, 1e-6·G), G the largest gradient at the null model. The
         * violation is measured in the solver's unit (gradient of the mean loss with respect to a
         * standardized coefficient; penalty factors as rescaled) and reported per λ, relative to
         * max(λ, 1e-6·G).
         */
        KKT,
        /**
         * glmnet's rule: stop when a full sweep moves no coefficient by more than {@code tolerance}
         * (weighted squared change relative to the null deviance), as glmnet's {@code thresh}: the
         * same iteration counts as glmnet, an answer within about √tolerance of the optimum. The
         * KKT violation is still measured and reported.
         */
        THRESH;

        /** The name used on the command line and in model files. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Defaults of glmnet: α = 1, 100 λ values, standardize, intercept, tolerance 1e-7. */
    public static GlmSettings of(Family family) {
        return new GlmSettings(family, 1.0, null, 100, Double.NaN, null, null, null, true, true,
                1e-7, 10_000_000, Integer.MAX_VALUE, true, true, Updates.AUTO, Convergence.KKT, DEFAULT_KKT_TOLERANCE);
    }

    /**
     * The certified rule ({@link Convergence#KKT}) with KKT tolerance {@code kkt}: every λ ends only when
     * its largest KKT violation is at most {@code kkt} × max(λ, 1e-6·G) (see {@link Convergence#KKT}).
     */
    public GlmSettings withKktTolerance(double kkt) {
        return new GlmSettings(family, alpha, lambdas, nlambda, lambdaMinRatio, penaltyFactors, lowerLimits, upperLimits, standardize, intercept, tolerance, maxPasses, dfmax, strongRules, earlyStop, updates, Convergence.KKT, kkt);
    }

    /** The convergence rule: {@link Convergence#KKT} (default) or glmnet's {@link Convergence#THRESH}. */
    public GlmSettings withConvergence(Convergence c) {
        return new GlmSettings(family, alpha, lambdas, nlambda, lambdaMinRatio, penaltyFactors, lowerLimits, upperLimits, standardize, intercept, tolerance, maxPasses, dfmax, strongRules, earlyStop, updates, c, kktTolerance);
    }

    public GlmSettings withAlpha(double a) {
        return new GlmSettings(family, a, lambdas, nlambda, lambdaMinRatio, penaltyFactors, lowerLimits, upperLimits, standardize, intercept, tolerance, maxPasses, dfmax, strongRules, earlyStop, updates, convergence, kktTolerance);
    }

    public GlmSettings withLambdas(double... l) {
        return new GlmSettings(family, alpha, l, nlambda, lambdaMinRatio, penaltyFactors, lowerLimits, upperLimits, standardize, intercept, tolerance, maxPasses, dfmax, strongRules, earlyStop, updates, convergence, kktTolerance);
    }

    public GlmSettings withNlambda(int k) {
        return new GlmSettings(family, alpha, lambdas, k, lambdaMinRatio, penaltyFactors, lowerLimits, upperLimits, standardize, intercept, tolerance, maxPasses, dfmax, strongRules, earlyStop, updates, convergence, kktTolerance);
    }

    public GlmSettings withLambdaMinRatio(double r) {
        return new GlmSettings(family, alpha, lambdas, nlambda, r, penaltyFactors, lowerLimits, upperLimits, standardize, intercept, tolerance, maxPasses, dfmax, strongRules, earlyStop, updates, convergence, kktTolerance);
    }

    public GlmSettings withPenaltyFactors(double... f) {
        return new GlmSettings(family, alpha, lambdas, nlambda, lambdaMinRatio, f, lowerLimits, upperLimits, standardize, intercept, tolerance, maxPasses, dfmax, strongRules, earlyStop, updates, convergence, kktTolerance);
    }

    public GlmSettings withLimits(double[] lower, double[] upper) {
        return new GlmSettings(family, alpha, lambdas, nlambda, lambdaMinRatio, penaltyFactors, lower, upper, standardize, intercept, tolerance, maxPasses, dfmax, strongRules, earlyStop, updates, convergence, kktTolerance);
    }

    public GlmSettings withStandardize(boolean s) {
        return new GlmSettings(family, alpha, lambdas, nlambda, lambdaMinRatio, penaltyFactors, lowerLimits, upperLimits, s, intercept, tolerance, maxPasses, dfmax, strongRules, earlyStop, updates, convergence, kktTolerance);
    }

    public GlmSettings withIntercept(boolean i) {
        return new GlmSettings(family, alpha, lambdas, nlambda, lambdaMinRatio, penaltyFactors, lowerLimits, upperLimits, standardize, i, tolerance, maxPasses, dfmax, strongRules, earlyStop, updates, convergence, kktTolerance);
    }

    public GlmSettings withTolerance(double t) {
        return new GlmSettings(family, alpha, lambdas, nlambda, lambdaMinRatio, penaltyFactors, lowerLimits, upperLimits, standardize, intercept, t, maxPasses, dfmax, strongRules, earlyStop, updates, convergence, kktTolerance);
    }

    public GlmSettings withMaxPasses(int m) {
        return new GlmSettings(family, alpha, lambdas, nlambda, lambdaMinRatio, penaltyFactors, lowerLimits, upperLimits, standardize, intercept, tolerance, m, dfmax, strongRules, earlyStop, updates, convergence, kktTolerance);
    }

    public GlmSettings withDfmax(int d) {
        return new GlmSettings(family, alpha, lambdas, nlambda, lambdaMinRatio, penaltyFactors, lowerLimits, upperLimits, standardize, intercept, tolerance, maxPasses, d, strongRules, earlyStop, updates, convergence, kktTolerance);
    }

    public GlmSettings withStrongRules(boolean s) {
        return new GlmSettings(family, alpha, lambdas, nlambda, lambdaMinRatio, penaltyFactors, lowerLimits, upperLimits, standardize, intercept, tolerance, maxPasses, dfmax, s, earlyStop, updates, convergence, kktTolerance);
    }

    public GlmSettings withEarlyStop(boolean e) {
        return new GlmSettings(family, alpha, lambdas, nlambda, lambdaMinRatio, penaltyFactors, lowerLimits, upperLimits, standardize, intercept, tolerance, maxPasses, dfmax, strongRules, e, updates, convergence, kktTolerance);
    }

    public GlmSettings withUpdates(Updates u) {
        return new GlmSettings(family, alpha, lambdas, nlambda, lambdaMinRatio, penaltyFactors, lowerLimits, upperLimits, standardize, intercept, tolerance, maxPasses, dfmax, strongRules, earlyStop, u, convergence, kktTolerance);
    }

    @Override public double[] lambdas() { return lambdas == null ? null : lambdas.clone(); }
    @Override public double[] penaltyFactors() { return penaltyFactors == null ? null : penaltyFactors.clone(); }
    @Override public double[] lowerLimits() { return lowerLimits == null ? null : lowerLimits.clone(); }
    @Override public double[] upperLimits() { return upperLimits == null ? null : upperLimits.clone(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof GlmSettings s && family == s.family && alpha == s.alpha
                && Arrays.equals(lambdas, s.lambdas) && nlambda == s.nlambda
                && Double.compare(lambdaMinRatio, s.lambdaMinRatio) == 0
                && Arrays.equals(penaltyFactors, s.penaltyFactors) && Arrays.equals(lowerLimits, s.lowerLimits)
                && Arrays.equals(upperLimits, s.upperLimits) && standardize == s.standardize
                && intercept == s.intercept && tolerance == s.tolerance && maxPasses == s.maxPasses
                && dfmax == s.dfmax && strongRules == s.strongRules && earlyStop == s.earlyStop && updates == s.updates
                && convergence == s.convergence && kktTolerance == s.kktTolerance;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(lambdas) * 31 + family.hashCode() * 17 + Double.hashCode(alpha);
    }

    @Override
    public String toString() {
        return "GlmSettings[family=" + family.id() + ", alpha=" + alpha + ", nlambda=" + nlambda
                + ", standardize=" + standardize + ", intercept=" + intercept + ", tolerance=" + tolerance + ", convergence=" + convergence.id() + ", kktTolerance=" + kktTolerance + "]";
    }
}

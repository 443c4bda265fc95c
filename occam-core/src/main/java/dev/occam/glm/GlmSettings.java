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
 * @param tolerance convergence threshold: coordinate descent stops when the largest weighted squared
 *                  coefficient change of a sweep is below tolerance × null deviance (glmnet's {@code thresh};
 *                  in glmnet's unit: for binomial, poisson and multinomial fits half the deviance, the
 *                  null model's mean negative log-likelihood)
 * @param maxPasses limit on coordinate-descent passes over the data for the whole path
 * @param dfmax stop the path once more than dfmax features are non-zero (default p + 1)
 * @param strongRules screen features with the sequential strong rule (a KKT check keeps the result exact)
 * @param earlyStop stop a computed path early as glmnet does (deviance ratio above 0.999 or
 *                  a relative change below 1e-5); never applied to a user-given λ sequence
 * @param updates how coordinate descent keeps the gradient up to date (gaussian only)
 */
public record GlmSettings(Family family, double alpha, double[] lambdas, int nlambda, double lambdaMinRatio,
                          double[] penaltyFactors, double[] lowerLimits, double[] upperLimits,
                          boolean standardize, boolean intercept, double tolerance, int maxPasses,
                          int dfmax, boolean strongRules, boolean earlyStop, Updates updates) {

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
    }

    /** Defaults of glmnet: α = 1, 100 λ values, standardize, intercept, tolerance 1e-7. */
    public static GlmSettings of(Family family) {
        return new GlmSettings(family, 1.0, null, 100, Double.NaN, null, null, null, true, true,
                1e-7, 10_000_000, Integer.MAX_VALUE, true, true, Updates.AUTO);
    }

    public GlmSettings withAlpha(double a) {
        return new GlmSettings(family, a, lambdas, nlambda, lambdaMinRatio, penaltyFactors, lowerLimits, upperLimits, standardize, intercept, tolerance, maxPasses, dfmax, strongRules, earlyStop, updates);
    }

    public GlmSettings withLambdas(double... l) {
        return new GlmSettings(family, alpha, l, nlambda, lambdaMinRatio, penaltyFactors, lowerLimits, upperLimits, standardize, intercept, tolerance, maxPasses, dfmax, strongRules, earlyStop, updates);
    }

    public GlmSettings withNlambda(int k) {
        return new GlmSettings(family, alpha, lambdas, k, lambdaMinRatio, penaltyFactors, lowerLimits, upperLimits, standardize, intercept, tolerance, maxPasses, dfmax, strongRules, earlyStop, updates);
    }

    public GlmSettings withLambdaMinRatio(double r) {
        return new GlmSettings(family, alpha, lambdas, nlambda, r, penaltyFactors, lowerLimits, upperLimits, standardize, intercept, tolerance, maxPasses, dfmax, strongRules, earlyStop, updates);
    }

    public GlmSettings withPenaltyFactors(double... f) {
        return new GlmSettings(family, alpha, lambdas, nlambda, lambdaMinRatio, f, lowerLimits, upperLimits, standardize, intercept, tolerance, maxPasses, dfmax, strongRules, earlyStop, updates);
    }

    public GlmSettings withLimits(double[] lower, double[] upper) {
        return new GlmSettings(family, alpha, lambdas, nlambda, lambdaMinRatio, penaltyFactors, lower, upper, standardize, intercept, tolerance, maxPasses, dfmax, strongRules, earlyStop, updates);
    }

    public GlmSettings withStandardize(boolean s) {
        return new GlmSettings(family, alpha, lambdas, nlambda, lambdaMinRatio, penaltyFactors, lowerLimits, upperLimits, s, intercept, tolerance, maxPasses, dfmax, strongRules, earlyStop, updates);
    }

    public GlmSettings withIntercept(boolean i) {
        return new GlmSettings(family, alpha, lambdas, nlambda, lambdaMinRatio, penaltyFactors, lowerLimits, upperLimits, standardize, i, tolerance, maxPasses, dfmax, strongRules, earlyStop, updates);
    }

    public GlmSettings withTolerance(double t) {
        return new GlmSettings(family, alpha, lambdas, nlambda, lambdaMinRatio, penaltyFactors, lowerLimits, upperLimits, standardize, intercept, t, maxPasses, dfmax, strongRules, earlyStop, updates);
    }

    public GlmSettings withMaxPasses(int m) {
        return new GlmSettings(family, alpha, lambdas, nlambda, lambdaMinRatio, penaltyFactors, lowerLimits, upperLimits, standardize, intercept, tolerance, m, dfmax, strongRules, earlyStop, updates);
    }

    public GlmSettings withDfmax(int d) {
        return new GlmSettings(family, alpha, lambdas, nlambda, lambdaMinRatio, penaltyFactors, lowerLimits, upperLimits, standardize, intercept, tolerance, maxPasses, d, strongRules, earlyStop, updates);
    }

    public GlmSettings withStrongRules(boolean s) {
        return new GlmSettings(family, alpha, lambdas, nlambda, lambdaMinRatio, penaltyFactors, lowerLimits, upperLimits, standardize, intercept, tolerance, maxPasses, dfmax, s, earlyStop, updates);
    }

    public GlmSettings withEarlyStop(boolean e) {
        return new GlmSettings(family, alpha, lambdas, nlambda, lambdaMinRatio, penaltyFactors, lowerLimits, upperLimits, standardize, intercept, tolerance, maxPasses, dfmax, strongRules, e, updates);
    }

    public GlmSettings withUpdates(Updates u) {
        return new GlmSettings(family, alpha, lambdas, nlambda, lambdaMinRatio, penaltyFactors, lowerLimits, upperLimits, standardize, intercept, tolerance, maxPasses, dfmax, strongRules, earlyStop, u);
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
                && dfmax == s.dfmax && strongRules == s.strongRules && earlyStop == s.earlyStop && updates == s.updates;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(lambdas) * 31 + family.hashCode() * 17 + Double.hashCode(alpha);
    }

    @Override
    public String toString() {
        return "GlmSettings[family=" + family.id() + ", alpha=" + alpha + ", nlambda=" + nlambda
                + ", standardize=" + standardize + ", intercept=" + intercept + ", tolerance=" + tolerance + "]";
    }
}

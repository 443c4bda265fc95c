package dev.occam.glm;

import java.util.Arrays;

/**
 * Settings of a ridge fit ({@link Ridge}, {@link RidgePath}): immutable, validated on construction.
 *
 * <p>The objective (α = 0 of Occam's canonical form, DESIGN.md):
 * <pre>
 *   minimize over (b0, w):  (1/Σv) Σ_i v_i ½(y_i − b0 − x_iᵀw)²  +  (λ/2) Σ_j f_j w̃_j²
 * </pre>
 * where w̃_j = s_j·w_j is the coefficient of feature j scaled to unit variance (s_j its weighted
 * 1/n standard deviation) when {@code standardize} is on, and w̃_j = w_j when it is off.
 *
 * @param standardize penalize the coefficients of features scaled to unit (weighted, 1/n) variance,
 *                    glmnet's default; coefficients are reported on the original scale either way
 * @param intercept fit an unpenalized intercept b0 (features are then centred, implicitly)
 * @param penaltyFactors f_j ≥ 0 per feature (0 = unpenalized), or null for all 1. As in glmnet
 *                       they are rescaled to sum to p (the number of features, constant ones
 *                       included) before use, so only their ratios matter; they must not all be 0
 *                       (use λ = 0 for an unpenalized fit)
 */
public record RidgeSettings(boolean standardize, boolean intercept, double[] penaltyFactors) {

    public RidgeSettings {
        if (penaltyFactors != null) {
            penaltyFactors = penaltyFactors.clone();
            double total = 0;
            for (double f : penaltyFactors) {
                if (!(f >= 0) || Double.isInfinite(f)) {
                    throw new IllegalArgumentException("penalty factor must be finite and >= 0; got " + f);
                }
                total += f;
            }
            if (penaltyFactors.length > 0 && total == 0) {
                throw new IllegalArgumentException("penalty factors must not all be 0; use lambda = 0 for an unpenalized fit");
            }
        }
    }

    /** glmnet's defaults: standardize, intercept, all penalty factors 1. */
    public static RidgeSettings defaults() {
        return new RidgeSettings(true, true, null);
    }

    public RidgeSettings withStandardize(boolean s) {
        return new RidgeSettings(s, intercept, penaltyFactors);
    }

    public RidgeSettings withIntercept(boolean i) {
        return new RidgeSettings(standardize, i, penaltyFactors);
    }

    public RidgeSettings withPenaltyFactors(double... f) {
        return new RidgeSettings(standardize, intercept, f);
    }

    @Override
    public double[] penaltyFactors() {
        return penaltyFactors == null ? null : penaltyFactors.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RidgeSettings s && standardize == s.standardize && intercept == s.intercept
                && Arrays.equals(penaltyFactors, s.penaltyFactors);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(penaltyFactors) * 31 + (standardize ? 2 : 0) + (intercept ? 1 : 0);
    }

    @Override
    public String toString() {
        return "RidgeSettings[standardize=" + standardize + ", intercept=" + intercept
                + ", penaltyFactors=" + Arrays.toString(penaltyFactors) + "]";
    }
}

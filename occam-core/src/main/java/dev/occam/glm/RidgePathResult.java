package dev.occam.glm;

import java.util.List;

/**
 * A ridge path: the solutions for a sequence of λ on the original feature scale, with the exact
 * leave-one-out error and the generalized cross-validation error of each (see {@link RidgePath}
 * for the definitions).
 *
 * <p>Index l runs over λ values (in the order they were given), j over features.
 *
 * @param settings the settings it was fitted with
 * @param featureNames names of the p features
 * @param n number of rows
 * @param nullDeviance Σ_i v_i (y_i − ȳ)², the deviance of the intercept-only model (ȳ = 0 without intercept)
 * @param lambdas λ_l
 * @param intercepts b0 per λ
 * @param coefficients w[l][j] on the original scale
 * @param df effective degrees of freedom tr(H) per λ, counting 1 for the intercept and 1 for each
 *           unpenalized feature (so df → 1 + #unpenalized as λ → ∞ with an intercept)
 * @param devRatio 1 − deviance/null deviance per λ (the weighted R² on the training rows)
 * @param looMse leave-one-out error Σ_i u_i (y_i − ŷ_i^(−i))² per λ, u = v/Σv (the plain mean with unit weights)
 * @param gcv generalized cross-validation error Σ_i u_i (y_i − ŷ_i)² / (1 − df/n₊)² per λ
 */
public record RidgePathResult(RidgeSettings settings, List<String> featureNames, int n, double nullDeviance, double[] lambdas,
                              double[] intercepts, double[][] coefficients, double[] df, double[] devRatio,
                              double[] looMse, double[] gcv) {

    public RidgePathResult {
        featureNames = List.copyOf(featureNames);
    }

    /** Number of λ values. */
    public int size() {
        return lambdas.length;
    }

    /** The model at the l-th λ. */
    public LinearModel model(int l) {
        return new LinearModel(Family.GAUSSIAN, 0.0, lambdas[l], settings.standardize(), featureNames, null,
                new double[] {intercepts[l]}, new double[][] {coefficients[l].clone()},
                new LinearModel.FitSummary(n, devRatio[l], nullDeviance, 0, true, List.of()));
    }

    /** Index of the λ with the smallest leave-one-out error (the first, on ties). */
    public int indexOfMinLoo() {
        return argmin(looMse);
    }

    /** Index of the λ with the smallest GCV error (the first, on ties). */
    public int indexOfMinGcv() {
        return argmin(gcv);
    }

    private static int argmin(double[] a) {
        int best = 0;
        for (int l = 1; l < a.length; l++) {
            if (a[l] < a[best]) best = l;
        }
        return best;
    }
}

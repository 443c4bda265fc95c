package dev.occam.bench;

/**
 * The λ sequence every tool fits, computed once from the stored data by glmnet's rule with an
 * unpenalized intercept and no standardization:
 * <pre>
 *   λ_max = max_j |Σ_i x_ij (y_i − ȳ)| / (n·α)          (the smallest λ with all w_j = 0)
 *   λ_l   = λ_max · r^(l/(L−1)),  l = 0 … L−1,   r = 1e-4 if n > p else 1e-2
 * </pre>
 * For binomial data y is the 0/1 label, so y − ȳ is the gradient of the mean log-loss at the
 * intercept-only fit; for gaussian data it is the centred response. Both are the gradient of the
 * canonical loss at w = 0, which is why the same formula serves both families.
 */
final class LambdaSequence {
    private LambdaSequence() { }

    /** glmnet's default smallest-λ ratio. */
    static double defaultMinRatio(int n, int p) {
        return n > p ? 1e-4 : 1e-2;
    }

    /**
     * @param gradientAtZero g_j = Σ_i x_ij (y_i − ȳ) / n per feature (not modified)
     * @param alpha L1 share α ∈ (0, 1]
     */
    static double lambdaMax(double[] gradientAtZero, double alpha) {
        double max = 0;
        for (double g : gradientAtZero) max = Math.max(max, Math.abs(g));
        return max / alpha;
    }

    /** L values log-spaced from lambdaMax down to ratio·lambdaMax, decreasing. */
    static double[] logSpaced(double lambdaMax, double ratio, int count) {
        double[] out = new double[count];
        for (int l = 0; l < count; l++) {
            out[l] = count == 1 ? lambdaMax : lambdaMax * StrictMath.pow(ratio, (double) l / (count - 1));
        }
        return out;
    }
}

package dev.occam.data;

/**
 * The implicit centring and scaling of X used by the solvers, by glmnet's rules: with weights u
 * normalized to sum to 1,
 * <pre>
 *   mean_j  = Σ_i u_i x_ij                        (used to centre only when there is an intercept)
 *   scale_j = sqrt(Σ_i u_i x_ij² − mean_j²)       (the weighted 1/n standard deviation; 1 without standardize)
 * </pre>
 * The standardized feature is x̃_ij = (x_ij − centre_j)/scale_j with centre_j = mean_j when
 * there is an intercept and 0 otherwise. X itself is never modified or copied.
 *
 * @param centres centre_j per feature (0 without intercept)
 * @param scales scale_j per feature (1 without standardize)
 * @param constant true where the feature has no variation: glmnet leaves such a feature out (coefficient 0)
 */
public record Standardization(double[] centres, double[] scales, boolean[] constant) {

    /**
     * Computes the centring and scaling of every column of X.
     *
     * @param x the design matrix (not modified)
     * @param u weights normalized to sum to 1 (not modified)
     * @param intercept centre the features
     * @param standardize scale the features to unit weighted variance
     */
    public static Standardization of(DesignMatrix x, double[] u, boolean intercept, boolean standardize) {
        int p = x.cols();
        double[] centres = new double[p];
        double[] scales = new double[p];
        boolean[] constant = new boolean[p];
        for (int j = 0; j < p; j++) {
            double mean = x.dotColumn(j, u);
            double second = x.weightedSumOfSquares(j, u);
            double var = Math.max(second - mean * mean, 0.0);
            // A column is constant when its spread is negligible next to its size (rounding of the
            // one-pass formula leaves ~1e-16·mean² instead of an exact 0).
            // A column is constant when its spread is negligible next to its size (rounding of the
            // one-pass formula leaves ~1e-16·mean² instead of an exact 0). As in glmnet, a constant
            // column is left out of every fit, with or without an intercept.
            constant[j] = var <= 1e-24 * Math.max(second, Double.MIN_NORMAL);
            centres[j] = intercept ? mean : 0.0;
            scales[j] = standardize && !constant[j] ? Math.sqrt(var) : 1.0;
        }
        return new Standardization(centres, scales, constant);
    }

    /** Weights v normalized to sum to 1 (all 1/n when v is null). */
    public static double[] normalizedWeights(double[] v, int n) {
        double[] u = new double[n];
        if (v == null) {
            java.util.Arrays.fill(u, 1.0 / n);
            return u;
        }
        double total = 0;
        for (double w : v) total += w;
        for (int i = 0; i < n; i++) u[i] = v[i] / total;
        return u;
    }
}

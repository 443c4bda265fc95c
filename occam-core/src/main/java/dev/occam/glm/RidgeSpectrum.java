package dev.occam.glm;

/**
 * The one eigendecomposition from which a whole ridge path is read off: of the p × p matrix
 * X̃ᵀUX̃ (primal, {@link RidgePrimalSpectrum}) or of the n × n matrix √U X̃X̃ᵀ√U (dual, p &gt; n,
 * {@link RidgeDualSpectrum}), both with the penalty factors folded into the features.
 */
sealed interface RidgeSpectrum permits RidgePrimalSpectrum, RidgeDualSpectrum {

    /**
     * max_j |g_j| / f_j over the penalized features, where g_j = Σ_i u_i x̃_ij r_i is the gradient
     * at w = 0 with r the residual of the fit of the unpenalized part (intercept and features with
     * penalty factor 0): the numerator of glmnet's λ_max.
     */
    double maxScaledGradient();

    /**
     * Solutions, exact leave-one-out and GCV errors at every λ.
     *
     * @param lambdas λ values, each ≥ 0. Not modified.
     * @return the raw path quantities in standardized coordinates
     */
    RidgePath.Raw path(double[] lambdas);
}

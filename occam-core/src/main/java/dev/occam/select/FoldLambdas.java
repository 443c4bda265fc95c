package dev.occam.select;

/**
 * Which λ values each fold's path is fitted at, the one choice where glmnet offers two behaviours.
 */
public enum FoldLambdas {
    /**
     * cv.glmnet's default: each fold computes its own λ sequence from its training rows (with the
     * same {@code nlambda} and {@code lambdaMinRatio}, and glmnet's early stop), and its held-out rows
     * are predicted at the full data's λ values by linear interpolation between the fold's path
     * points ({@code predict(fit, s = lambda)}; outside the fold's range, its first or last solution).
     * With a user-given λ sequence every fold uses that sequence, exactly as {@link #FULL}.
     */
    OWN,
    /**
     * Each fold is fitted at exactly the full data's λ sequence (no early stop, no interpolation):
     * what {@code cv.glmnet(x, y, lambda = glmnet(x, y)$lambda)} does.
     */
    FULL
}

package dev.occam.optim;

/**
 * What a parameter is for. Decay and L1 stages use it through {@link Mask}: by default they touch
 * weights and leave biases (intercepts) unpenalized, as in Occam's canonical objective.
 */
public enum ParameterRole {
    /** A weight (dense kernel, linear coefficient): penalized by default. */
    WEIGHT,
    /** A bias or intercept: never penalized unless a mask says so. */
    BIAS
}

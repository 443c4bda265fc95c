package dev.occam.data;

/** How a reader treats the target column. */
public enum TargetKind {
    /** A number per row (gaussian, poisson). */
    NUMERIC,
    /** A class label per row (binomial, multinomial): labels kept as text, y[i] = class index. */
    CLASS,
    /** No target: data read only to predict. */
    NONE
}

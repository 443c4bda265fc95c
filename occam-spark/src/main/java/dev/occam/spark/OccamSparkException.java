package dev.occam.spark;

/**
 * A user mistake found in a Spark input (missing column, NaN, a feature vector of the wrong size,
 * a bad fold id): one line that names the column and what was expected. Thrown on an executor,
 * it reaches the driver wrapped by Spark; {@link Passes} unwraps it so the caller sees this line
 * and not Spark's stack trace.
 */
public final class OccamSparkException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public OccamSparkException(String message) {
        super(message);
    }
}

package dev.occam.nn;

/**
 * A training loss on a batch of network outputs: the mean over rows of a per-row loss
 * (summed over the row's outputs). Targets are a row-major float[] of width
 * {@link #targetWidth(int)}: the output width for regression and binary labels, 1 for a class
 * index (softmax cross-entropy).
 */
public interface Loss {

    /**
     * The mean loss over the batch, accumulated in double; when {@code grad} is not null it
     * receives dL/dOutput (already divided by the batch size).
     *
     * @param output batch × width. Not modified.
     * @param target batch × targetWidth(width). Not modified.
     * @param grad batch × width, or null. Modified.
     */
    double evaluate(float[] output, float[] target, int batch, int width, float[] grad);

    /** Width of a target row for an output of this width. */
    int targetWidth(int outputWidth);

    /**
     * Σ over rows of the share of correct predictions in the row (1 or 0 for one label), or NaN
     * when accuracy is not defined (regression).
     */
    double correct(float[] output, float[] target, int batch, int width);

    /** e.g. {@code "softmax_cross_entropy"}. */
    String name();
}

package dev.occam.nn;

import java.util.List;

/**
 * A layer of a {@link Sequential} network, with forward and backward side by side.
 *
 * <p>Buffers: {@code forward} and {@code backward} return arrays owned by the layer, valid until
 * its next call (an identity pass may return its input). A layer keeps a reference to the input of
 * the last forward pass for backward: the caller must not modify that input in between.
 */
public interface Layer {

    int inputSize();

    int outputSize();

    /**
     * Y = f(X) for {@code batch} rows.
     *
     * @param x input, batch × inputSize, row-major. Not modified (kept until backward).
     * @return output, batch × outputSize (owned by the layer)
     */
    float[] forward(float[] x, int batch, Mode mode);

    /**
     * Y = f(X) in inference mode, into a new array, touching no state of the layer: what
     * {@link Sequential#predict} uses, so one loaded network predicts from many threads at once.
     * Equal, bit for bit, to {@code forward(x, batch, Mode.inference())}. This default serves
     * layers without their own: it runs {@code forward} under the layer's lock and copies the result.
     *
     * @param x input, batch × inputSize, row-major. Not modified.
     * @return output, batch × outputSize (owned by the caller; may be x itself for an identity)
     */
    default float[] infer(float[] x, int batch) {
        synchronized (this) {
            return java.util.Arrays.copyOf(forward(x, batch, Mode.inference()), batch * outputSize());
        }
    }

    /**
     * Given dL/dY, writes dL/dθ into each parameter's gradient (overwriting it) and returns dL/dX.
     *
     * @param dy gradient of the loss with respect to the last forward output. Not modified.
     * @param needInputGradient false for the first layer: dL/dX is then not computed and null is returned
     * @return dL/dX, batch × inputSize (owned by the layer), or null
     */
    float[] backward(float[] dy, int batch, boolean needInputGradient);

    /** Trainable parameters (empty for activations). */
    default List<Parameter> parameters() {
        return List.of();
    }

    /** The value of this layer's regularizer penalty at the current parameters (0 when none). */
    default double penalty() {
        return 0;
    }

    /** Adds the regularizer's gradient to the parameters' gradients. */
    default void addPenaltyGradient() {
    }

    /** A short description, e.g. {@code "dense(784->256)"}. */
    String describe();
}

package dev.occam.nn;

import java.util.List;
import java.util.Objects;

/**
 * A trained network ready to predict: the network, the loss it was trained with (which fixes how
 * outputs read: logits of classes, logits of labels, or values), the feature and class names, and
 * the input scaling applied before the first layer.
 *
 * @param network the layers and weights
 * @param loss the training loss
 * @param features names of the input columns, in order
 * @param target name of the target (may be null)
 * @param classes class labels in output order (softmax cross-entropy), else null
 * @param center subtracted from each input column before the network (null: no scaling)
 * @param scale each centred column is divided by this (&gt; 0; null with center)
 */
public record NetworkModel(Sequential network, Loss loss, List<String> features, String target, List<String> classes,
                           float[] center, float[] scale) {

    public NetworkModel {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(loss, "loss");
        features = List.copyOf(features);
        if (features.size() != network.inputSize()) {
            throw new IllegalArgumentException(features.size() + " feature names for a network with " + network.inputSize() + " inputs");
        }
        if (classes != null) {
            classes = List.copyOf(classes);
            if (loss instanceof SoftmaxCrossEntropy && classes.size() != network.outputSize()) {
                throw new IllegalArgumentException(classes.size() + " classes for a network with " + network.outputSize() + " outputs");
            }
        }
        if ((center == null) != (scale == null)) {
            throw new IllegalArgumentException("center and scale must be given together");
        }
        if (center != null) {
            if (center.length != features.size() || scale.length != features.size()) {
                throw new IllegalArgumentException("center and scale need one value per feature (" + features.size() + ")");
            }
            for (float s : scale) {
                if (!(s > 0) || !Float.isFinite(s)) {
                    throw new IllegalArgumentException("input scales must be finite and > 0; got " + s);
                }
            }
        }
    }

    /**
     * The features of a data set as row-major float32 (row i at {@code i*p}), ready for
     * {@link #outputs}, {@link #response} or {@link #predictClass}. The data set's columns must be
     * this model's features in order (read them with {@code ReadOptions.featuresOnly(features())}).
     */
    public float[] rows(dev.occam.data.Dataset data) {
        if (data.cols() != features.size()) {
            throw new IllegalArgumentException("the data has " + data.cols() + " features; the network expects " + features.size());
        }
        float[] x = TrainingData.rowMajor(data.x());
        return x;
    }

    /** (x − center)/scale for n rows of raw features (row-major); a new array. x not modified. */
    public float[] prepare(float[] x, int n) {
        int p = features.size();
        float[] z = java.util.Arrays.copyOf(x, n * p);
        if (center != null) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < p; j++) {
                    z[i * p + j] = (z[i * p + j] - center[j]) / scale[j];
                }
            }
        }
        return z;
    }

    /** The network's outputs for n rows of raw features: logits (classification) or values. */
    public float[] outputs(float[] x, int n) {
        return network.predict(prepare(x, n), n);
    }

    /**
     * Per row: class probabilities (softmax cross-entropy: one per class), label probabilities
     * (binary cross-entropy: σ of each output) or the predicted values (MSE).
     */
    public double[] response(float[] x, int n) {
        float[] out = outputs(x, n);
        int k = network.outputSize();
        double[] r = new double[out.length];
        if (loss instanceof SoftmaxCrossEntropy) {
            for (int i = 0; i < n; i++) {
                double m = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    m = Math.max(m, out[i * k + c]);
                }
                double s = 0;
                for (int c = 0; c < k; c++) {
                    s += Math.exp(out[i * k + c] - m);
                }
                for (int c = 0; c < k; c++) {
                    r[i * k + c] = Math.exp(out[i * k + c] - m) / s;
                }
            }
        } else if (loss instanceof BinaryCrossEntropy) {
            for (int i = 0; i < out.length; i++) {
                r[i] = Sigmoid.logistic(out[i]);
            }
        } else {
            for (int i = 0; i < out.length; i++) {
                r[i] = out[i];
            }
        }
        return r;
    }

    /** Index of the most probable class per row (softmax cross-entropy only). */
    public int[] predictClass(float[] x, int n) {
        if (!(loss instanceof SoftmaxCrossEntropy)) {
            throw new IllegalArgumentException("class predictions need a classification network (softmax cross-entropy); this one uses " + loss.name());
        }
        float[] out = outputs(x, n);
        int k = network.outputSize();
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int j = 1; j < k; j++) {
                if (out[i * k + j] > out[i * k + best]) {
                    best = j;
                }
            }
            c[i] = best;
        }
        return c;
    }
}

package dev.occam.nn;

/**
 * Softmax cross-entropy on logits z with a class index c per row (stored as a float):
 * L = (1/B) Σ_rows [logΣ_k e^(z_k) − z_c], computed as m + log Σ e^(z_k − m), m = max z, so it
 * never overflows (PyTorch's CrossEntropyLoss). dL/dz = (softmax(z) − onehot(c))/B.
 */
public final class SoftmaxCrossEntropy implements Loss {

    @Override
    public double evaluate(float[] output, float[] target, int batch, int width, float[] grad) {
        double s = 0;
        double invB = 1.0 / batch;
        for (int r = 0; r < batch; r++) {
            int off = r * width;
            int c = classOf(target[r], width, r);
            double m = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < width; k++) {
                m = Math.max(m, output[off + k]);
            }
            double sum = 0;
            for (int k = 0; k < width; k++) {
                sum += Math.exp(output[off + k] - m);
            }
            double logZ = m + Math.log(sum);
            s += logZ - output[off + c];
            if (grad != null) {
                for (int k = 0; k < width; k++) {
                    double p = Math.exp(output[off + k] - logZ);
                    grad[off + k] = (float) ((p - (k == c ? 1 : 0)) * invB);
                }
            }
        }
        return s / batch;
    }

    private static int classOf(float t, int width, int row) {
        int c = (int) t;
        if (c != t || c < 0 || c >= width) {
            throw new IllegalArgumentException("class index must be an integer in [0, " + width + "); got " + t + " in batch row " + row);
        }
        return c;
    }

    @Override public int targetWidth(int outputWidth) { return 1; }

    @Override
    public double correct(float[] output, float[] target, int batch, int width) {
        double c = 0;
        for (int r = 0; r < batch; r++) {
            int off = r * width;
            int best = 0;
            for (int k = 1; k < width; k++) {
                if (output[off + k] > output[off + best]) {
                    best = k;
                }
            }
            if (best == (int) target[r]) {
                c++;
            }
        }
        return c;
    }

    @Override public String name() { return "softmax_cross_entropy"; }
}

package dev.occam.nn;

/**
 * Binary cross-entropy on logits z with labels t ∈ [0, 1], one or more independent labels per
 * row: L = (1/B) Σ_rows Σ_k [max(z,0) − z·t + log(1 + e^(−|z|))], which never overflows
 * (PyTorch's BCEWithLogitsLoss for one output; for K outputs PyTorch averages over B·K).
 * dL/dz = (σ(z) − t)/B.
 */
public final class BinaryCrossEntropy implements Loss {

    @Override
    public double evaluate(float[] output, float[] target, int batch, int width, float[] grad) {
        int n = batch * width;
        double s = 0;
        double invB = 1.0 / batch;
        for (int i = 0; i < n; i++) {
            double z = output[i];
            double t = target[i];
            s += Math.max(z, 0) - z * t + Math.log1p(Math.exp(-Math.abs(z)));
            if (grad != null) {
                grad[i] = (float) ((Sigmoid.logistic(z) - t) * invB);
            }
        }
        return s / batch;
    }

    @Override public int targetWidth(int outputWidth) { return outputWidth; }

    @Override
    public double correct(float[] output, float[] target, int batch, int width) {
        double c = 0;
        for (int r = 0; r < batch; r++) {
            int right = 0;
            for (int k = 0; k < width; k++) {
                int i = r * width + k;
                if ((output[i] > 0) == (target[i] > 0.5f)) {
                    right++;
                }
            }
            c += (double) right / width;
        }
        return c;
    }

    @Override public String name() { return "binary_cross_entropy"; }
}

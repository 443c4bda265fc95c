package dev.occam.nn;

/**
 * L = (1/B) Σ_rows ½ Σ_k (y_k − t_k)², the canonical gaussian loss of DESIGN.md (note the ½;
 * PyTorch's MSELoss is the mean over B·K elements without ½, i.e. 2/K times this).
 * dL/dy = (y − t)/B.
 */
public final class MeanSquaredError implements Loss {

    @Override
    public double evaluate(float[] output, float[] target, int batch, int width, float[] grad) {
        int n = batch * width;
        double s = 0;
        float invB = 1f / batch;
        for (int i = 0; i < n; i++) {
            float d = output[i] - target[i];
            s += (double) d * d;
            if (grad != null) {
                grad[i] = d * invB;
            }
        }
        return 0.5 * s / batch;
    }

    @Override public int targetWidth(int outputWidth) { return outputWidth; }

    @Override public double correct(float[] output, float[] target, int batch, int width) { return Double.NaN; }

    @Override public String name() { return "mse"; }
}

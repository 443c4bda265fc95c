package dev.occam.nn;

/** y = max(x, 0); dy/dx = 1 for x &gt; 0, else 0 (0 at x = 0, as PyTorch). */
public final class Relu extends ElementwiseLayer {
    public Relu(int size) {
        super(size);
    }

    @Override
    void apply(float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = Math.max(x[i], 0f);
        }
    }

    @Override
    void gradient(float[] x, float[] y, float[] dy, float[] dx, int n) {
        for (int i = 0; i < n; i++) {
            dx[i] = x[i] > 0f ? dy[i] : 0f;
        }
    }

    @Override
    public String describe() { return "relu"; }
}

package dev.occam.nn;

/** y = tanh(x); dy/dx = 1 − y². */
public final class Tanh extends ElementwiseLayer {
    public Tanh(int size) {
        super(size);
    }

    @Override
    void apply(float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = (float) Math.tanh(x[i]);
        }
    }

    @Override
    void gradient(float[] x, float[] y, float[] dy, float[] dx, int n) {
        for (int i = 0; i < n; i++) {
            dx[i] = dy[i] * (1f - y[i] * y[i]);
        }
    }

    @Override
    public String describe() { return "tanh"; }
}

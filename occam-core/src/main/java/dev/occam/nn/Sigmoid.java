package dev.occam.nn;

/** y = 1/(1 + e^(−x)), evaluated without overflow for large |x|; dy/dx = y(1 − y). */
public final class Sigmoid extends ElementwiseLayer {
    public Sigmoid(int size) {
        super(size);
    }

    /** The logistic function, stable for any x. */
    static double logistic(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    @Override
    void apply(float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = (float) logistic(x[i]);
        }
    }

    @Override
    void gradient(float[] x, float[] y, float[] dy, float[] dx, int n) {
        for (int i = 0; i < n; i++) {
            dx[i] = dy[i] * (y[i] * (1f - y[i]));
        }
    }

    @Override
    public String describe() { return "sigmoid"; }
}

package dev.occam.nn;

/**
 * Base of the activation layers y = f(x), applied element by element. Subclasses write whole
 * loops (one virtual call per batch, none per element).
 */
abstract class ElementwiseLayer implements Layer {
    private final int size;
    private float[] x;
    private float[] y = new float[0];
    private float[] dx = new float[0];

    ElementwiseLayer(int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("layer size must be > 0; got " + size);
        }
        this.size = size;
    }

    @Override public int inputSize() { return size; }

    @Override public int outputSize() { return size; }

    @Override
    public final float[] forward(float[] x, int batch, Mode mode) {
        this.x = x;
        int n = batch * size;
        if (y.length < n) {
            y = new float[n];
        }
        apply(x, y, n);
        return y;
    }

    @Override
    public final float[] infer(float[] x, int batch) {
        int n = batch * size;
        float[] out = new float[n];
        apply(x, out, n);
        return out;
    }

    @Override
    public final float[] backward(float[] dy, int batch, boolean needInputGradient) {
        if (!needInputGradient) {
            return null;
        }
        int n = batch * size;
        if (dx.length < n) {
            dx = new float[n];
        }
        gradient(x, y, dy, dx, n);
        return dx;
    }

    /** y[i] = f(x[i]) for i &lt; n. */
    abstract void apply(float[] x, float[] y, int n);

    /** dx[i] = dy[i]·f'(x[i]), with y[i] = f(x[i]) available. */
    abstract void gradient(float[] x, float[] y, float[] dy, float[] dx, int n);
}

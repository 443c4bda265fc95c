package dev.occam.nn;

import java.util.SplittableRandom;

/**
 * Inverted dropout: while training each value is kept with probability 1 − rate and scaled by
 * 1/(1 − rate), else set to 0; at inference the layer is the identity. The mask of a pass is drawn
 * from a generator seeded by (run seed, layer salt, global step) — see {@link Mode} — so a run
 * resumed from a checkpoint draws the same masks as an uninterrupted one.
 */
public final class Dropout implements Layer {
    private final int size;
    private final double rate;
    private final long salt;
    private float[] mask = new float[0];
    private float[] y = new float[0];
    private float[] dx = new float[0];
    private boolean active;

    /**
     * @param rate probability of dropping a value, in [0, 1)
     * @param salt tells this layer's masks from other dropout layers' in the same network
     */
    public Dropout(int size, double rate, long salt) {
        if (size <= 0) {
            throw new IllegalArgumentException("layer size must be > 0; got " + size);
        }
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1); got " + rate);
        }
        this.size = size;
        this.rate = rate;
        this.salt = salt;
    }

    public double rate() { return rate; }

    /** Tells this layer's masks from other dropout layers'. */
    public long salt() { return salt; }

    @Override public int inputSize() { return size; }

    @Override public int outputSize() { return size; }

    @Override
    public float[] forward(float[] x, int batch, Mode mode) {
        active = mode.training() && rate > 0;
        if (!active) {
            return x;
        }
        int n = batch * size;
        if (y.length < n) {
            y = new float[n];
            mask = new float[n];
        }
        SplittableRandom rng = new SplittableRandom(Init.mix(Init.mix(mode.seed(), salt), mode.step()));
        float keep = (float) (1 / (1 - rate));
        for (int i = 0; i < n; i++) {
            float m = rng.nextDouble() < rate ? 0f : keep;
            mask[i] = m;
            y[i] = x[i] * m;
        }
        return y;
    }

    /** The identity: dropout is off at inference. */
    @Override
    public float[] infer(float[] x, int batch) {
        return x;
    }

    @Override
    public float[] backward(float[] dy, int batch, boolean needInputGradient) {
        if (!needInputGradient) {
            return null;
        }
        if (!active) {
            return dy;
        }
        int n = batch * size;
        if (dx.length < n) {
            dx = new float[n];
        }
        for (int i = 0; i < n; i++) {
            dx[i] = dy[i] * mask[i];
        }
        return dx;
    }

    @Override
    public String describe() { return "dropout(" + rate + ", salt=" + salt + ")"; }
}

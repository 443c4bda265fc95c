package dev.occam.nn;

import dev.occam.optim.ParameterRole;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Fully connected layer Y = X·W + b, W stored inputs × outputs row-major (Keras' "kernel"
 * layout; PyTorch's {@code Linear.weight} is its transpose), b zero-initialised.
 *
 * <p>Backward: dW = Xᵀ·dY, db = Σ_rows dY, dX = dY·Wᵀ, all through {@link FloatGemm}.
 */
public final class Dense implements Layer {
    private final int in;
    private final int out;
    private final Parameter weight;
    private final Parameter bias;
    private final Regularizer weightRegularizer;
    private final Regularizer biasRegularizer;
    private float[] x;
    private float[] y = new float[0];
    private float[] dx = new float[0];

    /**
     * @param name prefix of the parameter names ({@code name.weight}, {@code name.bias})
     * @param weightRegularizer Keras-style penalty on W (NONE for none)
     * @param biasRegularizer Keras-style penalty on b (NONE for none)
     */
    public Dense(String name, int inputs, int outputs, Regularizer weightRegularizer, Regularizer biasRegularizer) {
        if (inputs <= 0 || outputs <= 0) {
            throw new IllegalArgumentException("dense layer sizes must be > 0; got " + inputs + " -> " + outputs);
        }
        this.in = inputs;
        this.out = outputs;
        this.weight = new Parameter(name + ".weight", ParameterRole.WEIGHT, inputs, outputs);
        this.bias = new Parameter(name + ".bias", ParameterRole.BIAS, 1, outputs);
        this.weightRegularizer = Objects.requireNonNull(weightRegularizer, "weightRegularizer");
        this.biasRegularizer = Objects.requireNonNull(biasRegularizer, "biasRegularizer");
    }

    /** A dense layer without regularizers. */
    public Dense(String name, int inputs, int outputs) {
        this(name, inputs, outputs, Regularizer.NONE, Regularizer.NONE);
    }

    /** Draws W from {@code init}; b = 0. */
    public Dense initialize(Init init, SplittableRandom rng) {
        init.fill(weight.values(), in, out, rng);
        java.util.Arrays.fill(bias.values(), 0f);
        return this;
    }

    public Parameter weight() { return weight; }

    public Parameter bias() { return bias; }

    public Regularizer weightRegularizer() { return weightRegularizer; }

    public Regularizer biasRegularizer() { return biasRegularizer; }

    @Override public int inputSize() { return in; }

    @Override public int outputSize() { return out; }

    @Override
    public float[] forward(float[] x, int batch, Mode mode) {
        this.x = x;
        if (y.length < batch * out) {
            y = new float[batch * out];
        }
        float[] b = bias.values();
        for (int r = 0; r < batch; r++) {
            System.arraycopy(b, 0, y, r * out, out);
        }
        FloatGemm.gemm(false, false, batch, out, in, 1f, x, in, weight.values(), out, 1f, y, out);
        return y;
    }

    @Override
    public float[] infer(float[] x, int batch) {
        float[] out = new float[batch * this.out];
        float[] b = bias.values();
        for (int r = 0; r < batch; r++) {
            System.arraycopy(b, 0, out, r * this.out, this.out);
        }
        FloatGemm.gemm(false, false, batch, this.out, in, 1f, x, in, weight.values(), this.out, 1f, out, this.out);
        return out;
    }

    @Override
    public float[] backward(float[] dy, int batch, boolean needInputGradient) {
        // dW = Xᵀ · dY  (in × out)
        FloatGemm.gemm(true, false, in, out, batch, 1f, x, in, dy, out, 0f, weight.grad(), out);
        float[] db = bias.grad();
        java.util.Arrays.fill(db, 0f);
        for (int r = 0; r < batch; r++) {
            int off = r * out;
            for (int j = 0; j < out; j++) {
                db[j] += dy[off + j];
            }
        }
        if (!needInputGradient) {
            return null;
        }
        if (dx.length < batch * in) {
            dx = new float[batch * in];
        }
        // dX = dY · Wᵀ  (batch × in)
        FloatGemm.gemm(false, true, batch, in, out, 1f, dy, out, weight.values(), out, 0f, dx, in);
        return dx;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    @Override
    public double penalty() {
        return weightRegularizer.value(weight.values()) + biasRegularizer.value(bias.values());
    }

    @Override
    public void addPenaltyGradient() {
        weightRegularizer.addGradient(weight.values(), weight.grad());
        biasRegularizer.addGradient(bias.values(), bias.grad());
    }

    @Override
    public String describe() {
        return "dense(" + in + "->" + out + ")";
    }
}

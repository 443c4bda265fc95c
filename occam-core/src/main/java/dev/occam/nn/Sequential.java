package dev.occam.nn;

import dev.occam.optim.ParameterInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/** Layers applied in order; backward runs them in reverse. */
public final class Sequential {
    private final List<Layer> layers;
    private final List<Parameter> parameters;

    public Sequential(List<Layer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        this.layers = List.copyOf(layers);
        for (int i = 1; i < this.layers.size(); i++) {
            Layer prev = this.layers.get(i - 1);
            Layer cur = this.layers.get(i);
            if (prev.outputSize() != cur.inputSize()) {
                throw new IllegalArgumentException("layer " + (i + 1) + " (" + cur.describe() + ") expects " + cur.inputSize()
                        + " inputs; layer " + i + " (" + prev.describe() + ") gives " + prev.outputSize());
            }
        }
        List<Parameter> ps = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Layer l : this.layers) {
            for (Parameter p : l.parameters()) {
                if (!names.add(p.name())) {
                    throw new IllegalArgumentException("two parameters are named " + p.name());
                }
                ps.add(p);
            }
        }
        this.parameters = List.copyOf(ps);
    }

    /**
     * A multi-layer perceptron: dense → activation (→ dropout) for each hidden width, then a dense
     * output layer without activation (the loss applies softmax or sigmoid). Dense layers are named
     * dense1, dense2, …; weights drawn with the activation's default initialisation from
     * {@code seed}; the regularizer applies to every dense weight (not to biases).
     */
    public static Sequential mlp(int inputs, int[] hidden, int outputs, Activation activation, double dropout,
                                 Regularizer weightRegularizer, long seed) {
        return mlp(inputs, hidden, outputs, activation, dropout, weightRegularizer, Regularizer.NONE, seed);
    }

    /** As {@link #mlp(int, int[], int, Activation, double, Regularizer, long)}, with a regularizer on the biases too. */
    public static Sequential mlp(int inputs, int[] hidden, int outputs, Activation activation, double dropout,
                                 Regularizer weightRegularizer, Regularizer biasRegularizer, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Layer> ls = new ArrayList<>();
        int width = inputs;
        int k = 1;
        for (int h : hidden) {
            ls.add(new Dense("dense" + k, width, h, weightRegularizer, biasRegularizer).initialize(activation.defaultInit(), rng));
            ls.add(activation.layer(h));
            if (dropout > 0) {
                ls.add(new Dropout(h, dropout, k));
            }
            width = h;
            k++;
        }
        ls.add(new Dense("dense" + k, width, outputs, weightRegularizer, biasRegularizer).initialize(Init.GLOROT, rng));
        return new Sequential(ls);
    }

    public List<Layer> layers() { return layers; }

    /** All trainable parameters in layer order. */
    public List<Parameter> parameters() { return parameters; }

    /** The optimizer's view of the parameters. */
    public List<ParameterInfo> parameterInfos() {
        return parameters.stream().map(Parameter::info).collect(Collectors.toList());
    }

    public int inputSize() { return layers.get(0).inputSize(); }

    public int outputSize() { return layers.get(layers.size() - 1).outputSize(); }

    /** The output for a batch (array owned by the last layer; see {@link Layer}). x not modified. */
    public float[] forward(float[] x, int batch, Mode mode) {
        float[] h = x;
        for (Layer l : layers) {
            h = l.forward(h, batch, mode);
        }
        return h;
    }

    /** Back-propagates dL/dOutput, overwriting every parameter's gradient. dOut not modified. */
    public void backward(float[] dOut, int batch) {
        float[] g = dOut;
        for (int i = layers.size() - 1; i >= 0; i--) {
            g = layers.get(i).backward(g, batch, i > 0);
        }
    }

    /** Σ of the layers' regularizer penalties. */
    public double penalty() {
        double s = 0;
        for (Layer l : layers) {
            s += l.penalty();
        }
        return s;
    }

    /** Adds every regularizer's gradient to the parameter gradients. */
    public void addPenaltyGradient() {
        for (Layer l : layers) {
            l.addPenaltyGradient();
        }
    }

    /**
     * Outputs for n rows of x (n × inputSize), computed in batches of 256 in inference mode. Safe
     * from many threads at once: it uses {@link Layer#infer}, which keeps nothing in the layers
     * (unlike {@link #forward}, whose buffers belong to the layers); the results equal forward's.
     */
    public float[] predict(float[] x, int n) {
        int in = inputSize();
        int out = outputSize();
        if (x.length < (long) n * in) {
            throw new IllegalArgumentException("x has " + x.length + " values; " + n + " rows of " + in + " need " + ((long) n * in));
        }
        float[] result = new float[n * out];
        int bs = 256;
        float[] buf = new float[Math.min(bs, Math.max(n, 1)) * in];
        for (int r0 = 0; r0 < n; r0 += bs) {
            int b = Math.min(bs, n - r0);
            System.arraycopy(x, r0 * in, buf, 0, b * in);
            float[] y = buf;
            for (Layer l : layers) {
                y = l.infer(y, b);
            }
            System.arraycopy(y, 0, result, r0 * out, b * out);
        }
        return result;
    }

    /** The parameter values, one array per parameter (references, not copies). */
    public float[][] values() {
        float[][] v = new float[parameters.size()][];
        for (int i = 0; i < v.length; i++) {
            v[i] = parameters.get(i).values();
        }
        return v;
    }

    /** The gradients, one array per parameter (references, not copies). */
    public float[][] grads() {
        float[][] g = new float[parameters.size()][];
        for (int i = 0; i < g.length; i++) {
            g[i] = parameters.get(i).grad();
        }
        return g;
    }

    /** A deep copy of the parameter values. */
    public float[][] copyValues() {
        float[][] v = new float[parameters.size()][];
        for (int i = 0; i < v.length; i++) {
            v[i] = parameters.get(i).values().clone();
        }
        return v;
    }

    /** Overwrites the parameter values with {@code v} (shapes must match). v not modified. */
    public void setValues(float[][] v) {
        if (v.length != parameters.size()) {
            throw new IllegalArgumentException("got " + v.length + " arrays for " + parameters.size() + " parameters");
        }
        for (int i = 0; i < v.length; i++) {
            float[] dst = parameters.get(i).values();
            if (v[i].length != dst.length) {
                throw new IllegalArgumentException(parameters.get(i).name() + " has " + dst.length + " values; got " + v[i].length);
            }
            System.arraycopy(v[i], 0, dst, 0, dst.length);
        }
    }

    /** e.g. {@code "dense(4->5), tanh, dense(5->3)"}. */
    public String describe() {
        return layers.stream().map(Layer::describe).collect(Collectors.joining(", "));
    }
}

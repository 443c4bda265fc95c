package dev.occam.nn;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Finite-difference checks of every layer's and every loss's backward pass. */
class GradientCheckTest {
    private static final int BATCH = 3;

    private static float[] random(int n, SplittableRandom rng, double scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            // keep away from 0 so ReLU's kink is never inside a finite-difference step
            double u = rng.nextDouble() * 2 - 1;
            v[i] = (float) (scale * (Math.signum(u) * 0.1 + u));
        }
        return v;
    }

    /** L = Σ r·forward(x), in double. */
    private static double projected(Layer layer, float[] x, float[] r, Mode mode) {
        float[] y = layer.forward(x, BATCH, mode);
        double s = 0;
        for (int i = 0; i < r.length; i++) {
            s += (double) r[i] * y[i];
        }
        return s;
    }

    static Stream<Arguments> layers() {
        return Stream.of(
                Arguments.of("dense", (IntFunction<Layer>) n -> new Dense("d", n, 5).initialize(Init.GLOROT, new SplittableRandom(1))),
                Arguments.of("relu", (IntFunction<Layer>) Relu::new),
                Arguments.of("tanh", (IntFunction<Layer>) Tanh::new),
                Arguments.of("sigmoid", (IntFunction<Layer>) Sigmoid::new),
                Arguments.of("gelu", (IntFunction<Layer>) Gelu::new),
                Arguments.of("dropout", (IntFunction<Layer>) n -> new Dropout(n, 0.4, 9)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void layerBackwardMatchesFiniteDifferences(String name, IntFunction<Layer> make) {
        int in = 4;
        Layer layer = make.apply(in);
        SplittableRandom rng = new SplittableRandom(name.hashCode());
        float[] x = random(BATCH * in, rng, 1.5);
        float[] r = random(BATCH * layer.outputSize(), rng, 1);
        Mode mode = Mode.training(17, 5);
        layer.forward(x, BATCH, mode);
        float[] dx = layer.backward(r, BATCH, true).clone();
        GradientCheck.check(name + " dX", x, dx, () -> projected(layer, x, r, mode));
        for (Parameter p : layer.parameters()) {
            layer.forward(x, BATCH, mode);
            layer.backward(r, BATCH, true);
            float[] g = p.grad().clone();
            GradientCheck.check(name + " " + p.name(), p.values(), g, () -> projected(layer, x, r, mode));
        }
    }

    static Stream<Arguments> losses() {
        return Stream.of(
                Arguments.of(new MeanSquaredError(), new float[]{0.5f, -1f, 2f, 0f, 1f, -0.5f, 3f, 1f, -2f}),
                Arguments.of(new BinaryCrossEntropy(), new float[]{1, 0, 1, 0, 0, 1, 0.3f, 1, 0}),
                Arguments.of(new SoftmaxCrossEntropy(), new float[]{2, 0, 1}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("losses")
    void lossGradientMatchesFiniteDifferences(Loss loss, float[] target) {
        int width = 3;
        float[] z = random(BATCH * width, new SplittableRandom(4), 3);
        float[] grad = new float[z.length];
        loss.evaluate(z, target, BATCH, width, grad);
        GradientCheck.check(loss.name(), z, grad, () -> loss.evaluate(z, target, BATCH, width, null));
    }

    @Test
    void wholeNetworkWithRegularizersMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(3);
        Sequential net = new Sequential(List.of(
                new Dense("d1", 4, 6, new Regularizer(0.01, 0.05), Regularizer.l2(0.02)).initialize(Init.HE, rng),
                new Gelu(6),
                new Dense("d2", 6, 5, Regularizer.l2(0.1), Regularizer.NONE).initialize(Init.GLOROT, rng),
                new Tanh(5),
                new Dense("d3", 5, 3).initialize(Init.GLOROT, rng)));
        float[] x = random(BATCH * 4, rng, 1);
        float[] t = {0, 2, 1};
        Loss loss = new SoftmaxCrossEntropy();
        float[] dOut = new float[BATCH * 3];
        java.util.function.DoubleSupplier objective = () -> loss.evaluate(net.forward(x, BATCH, Mode.inference()), t, BATCH, 3, null)
                + net.penalty();
        for (Parameter p : net.parameters()) {
            float[] out = net.forward(x, BATCH, Mode.inference());
            loss.evaluate(out, t, BATCH, 3, dOut);
            net.backward(dOut, BATCH);
            net.addPenaltyGradient();
            GradientCheck.check(p.name(), p.values(), p.grad().clone(), objective);
        }
    }
}

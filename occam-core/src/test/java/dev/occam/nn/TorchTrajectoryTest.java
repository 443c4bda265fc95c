package dev.occam.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.occam.optim.GradientTransform;
import dev.occam.optim.Mask;
import dev.occam.optim.OptState;
import dev.occam.optim.OptimizerSettings;
import dev.occam.optim.OptimizerSettings.Method;
import dev.occam.optim.Schedule;
import dev.occam.optim.Transforms;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Occam's optimizers and network against PyTorch 1.13 on a 4-5-3 tanh network with softmax
 * cross-entropy: same data, initial weights and batch order (golden/torch/, made by
 * make_optimizer_trajectories.py), every parameter after every one of 9 steps.
 */
class TorchTrajectoryTest {
    private static final int BATCH = 4;
    private static TorchGolden golden;

    /**
     * Agreement required: float32 rounding differs between the two implementations (summation
     * order in matrix products, fused multiply-adds in PyTorch's vectorized kernels), so values
     * agree to about one unit in the last place of values near 1 (measured: at most 1.2e-7 absolute
     * over the 9 steps of every case).
     */
    private static final double RELATIVE = 3e-7;
    private static final double ABSOLUTE = 1.5e-7;

    @BeforeAll
    static void load() throws IOException {
        golden = TorchGolden.load();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("sgd", OptimizerSettings.of(Method.SGD, 0.1).withWeightDecay(0.01).withDecayMask(Mask.ALL)),
                Arguments.of("momentum", OptimizerSettings.of(Method.MOMENTUM, 0.1).withMomentum(0.9).withWeightDecay(0.01)),
                Arguments.of("nesterov", OptimizerSettings.of(Method.NESTEROV, 0.05).withMomentum(0.9).withWeightDecay(0.02)),
                Arguments.of("adam", OptimizerSettings.of(Method.ADAM, 0.01).withWeightDecay(0.01).withDecayMask(Mask.ALL)),
                Arguments.of("adamw", OptimizerSettings.of(Method.ADAMW, 0.01).withWeightDecay(0.1)),
                Arguments.of("adamw_step_schedule", OptimizerSettings.of(Method.ADAMW, Schedule.step(0.02, 3, 0.5)).withWeightDecay(0.5)),
                Arguments.of("momentum_cosine", OptimizerSettings.of(Method.MOMENTUM, Schedule.cosine(0.2, 9, 0)).withMomentum(0.9)
                        .withWeightDecay(0.01).withDecayMask(Mask.ALL)),
                Arguments.of("sgd_clipped", OptimizerSettings.of(Method.SGD, 0.5).withClipNorm(0.3)));
    }

    private static Sequential network() {
        Sequential net = new Sequential(List.of(new Dense("dense1", 4, 5), new Tanh(5), new Dense("dense2", 5, 3)));
        for (Parameter p : net.parameters()) {
            float[] v = golden.init.get(p.name());
            System.arraycopy(v, 0, p.values(), 0, v.length);
        }
        return net;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void trajectoryMatchesPyTorch(String name, OptimizerSettings settings) {
        TorchGolden.Case c = golden.cases.get(name);
        Sequential net = network();
        GradientTransform opt = settings.toTransform();
        OptState state = opt.init(net.parameterInfos());
        Loss loss = new SoftmaxCrossEntropy();
        float[] xb = new float[BATCH * 4];
        float[] yb = new float[BATCH];
        float[] dOut = new float[BATCH * 3];
        float[][] values = net.values();
        float[][] grads = net.grads();
        int steps = golden.order.length / BATCH;
        for (int s = 0; s < steps; s++) {
            for (int r = 0; r < BATCH; r++) {
                int row = golden.order[s * BATCH + r];
                System.arraycopy(golden.x, row * 4, xb, r * 4, 4);
                yb[r] = golden.y[row];
            }
            float[] out = net.forward(xb, BATCH, Mode.training(s, 0));
            double l = loss.evaluate(out, yb, BATCH, 3, dOut);
            assertThat(l).as("%s loss at step %d", name, s + 1).isCloseTo(c.losses.get(s), within(1e-6 * Math.max(1, c.losses.get(s))));
            net.backward(dOut, BATCH);
            opt.update(grads, state, values);
            Transforms.applyUpdates(values, grads);
            Map<String, float[]> expected = c.params.get(s);
            for (Parameter p : net.parameters()) {
                float[] e = expected.get(p.name());
                for (int i = 0; i < e.length; i++) {
                    assertThat((double) p.values()[i]).as("%s step %d %s[%d]", name, s + 1, p.name(), i)
                            .isCloseTo(e[i], within(ABSOLUTE + RELATIVE * Math.abs(e[i])));
                }
            }
        }
        assertThat(c.params).hasSize(steps);
    }

    @Test
    void schedulesMatchPyTorchSchedulers() {
        check("step_3_0.5", Schedule.step(0.1, 3, 0.5), 12);
        check("exponential_0.8", Schedule.exponential(0.1, 0.8), 12);
        // PyTorch's cosine restarts upward after T_max; Occam stays at the minimum: compare t ≤ T
        check("cosine_10_0.01", Schedule.cosine(0.1, 10, 0.01), 11);
        check("linear_warmup_4", Schedule.warmup(4, Schedule.constant(0.1)), 12);
    }

    private static void check(String name, Schedule s, int steps) {
        double[] e = golden.schedules.get(name);
        for (int t = 0; t < steps; t++) {
            assertThat(s.at(t)).as("%s at %d", name, t).isCloseTo(e[t], within(1e-15));
        }
    }
}

package dev.occam.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every named optimizer on a quadratic (with and without L2) and on Rosenbrock's function. */
class OptimizerTableTest {

    private static final double[] A = {1, 3, 0.5, 2};
    private static final double[] C = {1, -2, 0.5, 3};
    private static final List<ParameterInfo> W4 = List.of(new ParameterInfo("w", ParameterRole.WEIGHT, 4));

    /** ∇ of ½ Σ a_i (w_i − c_i)². */
    private static final OptimTesting.Gradient QUADRATIC = (p, g) -> {
        for (int i = 0; i < 4; i++) {
            g[0][i] = (float) (A[i] * (p[0][i] - C[i]));
        }
    };

    /** ∇ of (1 − x)² + 100 (y − x²)². */
    private static final OptimTesting.Gradient ROSENBROCK = (p, g) -> {
        double x = p[0][0];
        double y = p[0][1];
        g[0][0] = (float) (-2 * (1 - x) - 400 * x * (y - x * x));
        g[0][1] = (float) (200 * (y - x * x));
    };

    static Stream<Arguments> quadraticCases() {
        return Stream.of(
                Arguments.of("sgd", OptimizerSettings.of(OptimizerSettings.Method.SGD, 0.1), 400),
                Arguments.of("momentum", OptimizerSettings.of(OptimizerSettings.Method.MOMENTUM, 0.05), 400),
                Arguments.of("nesterov", OptimizerSettings.of(OptimizerSettings.Method.NESTEROV, 0.05), 400),
                Arguments.of("adam", OptimizerSettings.of(OptimizerSettings.Method.ADAM, Schedule.cosine(0.1, 3000, 0)), 3000),
                Arguments.of("clipped sgd", OptimizerSettings.of(OptimizerSettings.Method.SGD, 0.1).withClipNorm(0.5), 1000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quadraticCases")
    void reachesTheMinimumOfAQuadratic(String name, OptimizerSettings s, int steps) {
        float[][] w = {{0, 0, 0, 0}};
        OptimTesting.run(s.toTransform(), W4, w, QUADRATIC, steps);
        for (int i = 0; i < 4; i++) {
            assertThat((double) w[0][i]).as("w[%d]", i).isCloseTo(C[i], within(1e-4));
        }
    }

    /** As above, but clipping at 5: the ridge optimum's data gradient λ‖w*‖ must lie under the clip norm. */
    static Stream<Arguments> ridgeCases() {
        return quadraticCases().map(a -> {
            OptimizerSettings s = (OptimizerSettings) a.get()[1];
            return s.clipNorm() > 0 ? Arguments.of(a.get()[0], s.withClipNorm(5), a.get()[2]) : a;
        });
    }

    @ParameterizedTest(name = "{0} with L2")
    @MethodSource("ridgeCases")
    void coupledDecayReachesTheRidgeMinimum(String name, OptimizerSettings s, int steps) {
        double lambda = 0.5;
        float[][] w = {{0, 0, 0, 0}};
        OptimTesting.run(s.withWeightDecay(lambda).toTransform(), W4, w, QUADRATIC, steps);
        for (int i = 0; i < 4; i++) {
            // argmin ½a(w − c)² + (λ/2)w² = a c / (a + λ)
            assertThat((double) w[0][i]).as("w[%d]", i).isCloseTo(A[i] * C[i] / (A[i] + lambda), within(1e-4));
        }
    }

    static Stream<Arguments> rosenbrockCases() {
        return Stream.of(
                Arguments.of("sgd", OptimizerSettings.of(OptimizerSettings.Method.SGD, 1e-3), 40000),
                Arguments.of("momentum", OptimizerSettings.of(OptimizerSettings.Method.MOMENTUM, 2e-4), 20000),
                Arguments.of("nesterov", OptimizerSettings.of(OptimizerSettings.Method.NESTEROV, 2e-4), 20000),
                Arguments.of("adam", OptimizerSettings.of(OptimizerSettings.Method.ADAM, Schedule.cosine(0.02, 20000, 0)), 20000),
                Arguments.of("adamw wd=0", OptimizerSettings.of(OptimizerSettings.Method.ADAMW, Schedule.cosine(0.02, 20000, 0))
                        .withWeightDecay(0), 20000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rosenbrockCases")
    void findsTheRosenbrockValleyMinimum(String name, OptimizerSettings s, int steps) {
        float[][] w = {{-1.2f, 1f}};
        OptimTesting.run(s.toTransform(), List.of(new ParameterInfo("w", ParameterRole.WEIGHT, 2)), w, ROSENBROCK, steps);
        assertThat((double) w[0][0]).isCloseTo(1.0, within(1e-2));
        assertThat((double) w[0][1]).isCloseTo(1.0, within(2e-2));
    }
}

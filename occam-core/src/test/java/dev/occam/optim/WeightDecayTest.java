package dev.occam.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The facts that distinguish coupled L2, decoupled decay and the L1 proximal step. */
class WeightDecayTest {

    private static final List<ParameterInfo> WB = OptimTesting.weightAndBias(5, 2);

    private static float[][] start() {
        return new float[][]{{1.5f, -0.75f, 0.3f, -2f, 0.01f}, {0.5f, -1.25f}};
    }

    /** Random gradients, the same sequence for every run with the same seed. */
    private static OptimTesting.Gradient noise(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        return (p, g) -> {
            for (float[] gi : g) {
                for (int j = 0; j < gi.length; j++) {
                    gi[j] = (float) (r.nextDouble() * 2 - 1);
                }
            }
        };
    }

    @Test
    void sgdWithZeroDataGradientShrinksWeightsByOneMinusEtaLambdaPerStep() {
        double eta = 0.1;
        double lambda = 0.3;
        int steps = 50;
        float[][] w = start();
        float[][] w0 = OptimTesting.deepCopy(w);
        OptimTesting.run(Optimizers.sgd(eta, lambda), WB, w, OptimTesting.ZERO, steps);
        double factor = Math.pow(1 - eta * lambda, steps);
        for (int j = 0; j < w[0].length; j++) {
            // float arithmetic: one rounding per step, so relative error ≤ steps · 2⁻²⁴ · a few
            assertThat((double) w[0][j]).isCloseTo(w0[0][j] * factor, within(Math.abs(w0[0][j] * factor) * steps * 2e-7));
        }
        assertThat(w[1]).as("biases are not decayed by default").containsExactly(w0[1]);
    }

    @Test
    void sgdDecayOfEveryParameterWhenTheMaskSaysAll() {
        float[][] w = start();
        float[][] w0 = OptimTesting.deepCopy(w);
        GradientTransform t = OptimizerSettings.of(OptimizerSettings.Method.SGD, 0.1).withWeightDecay(0.3)
                .withDecayMask(Mask.ALL).toTransform();
        OptimTesting.run(t, WB, w, OptimTesting.ZERO, 10);
        double factor = Math.pow(0.97, 10);
        assertThat((double) w[1][1]).isCloseTo(w0[1][1] * factor, within(1e-6));
    }

    @Test
    void maskedParametersFollowTheUndecayedTrajectoryBitForBit() {
        for (OptimizerSettings.Method m : OptimizerSettings.Method.values()) {
            OptimizerSettings s = OptimizerSettings.of(m, 0.05);
            float[][] decayed = start();
            float[][] plain = start();
            OptimTesting.run(s.withWeightDecay(0.2).withL1(0.01).toTransform(), WB, decayed, noise(7), 30);
            OptimTesting.run(s.withWeightDecay(0).toTransform(), WB, plain, noise(7), 30);
            assertThat(decayed[1]).as(m + " bias").containsExactly(plain[1]);
            assertThat(decayed[0]).as(m + " weight").isNotEqualTo(plain[0]);
        }
    }

    @Test
    void parameterGroupsCanHaveTheirOwnDecay() {
        // Two weight groups with different coupled decays, biases left alone: per-group masks in one chain.
        List<ParameterInfo> infos = List.of(new ParameterInfo("dense1.weight", ParameterRole.WEIGHT, 2),
                new ParameterInfo("dense2.weight", ParameterRole.WEIGHT, 2), new ParameterInfo("dense2.bias", ParameterRole.BIAS, 1));
        GradientTransform t = Transforms.chain(
                Transforms.masked(Transforms.addDecayedWeights(0.5), Mask.names(java.util.Set.of("dense1.weight"))),
                Transforms.masked(Transforms.addDecayedWeights(0.05), Mask.WEIGHTS.except(java.util.Set.of("dense1.weight"))),
                Transforms.scaleByLearningRate(Schedule.constant(0.1)));
        float[][] w = {{1, -2}, {1, -2}, {3}};
        OptimTesting.run(t, infos, w, OptimTesting.ZERO, 10);
        assertThat((double) w[0][1]).isCloseTo(-2 * Math.pow(0.95, 10), within(1e-5));
        assertThat((double) w[1][1]).isCloseTo(-2 * Math.pow(0.995, 10), within(1e-5));
        assertThat(w[2][0]).isEqualTo(3f);
    }

    @Test
    void adamwWithoutDecayIsAdam() {
        float[][] a = start();
        float[][] b = start();
        OptimTesting.run(Optimizers.adam(0.01, 0.9, 0.99, 1e-6, 0), WB, a, noise(3), 40);
        OptimTesting.run(Optimizers.adamw(0.01, 0.9, 0.99, 1e-6, 0), WB, b, noise(3), 40);
        assertThat(a[0]).containsExactly(b[0]);
        assertThat(a[1]).containsExactly(b[1]);
    }

    @Test
    void adamwDecaysGeometricallyWhileAdamWithL2MovesByTheLearningRate() {
        // With no data gradient, Adam + L2 sees g = λw and normalizes it away: the first step is
        // −η·sign(w) (up to ε) whatever λ is. AdamW shrinks w by (1 − ηλ) per step instead.
        double eta = 0.01;
        for (double lambda : new double[]{1e-3, 1e-1}) {
            float[][] adam = start();
            float[][] adamw = start();
            float[][] w0 = start();
            OptimTesting.run(Optimizers.adam(eta, lambda), WB, adam, OptimTesting.ZERO, 1);
            OptimTesting.run(Optimizers.adamw(eta, lambda), WB, adamw, OptimTesting.ZERO, 20);
            for (int j = 0; j < 5; j++) {
                // first step: m̂/(√v̂ + ε) = g/(|g| + ε), g = λw
                double g = lambda * w0[0][j];
                assertThat((double) (w0[0][j] - adam[0][j])).as("adam+L2 λ=%s w%d", lambda, j)
                        .isCloseTo(eta * g / (Math.abs(g) + 1e-8), within(3e-7));
                assertThat((double) adamw[0][j]).as("adamw λ=%s w%d", lambda, j)
                        .isCloseTo(w0[0][j] * Math.pow(1 - eta * lambda, 20), within(Math.abs(w0[0][j]) * 1e-5));
            }
        }
    }

    @Test
    void adamWithL2DecaysWeightsWithLargeGradientsLessThanAdamwDoes() {
        // Two weights of the same value with noisy gradients ±σ, σ = 100 for one and 0.01 for the
        // other. AdamW's decay is the same for both (the Adam steps do not depend on w). Adam's L2
        // term λw is divided by √v̂ ≈ σ: it nearly vanishes for the noisy weight and dominates the
        // quiet one, whose every step becomes ≈ −η (Loshchilov & Hutter 2019, section 2).
        List<ParameterInfo> two = List.of(new ParameterInfo("w", ParameterRole.WEIGHT, 2));
        double eta = 1e-3;
        double lambda = 0.1;
        int steps = 100;
        double[] decayEffect = new double[4];
        GradientTransform[] with = {Optimizers.adam(eta, lambda), Optimizers.adamw(eta, lambda)};
        GradientTransform[] without = {Optimizers.adam(eta, 0), Optimizers.adamw(eta, 0)};
        for (int k = 0; k < 2; k++) {
            float[][] a = {{1f, 1f}};
            float[][] b = {{1f, 1f}};
            OptimTesting.run(with[k], two, a, signNoise(100f, 0.01f), steps);
            OptimTesting.run(without[k], two, b, signNoise(100f, 0.01f), steps);
            decayEffect[2 * k] = b[0][0] - a[0][0];
            decayEffect[2 * k + 1] = b[0][1] - a[0][1];
        }
        // AdamW: both weights lose Σ η·λ·w_t ≈ η·λ·t = 1e-2 (w_t wanders a little from 1).
        assertThat(decayEffect[2]).isCloseTo(eta * lambda * steps, within(1e-3));
        assertThat(decayEffect[3]).isCloseTo(eta * lambda * steps, within(1e-3));
        // Adam + L2: the noisy weight is barely decayed (≈ η·t·λw/σ = 1e-4), the quiet one loses
        // ≈ η per step, ten times what AdamW takes.
        assertThat(decayEffect[0]).isLessThan(1e-3);
        assertThat(decayEffect[1]).isGreaterThan(5e-2);
    }

    /** Gradients ±σ₀ and ±σ₁ with seeded random signs. */
    private static OptimTesting.Gradient signNoise(float s0, float s1) {
        SplittableRandom r = new SplittableRandom(5);
        return (p, g) -> {
            g[0][0] = r.nextBoolean() ? s0 : -s0;
            g[0][1] = r.nextBoolean() ? s1 : -s1;
        };
    }

    @Test
    void decayFollowingOnlyTheScheduleIgnoresTheBaseRate() {
        // With a constant schedule the multiplier is 1: w ← (1 − wd)·w per step, whatever η is.
        for (double eta : new double[]{1e-3, 1e-1}) {
            float[][] w = start();
            float[][] w0 = start();
            GradientTransform t = OptimizerSettings.of(OptimizerSettings.Method.ADAMW, eta).withWeightDecay(0.05)
                    .withDecayScaling(DecayScaling.SCHEDULE).toTransform();
            OptimTesting.run(t, WB, w, OptimTesting.ZERO, 10);
            for (int j = 0; j < 5; j++) {
                assertThat((double) w[0][j]).isCloseTo(w0[0][j] * Math.pow(0.95, 10), within(Math.abs(w0[0][j]) * 1e-5));
            }
            assertThat(w[1]).containsExactly(w0[1]);
        }
    }

    @Test
    void decoupledDecayStageEqualsOptaxPlacementOfAddDecayedWeights() {
        // optax's adamw: chain(scale_by_adam, add_decayed_weights, scale_by_learning_rate).
        Schedule lr = Schedule.cosine(0.01, 40, 0.001);
        GradientTransform optaxStyle = Transforms.chain(Transforms.scaleByAdam(0.9, 0.999, 1e-8),
                Transforms.masked(Transforms.addDecayedWeights(0.1), Mask.WEIGHTS), Transforms.scaleByLearningRate(lr));
        GradientTransform occam = OptimizerSettings.of(OptimizerSettings.Method.ADAMW, lr).withWeightDecay(0.1).toTransform();
        float[][] a = start();
        float[][] b = start();
        OptimTesting.run(optaxStyle, WB, a, noise(11), 40);
        OptimTesting.run(occam, WB, b, noise(11), 40);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < a[i].length; j++) {
                assertThat(a[i][j]).isCloseTo(b[i][j], within(1e-6f));
            }
        }
    }

    @Test
    void l1ProximalStepGivesExactZerosAtTheLassoSolution() {
        // min ½ Σ a_j (w_j − c_j)² + l1 Σ|w_j|  ⇒  w_j = S(a_j c_j, l1) / a_j.
        double[] a = {1, 2, 1, 4, 1};
        double[] c = {0.05, -0.3, 1.0, 0.02, -0.08};
        double l1 = 0.1;
        List<ParameterInfo> one = List.of(new ParameterInfo("w", ParameterRole.WEIGHT, 5));
        OptimTesting.Gradient grad = (p, g) -> {
            for (int j = 0; j < 5; j++) {
                g[0][j] = (float) (a[j] * (p[0][j] - c[j]));
            }
        };
        float[][] w = {{1, 1, 1, 1, 1}};
        OptimTesting.run(OptimizerSettings.of(OptimizerSettings.Method.SGD, 0.2).withL1(l1).toTransform(), one, w, grad, 300);
        for (int j = 0; j < 5; j++) {
            double z = a[j] * c[j];
            double expected = Math.signum(z) * Math.max(Math.abs(z) - l1, 0) / a[j];
            if (expected == 0) {
                assertThat(w[0][j]).as("w%d", j).isEqualTo(0f);
            } else {
                assertThat((double) w[0][j]).as("w%d", j).isCloseTo(expected, within(1e-6));
            }
        }
        // Three of the five are exactly zero.
        int zeros = 0;
        for (float v : w[0]) {
            zeros += v == 0f ? 1 : 0;
        }
        assertThat(zeros).isEqualTo(3);
    }

    @Test
    void l1ProximalStepWithAdamAlsoGivesExactZeros() {
        float[][] w = start();
        OptimTesting.run(OptimizerSettings.of(OptimizerSettings.Method.ADAM, 0.05).withL1(0.5).toTransform(), WB, w,
                (p, g) -> {
                    for (float[] gi : g) {
                        java.util.Arrays.fill(gi, 0f);
                    }
                    g[0][0] = p[0][0] - 3f; // one weight with a strong pull to 3
                }, 200);
        assertThat(w[0][1]).isEqualTo(0f);
        assertThat(w[0][2]).isEqualTo(0f);
        assertThat(w[0][3]).isEqualTo(0f);
        assertThat(w[0][4]).isEqualTo(0f);
        assertThat(w[0][0]).isGreaterThan(2f);
        assertThat(w[1]).containsExactly(start()[1]);
    }
}

package dev.occam.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TransformsTest {

    private static final List<ParameterInfo> WB = OptimTesting.weightAndBias(3, 1);

    @Test
    void clipByGlobalNormRescalesAllParametersTogether() {
        GradientTransform clip = Transforms.clipByGlobalNorm(1.0);
        OptState s = clip.init(WB);
        float[][] u = {{3, 0, 0}, {4}};
        clip.update(u, s, new float[][]{{0, 0, 0}, {0}});
        // norm 5 → scale 1/(5 + 1e-6)
        assertThat((double) u[0][0]).isCloseTo(0.6, within(1e-6));
        assertThat((double) u[1][0]).isCloseTo(0.8, within(1e-6));
        float[][] small = {{0.3f, 0, 0}, {0.4f}};
        clip.update(small, s, new float[][]{{0, 0, 0}, {0}});
        assertThat(small[0][0]).isEqualTo(0.3f);
        assertThat(small[1][0]).isEqualTo(0.4f);
        assertThat(s.count()).isEqualTo(2);
    }

    @Test
    void momentumMatchesPyTorchsFirstTwoSteps() {
        GradientTransform m = Transforms.chain(Transforms.momentum(0.9), Transforms.scaleByLearningRate(Schedule.constant(0.5)));
        OptState s = m.init(List.of(new ParameterInfo("w", ParameterRole.WEIGHT, 1)));
        float[][] p = {{0}};
        float[][] u = {{2}};
        m.update(u, s, p);
        assertThat(u[0][0]).isEqualTo(-1f);              // buf = g = 2
        u[0][0] = 1;
        m.update(u, s, p);
        assertThat(u[0][0]).isEqualTo(-0.5f * (0.9f * 2 + 1)); // buf = 0.9·2 + 1
        assertThat(s.child(0).buffer("trace")[0][0]).isEqualTo(0.9f * 2 + 1);
    }

    @Test
    void nesterovLooksAhead() {
        GradientTransform m = Transforms.nesterov(0.5);
        OptState s = m.init(List.of(new ParameterInfo("w", ParameterRole.WEIGHT, 1)));
        float[][] u = {{2}};
        m.update(u, s, new float[][]{{0}});
        assertThat(u[0][0]).isEqualTo(3f);  // g + μ·buf = 2 + 0.5·2
    }

    @Test
    void adamsFirstStepIsTheSignOfTheGradient() {
        GradientTransform adam = Transforms.scaleByAdam(0.9, 0.999, 1e-8);
        OptState s = adam.init(WB);
        float[][] u = {{0.5f, -3f, 1e-3f}, {-7f}};
        adam.update(u, s, new float[][]{{0, 0, 0}, {0}});
        assertThat((double) u[0][0]).isCloseTo(1, within(1e-6));
        assertThat((double) u[0][1]).isCloseTo(-1, within(1e-6));
        assertThat((double) u[0][2]).isCloseTo(1, within(1e-4)); // ε matters only for tiny gradients
        assertThat((double) u[1][0]).isCloseTo(-1, within(1e-6));
    }

    @Test
    void stateCopiesAreIndependentAndRestorable() {
        GradientTransform t = Optimizers.adam(0.1, 0.01);
        OptState s = t.init(WB);
        float[][] p = {{1, 2, 3}, {4}};
        t.update(new float[][]{{1, 1, 1}, {1}}, s, p);
        OptState saved = s.copy();
        t.update(new float[][]{{5, 5, 5}, {5}}, s, p);
        assertThat(s.count()).isEqualTo(2);
        assertThat(saved.count()).isEqualTo(1);
        float[][] mu = saved.child(1).buffer("mu");
        assertThat(mu[0][0]).isNotEqualTo(s.child(1).buffer("mu")[0][0]);
        s.copyFrom(saved);
        assertThat(s.child(1).buffer("mu")[0]).containsExactly(mu[0]);
        assertThat(s.count()).isEqualTo(1);
    }

    @Test
    void stateOfAnotherOptimizerIsRejected() {
        OptState adam = Optimizers.adam(0.1, 0).init(WB);
        OptState sgd = Optimizers.sgd(0.1, 0).init(WB);
        assertThatThrownBy(() -> adam.copyFrom(sgd))
                .hasMessage("optimizer state mismatch at chain: expected 2 stages, found 1");
    }

    @Test
    void updatesOfTheWrongShapeAreRejected() {
        GradientTransform t = Optimizers.sgd(0.1, 0);
        OptState s = t.init(WB);
        assertThatThrownBy(() -> t.update(new float[][]{{1, 2}, {1}}, s, new float[][]{{1, 2}, {1}}))
                .hasMessage("scale_by_learning_rate: updates for w has 2 values; expected 3");
    }

    @Test
    void settingsAreValidated() {
        OptimizerSettings s = OptimizerSettings.of(OptimizerSettings.Method.MOMENTUM, 0.1);
        assertThatThrownBy(() -> s.withMomentum(1.0)).hasMessage("momentum must be in [0, 1); got 1.0");
        assertThatThrownBy(() -> s.withWeightDecay(-0.1)).hasMessage("weight decay must be finite and >= 0; got -0.1");
        assertThatThrownBy(() -> s.withBetas(0.9, 1.0)).hasMessage("beta2 must be in [0, 1); got 1.0");
        assertThatThrownBy(() -> s.withEpsilon(0)).hasMessage("epsilon must be finite and > 0; got 0.0");
        assertThatThrownBy(() -> s.withL1(Double.NaN)).hasMessage("l1 must be finite and >= 0; got NaN");
        assertThatThrownBy(() -> OptimizerSettings.Method.parse("rmsprop"))
                .hasMessage("optimizer must be one of sgd, momentum, nesterov, adam, adamw; got rmsprop");
    }

    @Test
    void chainsDescribeThemselves() {
        assertThat(OptimizerSettings.of(OptimizerSettings.Method.ADAMW, 0.001).toTransform().describe())
                .isEqualTo("chain(scale_by_adam(b1=0.9, b2=0.999, eps=1.0E-8), scale_by_learning_rate(constant(lr=0.001)), "
                        + "masked(decoupled_weight_decay(0.01, LEARNING_RATE, constant(lr=0.001))))");
        assertThat(OptimizerSettings.of(OptimizerSettings.Method.ADAM, 0.001).withWeightDecay(0.01).toTransform().describe())
                .isEqualTo("chain(masked(add_decayed_weights(0.01)), scale_by_adam(b1=0.9, b2=0.999, eps=1.0E-8), "
                        + "scale_by_learning_rate(constant(lr=0.001)))");
    }
}

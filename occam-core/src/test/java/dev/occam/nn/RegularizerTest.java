package dev.occam.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.occam.optim.Mask;
import dev.occam.optim.OptimizerSettings;
import dev.occam.optim.OptimizerSettings.Method;
import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The exact relation between Keras-style regularizers in the loss and optimizer decay. */
class RegularizerTest {

    private static Sequential net(Regularizer weights) {
        SplittableRandom rng = new SplittableRandom(4);
        return new Sequential(List.of(
                new Dense("dense1", 2, 8, weights, Regularizer.NONE).initialize(Init.HE, rng),
                new Tanh(8),
                new Dense("dense2", 8, 3, weights, Regularizer.NONE).initialize(Init.GLOROT, rng)));
    }

    private static Sequential train(Regularizer reg, OptimizerSettings opt) throws IOException {
        Sequential n = net(reg);
        new Trainer(n, new SoftmaxCrossEntropy(), opt, TrainerSettings.of(5, 10, 9)).fit(Synthetic.blobs(60, 3), null, null);
        return n;
    }

    @Test
    void kerasL2OfAIsCoupledWeightDecayOf2aBitForBit() throws IOException {
        double a = 0.03;
        for (Method m : new Method[]{Method.SGD, Method.MOMENTUM, Method.NESTEROV, Method.ADAM}) {
            Sequential keras = train(Regularizer.l2(a), OptimizerSettings.of(m, 0.05));
            Sequential decay = train(Regularizer.NONE, OptimizerSettings.of(m, 0.05).withWeightDecay(2 * a));
            for (int i = 0; i < 4; i++) {
                assertThat(keras.values()[i]).as("%s %s", m, keras.parameters().get(i).name()).containsExactly(decay.values()[i]);
            }
        }
    }

    @Test
    void kerasL2IsNotAdamwDecay() throws IOException {
        double a = 0.03;
        Sequential keras = train(Regularizer.l2(a), OptimizerSettings.of(Method.ADAM, 0.05));
        Sequential adamw = train(Regularizer.NONE, OptimizerSettings.of(Method.ADAMW, 0.05).withWeightDecay(2 * a));
        double maxDiff = 0;
        for (int j = 0; j < keras.values()[0].length; j++) {
            maxDiff = Math.max(maxDiff, Math.abs(keras.values()[0][j] - adamw.values()[0][j]));
        }
        assertThat(maxDiff).isGreaterThan(1e-3);
    }

    @Test
    void penaltyValueIsKerasFormula() {
        Regularizer r = new Regularizer(0.1, 0.2);
        float[] w = {1, -2, 0, 0.5f};
        assertThat(r.value(w)).isCloseTo(0.1 * 3.5 + 0.2 * 5.25, within(1e-12));
        float[] g = new float[4];
        r.addGradient(w, g);
        assertThat(g).containsExactly(0.1f + 0.4f, -0.1f - 0.8f, 0f, 0.1f + 0.2f);
    }

    @Test
    void l1InTheLossHoversAroundZeroWhileTheProximalStepReachesIt() throws IOException {
        // Linear model on 8 features of which 2 matter; the same objective mean ½(y−ŷ)² + l1‖w‖₁
        // once through a Keras-style l1 regularizer (subgradient) and once through the optimizer's
        // proximal step.
        double l1 = 0.05;
        TrainingData data = Synthetic.sparseLinear(200, 8, 2);
        Sequential sub = new Sequential(List.of(new Dense("out", 8, 1, Regularizer.l1(l1), Regularizer.NONE)));
        Sequential prox = new Sequential(List.of(new Dense("out", 8, 1)));
        TrainerSettings s = TrainerSettings.of(300, 200, 1); // full batch: ISTA for the proximal run
        new Trainer(sub, new MeanSquaredError(), OptimizerSettings.of(Method.SGD, 0.05), s).fit(data, null, null);
        TrainingResult r = new Trainer(prox, new MeanSquaredError(), OptimizerSettings.of(Method.SGD, 0.05).withL1(l1), s)
                .fit(data, null, null);
        float[] wSub = sub.values()[0];
        float[] wProx = prox.values()[0];
        for (int j = 2; j < 8; j++) {
            assertThat(wProx[j]).as("prox w%d", j).isEqualTo(0f);
            assertThat(wSub[j]).as("subgradient w%d", j).isNotEqualTo(0f);
            assertThat(Math.abs(wSub[j])).as("subgradient w%d", j).isLessThan((float) (0.05 * l1 * 2));
        }
        assertThat((double) wProx[0]).isCloseTo(1.5 - l1, within(0.05));
        assertThat(r.last().zeroShare(Mask.WEIGHTS)).isEqualTo(0.75);
        assertThat(r.last().zeroShare(Mask.ALL.except(java.util.Set.of("out.weight")))).isEqualTo(0.0);
    }
}

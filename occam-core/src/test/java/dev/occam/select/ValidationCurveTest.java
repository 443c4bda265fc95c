package dev.occam.select;

import dev.occam.nn.Dense;
import dev.occam.nn.MeanSquaredError;
import dev.occam.nn.Sequential;
import dev.occam.nn.TrainingData;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ValidationCurveTest {

    /** A one-weight "network" y = w·x whose weight is set to the candidate value: losses are known exactly. */
    private static Sequential fixed(double w) {
        Dense d = new Dense("d", 1, 1);
        d.parameters().get(0).values()[0] = (float) w;
        d.parameters().get(1).values()[0] = 0f;
        return new Sequential(List.of(d));
    }

    @Test
    void meansAndStandardErrorsAreThoseOfTheRowLosses() throws Exception {
        // rows x = 1, 2 with targets 1, 2: a weight w gives losses ½(w−1)² and ½(2w−2)²
        TrainingData valid = new TrainingData(new float[] {1, 2}, 2, 1, new float[] {1, 2}, 1);
        ValidationCurve c = ValidationCurve.of("weight decay", new double[] {0.5, 1.0}, ValidationCurveTest::fixed,
                new MeanSquaredError(), valid);
        double l1 = 0.5 * 0.25;
        double l2 = 0.5 * 1.0;
        double m = (l1 + l2) / 2;
        assertThat(c.mean()[0]).isCloseTo(m, within(1e-7));
        assertThat(c.se()[0]).isCloseTo(Math.sqrt(((l1 - m) * (l1 - m) + (l2 - m) * (l2 - m)) / 1 / 2), within(1e-7));
        assertThat(c.mean()[1]).isCloseTo(0.0, within(1e-12));
        assertThat(c.indexMin()).isEqualTo(1);
    }

    @Test
    void oneStandardErrorPicksTheMostRegularizedValueWithinReach() throws Exception {
        // y ≈ x with noise: the loss is lowest near w = 1 (0.0475, SE 0.0123); w = 1.05 (0.0556) is
        // within one SE of it, w = 1.1 (0.0825) is not
        TrainingData valid = new TrainingData(new float[] {1, 2, 3, 4}, 4, 1, new float[] {1.3f, 1.7f, 3.4f, 3.8f}, 1);
        ValidationCurve c = ValidationCurve.of("weight decay", new double[] {1.1, 1.0, 0.5, 1.05}, ValidationCurveTest::fixed,
                new MeanSquaredError(), valid);
        assertThat(c.values()).containsExactly(0.5, 1.0, 1.05, 1.1);
        assertThat(c.value(LambdaChoice.MIN)).isEqualTo(1.0);
        assertThat(c.mean()[1]).isCloseTo(0.0475, within(1e-6));
        assertThat(c.se()[1]).isCloseTo(0.012332, within(1e-5));
        assertThat(c.value(LambdaChoice.ONE_SE)).isEqualTo(1.05);
    }

    @Test
    void badGridsAreRefused() {
        TrainingData valid = new TrainingData(new float[] {1}, 1, 1, new float[] {1}, 1);
        assertThatThrownBy(() -> ValidationCurve.of("weight decay", new double[] {-1}, ValidationCurveTest::fixed,
                new MeanSquaredError(), valid)).hasMessage("weight decay values must be finite and >= 0; got -1.0");
    }
}

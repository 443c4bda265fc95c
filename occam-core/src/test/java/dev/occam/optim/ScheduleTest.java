package dev.occam.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static double[] values(Schedule s, int n) {
        double[] v = new double[n];
        for (int t = 0; t < n; t++) {
            v[t] = s.at(t);
        }
        return v;
    }

    @Test
    void constantNeverChanges() {
        assertThat(values(Schedule.constant(0.1), 4)).containsExactly(0.1, 0.1, 0.1, 0.1);
        assertThat(Schedule.constant(0.1).multiplier(1000)).isEqualTo(1.0);
    }

    @Test
    void stepHalvesEveryThreeSteps() {
        assertThat(values(Schedule.step(0.8, 3, 0.5), 8))
                .containsExactly(new double[]{0.8, 0.8, 0.8, 0.4, 0.4, 0.4, 0.2, 0.2}, within(1e-15));
    }

    @Test
    void exponentialMultipliesEachStep() {
        assertThat(values(Schedule.exponential(2.0, 0.5), 4)).containsExactly(new double[]{2.0, 1.0, 0.5, 0.25}, within(1e-15));
    }

    @Test
    void cosineGoesFromPeakToMinimumAndStays() {
        Schedule s = Schedule.cosine(1.0, 4, 0.2);
        // 0.2 + 0.8·(1 + cos(πt/4))/2
        double r = Math.sqrt(0.5);
        assertThat(values(s, 6)).containsExactly(new double[]{1.0, 0.2 + 0.4 * (1 + r), 0.6, 0.2 + 0.4 * (1 - r), 0.2, 0.2},
                within(1e-15));
        assertThat(s.multiplier(2)).isCloseTo(0.6, within(1e-15));
    }

    @Test
    void warmupRisesLinearlyThenHandsOver() {
        Schedule s = Schedule.warmup(4, Schedule.step(1.0, 2, 0.1));
        assertThat(values(s, 8)).containsExactly(new double[]{0.25, 0.5, 0.75, 1.0, 1.0, 1.0, 0.1, 0.1}, within(1e-15));
        assertThat(s.base()).isEqualTo(1.0);
        assertThat(s.multiplier(0)).isEqualTo(0.25);
    }

    @Test
    void badSettingsAreRejectedWithTheValue() {
        assertThatThrownBy(() -> Schedule.constant(-1)).hasMessage("learning rate must be finite and > 0; got -1.0");
        assertThatThrownBy(() -> Schedule.step(0.1, 0, 0.5)).hasMessage("step size must be > 0; got 0");
        assertThatThrownBy(() -> Schedule.exponential(0.1, 1.5)).hasMessage("gamma must be in (0, 1]; got 1.5");
        assertThatThrownBy(() -> Schedule.cosine(0.1, 10, 0.2)).hasMessage("minimum learning rate must be in [0, 0.1]; got 0.2");
        assertThatThrownBy(() -> Schedule.warmup(0, Schedule.constant(1))).hasMessage("warm-up steps must be > 0; got 0");
        assertThatThrownBy(() -> Schedule.constant(1).at(-1)).hasMessage("step must be >= 0; got -1");
    }
}

package dev.occam.glm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RefinementScheduleTest {

    @Test
    void firstRoundProbesWithAnEighthOfANewtonStepInSweeps() {
        RefinementSchedule s = new RefinementSchedule(1e-9);
        assertThat(s.next(1e-2, 3, 400)).isEqualTo(RefinementSchedule.Step.SWEEPS);
        assertThat(s.sweepCap()).isEqualTo(50);
        // a cheap Newton step still leaves the probe its minimum
        RefinementSchedule cheap = new RefinementSchedule(1e-9);
        cheap.next(1e-2, 3, 6);
        assertThat(cheap.sweepCap()).isEqualTo(RefinementSchedule.MIN_SWEEPS);
    }

    @Test
    void aFastProbeKeepsSweepingForTheRestOfTheNewtonCost() {
        RefinementSchedule s = new RefinementSchedule(1e-9);
        s.next(1e-2, 3, 400);
        // a decade every 5 passes: 6 decades to go need 30 passes, within the 350 left
        assertThat(s.next(1e-3, 5, 400)).isEqualTo(RefinementSchedule.Step.SWEEPS);
        assertThat(s.sweepCap()).isEqualTo(395);
        // sweeps that ran their cap without finishing hand over to Newton steps
        assertThat(s.next(1e-6, 395, 400)).isEqualTo(RefinementSchedule.Step.NEWTON);
        assertThat(s.sweepCap()).isEqualTo(RefinementSchedule.POST_NEWTON_SWEEPS);
    }

    @Test
    void aSlowProbeHandsOverToNewtonSteps() {
        RefinementSchedule s = new RefinementSchedule(1e-9);
        s.next(1e-2, 3, 400);
        // half a decade in 50 passes: 13 decades would need far more than the 350 left
        assertThat(s.next(3e-3, 50, 400)).isEqualTo(RefinementSchedule.Step.NEWTON);
        // no progress at all: Newton too
        RefinementSchedule stuck = new RefinementSchedule(1e-9);
        stuck.next(1e-2, 3, 400);
        assertThat(stuck.next(2e-2, 50, 400)).isEqualTo(RefinementSchedule.Step.NEWTON);
    }

    @Test
    void newtonStepsThatGainTenfoldAreFollowedByMoreElseBySweeps() {
        RefinementSchedule s = new RefinementSchedule(1e-9);
        s.next(1e-2, 3, 400);
        s.next(5e-3, 50, 400);
        assertThat(s.next(1e-5, 3, 400)).isEqualTo(RefinementSchedule.Step.NEWTON);
        assertThat(s.next(5e-6, 3, 400)).isEqualTo(RefinementSchedule.Step.SWEEPS);
        assertThat(s.sweepCap()).isEqualTo(50);
    }

    @Test
    void targetMustBePositive() {
        assertThatThrownBy(() -> new RefinementSchedule(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RefinementSchedule(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void gaussianHessianAfterAPinIsTheOldOneWithoutThatRowAndColumn() {
        // intercept + features 2, 5, 7 in one class; 5 pinned
        int d0 = 4;
        double[] h = new double[d0 * d0];
        for (int r = 0; r < d0; r++) for (int c = 0; c < d0; c++) h[r * d0 + c] = 10 * r + c;
        int[][] lastFree = {{2, 5, 7}};
        int[][] free = {{2, 7, 0}};
        double[] sub = ActiveSetNewton.submatrix(h, d0, lastFree, new int[] {3}, free, new int[] {2}, 1, 3);
        assertThat(sub).containsExactly(0, 1, 3, 10, 11, 13, 30, 31, 33);
        // a coordinate that was not there before: no reuse
        int[][] grown = {{2, 6, 7}};
        assertThat(ActiveSetNewton.submatrix(h, d0, lastFree, new int[] {3}, grown, new int[] {3}, 1, 4)).isNull();
        assertThat(ActiveSetNewton.submatrix(null, 0, lastFree, new int[] {3}, free, new int[] {2}, 1, 3)).isNull();
    }
}

package dev.occam.glm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RefinementScheduleTest {

    @Test
    void firstRoundProbesWithAnEighthOfANewtonStepInSweeps() {
        RefinementSchedule s = new RefinementSchedule(1e-9);
        assertThat(s.next(1e-2, 3, 400, false)).isEqualTo(RefinementSchedule.Step.SWEEPS);
        assertThat(s.sweepCap()).isEqualTo(50);
        // a cheap Newton step still leaves the probe its minimum
        RefinementSchedule cheap = new RefinementSchedule(1e-9);
        cheap.next(1e-2, 3, 6, false);
        assertThat(cheap.sweepCap()).isEqualTo(RefinementSchedule.MIN_SWEEPS);
    }

    @Test
    void aFastProbeKeepsSweepingForTheRestOfTheNewtonCost() {
        RefinementSchedule s = new RefinementSchedule(1e-9);
        s.next(1e-2, 3, 400, false);
        // a decade every 5 passes: 6 decades to go need 30 passes, within the 395 left; the round
        // gets those with half again as margin (not the whole 395: sweeps would overshoot the target)
        assertThat(s.next(1e-3, 5, 400, false)).isEqualTo(RefinementSchedule.Step.SWEEPS);
        assertThat(s.sweepCap()).isEqualTo(46);
        // slower than the probe (3 decades in 46 passes) but still within the 349 left: sweeps again
        assertThat(s.next(1e-6, 46, 400, false)).isEqualTo(RefinementSchedule.Step.SWEEPS);
        assertThat(s.sweepCap()).isEqualTo(70);
        // a round that made no progress hands over to Newton steps
        assertThat(s.next(1e-6, 70, 400, false)).isEqualTo(RefinementSchedule.Step.NEWTON);
        assertThat(s.sweepCap()).isEqualTo(RefinementSchedule.POST_NEWTON_SWEEPS);
    }

    @Test
    void aSlowProbeHandsOverToNewtonSteps() {
        RefinementSchedule s = new RefinementSchedule(1e-9);
        s.next(1e-2, 3, 400, false);
        // half a decade in 50 passes: 13 decades would need far more than the 350 left
        assertThat(s.next(3e-3, 50, 400, false)).isEqualTo(RefinementSchedule.Step.NEWTON);
        // no progress at all: Newton too
        RefinementSchedule stuck = new RefinementSchedule(1e-9);
        stuck.next(1e-2, 3, 400, false);
        assertThat(stuck.next(2e-2, 50, 400, false)).isEqualTo(RefinementSchedule.Step.NEWTON);
    }

    @Test
    void newtonStepsThatGainTenfoldAreFollowedByMoreElseBySweeps() {
        RefinementSchedule s = new RefinementSchedule(1e-9);
        s.next(1e-2, 3, 400, false);
        s.next(5e-3, 50, 400, false);
        assertThat(s.next(1e-5, 3, 400, false)).isEqualTo(RefinementSchedule.Step.NEWTON);
        assertThat(s.next(5e-6, 3, 400, false)).isEqualTo(RefinementSchedule.Step.SWEEPS);
        assertThat(s.sweepCap()).isEqualTo(50);
    }

    @Test
    void targetMustBePositive() {
        assertThatThrownBy(() -> new RefinementSchedule(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RefinementSchedule(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void newtonStepsThatSolvedTheActiveSetAreFollowedByAFewSweepsThenNewtonAgain() {
        RefinementSchedule s = new RefinementSchedule(1e-9);
        s.next(1e-2, 3, 400, false);
        s.next(5e-3, 50, 400, false);
        // the check after steps that solved the active set still fails: a zero coordinate violates
        assertThat(s.next(4e-3, 0, 400, true)).isEqualTo(RefinementSchedule.Step.SWEEPS);
        assertThat(s.sweepCap()).isEqualTo(RefinementSchedule.POST_NEWTON_SWEEPS);
        assertThat(s.next(1e-3, 3, 400, false)).isEqualTo(RefinementSchedule.Step.NEWTON);
    }

    @Test
    void aNewtonStepNoDearerThanTheShortestProbeComesFirst() {
        RefinementSchedule s = new RefinementSchedule(1e-9);
        assertThat(s.next(1e-2, 3, RefinementSchedule.MIN_SWEEPS, false)).isEqualTo(RefinementSchedule.Step.NEWTON);
        RefinementSchedule dearer = new RefinementSchedule(1e-9);
        assertThat(dearer.next(1e-2, 3, RefinementSchedule.MIN_SWEEPS + 1, false)).isEqualTo(RefinementSchedule.Step.SWEEPS);
    }

    @Test
    void sweepsThatRunOutOfTheNewtonBudgetHandOverToNewtonSteps() {
        RefinementSchedule s = new RefinementSchedule(1e-9);
        s.next(1e-2, 3, 40, false);
        // probe of 5 passes, two decades: 5 to go need 12.5 passes, within the 35 left; 1.5× that
        assertThat(s.next(1e-4, 5, 40, false)).isEqualTo(RefinementSchedule.Step.SWEEPS);
        assertThat(s.sweepCap()).isEqualTo(20);
        // then a decade in 20 passes: 4 to go need 80, more than the 15 left
        assertThat(s.next(1e-5, 20, 40, false)).isEqualTo(RefinementSchedule.Step.NEWTON);
    }
}

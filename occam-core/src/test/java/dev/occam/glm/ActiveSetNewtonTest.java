package dev.occam.glm;

import dev.occam.data.Dataset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ActiveSetNewton#polish} on a gaussian fit whose Newton steps must pin several coefficients
 * at zero: the pinned steps are chained on the quadratic without a pass over the data (the
 * gradients are measured fewer times than steps are taken), and the answer is the restricted
 * optimum as measured afresh.
 */
class ActiveSetNewtonTest {
    private static final int N = 300;
    private static final int P = 40;

    /** Counts the gradient passes. */
    private static final class CountingNaive extends GaussianNaive {
        int refreshes;

        CountingNaive(Problem pr, double[] y) {
            super(pr, y);
        }

        @Override
        public void refreshGradients(int[] which, int count) {
            refreshes++;
            super.refreshGradients(which, count);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void pinnedGaussianStepsAreChainedWithoutPassesAndEndAtTheRestrictedOptimum(boolean keptSystem) {
        Dataset data = SyntheticData.gaussianData(N, P, 11, false);
        Problem pr = SyntheticData.standardizedProblem(data, 1.0, true, null);
        CountingNaive solver = new CountingNaive(pr, data.y());
        // a start with every sign guessed at random: the optimum keeps few of them
        SplittableRandom r = new SplittableRandom(4);
        double[][] b = new double[1][P];
        for (int j = 0; j < P; j++) b[0][j] = (r.nextBoolean() ? 0.01 : -0.01);
        solver.setSolution(new double[] {0.0}, b);
        double lambda = 0.05;
        double goal = 1e-12;
        NewtonSystem system = keptSystem ? NewtonSystem.of(pr, solver, Family.GAUSSIAN) : null;
        solver.refreshes = 0;
        ActiveSetNewton.Result result = ActiveSetNewton.polish(pr, solver, Family.GAUSSIAN, lambda, goal, system, false);

        assertThat(result.reached()).isTrue();
        assertThat(result.steps()).isGreaterThanOrEqualTo(5);
        // one measurement at the start, one after each chain and unpinned step: far fewer than steps
        assertThat(solver.refreshes).isLessThan(result.steps() / 2);
        double[] after = solver.coefficients()[0];
        int[] free = java.util.stream.IntStream.range(0, P).filter(j -> after[j] != 0.0).toArray();
        assertThat(free.length).isBetween(1, P - 5);
        solver.refreshGradients(free, free.length);
        for (int j : free) {
            double restricted = -solver.gradient(0, j) + lambda * Math.signum(after[j]);
            assertThat(Math.abs(restricted)).as("feature %d", j).isLessThanOrEqualTo(goal);
        }
        assertThat(Math.abs(solver.interceptGradient(0))).isLessThanOrEqualTo(goal);
    }
}

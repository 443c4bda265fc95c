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

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void enteringCoordinatesJoinTheFirstStepWithTheirSigns(int seed) {
        Dataset data = SyntheticData.binomialData(N, P, 20 + seed, false);
        Problem pr = SyntheticData.standardizedProblem(data, 1.0, true, null);
        Irls solver = new Irls(pr, Family.BINOMIAL, data.y());
        int[] all = java.util.stream.IntStream.range(0, P).toArray();
        solver.refreshGradients(all, P);
        double largest = 0;
        for (int j = 0; j < P; j++) largest = Math.max(largest, Math.abs(solver.gradient(0, j)));
        // from the null model, at a λ where several coordinates must enter (and others are near it)
        double lambda = 0.6 * largest;
        double goal = 1e-10 * largest;
        ActiveSetNewton.Entering entering = LambdaSolve.entering(pr, solver, lambda, all, P, 0, 0.3 * lambda);
        assertThat(entering.count()).isGreaterThan(1);
        NewtonSystem system = NewtonSystem.of(pr, solver, Family.BINOMIAL);
        ActiveSetNewton.Result result = ActiveSetNewton.polish(pr, solver, Family.BINOMIAL, lambda, goal, system, true, entering);

        assertThat(result.reached()).isTrue();
        double[] after = solver.coefficients()[0];
        solver.refreshGradients(all, P);
        int moved = 0;
        for (int j : entering.features()) {
            if (after[j] == 0.0) continue;
            moved++;
            // it entered with the sign it was given, and its restricted gradient is solved
            assertThat(Math.signum(after[j])).as("feature %d", j).isEqualTo(entering.sign(j));
            assertThat(Math.abs(-solver.gradient(0, j) + lambda * Math.signum(after[j]))).isLessThanOrEqualTo(goal);
        }
        assertThat(moved).isGreaterThan(0);
        // the coordinates that were not entering stay at 0: Newton steps move only the set they solve
        for (int j = 0; j < P; j++) if (entering.sign(j) == 0) assertThat(after[j]).as("feature %d", j).isZero();
    }

    @org.junit.jupiter.api.Test
    void activeGramSolverTakesInCoefficientsThatNewtonStepsMadeNonZero() {
        // GaussianActiveGram keeps Gram columns only for the features its own sweeps moved; a
        // coefficient set by Newton steps (an entering coordinate) must join them, not index −1
        Dataset data = SyntheticData.gaussianData(N, P, 5, false);
        Problem pr = SyntheticData.standardizedProblem(data, 1.0, true, null);
        int[] all = java.util.stream.IntStream.range(0, P).toArray();
        GaussianNaive probe = new GaussianNaive(pr, data.y());
        probe.refreshGradients(all, P);
        int top = 0;
        for (int j = 0; j < P; j++) if (probe.gradient(0, j) > probe.gradient(0, top)) top = j;
        // held at an upper limit it presses against: the sweeps' update leaves it exactly there (no
        // move, so it would never join E by a sweep)
        pr.hi[top] = 1e-3;
        GaussianActiveGram gram = new GaussianActiveGram(pr, data.y());
        GaussianNaive naive = new GaussianNaive(pr, data.y());
        double[][] b = new double[1][P];
        b[0][top] = 1e-3;
        gram.setSolution(new double[] {0.0}, b);
        naive.setSolution(new double[] {0.0}, b);
        double lambda = 0.02;
        assertThat(gram.solve(lambda, all, 1e-16, 100_000)).isPositive();
        assertThat(naive.solve(lambda, all, 1e-16, 100_000)).isPositive();
        assertThat(gram.coefficients()[0][top]).isEqualTo(1e-3);
        for (int j = 0; j < P; j++) {
            assertThat(gram.coefficients()[0][j]).as("feature %d", j)
                    .isCloseTo(naive.coefficients()[0][j], org.assertj.core.data.Offset.offset(1e-7));
        }
    }
}

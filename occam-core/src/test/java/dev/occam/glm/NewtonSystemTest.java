package dev.occam.glm;

import dev.occam.data.Dataset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link NewtonSystem} against the system formed from scratch: the same solution as a dense solve of
 * H_AA + λ(1−α)·diag(f_A) over every active set of a sequence that grows, shrinks and grows again
 * (so the factor is bordered, downdated and formed anew), and for a binomial fit the Hessian of the
 * solution where it was formed until {@link NewtonSystem#refresh}.
 */
class NewtonSystemTest {
    private static final int N = 300;
    private static final int P = 40;
    /** A Fisher information is formed in single precision (ActiveHessian.computeSingle). */
    private static final double SINGLE = 1e-5;

    private static Problem problem(Dataset d, double alpha) {
        double[] vp = new double[P];
        SplittableRandom r = new SplittableRandom(3);
        for (int j = 0; j < P; j++) vp[j] = 0.5 + r.nextDouble();
        return SyntheticData.standardizedProblem(d, alpha, true, vp);
    }

    /** The dense solve of [H + ridge] over [intercept, free] with the Hessian of {@code solver} now. */
    private static double[] direct(Problem pr, PointSolver solver, int[] free, double ridge, double[] rhs) {
        int d = free.length + 1;
        double[] h = new double[d * d];
        assertThat(solver.hessian(new int[][] {free}, new int[] {free.length}, true, h)).isTrue();
        for (int t = 0; t < free.length; t++) h[(t + 1) * d + t + 1] += ridge * pr.vp[free[t]];
        return dev.occam.linalg.TestMatrices.gaussSolve(d, h, rhs);
    }

    private static double[] rhs(int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] b = new double[d];
        for (int t = 0; t < d; t++) b[t] = r.nextDouble() - 0.5;
        return b;
    }

    private static double maxRelDiff(double[] a, double[] b) {
        double m = 0;
        double s = 0;
        for (int t = 0; t < a.length; t++) {
            m = Math.max(m, Math.abs(a[t] - b[t]));
            s = Math.max(s, Math.abs(b[t]));
        }
        return m / s;
    }

    /** A gaussian solver on rows (naive updates, dense or sparse X) or on kept Gram columns (covariance updates). */
    enum Gaussian { NAIVE_DENSE, NAIVE_SPARSE, COVARIANCE }

    private static PointSolver gaussian(Gaussian kind, Problem pr, Dataset data) {
        return kind == Gaussian.COVARIANCE ? new GaussianCovariance(pr, data.y()) : new GaussianNaive(pr, data.y());
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Gaussian.class)
    void gaussianSolvesEqualTheDirectSolveAlongGrowingAndShrinkingActiveSets(Gaussian kind) {
        Dataset data = SyntheticData.gaussianData(N, P, 11, kind == Gaussian.NAIVE_SPARSE);
        for (double alpha : new double[] {1.0, 0.5}) {
            Problem pr = problem(data, alpha);
            PointSolver solver = gaussian(kind, pr, data);
            NewtonSystem system = NewtonSystem.of(pr, solver, Family.GAUSSIAN);
            int[][] sets = {
                {3, 7}, {1, 3, 7, 9, 20}, {1, 3, 7, 9, 20, 21, 22, 30}, {1, 7, 9, 21, 30}, {1, 2, 7, 9, 21, 30, 35, 39},
                {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25},
                {5, 25},
            };
            double ridge = 0.3 * (1 - alpha);
            for (int s = 0; s < sets.length; s++) {
                int[] free = sets[s];
                double[] b = rhs(free.length + 1, s);
                double[] expected = direct(pr, solver, free, ridge, b);
                double[] x = b.clone();
                assertThat(system.solve(free, free.length, ridge, x)).isTrue();
                assertThat(maxRelDiff(x, expected)).as("set %d, alpha %s", s, alpha).isLessThan(1e-10);
                assertThat(system.stale()).isFalse();
                // the ridge part changes with λ under an elastic net: the factor follows
                ridge *= 0.9;
            }
        }
    }

    /**
     * An elastic net's ridge part λ(1−α) shrinks along the path: the factor formed at one λ is kept
     * for the next ones (while within {@link NewtonSystem#RIDGE_DRIFT}), the solves following the
     * new ridge by conjugate gradients to the direct solve's precision; past the drift, or for a
     * small set, the factor is formed anew. Both for rows and for kept Gram columns.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = Gaussian.class, names = {"NAIVE_DENSE", "COVARIANCE"})
    void keptFactorFollowsAShrinkingRidgePartByConjugateGradients(Gaussian kind) {
        int p = 300;
        Dataset data = SyntheticData.gaussianData(2 * p, p, 13, false);
        double[] vp = new double[p];
        SplittableRandom r = new SplittableRandom(5);
        for (int j = 0; j < p; j++) vp[j] = j % 17 == 0 ? 0 : 0.5 + r.nextDouble();
        Problem pr = SyntheticData.standardizedProblem(data, 0.5, true, vp);
        PointSolver solver = gaussian(kind, pr, data);
        NewtonSystem system = NewtonSystem.of(pr, solver, Family.GAUSSIAN);
        int[] free = java.util.stream.IntStream.range(0, 240).toArray();
        // λ falling by the factor of a 100-point path to 1e-4·λ_max, and a join and a leave on the way
        double ridge = 0.05;
        for (int l = 0; l < 12; l++) {
            if (l == 4) free = java.util.stream.IntStream.range(0, 244).toArray();
            if (l == 6) free = java.util.stream.IntStream.range(2, 244).toArray();
            double[] b = rhs(free.length + 1, l);
            double[] expected = direct(pr, solver, free, ridge, b);
            double[] x = b.clone();
            assertThat(system.solve(free, free.length, ridge, x)).isTrue();
            assertThat(maxRelDiff(x, expected)).as("lambda %d", l).isLessThan(1e-10);
            ridge *= 0.91;
        }
        // formed at the first λ and once more when the ridge has halved (0.91^8 = 0.47); the join
        // and the leave update it
        assertThat(system.factorizations()).isEqualTo(2);

        // a small set is cheaper to factor anew than to iterate on (d³/6 against a few d² per iteration)
        NewtonSystem small = NewtonSystem.of(pr, solver, Family.GAUSSIAN);
        int[] few = {3, 9, 40};
        ridge = 0.05;
        for (int l = 0; l < 4; l++) {
            double[] b = rhs(4, l);
            double[] x = b.clone();
            assertThat(small.solve(few, 3, ridge, x)).isTrue();
            assertThat(maxRelDiff(x, direct(pr, solver, few, ridge, b))).isLessThan(1e-10);
            ridge *= 0.91;
        }
        assertThat(small.factorizations()).isGreaterThanOrEqualTo(3);
    }

    /**
     * The kept Gram columns a covariance solver gives a {@link NewtonSystem} are the columns of the
     * Hessian it forms ({@link PointSolver#hessian}), from any first column, with and without an
     * intercept; solvers on rows give none.
     */
    @org.junit.jupiter.api.Test
    void gramColumnsAreTheColumnsOfTheCovarianceSolversHessian() {
        Dataset data = SyntheticData.gaussianData(N, P, 17, false);
        for (boolean intercept : new boolean[] {true, false}) {
            double[] vp = new double[P];
            java.util.Arrays.fill(vp, 1.0);
            Problem pr = SyntheticData.standardizedProblem(data, 1.0, intercept, vp);
            PointSolver solver = new GaussianCovariance(pr, data.y());
            int[] features = {4, 0, 31, 12, 7};
            int m = features.length;
            int d = m + (intercept ? 1 : 0);
            double[] h = new double[d * d];
            assertThat(solver.hessian(new int[][] {features}, new int[] {m}, intercept, h)).isTrue();
            for (int first = 0; first < d; first++) {
                double[] cols = new double[d * (d - first)];
                java.util.Arrays.fill(cols, Double.NaN);
                assertThat(solver.gramColumns(features, m, intercept, first, cols)).isTrue();
                for (int c = first; c < d; c++) {
                    for (int r = 0; r < d; r++) {
                        assertThat(cols[(c - first) * d + r]).as("intercept %s, first %d, (%d, %d)", intercept, first, r, c)
                                .isEqualTo(h[c * d + r]);
                    }
                }
            }
            assertThat(new GaussianNaive(pr, data.y()).gramColumns(features, m, intercept, 0, new double[d * d])).isFalse();
        }
    }

    @org.junit.jupiter.api.Test
    void binomialSystemKeepsTheHessianOfItsSolutionUntilRefreshed() {
        Dataset data = SyntheticData.binomialData(N, P, 12, false);
        Problem pr = problem(data, 1.0);
        Irls solver = new Irls(pr, Family.BINOMIAL, data.y());
        double[][] b1 = new double[1][P];
        b1[0][2] = 0.4;
        b1[0][5] = -0.3;
        solver.setSolution(new double[] {0.1}, b1);
        NewtonSystem system = NewtonSystem.of(pr, solver, Family.BINOMIAL);
        int[] free = {2, 5, 11};
        double[] b = rhs(4, 1);
        double[] atFirst = direct(pr, solver, free, 0, b);
        double[] x = b.clone();
        assertThat(system.solve(free, 3, 0, x)).isTrue();
        assertThat(maxRelDiff(x, atFirst)).isLessThan(SINGLE);

        double[][] b2 = new double[1][P];
        b2[0][2] = 1.5;
        b2[0][5] = -1.2;
        b2[0][11] = 0.8;
        solver.setSolution(new double[] {-0.4}, b2);
        system.solutionChanged();
        assertThat(system.stale()).isTrue();
        // a joining coordinate's columns use the first solution's weights too: one consistent matrix
        int[] more = {2, 5, 11, 17};
        double[] first = solverAt(pr, data, new double[] {0.1}, b1, more, rhs(5, 2));
        x = rhs(5, 2);
        assertThat(system.solve(more, 4, 0, x)).isTrue();
        assertThat(maxRelDiff(x, first)).isLessThan(SINGLE);
        double[] atSecond = direct(pr, solver, more, 0, rhs(5, 2));
        assertThat(maxRelDiff(x, atSecond)).isGreaterThan(1e-3);

        system.refresh();
        assertThat(system.stale()).isFalse();
        x = rhs(5, 2);
        assertThat(system.solve(more, 4, 0, x)).isTrue();
        assertThat(maxRelDiff(x, atSecond)).isLessThan(SINGLE);
    }

    @org.junit.jupiter.api.Test
    void staleStepsPayForARefreshOnlyOnceTheyWastedWhatItCosts() {
        Dataset data = SyntheticData.binomialData(N, P, 12, false);
        Problem pr = problem(data, 1.0);
        Irls solver = new Irls(pr, Family.BINOMIAL, data.y());
        NewtonSystem system = NewtonSystem.of(pr, solver, Family.BINOMIAL);
        int[] free = {2, 5, 11};
        int d = 4;
        assertThat(system.solve(free, 3, 0, rhs(d, 1))).isTrue();
        double refresh = system.refreshCost(d, 8);
        double pass = system.passCost(d);
        // steps that gain as much as a fresh Newton step waste nothing, however many
        for (int k = 0; k < 1000; k++) system.staleStep(d, NewtonSystem.FRESH_RATE);
        assertThat(system.refreshPays(d, 8)).isFalse();
        // steps that halve the gradient waste 1 − log 2 / log 1000 of their passes each: the refresh
        // pays after refresh / (0.9 · pass) of them, counted across calls (and λ)
        double each = (1 - Math.log(0.5) / Math.log(NewtonSystem.FRESH_RATE)) * pass;
        int needed = (int) Math.ceil(refresh / each);
        for (int k = 0; k < needed - 1; k++) system.staleStep(d, 0.5);
        assertThat(system.refreshPays(d, 8)).isFalse();
        system.staleStep(d, 0.5);
        assertThat(system.refreshPays(d, 8)).isTrue();
        // a step that made no progress wastes all of its passes
        system.refresh();
        assertThat(system.solve(free, 3, 0, rhs(d, 1))).isTrue();
        assertThat(system.refreshPays(d, 8)).isFalse();
        for (int k = 0; k < (int) Math.ceil(refresh / pass); k++) system.staleStep(d, 1.2);
        assertThat(system.refreshPays(d, 8)).isTrue();
    }

    /** The direct solve with the Hessian of a fresh solver at (b0, b). */
    private static double[] solverAt(Problem pr, Dataset data, double[] b0, double[][] b, int[] free, double[] rhs) {
        Irls other = new Irls(pr, Family.BINOMIAL, data.y());
        other.setSolution(b0, b);
        return direct(pr, other, free, 0, rhs);
    }
}

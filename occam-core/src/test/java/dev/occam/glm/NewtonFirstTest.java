package dev.occam.glm;

import dev.occam.data.Dataset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Newton first" in {@link PathLoop}: once a λ has ended certified, the next λ starts with Newton
 * steps on the kept system from the warm start instead of coordinate descent. Where the support
 * does not change from one λ to the next, a λ then takes no sweep at all, and is still certified.
 * (Newton steps, or none at all: see {@link PathPredictor}.)
 */
class NewtonFirstTest {
    @ParameterizedTest
    @EnumSource(value = Family.class, names = {"GAUSSIAN", "BINOMIAL", "POISSON"})
    void lambdasWithAnUnchangedSupportTakeNewtonStepsAndNoSweep(Family family) {
        int n = 1500;
        int p = 12;
        Dataset d = switch (family) {
            case BINOMIAL -> SyntheticData.binomialData(n, p, 31, false);
            case POISSON -> SyntheticData.poissonData(n, p, 31, false);
            default -> SyntheticData.gaussianData(n, p, 31, false);
        };
        GlmSettings s = GlmSettings.of(family).withEarlyStop(false);
        Problem pr = ElasticNet.problem(d, s);
        PointSolver solver = family == Family.GAUSSIAN ? new GaussianNaive(pr, d.y()) : new Irls(pr, family, d.y());
        PathLoop.Result r = PathLoop.run(pr, solver, family, s, null, 1e-3, ElasticNet.Progress.NONE);

        int unchanged = 0;
        int withoutSweeps = 0;
        for (int l = 1; l < r.lambdas().length; l++) {
            assertThat(r.kkt()[l]).as("KKT at λ index %d", l).isLessThanOrEqualTo(GlmSettings.DEFAULT_KKT_TOLERANCE);
            assertThat(r.converged()[l]).isTrue();
            if (l >= 2 && sameSupport(r.coefficients()[l - 1][0], r.coefficients()[l][0])) {
                unchanged++;
                // no sweep: Newton steps only, or none where the start extrapolated from the λ before
                // (PathPredictor) was already certified
                if (r.passes()[l] == 0) withoutSweeps++;
            }
        }
        // the path ends with every feature in: most λ keep the support of the one before
        assertThat(unchanged).isGreaterThan(r.lambdas().length / 2);
        assertThat(withoutSweeps).isGreaterThanOrEqualTo(unchanged * 3 / 4);
    }

    @org.junit.jupiter.api.Test
    void enteringCheckFindsAZeroCoordinateThatViolatesBeyondTheLevel() {
        Dataset d = SyntheticData.binomialData(800, 8, 33, false);
        Problem pr = SyntheticData.standardizedProblem(d, 1.0, true, null);
        Irls solver = new Irls(pr, Family.BINOMIAL, d.y());
        double[][] b = new double[1][8];
        b[0][1] = 0.3;
        solver.setSolution(solver.intercepts().clone(), b);
        int[] strong = {0, 1, 2, 3, 4, 5, 6, 7};
        int[] zero = {0, 2, 3, 4, 5, 6, 7};
        solver.refreshGradients(zero, zero.length);
        double largest = 0;
        for (int j : zero) largest = Math.max(largest, Math.abs(solver.gradient(0, j)));
        // at λ just below the largest zero-coordinate gradient that coordinate violates by (largest − λ)
        double lambda = 0.9 * largest;
        double by = largest - lambda;
        ActiveSetNewton.Entering found = LambdaSolve.entering(pr, solver, lambda, strong, 8, 0.5 * by);
        assertThat(found.count()).isEqualTo(1);
        int j = found.features()[0];
        assertThat(Math.abs(solver.gradient(0, j))).isEqualTo(largest);
        // it enters with the sign of its gradient (the negative gradient of the loss)
        assertThat(found.sign(j)).isEqualTo(Math.signum(solver.gradient(0, j)));
        assertThat(LambdaSolve.entering(pr, solver, lambda, strong, 8, 2 * by).count()).isZero();
        // a non-zero coordinate is never "entering", however large its gradient
        assertThat(LambdaSolve.entering(pr, solver, lambda, new int[] {1}, 1, 0).count()).isZero();
    }

    private static boolean sameSupport(double[] a, double[] b) {
        for (int j = 0; j < a.length; j++) {
            if ((a[j] != 0.0) != (b[j] != 0.0)) return false;
        }
        return true;
    }
}

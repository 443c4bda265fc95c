package dev.occam.glm;

import dev.occam.data.Dataset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Newton first" in {@link PathLoop}: once a λ has ended certified, the next λ starts with Newton
 * steps on the kept system from the warm start instead of coordinate descent. Where the support
 * does not change from one λ to the next, a λ then takes no sweep at all, and is still certified.
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
                if (r.passes()[l] == 0) {
                    withoutSweeps++;
                    assertThat(r.newtonSteps()[l]).as("Newton steps at λ index %d", l).isPositive();
                }
            }
        }
        // the path ends with every feature in: most λ keep the support of the one before
        assertThat(unchanged).isGreaterThan(r.lambdas().length / 2);
        assertThat(withoutSweeps).isGreaterThanOrEqualTo(unchanged * 3 / 4);
    }

    private static boolean sameSupport(double[] a, double[] b) {
        for (int j = 0; j < a.length; j++) {
            if ((a[j] != 0.0) != (b[j] != 0.0)) return false;
        }
        return true;
    }
}

package dev.occam.glm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.occam.data.Dataset;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The three gaussian bookkeepings — covariance, active-set covariance and naive updates — are
 * different ways to the same optimum: on wide and on tall dense data, under every option that
 * changes the problem, they give the same path, and it satisfies the KKT conditions.
 */
class GaussianUpdatesTest {

    static Stream<Arguments> variants() {
        double[] pf = new double[150];
        Arrays.fill(pf, 1);
        pf[3] = 0;
        pf[10] = 2.5;
        double[] lo = new double[150];
        double[] hi = new double[150];
        Arrays.fill(lo, Double.NEGATIVE_INFINITY);
        Arrays.fill(hi, Double.POSITIVE_INFINITY);
        lo[0] = 0;
        hi[1] = 0.05;
        return Stream.of(
                Arguments.of("lasso", (UnaryOperator<GlmSettings>) s -> s),
                Arguments.of("alpha 0.3", (UnaryOperator<GlmSettings>) s -> s.withAlpha(0.3)),
                Arguments.of("no intercept", (UnaryOperator<GlmSettings>) s -> s.withIntercept(false)),
                Arguments.of("no standardize", (UnaryOperator<GlmSettings>) s -> s.withStandardize(false)),
                Arguments.of("penalty factors", (UnaryOperator<GlmSettings>) s -> s.withPenaltyFactors(pf)),
                Arguments.of("limits", (UnaryOperator<GlmSettings>) s -> s.withLimits(lo, hi)),
                Arguments.of("weights", (UnaryOperator<GlmSettings>) s -> s));
    }

    private static Dataset wide(String variant) {
        Dataset d = SyntheticData.gaussianData(60, 150, 41, false);
        if (!variant.equals("weights")) return d;
        double[] w = new double[d.rows()];
        for (int i = 0; i < w.length; i++) w[i] = 0.5 + (i % 7) / 3.0;
        return new Dataset(d.x(), d.y(), w, d.featureNames(), "y", null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void activeSetCovarianceMatchesNaiveAndCovarianceOnWideData(String variant, UnaryOperator<GlmSettings> change) {
        Dataset d = wide(variant);
        GlmSettings s = change.apply(GlmSettings.of(Family.GAUSSIAN).withNlambda(40).withTolerance(1e-16));
        GlmPath active = ElasticNet.path(d, s.withUpdates(GlmSettings.Updates.ACTIVE_COVARIANCE));
        GlmPath naive = ElasticNet.path(d, s.withUpdates(GlmSettings.Updates.NAIVE));
        GlmPath covariance = ElasticNet.path(d, s.withUpdates(GlmSettings.Updates.COVARIANCE));
        // p > n: near the end of the path the optimum is flat in some directions, so exact solvers
        // that take different routes agree to about 1e-7 in the coefficients, not to rounding
        assertSame(active, naive, 1e-6);
        assertSame(active, covariance, 1e-6);
        for (int l = 0; l < active.size(); l++) {
            assertThat(Kkt.worstViolation(d, active, l)).as("KKT at λ #%d", l).isLessThan(1e-6);
        }
        // the default for dense data with p > n is the active-set solver
        assertSame(ElasticNet.path(d, s), active, 0.0);
    }

    @Test
    void aFullGramFallsBackToNaiveUpdatesWithinTheSameLambda() {
        Dataset d = wide("lasso");
        GlmSettings s = GlmSettings.of(Family.GAUSSIAN).withNlambda(30).withTolerance(1e-16);
        double[] y = d.y();
        PathLoop.Result capped = PathLoop.run(ElasticNet.problem(d, s), new GaussianActiveGram(ElasticNet.problem(d, s), y, 5),
                Family.GAUSSIAN, s, null, 1e-2, ElasticNet.Progress.NONE);
        PathLoop.Result naive = PathLoop.run(ElasticNet.problem(d, s), new GaussianNaive(ElasticNet.problem(d, s), y),
                Family.GAUSSIAN, s, null, 1e-2, ElasticNet.Progress.NONE);
        assertThat(capped.lambdas()).containsExactly(naive.lambdas(), within(1e-12));
        int nonZeroAtEnd = 0;
        for (int l = 0; l < capped.lambdas().length; l++) {
            double[] a = capped.coefficients()[l][0];
            double[] b = naive.coefficients()[l][0];
            for (int j = 0; j < a.length; j++) assertThat(a[j]).as("λ #%d feature %d", l, j).isCloseTo(b[j], within(1e-7));
            nonZeroAtEnd = (int) Arrays.stream(a).filter(v -> v != 0).count();
        }
        // the cap was really reached: far more than 5 features end up non-zero
        assertThat(nonZeroAtEnd).isGreaterThan(20);
    }

    private static void assertSame(GlmPath a, GlmPath b, double tol) {
        assertThat(a.size()).isEqualTo(b.size());
        for (int l = 0; l < a.size(); l++) {
            assertThat(a.intercepts()[l][0]).isCloseTo(b.intercepts()[l][0], within(tol));
            for (int j = 0; j < a.featureNames().size(); j++) {
                assertThat(a.coefficients()[l][0][j]).as("λ #%d feature %d", l, j).isCloseTo(b.coefficients()[l][0][j], within(tol));
            }
        }
    }
}

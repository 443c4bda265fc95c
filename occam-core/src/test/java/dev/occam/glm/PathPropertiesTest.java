package dev.occam.glm;

import dev.occam.data.Dataset;
import dev.occam.data.DenseMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Metamorphic properties of the path solver: the same optimum however it is reached. */
class PathPropertiesTest {
    private static final double TOL = 1e-15;

    private static void assertSamePath(GlmPath a, GlmPath b, double tol) {
        assertThat(a.size()).isEqualTo(b.size());
        for (int l = 0; l < a.size(); l++) {
            for (int k = 0; k < a.coefficients()[l].length; k++) {
                assertThat(a.intercepts()[l][k]).isCloseTo(b.intercepts()[l][k], within(tol));
                for (int j = 0; j < a.featureNames().size(); j++) {
                    assertThat(a.coefficients()[l][k][j]).as("l=%d k=%d j=%d", l, k, j)
                            .isCloseTo(b.coefficients()[l][k][j], within(tol));
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void strongRulesOnAndOffGiveTheSamePath(Family f) {
        Dataset d = PathKktTest.data(f, false);
        GlmSettings s = GlmSettings.of(f).withAlpha(0.7).withNlambda(20).withTolerance(TOL);
        assertSamePath(ElasticNet.path(d, s), ElasticNet.path(d, s.withStrongRules(false)), 1e-6);
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void warmAndColdStartsGiveTheSameSolutions(Family f) {
        Dataset d = PathKktTest.data(f, true);
        GlmSettings s = GlmSettings.of(f).withAlpha(0.9).withNlambda(15).withTolerance(TOL);
        GlmPath warm = ElasticNet.path(d, s);
        for (int l = 2; l < warm.size(); l += 4) {
            GlmPath cold = ElasticNet.path(d, s.withLambdas(warm.lambdas()[l]));
            for (int k = 0; k < cold.coefficients()[0].length; k++) {
                for (int j = 0; j < d.cols(); j++) {
                    assertThat(cold.coefficients()[0][k][j]).isCloseTo(warm.coefficients()[l][k][j], within(1e-5));
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void denseAndSparseStorageGiveTheSamePath(Family f) {
        Dataset sparse = PathKktTest.data(f, true);
        double[][] rows = new double[sparse.rows()][sparse.cols()];
        for (int i = 0; i < sparse.rows(); i++) for (int j = 0; j < sparse.cols(); j++) rows[i][j] = sparse.x().get(i, j);
        Dataset dense = new Dataset(DenseMatrix.ofRows(rows), sparse.y(), null, sparse.featureNames(), "y", sparse.classes());
        GlmSettings s = GlmSettings.of(f).withAlpha(0.5).withNlambda(15).withTolerance(TOL);
        assertSamePath(ElasticNet.path(dense, s), ElasticNet.path(sparse, s), 1e-6);
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void weightTwoEqualsADuplicatedRow(Family f) {
        Dataset d = PathKktTest.data(f, false);
        int n = d.rows();
        int p = d.cols();
        double[] w = new double[n];
        Arrays.fill(w, 1);
        w[0] = 2;
        w[5] = 2;
        double[][] rows = new double[n + 2][p];
        double[] y = new double[n + 2];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) rows[i][j] = d.x().get(i, j);
            y[i] = d.y()[i];
        }
        rows[n] = rows[0].clone();
        y[n] = y[0];
        rows[n + 1] = rows[5].clone();
        y[n + 1] = y[5];
        Dataset dup = new Dataset(DenseMatrix.ofRows(rows), y, null, d.featureNames(), "y", d.classes());
        GlmSettings s = GlmSettings.of(f).withAlpha(1).withNlambda(15).withTolerance(TOL);
        assertSamePath(ElasticNet.path(d.withWeights(w), s), ElasticNet.path(dup, s), 1e-6);
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void penaltyFactorZeroLeavesAFeatureUnpenalized(Family f) {
        Dataset d = PathKktTest.data(f, false);
        double[] pf = new double[d.cols()];
        Arrays.fill(pf, 1);
        pf[3] = 0;
        GlmPath path = ElasticNet.path(d, GlmSettings.of(f).withPenaltyFactors(pf).withNlambda(10).withTolerance(TOL));
        // at λ_max every penalized feature is 0 but the unpenalized one is fitted
        assertThat(path.df()[0]).isEqualTo(1);
        for (int k = 0; k < path.coefficients()[0].length; k++) {
            for (int j = 0; j < d.cols(); j++) {
                if (j != 3) assertThat(path.coefficients()[0][k][j]).isZero();
            }
        }
        // and KKT (which treats f = 0 as no penalty) holds everywhere
        for (int l = 0; l < path.size(); l++) assertThat(Kkt.worstViolation(d, path, l)).isLessThan(1e-6);
    }

    @ParameterizedTest
    @EnumSource(value = Family.class, names = {"GAUSSIAN", "BINOMIAL", "POISSON"})
    void limitsAreRespectedAndOptimal(Family f) {
        Dataset d = PathKktTest.data(f, false);
        double[] lo = new double[d.cols()];
        double[] hi = new double[d.cols()];
        Arrays.fill(hi, 0.05);
        GlmPath path = ElasticNet.path(d, GlmSettings.of(f).withAlpha(0.5).withLimits(lo, hi).withNlambda(15).withTolerance(TOL));
        for (int l = 0; l < path.size(); l++) {
            for (double w : path.coefficients()[l][0]) assertThat(w).isBetween(0.0, 0.05);
            assertThat(Kkt.worstViolation(d, path, l)).isLessThan(1e-6);
        }
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void fitAtGivesTheExactSolutionAtThatLambda(Family f) {
        Dataset d = PathKktTest.data(f, false);
        GlmSettings s = GlmSettings.of(f).withAlpha(1).withTolerance(TOL);
        GlmPath path = ElasticNet.path(d, s.withNlambda(20));
        double target = Math.sqrt(path.lambdas()[5] * path.lambdas()[6]);
        LinearModel m = ElasticNet.fitAt(d, s, target);
        assertThat(m.lambda()).isEqualTo(target);
        GlmPath single = ElasticNet.path(d, s.withLambdas(target));
        for (int k = 0; k < m.responses(); k++) {
            for (int j = 0; j < d.cols(); j++) {
                assertThat(m.coefficients()[k][j]).isCloseTo(single.coefficients()[0][k][j], within(1e-6));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Family.class, names = {"GAUSSIAN", "BINOMIAL"})
    void interpolationIsLinearInLambdaBetweenPathPoints(Family f) {
        Dataset d = PathKktTest.data(f, false);
        GlmPath path = ElasticNet.path(d, GlmSettings.of(f).withNlambda(10));
        double s = 0.25 * path.lambdas()[3] + 0.75 * path.lambdas()[4];
        LinearModel m = path.interpolate(s);
        for (int j = 0; j < d.cols(); j++) {
            double expect = 0.25 * path.coefficients()[3][0][j] + 0.75 * path.coefficients()[4][0][j];
            assertThat(m.coefficients()[0][j]).isCloseTo(expect, within(1e-12));
        }
        assertThat(path.interpolate(path.lambdas()[0] * 10).coefficients()[0]).containsExactly(path.coefficients()[0][0]);
    }
}

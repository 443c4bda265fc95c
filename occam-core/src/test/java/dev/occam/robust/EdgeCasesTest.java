package dev.occam.robust;

import dev.occam.data.Dataset;
import dev.occam.data.DenseMatrix;
import dev.occam.glm.ElasticNet;
import dev.occam.glm.Family;
import dev.occam.glm.GlmPath;
import dev.occam.glm.GlmSettings;
import dev.occam.glm.LinearModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The numerical edge cases of issue 10, at the API: each gives the correct answer or one clear
 * message (an exception for what cannot be fitted, a warning on the result for what is fitted but
 * must be read with care).
 */
class EdgeCasesTest {

    /** Two features, the class decided by the sign of the first: perfectly separable. */
    private static Dataset separable(int n) {
        Random r = new Random(1);
        double[][] x = new double[n][2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = r.nextGaussian();
            x[i][1] = r.nextGaussian();
            y[i] = x[i][0] > 0 ? 1 : 0;
        }
        return new Dataset(DenseMatrix.ofRows(x), y, null, List.of("a", "b"), "y", List.of("0", "1"));
    }

    private static void assertFinite(GlmPath p) {
        for (int l = 0; l < p.size(); l++) {
            for (double b : p.intercepts()[l]) assertThat(b).isFinite();
            for (double[] w : p.coefficients()[l]) for (double v : w) assertThat(v).isFinite();
            assertThat(p.devRatio()[l]).isFinite();
        }
    }

    @Test
    void separableClassesStopThePathWithAWarningAndNoNaN() {
        GlmPath p = ElasticNet.path(separable(40), GlmSettings.of(Family.BINOMIAL));
        assertFinite(p);
        assertThat(p.size()).isLessThan(100);
        assertThat(p.warnings()).anySatisfy(w -> assertThat(w).contains("perfectly separable").contains("the path stops there"));
        // a user sequence down to λ = 0 is fitted to the end, finite, with the same warning
        GlmPath q = ElasticNet.path(separable(40), GlmSettings.of(Family.BINOMIAL).withLambdas(1e-1, 1e-2, 1e-3, 1e-4, 0));
        assertEquals(5, q.size());
        assertFinite(q);
        assertThat(q.warnings()).anySatisfy(w -> assertThat(w).contains("perfectly separable").contains("depend on the tolerance"));
    }

    @Test
    void separableMultinomialWarnsToo() {
        Random r = new Random(2);
        double[][] x = new double[60][2];
        double[] y = new double[60];
        for (int i = 0; i < 60; i++) {
            // a margin of 0.2 around both class boundaries
            do {
                x[i][0] = r.nextGaussian();
            } while (Math.abs(Math.abs(x[i][0]) - 0.5) < 0.2);
            x[i][1] = r.nextGaussian();
            y[i] = x[i][0] > 0.5 ? 2 : x[i][0] > -0.5 ? 1 : 0;
        }
        Dataset d = new Dataset(DenseMatrix.ofRows(x), y, null, List.of("a", "b"), "y", List.of("p", "q", "r"));
        GlmPath p = ElasticNet.path(d, GlmSettings.of(Family.MULTINOMIAL));
        assertFinite(p);
        assertThat(p.warnings()).anySatisfy(w -> assertThat(w).contains("perfectly separable"));
    }

    /** The gaussian data of n rows with extra columns built from the first ones. */
    private static double[][] columns(Dataset d, int... extraFrom) {
        double[][] x = new double[d.rows()][d.cols() + extraFrom.length / 2];
        for (int i = 0; i < d.rows(); i++) {
            for (int j = 0; j < d.cols(); j++) x[i][j] = d.x().get(i, j);
            // each pair (a, b): a new column x_a + x_b (b = -1: a copy of x_a)
            for (int e = 0; e < extraFrom.length / 2; e++) {
                int a = extraFrom[2 * e];
                int b = extraFrom[2 * e + 1];
                x[i][d.cols() + e] = x[i][a] + (b >= 0 ? x[i][b] : 0);
            }
        }
        return x;
    }

    /**
     * The KKT conditions of the gaussian objective (1/2n)Σ(y − b0 − xᵀw)² + λ Σ[α|w_j| + (1−α)/2 w_j²]
     * on the original features (standardize off), computed here from the data.
     */
    private static void assertKkt(double[][] x, double[] y, GlmPath p, double alpha) {
        int n = y.length;
        for (int l = 0; l < p.size(); l++) {
            double lambda = p.lambdas()[l];
            double[] w = p.coefficients()[l][0];
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                double eta = p.intercepts()[l][0];
                for (int j = 0; j < w.length; j++) eta += x[i][j] * w[j];
                r[i] = y[i] - eta;
            }
            double tol = 1e-7 * p.lambdas()[0];
            double sumR = 0;
            for (double v : r) sumR += v;
            assertThat(Math.abs(sumR / n)).as("intercept gradient at %d", l).isLessThan(tol);
            for (int j = 0; j < w.length; j++) {
                double g = 0;
                for (int i = 0; i < n; i++) g += x[i][j] * r[i];
                g = g / n - lambda * (1 - alpha) * w[j];
                if (w[j] != 0) {
                    assertThat(Math.abs(g - lambda * alpha * Math.signum(w[j]))).as("feature %d at %d", j, l).isLessThan(tol);
                } else {
                    assertThat(Math.abs(g)).as("feature %d at %d", j, l).isLessThanOrEqualTo(lambda * alpha + tol);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 0.5})
    void collinearAndDuplicatedColumnsKeepTheKktConditions(double alpha) {
        Dataset g = RobustData.of(Family.GAUSSIAN, 120, 4, 21, false);
        // x4 = copy of x0, x5 = x1 + x2
        double[][] x = columns(g, 0, -1, 1, 2);
        Dataset d = Dataset.numeric(DenseMatrix.ofRows(x), g.y(), RobustData.names(6));
        GlmPath p = ElasticNet.path(d, GlmSettings.of(Family.GAUSSIAN).withAlpha(alpha).withStandardize(false));
        assertFinite(p);
        assertKkt(x, g.y(), p, alpha);
    }

    @Test
    void duplicatedColumnsShareTheCoefficientUnderAnL2Part() {
        Dataset g = RobustData.of(Family.GAUSSIAN, 120, 4, 22, false);
        double[][] x = columns(g, 0, -1);
        Dataset d = Dataset.numeric(DenseMatrix.ofRows(x), g.y(), RobustData.names(5));
        GlmPath p = ElasticNet.path(d, GlmSettings.of(Family.GAUSSIAN).withAlpha(0.5));
        int moved = 0;
        for (int l = 0; l < p.size(); l++) {
            double[] w = p.coefficients()[l][0];
            // strictly convex (α < 1): the unique answer splits a duplicated column equally
            assertThat(w[4]).as("at %d", l).isCloseTo(w[0], org.assertj.core.data.Offset.offset(1e-8 * Math.max(1, Math.abs(w[0]))));
            if (w[0] != 0) moved++;
        }
        assertThat(moved).isGreaterThan(10);
    }

    @Test
    void duplicatedColumnsUnderTheLassoAddUpToTheSingleColumnsCoefficient() {
        Dataset g = RobustData.of(Family.GAUSSIAN, 120, 4, 23, false);
        Dataset d = Dataset.numeric(DenseMatrix.ofRows(columns(g, 0, -1)), g.y(), RobustData.names(5));
        GlmSettings s = GlmSettings.of(Family.GAUSSIAN).withStandardize(false).withLambdas(0.5, 0.2, 0.1, 0.05, 0.01);
        GlmPath single = ElasticNet.path(g, s);
        GlmPath twice = ElasticNet.path(d, s);
        for (int l = 0; l < single.size(); l++) {
            double[] w1 = single.coefficients()[l][0];
            double[] w2 = twice.coefficients()[l][0];
            // the lasso is not strictly convex: any split of the same sign is optimal, the sum is not
            assertThat(w2[0] + w2[4]).isCloseTo(w1[0], org.assertj.core.data.Offset.offset(1e-7));
            assertThat(w2[0] * w2[4]).isGreaterThanOrEqualTo(0);
            for (int j = 1; j < 4; j++) assertThat(w2[j]).isCloseTo(w1[j], org.assertj.core.data.Offset.offset(1e-7));
        }
    }

    @Test
    void zeroVarianceColumnsGetZeroAndAreNamed() {
        Dataset g = RobustData.of(Family.GAUSSIAN, 80, 3, 24, false);
        double[][] x = new double[80][4];
        for (int i = 0; i < 80; i++) {
            for (int j = 0; j < 3; j++) x[i][j] = g.x().get(i, j);
            x[i][3] = 7.5;
        }
        Dataset d = Dataset.numeric(DenseMatrix.ofRows(x), g.y(), List.of("x1", "x2", "x3", "flat"));
        for (boolean intercept : new boolean[] {true, false}) {
            GlmPath with = ElasticNet.path(d, GlmSettings.of(Family.GAUSSIAN).withIntercept(intercept));
            GlmPath without = ElasticNet.path(g, GlmSettings.of(Family.GAUSSIAN).withIntercept(intercept));
            assertThat(with.warnings()).contains("1 feature is constant and left out of the fit (coefficient 0): flat");
            assertEquals(without.size(), with.size());
            for (int l = 0; l < with.size(); l++) {
                assertEquals(0.0, with.coefficients()[l][0][3]);
                for (int j = 0; j < 3; j++) {
                    assertThat(with.coefficients()[l][0][j]).isCloseTo(without.coefficients()[l][0][j],
                            org.assertj.core.data.Offset.offset(1e-12));
                }
            }
        }
    }

    /** The data with feature 0 multiplied by {@code scale}. */
    private static Dataset scaled(Dataset g, double scale) {
        double[][] x = new double[g.rows()][g.cols()];
        for (int i = 0; i < g.rows(); i++) {
            for (int j = 0; j < g.cols(); j++) x[i][j] = g.x().get(i, j) * (j == 0 ? scale : 1);
        }
        return Dataset.numeric(DenseMatrix.ofRows(x), g.y(), g.featureNames());
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e100, 1e-100, 1e140, 1e-140})
    void farFromUnitScalesGiveTheSameStandardizedFit(double scale) {
        Dataset g = RobustData.of(Family.GAUSSIAN, 60, 3, 25, false);
        GlmPath ref = ElasticNet.path(g, GlmSettings.of(Family.GAUSSIAN));
        GlmPath p = ElasticNet.path(scaled(g, scale), GlmSettings.of(Family.GAUSSIAN));
        assertEquals(ref.size(), p.size());
        for (int l = 0; l < p.size(); l++) {
            // standardized, the problem is the same: coefficient of feature 0 divided by the scale
            double w = p.coefficients()[l][0][0] * scale;
            assertThat(w).isCloseTo(ref.coefficients()[l][0][0], org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(w))));
        }
    }

    @Test
    void scalesBeyondDoublePrecisionAreAClearError() {
        Dataset g = RobustData.of(Family.GAUSSIAN, 60, 3, 26, false);
        assertThatThrownBy(() -> ElasticNet.path(scaled(g, 1e300), GlmSettings.of(Family.GAUSSIAN)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("feature \"x1\" has values up to ")
                .hasMessageContaining("their squares overflow").hasMessageContaining("divide it by a power of ten (e.g. 1e300)");
        assertThatThrownBy(() -> ElasticNet.path(scaled(g, 1e-300), GlmSettings.of(Family.GAUSSIAN)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("feature \"x1\" varies only by about ")
                .hasMessageContaining("underflow").hasMessageContaining("multiply it by a power of ten (e.g. 1e300)");
        double[] y = g.y().clone();
        y[0] = 1e300;
        assertThatThrownBy(() -> ElasticNet.path(Dataset.numeric(g.x(), y, g.featureNames()), GlmSettings.of(Family.GAUSSIAN)))
                .hasMessageContaining("the target has the value 1.0E300, too large");
    }

    @Test
    void oneRowIsAClearError() {
        Dataset one = Dataset.numeric(DenseMatrix.ofRows(new double[][] {{1, 2}}), new double[] {3}, List.of("a", "b"));
        assertThatThrownBy(() -> ElasticNet.path(one, GlmSettings.of(Family.GAUSSIAN)))
                .hasMessage("the data have 1 row; a fit needs at least 2");
        assertThatThrownBy(() -> ElasticNet.fitAt(one, GlmSettings.of(Family.GAUSSIAN), 0.1))
                .hasMessage("the data have 1 row; a fit needs at least 2");
    }

    @Test
    void aClassWithoutRowsOrWeightIsAClearError() {
        // a declared class no row has (API), or whose rows all have weight 0 (also through the CLI's
        // --weights): its null-model intercept would be log 0, every gradient NaN
        double[][] x = {{1, 2}, {2, 1}, {3, 5}, {4, 3}, {5, 4}, {6, 6}};
        Dataset absent = new Dataset(DenseMatrix.ofRows(x), new double[] {1, 2, 1, 2, 2, 1}, null, List.of("a", "b"), "y",
                List.of("x", "y", "z"));
        assertThatThrownBy(() -> ElasticNet.path(absent, GlmSettings.of(Family.MULTINOMIAL)))
                .hasMessage("class 'x' of the target has no row; every class needs some (drop the class, or fit without it)");
        Dataset binary = new Dataset(DenseMatrix.ofRows(x), new double[] {0, 1, 0, 1, 1, 0}, new double[] {0, 1, 0, 1, 1, 0},
                List.of("a", "b"), "y", List.of("no", "yes"));
        assertThatThrownBy(() -> ElasticNet.path(binary, GlmSettings.of(Family.BINOMIAL)))
                .hasMessageStartingWith("class 'no' of the target has no row with positive weight");
        Dataset counts = Dataset.numeric(DenseMatrix.ofRows(x), new double[6], List.of("a", "b"));
        assertThatThrownBy(() -> ElasticNet.path(counts, GlmSettings.of(Family.POISSON)))
                .hasMessage("a poisson target needs a count above 0 in some row; every count is 0");
    }

    @Test
    void noFeaturesGiveTheInterceptOnlyModel() {
        double[] y = {1, 2, 3, 4, 10};
        double[] v = {1, 1, 2, 1, 0.5};
        Dataset d = new Dataset(new DenseMatrix(5, 0, new double[0]), y, v, List.of(), "y", null);
        GlmPath p = ElasticNet.path(d, GlmSettings.of(Family.GAUSSIAN));
        assertEquals(1, p.size());
        assertEquals(0.0, p.lambdas()[0]);
        double mean = (1 + 2 + 6 + 4 + 5) / 5.5;
        assertThat(p.intercepts()[0][0]).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(p.warnings()).anySatisfy(w -> assertThat(w).contains("no features").contains("intercept"));
        LinearModel m = ElasticNet.fitAt(d, GlmSettings.of(Family.GAUSSIAN), 0.3);
        assertThat(m.intercepts()[0]).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-12));
        // binomial: the log-odds of the weighted share of the second class
        Dataset b = new Dataset(new DenseMatrix(5, 0, new double[0]), new double[] {1, 0, 1, 1, 0}, null, List.of(), "y", List.of("0", "1"));
        GlmPath q = ElasticNet.path(b, GlmSettings.of(Family.BINOMIAL));
        assertThat(q.intercepts()[0][0]).isCloseTo(Math.log(3.0 / 2.0), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(q.converged()[0]).isTrue();
    }

    @Test
    void allZeroAndNegativeWeightsAreClearErrors() {
        Dataset g = RobustData.of(Family.GAUSSIAN, 10, 2, 27, false);
        assertThatThrownBy(() -> g.withWeights(new double[10])).hasMessage("weights must not all be zero");
        double[] w = new double[10];
        java.util.Arrays.fill(w, 1);
        w[3] = -1;
        assertThatThrownBy(() -> g.withWeights(w)).hasMessage("weights must be finite and >= 0; got -1.0");
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void lambdaAtOrAboveLambdaMaxGivesExactZeros(Family family) {
        Dataset d = RobustData.of(family, 150, 6, 28, false);
        double max = ElasticNet.path(d, GlmSettings.of(family).withNlambda(1)).lambdas()[0];
        GlmPath p = ElasticNet.path(d, GlmSettings.of(family).withLambdas(1e6 * max, 10 * max, max * (1 + 1e-12), max, 0.5 * max));
        for (int l = 0; l < 4; l++) {
            for (double[] w : p.coefficients()[l]) {
                for (double v : w) assertEquals(0.0, v, "lambda " + p.lambdas()[l]);
            }
        }
        assertThat(p.df()[4]).isGreaterThan(0);
        // and the intercept there is the null model's, the same at every such λ
        for (int l = 1; l < 4; l++) assertThat(p.intercepts()[l]).containsExactly(p.intercepts()[0]);
    }

    @Test
    void lambdaZeroIsLeastSquaresWhenUnique() {
        Dataset g = RobustData.of(Family.GAUSSIAN, 50, 3, 29, false);
        GlmPath p = ElasticNet.path(g, GlmSettings.of(Family.GAUSSIAN).withLambdas(0));
        assertThat(p.warnings()).isEmpty();
        double[] ols = leastSquares(g);
        assertThat(p.intercepts()[0][0]).isCloseTo(ols[0], org.assertj.core.data.Offset.offset(1e-8));
        for (int j = 0; j < 3; j++) assertThat(p.coefficients()[0][0][j]).isCloseTo(ols[j + 1], org.assertj.core.data.Offset.offset(1e-8));
    }

    @Test
    void lambdaZeroSaysWhenTheFitIsNotUnique() {
        Dataset wide = RobustData.of(Family.GAUSSIAN, 20, 40, 30, false);
        GlmPath p = ElasticNet.path(wide, GlmSettings.of(Family.GAUSSIAN).withLambdas(0));
        assertThat(p.warnings()).anySatisfy(w -> assertThat(w).startsWith("at lambda = 0 the fit is not unique: 40 features and 20 rows"));
        Dataset g = RobustData.of(Family.GAUSSIAN, 50, 3, 31, false);
        Dataset dup = Dataset.numeric(DenseMatrix.ofRows(columns(g, 1, -1)), g.y(), RobustData.names(4));
        LinearModel m = ElasticNet.fitAt(dup, GlmSettings.of(Family.GAUSSIAN), 0);
        assertThat(m.summary().warnings()).anySatisfy(w -> assertThat(w)
                .startsWith("at lambda = 0 the fit is not unique: feature \"x4\" is a linear combination"));
        // λ > 0 with an L2 part is unique: no warning
        assertThat(ElasticNet.fitAt(dup, GlmSettings.of(Family.GAUSSIAN).withAlpha(0.5), 0.01).summary().warnings()).isEmpty();
    }

    @Test
    void runningOutOfPassesNamesTheSettingToRaise() {
        GlmPath p = ElasticNet.path(RobustData.of(Family.GAUSSIAN, 200, 30, 32, false), GlmSettings.of(Family.GAUSSIAN).withMaxPasses(3));
        assertThat(p.allConverged()).isFalse();
        assertFinite(p);
        assertThat(p.warnings()).anySatisfy(w -> assertThat(w).contains("did not converge within 3 passes")
                .contains("--max-passes").contains("GlmSettings.maxPasses; now 3"));
    }

    @Test
    void nonFiniteValuesAreErrorsNamingFeatureAndRow() {
        Dataset g = RobustData.of(Family.GAUSSIAN, 30, 3, 33, false);
        double[] x = ((DenseMatrix) g.x()).values().clone();
        x[30 + 7] = Double.NaN;
        Dataset nan = Dataset.numeric(new DenseMatrix(30, 3, x), g.y(), g.featureNames());
        assertThatThrownBy(() -> ElasticNet.path(nan, GlmSettings.of(Family.GAUSSIAN)))
                .hasMessage("feature \"x2\" has NaN in row 8: every feature value must be a finite number");
        double[] x2 = ((DenseMatrix) g.x()).values().clone();
        x2[4] = Double.NEGATIVE_INFINITY;
        Dataset inf = Dataset.numeric(dev.occam.data.SparseMatrix.fromDense(new DenseMatrix(30, 3, x2)), g.y(), g.featureNames());
        assertThatThrownBy(() -> ElasticNet.path(inf, GlmSettings.of(Family.GAUSSIAN)))
                .hasMessage("feature \"x1\" has -Infinity in row 5: every feature value must be a finite number");
        double[] y = g.y().clone();
        y[2] = Double.NaN;
        assertThatThrownBy(() -> ElasticNet.path(Dataset.numeric(g.x(), y, g.featureNames()), GlmSettings.of(Family.GAUSSIAN)))
                .hasMessageContaining("the target must be finite");
    }

    /** Ordinary least squares with an intercept by the normal equations (Gauss–Jordan): [b0, w…]. */
    private static double[] leastSquares(Dataset g) {
        int n = g.rows();
        int q = g.cols() + 1;
        double[][] a = new double[q][q + 1];
        for (int i = 0; i < n; i++) {
            double[] row = new double[q];
            row[0] = 1;
            for (int j = 1; j < q; j++) row[j] = g.x().get(i, j - 1);
            for (int r = 0; r < q; r++) {
                for (int c = 0; c < q; c++) a[r][c] += row[r] * row[c];
                a[r][q] += row[r] * g.y()[i];
            }
        }
        for (int c = 0; c < q; c++) {
            for (int r = 0; r < q; r++) {
                if (r == c) continue;
                double f = a[r][c] / a[c][c];
                for (int k = c; k <= q; k++) a[r][k] -= f * a[c][k];
            }
        }
        List<Double> out = new ArrayList<>();
        for (int c = 0; c < q; c++) out.add(a[c][q] / a[c][c]);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}

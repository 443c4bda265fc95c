package dev.occam.glm;

import dev.occam.data.Dataset;
import dev.occam.data.DenseMatrix;
import dev.occam.data.SparseMatrix;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RidgeTest {

    private static void assertSameFit(LinearModel m, RidgeReference.Fit ref, double tol, String what) {
        assertThat(m.intercepts()[0]).as("intercept, %s", what).isCloseTo(ref.b0(), within(tol * (1 + Math.abs(ref.b0()))));
        double[] w = m.coefficients()[0];
        for (int j = 0; j < w.length; j++) {
            assertThat(w[j]).as("w[%d], %s", j, what).isCloseTo(ref.w()[j], within(tol * (1 + Math.abs(ref.w()[j]))));
        }
    }

    @Test
    void matchesTheNormalEquationsOfTheCanonicalObjective() {
        for (boolean weights : new boolean[] {false, true}) {
            Dataset d = RidgeReference.data(1, 40, 6, weights, -1, 0, false);
            for (RidgeSettings s : RidgeReference.settings(6)) {
                for (double lambda : new double[] {0.0, 1e-3, 0.3, 10}) {
                    LinearModel m = Ridge.fit(d, lambda, s);
                    assertSameFit(m, RidgeReference.fit(d, lambda, s), 1e-10, s + " lambda " + lambda + " weights " + weights);
                    assertThat(m.family()).isEqualTo(Family.GAUSSIAN);
                    assertThat(m.alpha()).isEqualTo(0.0);
                    assertThat(m.lambda()).isEqualTo(lambda);
                }
            }
        }
    }

    /**
     * (d) The gradient of the canonical objective, written directly on the original scale and
     * differentiated by central differences, vanishes at the solution.
     */
    @Test
    void finiteDifferenceGradientOfTheObjectiveVanishesAtTheSolution() {
        for (boolean weights : new boolean[] {false, true}) {
            Dataset d = RidgeReference.data(2, 35, 5, weights, -1, 0, false);
            for (RidgeSettings s : RidgeReference.settings(5)) {
                double lambda = 0.7;
                LinearModel m = Ridge.fit(d, lambda, s);
                RidgeReference.Setup setup = RidgeReference.setup(d, lambda, s);
                double[] theta = new double[6];
                theta[0] = m.intercepts()[0];
                System.arraycopy(m.coefficients()[0], 0, theta, 1, 5);
                double j0 = objective(setup, d, theta);
                for (int k = s.intercept() ? 0 : 1; k < 6; k++) {
                    double h = 1e-5 * (1 + Math.abs(theta[k]));
                    double[] plus = theta.clone();
                    double[] minus = theta.clone();
                    plus[k] += h;
                    minus[k] -= h;
                    double grad = (objective(setup, d, plus) - objective(setup, d, minus)) / (2 * h);
                    assertThat(grad).as("dJ/dθ_%d, %s, weights %s", k, s, weights).isCloseTo(0.0, within(1e-8 * (1 + j0)));
                }
            }
        }
    }

    /** (1/Σv) Σ v_i ½(y_i − b0 − x_iᵀw)² + (λ/2) Σ f_j (s_j w_j)², with θ = (b0, w). */
    private static double objective(RidgeReference.Setup s, Dataset d, double[] theta) {
        double loss = 0;
        for (int i = 0; i < s.x().length; i++) {
            double eta = theta[0];
            for (int j = 0; j < s.x()[i].length; j++) eta += theta[1 + j] * s.x()[i][j];
            double r = d.y()[i] - eta;
            loss += s.u()[i] * 0.5 * r * r;
        }
        double pen = 0;
        for (int j = 0; j < s.penaltyWeights().length; j++) pen += 0.5 * s.penaltyWeights()[j] * theta[1 + j] * theta[1 + j];
        return loss + pen;
    }

    @Test
    void dualSystemGivesTheSameSolutionAsThePrimal() {
        // More features than rows (the dual is chosen automatically) and fewer (forced).
        for (int[] shape : new int[][] {{12, 30}, {30, 8}}) {
            for (boolean weights : new boolean[] {false, true}) {
                Dataset d = RidgeReference.data(3, shape[0], shape[1], weights, -1, 0, false);
                double[] f = new double[shape[1]];
                for (int j = 0; j < f.length; j++) f[j] = 1 + j % 4;
                for (RidgeSettings s : List.of(RidgeSettings.defaults(), new RidgeSettings(false, false, f),
                        new RidgeSettings(true, false, null), new RidgeSettings(false, true, f))) {
                    for (double lambda : new double[] {1e-2, 1, 50}) {
                        LinearModel primal = Ridge.fit(d, lambda, s, Ridge.Form.PRIMAL);
                        LinearModel dual = Ridge.fit(d, lambda, s, Ridge.Form.DUAL);
                        LinearModel auto = Ridge.fit(d, lambda, s);
                        RidgeReference.Fit p = new RidgeReference.Fit(primal.intercepts()[0], primal.coefficients()[0]);
                        assertSameFit(dual, p, 1e-9, "dual " + s + " " + lambda);
                        assertSameFit(auto, p, 1e-9, "auto " + s + " " + lambda);
                    }
                }
            }
        }
    }

    @Test
    void sparseInputGivesTheSameFitAsDense() {
        Dataset dense = RidgeReference.data(4, 50, 7, true, -1, 0.6, false);
        Dataset sparse = RidgeReference.data(4, 50, 7, true, -1, 0.6, true);
        assertThat(sparse.x()).isInstanceOf(SparseMatrix.class);
        for (RidgeSettings s : RidgeReference.settings(7)) {
            LinearModel a = Ridge.fit(dense, 0.2, s);
            LinearModel b = Ridge.fit(sparse, 0.2, s);
            assertSameFit(b, new RidgeReference.Fit(a.intercepts()[0], a.coefficients()[0]), 1e-11, "sparse " + s);
        }
        // The dual with sparse X (more features than rows).
        Dataset wideDense = RidgeReference.data(5, 15, 40, false, -1, 0.7, false);
        Dataset wideSparse = RidgeReference.data(5, 15, 40, false, -1, 0.7, true);
        LinearModel a = Ridge.fit(wideDense, 0.5, RidgeSettings.defaults(), Ridge.Form.PRIMAL);
        LinearModel b = Ridge.fit(wideSparse, 0.5, RidgeSettings.defaults(), Ridge.Form.DUAL);
        assertSameFit(b, new RidgeReference.Fit(a.intercepts()[0], a.coefficients()[0]), 1e-9, "sparse dual");
    }

    /** (f) A sample weight of 2 equals a duplicated row. */
    @Test
    void weightTwoEqualsADuplicatedRow() {
        Dataset d = RidgeReference.data(6, 25, 4, false, -1, 0, false);
        double[][] rows = RidgeReference.rows(d);
        double[][] dupRows = new double[26][];
        double[] dupY = new double[26];
        for (int i = 0; i < 25; i++) {
            dupRows[i] = rows[i];
            dupY[i] = d.y()[i];
        }
        dupRows[25] = rows[7];
        dupY[25] = d.y()[7];
        Dataset duplicated = Dataset.numeric(DenseMatrix.ofRows(dupRows), dupY, d.featureNames());
        double[] v = new double[25];
        java.util.Arrays.fill(v, 1.0);
        v[7] = 2.0;
        Dataset weighted = d.withWeights(v);
        for (RidgeSettings s : RidgeReference.settings(4)) {
            LinearModel a = Ridge.fit(weighted, 0.4, s);
            LinearModel b = Ridge.fit(duplicated, 0.4, s);
            assertSameFit(a, new RidgeReference.Fit(b.intercepts()[0], b.coefficients()[0]), 1e-11, "weight 2 " + s);
        }
    }

    /** (e) Penalty factor 0 leaves a feature unpenalized. */
    @Test
    void penaltyFactorZeroLeavesAFeatureUnpenalized() {
        Dataset d = RidgeReference.data(7, 60, 5, true, -1, 0, false);
        double[] f = {1, 0, 1, 2, 1};
        RidgeSettings s = new RidgeSettings(true, true, f);
        double[] u = RidgeReference.setup(d, 0, s).u();
        double[][] x = RidgeReference.rows(d);
        // At any λ the loss gradient of the free feature is exactly 0: Σ u_i r_i x_i1 = 0.
        for (double lambda : new double[] {0.01, 1, 100}) {
            LinearModel m = Ridge.fit(d, lambda, s);
            double g = 0;
            for (int i = 0; i < 60; i++) {
                double r = d.y()[i] - m.intercepts()[0];
                for (int j = 0; j < 5; j++) r -= m.coefficients()[0][j] * x[i][j];
                g += u[i] * r * x[i][1];
            }
            assertThat(g).as("gradient of the free feature at lambda %s", lambda).isCloseTo(0.0, within(1e-11));
        }
        // With a huge λ the penalized coefficients vanish and the free one is the weighted
        // simple-regression slope of y on x1.
        LinearModel m = Ridge.fit(d, 1e9, s);
        double mx = 0, my = 0;
        for (int i = 0; i < 60; i++) {
            mx += u[i] * x[i][1];
            my += u[i] * d.y()[i];
        }
        double sxy = 0, sxx = 0;
        for (int i = 0; i < 60; i++) {
            sxy += u[i] * (x[i][1] - mx) * (d.y()[i] - my);
            sxx += u[i] * (x[i][1] - mx) * (x[i][1] - mx);
        }
        assertThat(m.coefficients()[0][1]).isCloseTo(sxy / sxx, within(1e-7));
        assertThat(m.intercepts()[0]).isCloseTo(my - mx * sxy / sxx, within(1e-6));
        for (int j : new int[] {0, 2, 3, 4}) assertThat(m.coefficients()[0][j]).isCloseTo(0.0, within(1e-7));
    }

    @Test
    void constantFeatureGetsZeroAndDoesNotChangeTheOthers() {
        Dataset d = RidgeReference.data(8, 30, 4, true, 2, 0, false);
        for (RidgeSettings s : List.of(RidgeSettings.defaults(), new RidgeSettings(false, false, null))) {
            LinearModel m = Ridge.fit(d, 0.3, s);
            assertThat(m.coefficients()[0][2]).isEqualTo(0.0);
            assertSameFit(m, RidgeReference.fit(d, 0.3, s), 1e-10, "constant column " + s);
        }
    }

    @Test
    void rescalingAFeatureUnderStandardizeLeavesPredictionsUnchanged() {
        Dataset d = RidgeReference.data(9, 30, 4, true, -1, 0, false);
        double[] x = ((DenseMatrix) d.x()).values().clone();
        for (int i = 0; i < 30; i++) x[i + 30] = 1000 * x[i + 30] - 7;
        Dataset scaled = new Dataset(new DenseMatrix(30, 4, x), d.y(), d.weights(), d.featureNames(), "y", null);
        LinearModel a = Ridge.fit(d, 0.5, RidgeSettings.defaults());
        LinearModel b = Ridge.fit(scaled, 0.5, RidgeSettings.defaults());
        double[] pa = a.link(d.x())[0];
        double[] pb = b.link(scaled.x())[0];
        for (int i = 0; i < 30; i++) assertThat(pb[i]).isCloseTo(pa[i], within(1e-9));
        assertThat(b.coefficients()[0][1]).isCloseTo(a.coefficients()[0][1] / 1000, within(1e-12));
    }

    @Test
    void summaryReportsDevianceRatio() {
        Dataset d = RidgeReference.data(10, 30, 3, true, -1, 0, false);
        LinearModel m = Ridge.fit(d, 0.1, RidgeSettings.defaults());
        double[] eta = m.link(d.x())[0];
        double dev = 0, nullDev = 0, ybar = 0, sv = 0;
        for (int i = 0; i < 30; i++) {
            ybar += d.weights()[i] * d.y()[i];
            sv += d.weights()[i];
        }
        ybar /= sv;
        for (int i = 0; i < 30; i++) {
            dev += d.weights()[i] * Math.pow(d.y()[i] - eta[i], 2);
            nullDev += d.weights()[i] * Math.pow(d.y()[i] - ybar, 2);
        }
        assertThat(m.summary().nullDeviance()).isCloseTo(nullDev, within(1e-9 * nullDev));
        assertThat(m.summary().devRatio()).isCloseTo(1 - dev / nullDev, within(1e-12));
        assertThat(m.summary().converged()).isTrue();
    }

    @Test
    void badInputGetsAClearMessage() {
        Dataset d = RidgeReference.data(11, 20, 3, false, -1, 0, false);
        RidgeSettings s = RidgeSettings.defaults();
        assertThatThrownBy(() -> Ridge.fit(d, -1, s)).hasMessage("lambda must be finite and >= 0; got -1.0");
        assertThatThrownBy(() -> Ridge.fit(d, Double.NaN, s)).hasMessage("lambda must be finite and >= 0; got NaN");
        assertThatThrownBy(() -> Ridge.fit(d, Double.POSITIVE_INFINITY, s)).hasMessageContaining("lambda must be finite");
        assertThatThrownBy(() -> Ridge.fit(d, 1, s.withPenaltyFactors(1, 2)))
                .hasMessage("penalty factors must have one value per feature (3); got 2");
        assertThatThrownBy(() -> new RidgeSettings(true, true, new double[] {1, -1, 1}))
                .hasMessage("penalty factor must be finite and >= 0; got -1.0");
        assertThatThrownBy(() -> new RidgeSettings(true, true, new double[] {0, 0}))
                .hasMessageContaining("penalty factors must not all be 0");
        Dataset classes = new Dataset(d.x(), d.y(), null, d.featureNames(), "label", List.of("a", "b"));
        assertThatThrownBy(() -> Ridge.fit(classes, 1, s)).hasMessageContaining("gaussian").hasMessageContaining("label");
        double[] y = d.y().clone();
        y[4] = Double.NaN;
        Dataset nan = new Dataset(d.x(), y, null, d.featureNames(), "y", null);
        assertThatThrownBy(() -> Ridge.fit(nan, 1, s)).hasMessage("target must be finite; row 5 has NaN");
        Dataset noTarget = new Dataset(d.x(), null, null, d.featureNames(), "y", null);
        assertThatThrownBy(() -> Ridge.fit(noTarget, 1, s)).hasMessageContaining("needs a target");
    }

    @Test
    void singularSystemsNameTheFeature() {
        Dataset d = RidgeReference.data(12, 20, 3, false, -1, 0, false);
        double[] x = ((DenseMatrix) d.x()).values();
        double[] dup = new double[20 * 4];
        System.arraycopy(x, 0, dup, 0, 60);
        for (int i = 0; i < 20; i++) dup[i + 60] = 2 * x[i] + x[i + 20];   // x4 = 2·x1 + x2
        Dataset collinear = new Dataset(new DenseMatrix(20, 4, dup), d.y(), null, Dataset.defaultNames(4), "y", null);
        // Unpenalized collinear features: no unique solution at any λ.
        assertThatThrownBy(() -> Ridge.fit(collinear, 1.0, new RidgeSettings(true, true, new double[] {0, 0, 1, 0})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("feature 'x4'").hasMessageContaining("no unique solution");
        assertThatThrownBy(() -> Ridge.fit(collinear, 0.0, RidgeSettings.defaults()))
                .hasMessageContaining("no unique solution");
        // Penalized, the same data is fine.
        LinearModel m = Ridge.fit(collinear, 1.0, RidgeSettings.defaults());
        assertSameFit(m, RidgeReference.fit(collinear, 1.0, RidgeSettings.defaults()), 1e-10, "collinear penalized");
        // More features than rows at λ = 0.
        Dataset wide = RidgeReference.data(13, 10, 20, false, -1, 0, false);
        assertThatThrownBy(() -> Ridge.fit(wide, 0.0, RidgeSettings.defaults())).hasMessageContaining("no unique solution");
    }

    @Test
    void interceptOnlyAndNoFeatures() {
        Dataset d = RidgeReference.data(14, 10, 2, true, -1, 0, false);
        Dataset none = new Dataset(new DenseMatrix(10, 0, new double[0]), d.y(), d.weights(), List.of(), "y", null);
        LinearModel m = Ridge.fit(none, 1.0, RidgeSettings.defaults());
        double ybar = 0, sv = 0;
        for (int i = 0; i < 10; i++) {
            ybar += d.weights()[i] * d.y()[i];
            sv += d.weights()[i];
        }
        assertThat(m.intercepts()[0]).isCloseTo(ybar / sv, within(1e-12));
        assertThat(m.coefficients()[0]).isEmpty();
    }
}

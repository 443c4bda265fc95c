package dev.occam.glm;

import dev.occam.data.Dataset;
import dev.occam.linalg.TestMatrices;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RidgePathTest {

    private static final double[] LAMBDAS = {20, 3, 0.5, 0.05, 0.002};

    private static void assertPathMatchesFits(Dataset d, RidgeSettings s, RidgePathResult path, double tol) {
        for (int l = 0; l < path.size(); l++) {
            LinearModel m = Ridge.fit(d, path.lambdas()[l], s, Ridge.Form.PRIMAL);
            double b0 = m.intercepts()[0];
            assertThat(path.intercepts()[l]).as("b0 at lambda %s, %s", path.lambdas()[l], s)
                    .isCloseTo(b0, within(tol * (1 + Math.abs(b0))));
            for (int j = 0; j < d.cols(); j++) {
                double w = m.coefficients()[0][j];
                assertThat(path.coefficients()[l][j]).as("w[%d] at lambda %s, %s", j, path.lambdas()[l], s)
                        .isCloseTo(w, within(tol * (1 + Math.abs(w))));
            }
            assertThat(path.devRatio()[l]).isCloseTo(m.summary().devRatio(), within(1e-10));
            assertThat(path.model(l).coefficients()[0]).containsExactly(path.coefficients()[l]);
        }
    }

    /** (a) The path at each λ equals Ridge.fit at that λ. */
    @Test
    void pathEqualsSingleFitsAtEveryLambda() {
        for (boolean weights : new boolean[] {false, true}) {
            Dataset d = RidgeReference.data(21, 40, 6, weights, -1, 0, false);
            for (RidgeSettings s : RidgeReference.settings(6)) {
                assertPathMatchesFits(d, s, RidgePath.fit(d, s, LAMBDAS), 1e-10);
            }
            // glmnet's default sequence, down to 1e-4·λ_max.
            assertPathMatchesFits(d, RidgeSettings.defaults(), RidgePath.fit(d, RidgeSettings.defaults()), 1e-10);
        }
        // Sparse X, a constant column, several unpenalized features.
        Dataset sparse = RidgeReference.data(22, 50, 7, true, 3, 0.5, true);
        RidgeSettings free = new RidgeSettings(true, true, new double[] {0, 1, 2, 1, 0, 1, 1});
        assertPathMatchesFits(sparse, free, RidgePath.fit(sparse, free, LAMBDAS), 1e-10);
    }

    @Test
    void dualPathEqualsPrimalPathWhenFeaturesOutnumberRows() {
        for (boolean weights : new boolean[] {false, true}) {
            for (boolean sparse : new boolean[] {false, true}) {
                Dataset d = RidgeReference.data(23, 15, 40, weights, -1, sparse ? 0.6 : 0, sparse);
                double[] f = new double[40];
                for (int j = 0; j < 40; j++) f[j] = 1 + j % 3;
                for (RidgeSettings s : List.of(RidgeSettings.defaults(), new RidgeSettings(false, false, f),
                        new RidgeSettings(true, false, f))) {
                    RidgePathResult dual = RidgePath.fit(d, s, LAMBDAS, Ridge.Form.DUAL);
                    RidgePathResult primal = RidgePath.fit(d, s, LAMBDAS, Ridge.Form.PRIMAL);
                    RidgePathResult auto = RidgePath.fit(d, s, LAMBDAS);
                    for (int l = 0; l < LAMBDAS.length; l++) {
                        assertThat(dual.intercepts()[l]).isCloseTo(primal.intercepts()[l], within(1e-9));
                        assertThat(TestMatrices.maxDiff(dual.coefficients()[l], primal.coefficients()[l])).isLessThan(1e-9);
                        assertThat(dual.looMse()[l]).isCloseTo(primal.looMse()[l], within(1e-9 * primal.looMse()[l]));
                        assertThat(dual.gcv()[l]).isCloseTo(primal.gcv()[l], within(1e-9 * primal.gcv()[l]));
                        assertThat(dual.df()[l]).isCloseTo(primal.df()[l], within(1e-9));
                        assertThat(auto.looMse()[l]).isEqualTo(dual.looMse()[l]);
                    }
                    assertPathMatchesFits(d, s, dual, 1e-9);
                }
            }
        }
    }

    /**
     * (b) The leave-one-out error equals refits without each row. "Without row i" keeps the
     * penalty of the full data (λ, Σv, scales and penalty factors) and drops row i from the loss:
     * the reference solver is called with u_i = 0 and the other weights not renormalized.
     */
    @Test
    void leaveOneOutErrorEqualsBruteForceRefits() {
        int n = 30;
        for (boolean weights : new boolean[] {false, true}) {
            for (boolean sparse : new boolean[] {false, true}) {
                Dataset d = RidgeReference.data(24, n, 5, weights, -1, sparse ? 0.4 : 0, sparse);
                for (RidgeSettings s : RidgeReference.settings(5)) {
                    RidgePathResult path = RidgePath.fit(d, s, LAMBDAS);
                    for (int l = 0; l < LAMBDAS.length; l++) {
                        double expected = bruteForceLoo(d, LAMBDAS[l], s);
                        assertThat(path.looMse()[l]).as("LOO at lambda %s, %s, weights %s, sparse %s", LAMBDAS[l], s, weights, sparse)
                                .isCloseTo(expected, within(1e-9 * expected));
                    }
                }
            }
        }
        // The dual path (p > n).
        Dataset wide = RidgeReference.data(25, 12, 25, true, -1, 0, false);
        for (RidgeSettings s : List.of(RidgeSettings.defaults(), new RidgeSettings(false, false, null))) {
            RidgePathResult path = RidgePath.fit(wide, s, LAMBDAS, Ridge.Form.DUAL);
            for (int l = 0; l < LAMBDAS.length; l++) {
                double expected = bruteForceLoo(wide, LAMBDAS[l], s);
                assertThat(path.looMse()[l]).isCloseTo(expected, within(1e-9 * expected));
            }
        }
    }

    private static double bruteForceLoo(Dataset d, double lambda, RidgeSettings s) {
        RidgeReference.Setup setup = RidgeReference.setup(d, lambda, s);
        double sum = 0;
        for (int i = 0; i < d.rows(); i++) {
            double[] u = setup.u().clone();
            u[i] = 0;
            RidgeReference.Fit fit = RidgeReference.solve(setup, u);
            double r = d.y()[i] - fit.predict(setup.x()[i]);
            sum += setup.u()[i] * r * r;
        }
        return sum;
    }

    /** (c) GCV and df against the hat matrix built explicitly. */
    @Test
    void gcvAndDfMatchTheExplicitHatMatrix() {
        for (boolean weights : new boolean[] {false, true}) {
            Dataset d = RidgeReference.data(26, 25, 5, weights, -1, 0, false);
            for (RidgeSettings s : RidgeReference.settings(5)) {
                RidgePathResult path = RidgePath.fit(d, s, LAMBDAS);
                for (int l = 0; l < LAMBDAS.length; l++) {
                    double[] hat = hatMatrix(d, LAMBDAS[l], s);
                    int n = d.rows();
                    double trace = 0;
                    for (int i = 0; i < n; i++) trace += hat[i + i * n];
                    double[] u = RidgeReference.setup(d, 0, s).u();
                    double rss = 0;
                    for (int i = 0; i < n; i++) {
                        double fitted = 0;
                        for (int k = 0; k < n; k++) fitted += hat[i + k * n] * d.y()[k];
                        rss += u[i] * (d.y()[i] - fitted) * (d.y()[i] - fitted);
                    }
                    double gcv = rss / Math.pow(1 - trace / n, 2);
                    assertThat(path.df()[l]).as("df at %s, %s", LAMBDAS[l], s).isCloseTo(trace, within(1e-10));
                    assertThat(path.gcv()[l]).as("gcv at %s, %s", LAMBDAS[l], s).isCloseTo(gcv, within(1e-10 * gcv));
                }
            }
        }
    }

    /**
     * H = Z (ZᵀUZ + P)⁻¹ ZᵀU with Z = [1, x_j] (the intercept column only with an intercept)
     * and P = diag(0, penalty weights), the map from y to the fitted values.
     */
    private static double[] hatMatrix(Dataset d, double lambda, RidgeSettings s) {
        RidgeReference.Setup setup = RidgeReference.setup(d, lambda, s);
        int n = d.rows();
        int p = d.cols();
        int off = s.intercept() ? 1 : 0;
        int k = off + p;
        double[] z = new double[n * k];
        for (int i = 0; i < n; i++) {
            if (s.intercept()) z[i] = 1;
            for (int j = 0; j < p; j++) z[i + (off + j) * n] = setup.x()[i][j];
        }
        double[] m = new double[k * k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double sum = 0;
                for (int i = 0; i < n; i++) sum += setup.u()[i] * z[i + a * n] * z[i + b * n];
                m[a + b * k] = sum;
            }
        }
        for (int j = 0; j < p; j++) m[(off + j) * (k + 1)] += setup.penaltyWeights()[j];
        double[] hat = new double[n * n];
        for (int col = 0; col < n; col++) {
            double[] rhs = new double[k];
            for (int a = 0; a < k; a++) rhs[a] = z[col + a * n] * setup.u()[col];
            double[] sol = TestMatrices.gaussSolve(k, m, rhs);
            for (int i = 0; i < n; i++) {
                double h = 0;
                for (int a = 0; a < k; a++) h += z[i + a * n] * sol[a];
                hat[i + col * n] = h;
            }
        }
        return hat;
    }

    @Test
    void defaultSequenceFollowsGlmnet() {
        Dataset d = RidgeReference.data(27, 40, 6, true, -1, 0, false);
        double[] f = {1, 2, 1, 0.5, 1, 1};
        RidgeSettings s = new RidgeSettings(true, true, f);
        RidgePathResult path = RidgePath.fit(d, s);
        // λ_max = max_j |Σ_i u_i x̃_ij (y_i − ȳ)| / (0.001 f_j), f rescaled to sum to p.
        RidgeReference.Setup setup = RidgeReference.setup(d, 0, s);
        double ybar = 0;
        for (int i = 0; i < 40; i++) ybar += setup.u()[i] * d.y()[i];
        double fsum = 6.5;
        double lambdaMax = 0;
        for (int j = 0; j < 6; j++) {
            double mean = 0;
            for (int i = 0; i < 40; i++) mean += setup.u()[i] * setup.x()[i][j];
            double g = 0;
            for (int i = 0; i < 40; i++) g += setup.u()[i] * (setup.x()[i][j] - mean) / setup.scales()[j] * (d.y()[i] - ybar);
            lambdaMax = Math.max(lambdaMax, Math.abs(g) / (0.001 * f[j] * 6 / fsum));
        }
        assertThat(path.size()).isEqualTo(100);
        assertThat(path.lambdas()[0]).isCloseTo(lambdaMax, within(1e-10 * lambdaMax));
        assertThat(path.lambdas()[99]).isCloseTo(1e-4 * lambdaMax, within(1e-14 * lambdaMax));
        for (int l = 1; l < 100; l++) {
            assertThat(path.lambdas()[l] / path.lambdas()[l - 1]).isCloseTo(Math.pow(1e-4, 1.0 / 99), within(1e-12));
        }
        // More features than rows: the smallest λ is 1e-2·λ_max; a custom count and ratio.
        Dataset wide = RidgeReference.data(28, 10, 20, false, -1, 0, false);
        RidgePathResult w = RidgePath.fit(wide, RidgeSettings.defaults());
        assertThat(w.lambdas()[99] / w.lambdas()[0]).isCloseTo(1e-2, within(1e-12));
        RidgePathResult few = RidgePath.fit(d, s, 5, 0.1);
        assertThat(few.lambdas()).hasSize(5);
        assertThat(few.lambdas()[4] / few.lambdas()[0]).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void projectedGradientGivesLambdaMaxWithUnpenalizedFeatures() {
        // With an unpenalized feature, glmnet's λ_max uses the gradient after fitting it.
        Dataset d = RidgeReference.data(29, 40, 4, false, -1, 0, false);
        double[] f = {0, 1, 1, 1};
        RidgeSettings s = new RidgeSettings(false, true, f);
        RidgePathResult path = RidgePath.fit(d, s, 3, 0.5);
        LinearModel huge = Ridge.fit(d, 1e12, s);           // the fit of intercept and x1 alone
        double[] eta = huge.link(d.x())[0];
        double lambdaMax = 0;
        double[] r = new double[40];
        for (int i = 0; i < 40; i++) r[i] = d.y()[i] - eta[i];
        for (int j = 1; j < 4; j++) {
            double g = 0;
            for (int i = 0; i < 40; i++) g += d.x().get(i, j) * r[i] / 40;
            lambdaMax = Math.max(lambdaMax, Math.abs(g) / (0.001 * 4.0 / 3.0));
        }
        assertThat(path.lambdas()[0]).isCloseTo(lambdaMax, within(1e-6 * lambdaMax));
    }

    @Test
    void bestLambdaIndicesAndInterceptOnlyLimit() {
        Dataset d = RidgeReference.data(30, 40, 6, false, -1, 0, false);
        RidgePathResult path = RidgePath.fit(d, RidgeSettings.defaults());
        int best = path.indexOfMinLoo();
        for (double v : path.looMse()) assertThat(path.looMse()[best]).isLessThanOrEqualTo(v);
        int bestGcv = path.indexOfMinGcv();
        for (double v : path.gcv()) assertThat(path.gcv()[bestGcv]).isLessThanOrEqualTo(v);
        // At λ_max (1000 × the lasso's) the fit is nearly the intercept alone: df ≈ 1; df grows
        // as λ falls and stays below 1 + p.
        assertThat(path.df()[0]).isBetween(1.0, 1.01);
        for (int l = 1; l < 100; l++) assertThat(path.df()[l]).isGreaterThan(path.df()[l - 1]).isLessThan(7.0);
        assertThat(path.nullDeviance()).isPositive();
    }

    @Test
    void lambdaZeroIsLeastSquaresWhenPossible() {
        Dataset d = RidgeReference.data(31, 30, 4, true, -1, 0, false);
        RidgePathResult path = RidgePath.fit(d, RidgeSettings.defaults(), new double[] {0.0});
        RidgeReference.Fit ols = RidgeReference.fit(d, 0.0, RidgeSettings.defaults());
        assertThat(path.intercepts()[0]).isCloseTo(ols.b0(), within(1e-9));
        assertThat(TestMatrices.maxDiff(path.coefficients()[0], ols.w())).isLessThan(1e-9);
        assertThat(path.df()[0]).isCloseTo(5.0, within(1e-12));
        Dataset wide = RidgeReference.data(32, 10, 20, false, -1, 0, false);
        assertThatThrownBy(() -> RidgePath.fit(wide, RidgeSettings.defaults(), new double[] {1.0, 0.0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no unique solution at lambda = 0.0");
    }

    @Test
    void badInputGetsAClearMessage() {
        Dataset d = RidgeReference.data(33, 20, 3, false, -1, 0, false);
        RidgeSettings s = RidgeSettings.defaults();
        assertThatThrownBy(() -> RidgePath.fit(d, s, new double[0])).hasMessage("lambda sequence must not be empty");
        assertThatThrownBy(() -> RidgePath.fit(d, s, new double[] {1, -2})).hasMessage("lambda must be finite and >= 0; got -2.0");
        assertThatThrownBy(() -> RidgePath.fit(d, s, 0, Double.NaN)).hasMessage("nlambda must be >= 1; got 0");
        assertThatThrownBy(() -> RidgePath.fit(d, s, 10, 1.5)).hasMessage("lambda-min-ratio must be in (0, 1); got 1.5");
        double[] constantY = new double[20];
        java.util.Arrays.fill(constantY, 4.0);
        Dataset flat = new Dataset(d.x(), constantY, null, d.featureNames(), "y", null);
        assertThatThrownBy(() -> RidgePath.fit(flat, s)).hasMessageContaining("lambda_max = 0");
    }
}

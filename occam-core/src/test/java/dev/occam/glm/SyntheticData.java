package dev.occam.glm;

import dev.occam.data.Dataset;
import dev.occam.data.DenseMatrix;
import dev.occam.data.DesignMatrix;
import dev.occam.data.SparseMatrix;

import java.util.List;
import java.util.SplittableRandom;

/** Seeded synthetic data sets for solver tests (uniform draws + Box–Muller, stable across JDKs). */
final class SyntheticData {
    private SyntheticData() { }

    static double gaussian(SplittableRandom r) {
        double u1 = r.nextDouble();
        double u2 = r.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(1 - u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    }

    /** X with correlated columns (AR(1), ρ), varied means and scales, and a sparse true β. */
    static double[][] features(int n, int p, double rho, long seed, double sparsity) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][p];
        for (int i = 0; i < n; i++) {
            double prev = 0;
            for (int j = 0; j < p; j++) {
                double z = gaussian(r);
                double v = j == 0 ? z : rho * prev + Math.sqrt(1 - rho * rho) * z;
                prev = v;
                x[i][j] = v;
            }
        }
        for (int j = 0; j < p; j++) {
            double scale = 0.5 + 2.0 * ((j * 37) % 11) / 11.0;
            double mean = ((j * 13) % 7) - 3;
            for (int i = 0; i < n; i++) {
                x[i][j] = x[i][j] * scale + mean;
                if (sparsity > 0 && r.nextDouble() < sparsity) x[i][j] = 0.0;
            }
        }
        return x;
    }

    static double[] linear(double[][] x, long seed) {
        int p = x[0].length;
        double[] beta = new double[p];
        for (int j = 0; j < Math.min(p, 5); j++) beta[j * 2 % p] = (j % 2 == 0 ? 1.5 : -1.0) / (1 + j);
        double[] eta = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double s = 0.3;
            for (int j = 0; j < p; j++) s += beta[j] * x[i][j];
            eta[i] = s;
        }
        return eta;
    }

    static Dataset gaussianData(int n, int p, long seed, boolean sparse) {
        double[][] x = features(n, p, 0.5, seed, sparse ? 0.7 : 0);
        double[] eta = linear(x, seed);
        SplittableRandom r = new SplittableRandom(seed + 1);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = eta[i] + gaussian(r);
        return new Dataset(matrix(x, sparse), y, null, Dataset.defaultNames(p), "y", null);
    }

    static Dataset binomialData(int n, int p, long seed, boolean sparse) {
        double[][] x = features(n, p, 0.5, seed, sparse ? 0.7 : 0);
        double[] eta = linear(x, seed);
        SplittableRandom r = new SplittableRandom(seed + 1);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = r.nextDouble() < 1 / (1 + Math.exp(-eta[i] * 0.5)) ? 1 : 0;
        return new Dataset(matrix(x, sparse), y, null, Dataset.defaultNames(p), "y", List.of("0", "1"));
    }

    static Dataset poissonData(int n, int p, long seed, boolean sparse) {
        double[][] x = features(n, p, 0.5, seed, sparse ? 0.7 : 0);
        double[] eta = linear(x, seed);
        SplittableRandom r = new SplittableRandom(seed + 1);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double mu = Math.exp(Math.max(-3, Math.min(2.5, 0.3 * eta[i])));
            // Knuth's method: counts stay small here
            double l = Math.exp(-mu);
            int k = 0;
            double prod = r.nextDouble();
            while (prod > l) {
                k++;
                prod *= r.nextDouble();
            }
            y[i] = k;
        }
        return new Dataset(matrix(x, sparse), y, null, Dataset.defaultNames(p), "y", null);
    }

    static Dataset multinomialData(int n, int p, int classes, long seed, boolean sparse) {
        double[][] x = features(n, p, 0.3, seed, sparse ? 0.7 : 0);
        SplittableRandom r = new SplittableRandom(seed + 1);
        double[] y = new double[n];
        String[] labels = new String[classes];
        for (int k = 0; k < classes; k++) labels[k] = "c" + k;
        for (int i = 0; i < n; i++) {
            double[] e = new double[classes];
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                e[k] = 0.6 * x[i][k % p] - 0.3 * x[i][(k + 1) % p] + 0.2 * k;
                max = Math.max(max, e[k]);
            }
            double z = 0;
            for (int k = 0; k < classes; k++) z += Math.exp(e[k] - max);
            double t = r.nextDouble() * z;
            int c = 0;
            double acc = Math.exp(e[0] - max);
            while (acc < t && c < classes - 1) {
                c++;
                acc += Math.exp(e[c] - max);
            }
            y[i] = c;
        }
        return new Dataset(matrix(x, sparse), y, null, Dataset.defaultNames(p), "y", List.of(labels));
    }

    static DesignMatrix matrix(double[][] x, boolean sparse) {
        DenseMatrix d = DenseMatrix.ofRows(x);
        return sparse ? SparseMatrix.fromDense(d) : d;
    }

    /**
     * The solvers' problem for {@code d}: equal weights, standardized (and centred when
     * {@code intercept}), penalty factors {@code vp} (null: all 1), no limits.
     */
    static Problem standardizedProblem(Dataset d, double alpha, boolean intercept, double[] vp) {
        int n = d.x().rows();
        int p = d.x().cols();
        double[] u = dev.occam.data.Standardization.normalizedWeights(null, n);
        dev.occam.data.Standardization std = dev.occam.data.Standardization.of(d.x(), u, true, intercept);
        double[] f = vp != null ? vp : new double[p];
        if (vp == null) java.util.Arrays.fill(f, 1.0);
        double[] lo = new double[p];
        double[] hi = new double[p];
        java.util.Arrays.fill(lo, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.POSITIVE_INFINITY);
        return new Problem(d.x(), u, std, f, lo, hi, alpha, intercept);
    }

    /**
     * Asserts that a solver's kept η (moved by steps or extrapolation, O(n)) is the linear predictor
     * of its coefficients, to {@code relative} of 1 + |η_i|.
     */
    static void assertEtaIsLinearPredictor(Problem pr, PointSolver solver, double relative) {
        double[] exact = new double[pr.n];
        pr.linearPredictor(solver.intercepts()[0], solver.coefficients()[0], exact);
        double[] eta = solver.linearPredictor();
        for (int i = 0; i < pr.n; i++) {
            org.assertj.core.api.Assertions.assertThat(eta[i]).as("η[%d]", i)
                    .isCloseTo(exact[i], org.assertj.core.api.Assertions.within(relative * (1 + Math.abs(exact[i]))));
        }
    }

    /** A problem and its certified path (default settings, no early stop), fitted by {@link PathLoop}. */
    record FittedPath(Dataset data, Problem problem, PathLoop.Result path) { }

    /** The same for a binomial or poisson data set of {@link #binomialData} / {@link #poissonData}. */
    static FittedPath certifiedPath(Family family, int n, int p, long seed, boolean sparse, double lambdaMinRatio) {
        Dataset d = family == Family.BINOMIAL ? binomialData(n, p, seed, sparse) : poissonData(n, p, seed, sparse);
        return certifiedPath(d, family, lambdaMinRatio);
    }

    static FittedPath certifiedPath(Dataset d, Family family, double lambdaMinRatio) {
        GlmSettings s = GlmSettings.of(family).withEarlyStop(false);
        Problem pr = ElasticNet.problem(d, s);
        PathLoop.Result path = PathLoop.run(pr, new Irls(pr, family, d.y()), family, s, null, lambdaMinRatio, ElasticNet.Progress.NONE);
        return new FittedPath(d, pr, path);
    }
}

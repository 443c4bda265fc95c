package dev.occam.glm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.occam.data.Dataset;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Skipping the KKT gradients that a Cauchy–Schwarz bound proves small changes nothing: the path
 * is bit for bit the one computed with every gradient at every λ, and the bounds were really used.
 */
class GradientBoundsTest {

    /**
     * Counts the gradients computed; with {@code hideResidual} it gives no residual, so the path
     * loop computes every gradient at every check.
     */
    private static final class Counting implements PointSolver {
        final PointSolver s;
        final boolean hideResidual;
        long refreshed;

        Counting(PointSolver s, boolean hideResidual) {
            this.s = s;
            this.hideResidual = hideResidual;
        }

        @Override public int responses() { return s.responses(); }
        @Override public long solve(double lambda, int[] strong, double thr, long budget) { return s.solve(lambda, strong, thr, budget); }
        @Override public void refreshGradients(int[] which, int count) {
            refreshed += count;
            s.refreshGradients(which, count);
        }
        @Override public double[] residual() { return hideResidual ? null : s.residual(); }
        @Override public double gradientScore(int j) { return s.gradientScore(j); }
        @Override public boolean violates(int j, double lambda) { return s.violates(j, lambda); }
        @Override public double deviance() { return s.deviance(); }
        @Override public double nullDeviance() { return s.nullDeviance(); }
        @Override public double[][] coefficients() { return s.coefficients(); }
        @Override public double[] intercepts() { return s.intercepts(); }
        @Override public double gradient(int k, int j) { return s.gradient(k, j); }
        @Override public double interceptGradient(int k) { return s.interceptGradient(k); }
        @Override public void setSolution(double[] b0, double[][] b) { s.setSolution(b0, b); }
        @Override public boolean hessian(int[][] f, int[] m, boolean i, double[] out) { return s.hessian(f, m, i, out); }
        @Override public double lossAt(double[] b0, double[][] b) { return s.lossAt(b0, b); }
        @Override public double sweepCost(int c) { return s.sweepCost(c); }
        @Override public double hessianCost(int d) { return s.hessianCost(d); }
    }

    /** Runs both; returns the share of the gradients the bounded run computed. */
    private static double check(Dataset d, Family f, BiFunction<Problem, double[], PointSolver> make) {
        GlmSettings s = GlmSettings.of(f).withNlambda(50).withTolerance(1e-12);
        Counting bounded = new Counting(make.apply(ElasticNet.problem(d, s), d.y()), false);
        Counting full = new Counting(make.apply(ElasticNet.problem(d, s), d.y()), true);
        PathLoop.Result a = PathLoop.run(ElasticNet.problem(d, s), bounded, f, s, null, 1e-3, ElasticNet.Progress.NONE);
        PathLoop.Result b = PathLoop.run(ElasticNet.problem(d, s), full, f, s, null, 1e-3, ElasticNet.Progress.NONE);
        assertThat(a.lambdas()).containsExactly(b.lambdas());
        for (int l = 0; l < a.lambdas().length; l++) {
            assertThat(a.coefficients()[l][0]).as("λ #%d", l).containsExactly(b.coefficients()[l][0]);
            assertThat(a.intercepts()[l]).containsExactly(b.intercepts()[l]);
        }
        assertThat(bounded.refreshed).isLessThanOrEqualTo(full.refreshed);
        return (double) bounded.refreshed / full.refreshed;
    }

    @Test
    void binomialPathIsUnchangedWithFewerGradients() {
        Dataset d = SyntheticData.binomialData(300, 400, 17, false);
        check(d, Family.BINOMIAL, (pr, y) -> new Irls(pr, Family.BINOMIAL, y));
    }

    @Test
    void gaussianPathsAreUnchangedWithFewerGradients() {
        Dataset dense = SyntheticData.gaussianData(200, 500, 19, false);
        check(dense, Family.GAUSSIAN, GaussianNaive::new);
        check(dense, Family.GAUSSIAN, GaussianActiveGram::new);
        Dataset sparse = SyntheticData.gaussianData(300, 400, 23, true);
        check(sparse, Family.GAUSSIAN, GaussianNaive::new);
    }

    @Test
    void onWideDataAShareOfTheGradientsIsSpared() {
        // p ≫ n, most features far from entering: the case the bounds are for
        int n = 400, p = 4000;
        double[][] x = SyntheticData.features(n, p, 0.5, 29, 0);
        java.util.SplittableRandom r = new java.util.SplittableRandom(31);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = x[i][0] + 0.5 * x[i][10] - x[i][20] + SyntheticData.gaussian(r);
        Dataset wide = new Dataset(SyntheticData.matrix(x, false), y, null, Dataset.defaultNames(p), "y", null);
        assertThat(check(wide, Family.GAUSSIAN, GaussianActiveGram::new)).isLessThan(0.85);
    }
}

package dev.occam.glm;

import dev.occam.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link HessianFreeNewton}: its Hessian products equal the formed Hessian's, its steps solve the
 * restricted problem to the certified path's answer, and a coordinate a step would take across 0
 * stops there with η still the linear predictor of the coefficients.
 */
class HessianFreeNewtonTest {
    @ParameterizedTest
    @CsvSource({"false,true,1.0", "true,true,1.0", "true,false,0.5", "false,false,0.5"})
    void hessianProductsEqualTheFormedHessian(boolean sparse, boolean intercept, double alpha) {
        Dataset d = SyntheticData.binomialData(400, 12, 51, sparse);
        Problem pr = SyntheticData.standardizedProblem(d, alpha, intercept, null);
        Irls solver = new Irls(pr, Family.BINOMIAL, d.y());
        double[] b = new double[12];
        int[] free = {0, 2, 3, 5, 7, 8};
        for (int t = 0; t < free.length; t++) b[free[t]] = 0.1 * (t + 1) * (t % 2 == 0 ? 1 : -1);
        solver.setSolution(solver.intercepts().clone(), new double[][] {b});
        int m = free.length;
        int o = intercept ? 1 : 0;
        int dim = o + m;
        double ridge = 0.03 * (1 - alpha);
        double[] w = solver.hessianWeights();
        double[] h = new double[dim * dim];
        assertThat(ActiveHessian.compute(pr, w, free, m, intercept, h)).isTrue();
        for (int t = 0; t < m; t++) h[(o + t) * dim + o + t] += ridge * pr.vp[free[t]];

        SplittableRandom r = new SplittableRandom(5);
        double[] v = new double[dim];
        for (int t = 0; t < dim; t++) v[t] = r.nextDouble(-1, 1);
        double[] xv = new double[pr.n];
        double[] q = new double[dim];
        HessianFreeNewton.hessianTimes(pr, free, m, o, w, ridge, v, xv, q);
        for (int s = 0; s < dim; s++) {
            double expected = 0;
            for (int t = 0; t < dim; t++) expected += h[t * dim + s] * v[t];
            assertThat(q[s]).as("(Hv)[%d]", s).isCloseTo(expected, within(1e-12 * (1 + Math.abs(expected))));
        }
        double[] full = new double[12];
        for (int t = 0; t < m; t++) full[free[t]] = v[o + t];
        double[] expectedXv = new double[pr.n];
        pr.linearPredictor(intercept ? v[0] : 0.0, full, expectedXv);
        for (int i = 0; i < pr.n; i++) assertThat(xv[i]).isCloseTo(expectedXv[i], within(1e-12));
    }

    /** A certified path's solution two thirds of the way down it (1 500 rows, 30 features, dense). */
    private record Point(SyntheticData.FittedPath fitted, int l, double lambda, double[] optimum) {
        static Point of(Family family, long seed) {
            SyntheticData.FittedPath fitted = SyntheticData.certifiedPath(family, 1500, 30, seed, true, 1e-3);
            int l = fitted.path().lambdas().length * 2 / 3;
            return new Point(fitted, l, fitted.path().lambdas()[l], fitted.path().coefficients()[l][0]);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Family.class, names = {"BINOMIAL", "POISSON"})
    void stepsSolveTheRestrictedProblemToTheCertifiedAnswer(Family family) {
        Point at = Point.of(family, 53);
        SyntheticData.FittedPath fitted = at.fitted();
        Problem pr = fitted.problem();
        PathLoop.Result path = fitted.path();
        int l = at.l();
        double lambda = at.lambda();
        double[] optimum = at.optimum();
        int active = 0;
        for (double v : optimum) if (v != 0.0) active++;
        assertThat(active).isGreaterThan(5);

        // from the optimum's signs, every coefficient 20 % off and the intercept moved
        Irls solver = new Irls(pr, family, fitted.data().y());
        double[] start = optimum.clone();
        for (int j = 0; j < start.length; j++) start[j] *= 1.2;
        solver.setSolution(new double[] {path.intercepts()[l][0] + 0.1}, new double[][] {start});
        double goal = 1e-11 * PathLoop.kktScale(lambda, path.lambdaMax(), pr.alpha);
        ActiveSetNewton.Result result = HessianFreeNewton.polish(pr, solver, lambda, goal, false);
        assertThat(result.reached()).isTrue();
        assertThat(result.steps()).isBetween(1, 10);
        double scale = 0;
        for (double v : optimum) scale = Math.max(scale, Math.abs(v));
        double[] b = solver.coefficients()[0];
        for (int j = 0; j < b.length; j++) {
            assertThat(b[j]).as("coefficient %d", j).isCloseTo(optimum[j], within(1e-7 * scale));
        }
        assertThat(solver.intercepts()[0]).isCloseTo(path.intercepts()[l][0], within(1e-7 * (1 + scale)));
    }

    /**
     * Watched coordinates: from the optimum with two of its non-zero coefficients set to 0 (so they
     * violate their KKT conditions), steps that watch every feature take them in and end at the
     * optimum; steps that watch none solve the smaller set and leave them at 0. Coordinates at 0 in
     * the optimum stay there either way.
     */
    @ParameterizedTest
    @EnumSource(value = Family.class, names = {"BINOMIAL", "POISSON"})
    void watchedCoordinatesThatComeToViolateAreTakenIn(Family family) {
        Point at = Point.of(family, 59);
        Problem pr = at.fitted().problem();
        double[] intercept = at.fitted().path().intercepts()[at.l()];
        int[] removed = new int[2];
        int found = 0;
        for (int j = 0; j < pr.p && found < 2; j++) if (at.optimum()[j] != 0.0) removed[found++] = j;
        assertThat(found).isEqualTo(2);
        double[] start = at.optimum().clone();
        for (int j : removed) start[j] = 0.0;
        double goal = 1e-11 * PathLoop.kktScale(at.lambda(), at.fitted().path().lambdaMax(), pr.alpha);
        double scale = 0;
        for (double v : at.optimum()) scale = Math.max(scale, Math.abs(v));
        int[] all = java.util.stream.IntStream.range(0, pr.p).toArray();

        Irls unwatched = new Irls(pr, family, at.fitted().data().y());
        unwatched.setSolution(intercept.clone(), new double[][] {start.clone()});
        assertThat(HessianFreeNewton.polish(pr, unwatched, at.lambda(), goal, false).reached()).isTrue();
        for (int j : removed) assertThat(unwatched.coefficients()[0][j]).isEqualTo(0.0);

        Irls watched = new Irls(pr, family, at.fitted().data().y());
        watched.setSolution(intercept.clone(), new double[][] {start.clone()});
        assertThat(HessianFreeNewton.polish(pr, watched, at.lambda(), goal, false, all).reached()).isTrue();
        double[] b = watched.coefficients()[0];
        for (int j = 0; j < pr.p; j++) {
            assertThat(b[j]).as("coefficient %d", j).isCloseTo(at.optimum()[j], within(1e-7 * scale));
            if (at.optimum()[j] == 0.0) assertThat(b[j]).as("coefficient %d stays at 0", j).isEqualTo(0.0);
        }
        SyntheticData.assertEtaIsLinearPredictor(pr, watched, 1e-10);
    }

    @Test
    void aCoordinateStepsAcrossZeroStopsThereAndEtaFollows() {
        Dataset d = SyntheticData.binomialData(1200, 20, 57, true);
        SyntheticData.FittedPath fitted = SyntheticData.certifiedPath(d, Family.BINOMIAL, 1e-2);
        Problem pr = fitted.problem();
        PathLoop.Result path = fitted.path();
        int l = path.lambdas().length / 2;
        double lambda = path.lambdas()[l];
        double[] optimum = path.coefficients()[l][0];
        Irls solver = new Irls(pr, Family.BINOMIAL, d.y());
        solver.setSolution(path.intercepts()[l].clone(), new double[][] {optimum});
        int[] all = new int[pr.p];
        for (int j = 0; j < pr.p; j++) all[j] = j;
        solver.refreshGradients(all, pr.p);
        // a coordinate at 0 in the optimum, strictly inside its threshold, put at a small value whose
        // sign its gradient opposes: the restricted objective pushes it through 0
        int zero = -1;
        for (int j = 0; j < pr.p && zero < 0; j++) {
            if (optimum[j] == 0.0 && Math.abs(solver.gradient(0, j)) < 0.9 * lambda * pr.alpha * pr.vp[j]) zero = j;
        }
        assertThat(zero).isNotNegative();
        double[] start = optimum.clone();
        start[zero] = solver.gradient(0, zero) >= 0 ? -0.05 : 0.05;
        solver.setSolution(path.intercepts()[l].clone(), new double[][] {start});
        double goal = 1e-11 * PathLoop.kktScale(lambda, path.lambdaMax(), pr.alpha);
        ActiveSetNewton.Result result = HessianFreeNewton.polish(pr, solver, lambda, goal, false);
        assertThat(result.reached()).isTrue();
        assertThat(solver.coefficients()[0][zero]).isEqualTo(0.0);
        SyntheticData.assertEtaIsLinearPredictor(pr, solver, 1e-10);
    }

    /**
     * Through the path: on columns 1 % dense the certified rule's Newton steps are Hessian-free once
     * more than 30 coordinates are active, and the path equals the one fitted on the same data
     * stored dense (factored Hessians), both certified.
     */
    @Test
    void sparsePathWithHessianFreeStepsEqualsTheDensePath() {
        int n = 3000;
        int p = 60;
        double[][] x = SyntheticData.features(n, p, 0.5, 59, 0.99);
        double[] eta = SyntheticData.linear(x, 59);
        SplittableRandom r = new SplittableRandom(60);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = r.nextDouble() < 1 / (1 + Math.exp(-eta[i])) ? 1 : 0;
        GlmSettings s = GlmSettings.of(Family.BINOMIAL).withEarlyStop(false);
        Dataset dense = new Dataset(SyntheticData.matrix(x, false), y, null, Dataset.defaultNames(p), "y", java.util.List.of("0", "1"));
        Dataset sparse = new Dataset(SyntheticData.matrix(x, true), y, null, Dataset.defaultNames(p), "y", java.util.List.of("0", "1"));
        Problem prDense = ElasticNet.problem(dense, s);
        Problem prSparse = ElasticNet.problem(sparse, s);
        Irls sparseSolver = new Irls(prSparse, Family.BINOMIAL, y);
        assertThat(HessianFreeNewton.preferred(prSparse, sparseSolver, 40)).isTrue();
        assertThat(HessianFreeNewton.preferred(prDense, new Irls(prDense, Family.BINOMIAL, y), 40)).isFalse();

        PathLoop.Result byFactor = PathLoop.run(prDense, new Irls(prDense, Family.BINOMIAL, y), Family.BINOMIAL, s, null, 1e-3,
                ElasticNet.Progress.NONE);
        PathLoop.Result hessianFree = PathLoop.run(prSparse, sparseSolver, Family.BINOMIAL, s, byFactor.lambdas(), 1e-3,
                ElasticNet.Progress.NONE);
        assertThat(hessianFree.lambdas()).hasSameSizeAs(byFactor.lambdas());
        int most = 0;
        int hessianFreeSteps = 0;
        for (int l = 0; l < byFactor.lambdas().length; l++) {
            assertThat(hessianFree.kkt()[l]).as("KKT at λ index %d", l).isLessThanOrEqualTo(GlmSettings.DEFAULT_KKT_TOLERANCE);
            double[] a = byFactor.coefficients()[l][0];
            double[] b = hessianFree.coefficients()[l][0];
            double scale = 1;
            int active = 0;
            for (double v : a) {
                scale = Math.max(scale, Math.abs(v));
                if (v != 0.0) active++;
            }
            most = Math.max(most, active);
            if (active > 30) hessianFreeSteps += hessianFree.newtonSteps()[l];
            for (int j = 0; j < p; j++) assertThat(b[j]).as("λ index %d, coefficient %d", l, j).isCloseTo(a[j], within(1e-6 * scale));
        }
        assertThat(most).as("active coordinates at the path's end").isGreaterThan(40);
        assertThat(hessianFreeSteps).as("Newton steps where more than 30 coordinates are active").isPositive();
    }
}

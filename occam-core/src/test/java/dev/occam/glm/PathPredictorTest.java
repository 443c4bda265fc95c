package dev.occam.glm;

import dev.occam.data.Dataset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PathPredictor}: from three certified points of a path that share their support, the
 * extrapolated start of the next λ violates its KKT conditions far less than the warm start does,
 * and its linear predictor is that of its coefficients; across a kink no move is made.
 */
class PathPredictorTest {
    @ParameterizedTest
    @EnumSource(value = Family.class, names = {"BINOMIAL", "POISSON"})
    void extrapolatedStartViolatesFarLessThanTheWarmStart(Family family) {
        SyntheticData.FittedPath fitted = SyntheticData.certifiedPath(family, 1500, 10, 41, false, 1e-3);
        Problem pr = fitted.problem();
        PathLoop.Result path = fitted.path();
        int l = lastSmoothIndex(path);
        assertThat(l).as("a λ whose three predecessors share one support").isPositive();

        Irls solver = new Irls(pr, family, fitted.data().y());
        PathPredictor predictor = PathPredictor.of(pr, solver);
        for (int i = l - 3; i < l; i++) {
            solver.setSolution(path.intercepts()[i], path.coefficients()[i]);
            predictor.record(path.lambdas()[i], solver);
        }
        double lambda = path.lambdas()[l];
        double warm = activeViolation(pr, solver, lambda);
        assertThat(predictor.moveTo(lambda, solver)).isTrue();
        double predicted = activeViolation(pr, solver, lambda);
        assertThat(predicted).as("violation of the extrapolated start vs the warm start's %s", warm).isLessThan(warm / 100);

        // η moved by extrapolation (O(n)) is the linear predictor of the extrapolated coefficients
        SyntheticData.assertEtaIsLinearPredictor(pr, solver, 1e-12);
    }

    @Test
    void noMoveAcrossAChangeOfSupportOrWithoutThreePoints() {
        Dataset d = SyntheticData.binomialData(600, 4, 43, false);
        Problem pr = SyntheticData.standardizedProblem(d, 1.0, true, null);
        Irls solver = new Irls(pr, Family.BINOMIAL, d.y());
        PathPredictor predictor = PathPredictor.of(pr, solver);
        double b0 = solver.intercepts()[0];
        double[][] points = {{0.1, 0, 0, 0}, {0.2, 0.05, 0, 0}, {0.3, 0.1, 0, 0}};
        for (int i = 0; i < 3; i++) {
            solver.setSolution(new double[] {b0}, new double[][] {points[i]});
            predictor.record(0.1 - 0.01 * i, solver);
            if (i < 2) assertThat(predictor.moveTo(0.07, solver)).as("with %d points", i + 1).isFalse();
        }
        // feature 1 joined between the first two points: a kink, no extrapolation
        assertThat(predictor.moveTo(0.07, solver)).isFalse();
        assertThat(solver.coefficients()[0]).containsExactly(points[2]);
        predictor.reset();
        assertThat(predictor.moveTo(0.07, solver)).isFalse();
    }

    /** The index of the last λ whose three predecessors share their support and signs. */
    private static int lastSmoothIndex(PathLoop.Result path) {
        for (int l = path.lambdas().length - 1; l >= 3; l--) {
            double[] a = path.coefficients()[l - 1][0];
            if (sameSigns(a, path.coefficients()[l - 2][0]) && sameSigns(a, path.coefficients()[l - 3][0])
                    && sameSigns(a, path.coefficients()[l][0])) return l;
        }
        return -1;
    }

    private static boolean sameSigns(double[] a, double[] b) {
        for (int j = 0; j < a.length; j++) if (Math.signum(a[j]) != Math.signum(b[j])) return false;
        return true;
    }

    /** Largest |g_j − λ·α·f_j·sign(b_j)| over the non-zero coordinates, gradients refreshed. */
    private static double activeViolation(Problem pr, Irls solver, double lambda) {
        double[] b = solver.coefficients()[0];
        int[] all = new int[pr.p];
        for (int j = 0; j < pr.p; j++) all[j] = j;
        solver.refreshGradients(all, pr.p);
        double max = 0;
        for (int j = 0; j < pr.p; j++) {
            if (b[j] == 0.0) continue;
            max = Math.max(max, Math.abs(solver.gradient(0, j) - lambda * pr.alpha * pr.vp[j] * Math.signum(b[j])));
        }
        return max;
    }
}

package dev.occam.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConstraintGeometryTest {

    @Test
    void farOptimumAlongAnAxisLandsOnTheDiamondsVertex() {
        // Isotropic loss: the L1 solution is the Euclidean projection onto the diamond, i.e. soft
        // thresholding of (3, 0.5) by 2 — the second weight is exactly 0.
        ConstraintGeometry g = new ConstraintGeometry(1, 0, 1, 3, 0.5, 1);
        assertThat(g.l1Optimum()).containsExactly(1.0, 0.0);
        // The L2 solution is the radial projection: both weights stay non-zero.
        double r = Math.hypot(3, 0.5);
        assertThat(g.l2Optimum()[0]).isCloseTo(3 / r, within(1e-12));
        assertThat(g.l2Optimum()[1]).isCloseTo(0.5 / r, within(1e-12));
    }

    @Test
    void correlatedLossCanStillPickAVertex() {
        ConstraintGeometry g = ExampleReports.geometry(); // A = [[1, .4], [.4, .8]], c = (1.6, 0.7), t = 1
        double[] w = g.l1Optimum();
        assertThat(w).containsExactly(1.0, 0.0);
        // KKT at the vertex (t, 0): the loss's descent direction −∇L = A(c − w) lies in the diamond's
        // normal cone there, i.e. its first component is positive and at least the second's size.
        double g1 = 1 * (1.6 - 1) + 0.4 * (0.7 - 0);
        double g2 = 0.4 * (1.6 - 1) + 0.8 * (0.7 - 0);
        assertThat(g1).isGreaterThanOrEqualTo(Math.abs(g2));
    }

    @Test
    void optimumOnAnEdgeWhenBothWeightsMatter() {
        // Projection of (2, 1.9) onto the unit diamond: soft threshold by 1.45 gives (0.55, 0.45).
        ConstraintGeometry g = new ConstraintGeometry(1, 0, 1, 2, 1.9, 1);
        double[] w = g.l1Optimum();
        assertThat(w[0]).isCloseTo(0.55, within(1e-12));
        assertThat(w[1]).isCloseTo(0.45, within(1e-12));
    }

    @Test
    void anOptimumInsideTheBallsIsItself() {
        ConstraintGeometry g = new ConstraintGeometry(2, 0.5, 1, 0.3, -0.2, 1);
        assertThat(g.l1Optimum()).containsExactly(0.3, -0.2);
        assertThat(g.l2Optimum()).containsExactly(0.3, -0.2);
        assertThat(g.l2Multiplier()).isZero();
    }

    /** Seeded random SPD losses and centres: the constrained optima beat a fine scan of the boundary and satisfy KKT. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void optimaMatchABoundaryScan(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double u = r.nextDouble() * 2 - 1;
        double v = r.nextDouble() * 2 - 1;
        double s = r.nextDouble() * 2 - 1;
        double a11 = u * u + s * s + 0.1;
        double a12 = u * v;
        double a22 = v * v + 0.1 + r.nextDouble();
        double t = 0.5 + r.nextDouble();
        double angle = 2 * Math.PI * r.nextDouble();
        double radius = 2 * t + 3 * r.nextDouble();
        ConstraintGeometry g = new ConstraintGeometry(a11, a12, a22, radius * Math.cos(angle), radius * Math.sin(angle), t);

        double[] l1 = g.l1Optimum();
        double[] l2 = g.l2Optimum();
        assertThat(Math.abs(l1[0]) + Math.abs(l1[1])).isCloseTo(t, within(1e-12));
        assertThat(Math.hypot(l2[0], l2[1])).isCloseTo(t, within(1e-12));
        double bestDiamond = Double.POSITIVE_INFINITY;
        double bestCircle = Double.POSITIVE_INFINITY;
        int steps = 40_000;
        for (int i = 0; i < steps; i++) {
            double theta = 2 * Math.PI * i / steps;
            double cos = Math.cos(theta);
            double sin = Math.sin(theta);
            double scale = t / (Math.abs(cos) + Math.abs(sin));
            bestDiamond = Math.min(bestDiamond, g.loss(scale * cos, scale * sin));
            bestCircle = Math.min(bestCircle, g.loss(t * cos, t * sin));
        }
        assertThat(g.loss(l1[0], l1[1])).isLessThanOrEqualTo(bestDiamond + 1e-12).isGreaterThan(bestDiamond - 1e-4 * (1 + bestDiamond));
        assertThat(g.loss(l2[0], l2[1])).isLessThanOrEqualTo(bestCircle + 1e-12).isGreaterThan(bestCircle - 1e-4 * (1 + bestCircle));

        // L2 stationarity: A(w − c) + μw = 0 with μ ≥ 0, i.e. ridge with λ = μ has the same solution.
        double mu = g.l2Multiplier();
        assertThat(mu).isPositive();
        double r1 = a11 * (l2[0] - g.c1()) + a12 * (l2[1] - g.c2()) + mu * l2[0];
        double r2 = a12 * (l2[0] - g.c1()) + a22 * (l2[1] - g.c2()) + mu * l2[1];
        assertThat(Math.hypot(r1, r2)).isLessThan(1e-9 * (1 + mu));
    }

    @Test
    void contourPointsHaveTheRequestedLoss() {
        ConstraintGeometry g = ExampleReports.geometry();
        for (double level : new double[] {0.01, 0.3, 2.5}) {
            double[][] ring = g.contour(level, 64);
            assertThat(ring).hasNumberOfRows(65);
            assertThat(ring[64]).containsExactly(ring[0]);
            for (double[] p : ring) assertThat(g.loss(p[0], p[1])).isCloseTo(level, within(1e-12 * (1 + level)));
        }
        // Axis-aligned A with a22 > a11 takes the other eigenvector branch.
        ConstraintGeometry tall = new ConstraintGeometry(1, 0.3, 4, 1, 1, 1);
        for (double[] p : tall.contour(0.7, 32)) assertThat(tall.loss(p[0], p[1])).isCloseTo(0.7, within(1e-12));
        ConstraintGeometry round = new ConstraintGeometry(2, 0, 2, 1, 1, 1);
        for (double[] p : round.contour(0.7, 32)) assertThat(round.loss(p[0], p[1])).isCloseTo(0.7, within(1e-12));
    }

    @Test
    void leastSquaresOfTwoFeaturesGivesTheOlsCentre() {
        SplittableRandom r = new SplittableRandom(11);
        int n = 200;
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x1[i] = ExampleReports.gaussian(r);
            x2[i] = 0.6 * x1[i] + 0.8 * ExampleReports.gaussian(r);
            y[i] = 1.5 * x1[i] - 0.5 * x2[i] + 0.1 * ExampleReports.gaussian(r);
        }
        ConstraintGeometry g = ConstraintGeometry.fromLeastSquares(x1, x2, y, 1);
        // The normal equations hold at c: Σ x_j (y − x1 c1 − x2 c2) = 0.
        double e1 = 0;
        double e2 = 0;
        for (int i = 0; i < n; i++) {
            double res = y[i] - x1[i] * g.c1() - x2[i] * g.c2();
            e1 += x1[i] * res;
            e2 += x2[i] * res;
        }
        assertThat(Math.abs(e1) + Math.abs(e2)).isLessThan(1e-10);
        // L(w) differs from (1/2n)‖y − Xw‖² by a constant.
        double[][] ws = {{0, 0}, {1, 1}, {-0.5, 2}};
        double offset = Double.NaN;
        for (double[] w : ws) {
            double sse = 0;
            for (int i = 0; i < n; i++) {
                double res = y[i] - x1[i] * w[0] - x2[i] * w[1];
                sse += res * res;
            }
            double diff = sse / (2 * n) - g.loss(w[0], w[1]);
            if (Double.isNaN(offset)) offset = diff;
            assertThat(diff).isCloseTo(offset, within(1e-12));
        }
        assertThatThrownBy(() -> ConstraintGeometry.fromLeastSquares(x1, x1.clone(), y, 1))
                .hasMessage("x1 and x2 must be linearly independent for a unique least-squares estimate");
    }

    @Test
    void rejectsALossWithoutAUniqueMinimum() {
        assertThatThrownBy(() -> new ConstraintGeometry(1, 1, 1, 0, 0, 1))
                .hasMessage("A must be positive definite (a11 > 0, a11·a22 − a12² > 0); got a11 = 1.0, a12 = 1.0, a22 = 1.0");
        assertThatThrownBy(() -> new ConstraintGeometry(1, 0, 1, 0, 0, 0)).hasMessage("budget must be finite and > 0; got 0.0");
        assertThatThrownBy(() -> new ConstraintGeometry(1, 0, 1, Double.NaN, 0, 1)).hasMessage("loss coefficients must be finite; got NaN");
    }
}

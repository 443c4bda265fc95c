package dev.occam.spark;

import dev.occam.glm.Family;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FisherPassTest {
    /**
     * Two partitions (300 and 120 rows: full and partial blocks), two points, merged; every sum
     * against the same quantities added row by row from the definitions.
     */
    @Test
    void mergedBlockSumsEqualTheRowByRowDefinitions() {
        int p = 5;
        int n = 420;
        SplittableRandom r = new SplittableRandom(3);
        double[][] x = new double[n][p];
        double[] y = new double[n];
        double[] v = new double[n];
        double vs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) x[i][j] = 2 + j + r.nextDouble();
            y[i] = r.nextBoolean() ? 1 : 0;
            v[i] = 0.5 + r.nextDouble();
            vs += v[i];
        }
        double[] c = {2.5, 3.5, 4.5, 5.5, 6.5};
        IrlsPoint[] pts = {
            new IrlsPoint(Family.BINOMIAL, -7.0, new double[] {0.3, -0.2, 0.5, 0.1, 0.4}, vs),
            new IrlsPoint(Family.BINOMIAL, 0.2, new double[] {0.0, 0.1, -0.1, 0.0, 0.0}, vs),
        };
        // point 0's Fisher information as IRLS's first Newton steps take it, point 1's in double (a λ's late steps)
        Curvature[] curvature = {Curvature.SINGLE, Curvature.DOUBLE};
        FisherPass a = new FisherPass(pts, curvature, c);
        FisherPass b = new FisherPass(pts, curvature, c);
        for (int i = 0; i < n; i++) (i < 300 ? a : b).add(x[i], y[i], v[i]);
        a.merge(b);
        for (int k = 0; k < pts.length; k++) {
            // summed in single precision per block when a native BLAS is present, unless asked for in double
            double hTol = dev.occam.linalg.NativeBlas.available() && curvature[k] == Curvature.SINGLE ? 1e-6 : 1e-12;
            IrlsPoint pt = pts[k];
            PointSums s = a.sums[k];
            double w = 0;
            double res = 0;
            double dev = 0;
            double[] wx = new double[p];
            double[] rx = new double[p];
            double[] h = new double[p * p];
            for (int i = 0; i < n; i++) {
                double eta = pt.a();
                for (int j = 0; j < p; j++) eta += pt.beta()[j] * x[i][j];
                double mu = 1 / (1 + Math.exp(-eta));
                double u = v[i] / vs;
                double wi = u * Math.max(mu * (1 - mu), 1e-5 * (1 - 1e-5));
                double ri = u * (y[i] - mu);
                w += wi;
                res += ri;
                dev += u * pt.unitDeviance(y[i], eta, mu);
                for (int j = 0; j < p; j++) {
                    wx[j] += wi * (x[i][j] - c[j]);
                    rx[j] += ri * (x[i][j] - c[j]);
                    for (int l = 0; l <= j; l++) h[l * p + j] += wi * (x[i][j] - c[j]) * (x[i][l] - c[l]);
                }
            }
            assertThat(s.w).isCloseTo(w, within(1e-14));
            assertThat(s.r).isCloseTo(res, within(1e-14));
            assertThat(s.deviance).isCloseTo(dev, within(1e-12));
            for (int j = 0; j < p; j++) {
                assertThat(s.wx[j]).isCloseTo(wx[j], within(1e-13));
                assertThat(s.rx[j]).isCloseTo(rx[j], within(1e-13));
                for (int l = 0; l <= j; l++) assertThat(s.h[l * p + j]).isCloseTo(h[l * p + j], within(hTol * h[0]));
            }
        }
    }

    /** A chord point's pass sums the gradient and deviance as a fresh one does, and no Fisher information. */
    @Test
    void aPointWithoutCurvatureGetsTheSameGradientAndNoMatrix() {
        double[] c = {1, 2, 3};
        IrlsPoint pt = new IrlsPoint(Family.BINOMIAL, -1.0, new double[] {0.2, -0.1, 0.3}, 300);
        FisherPass both = new FisherPass(new IrlsPoint[] {pt, pt}, new Curvature[] {Curvature.SINGLE, Curvature.NONE}, c);
        SplittableRandom r = new SplittableRandom(9);
        for (int i = 0; i < 300; i++) both.add(new double[] {r.nextDouble() * 2, r.nextDouble() * 4, r.nextDouble() * 6}, i % 3 == 0 ? 1 : 0, 1.0);
        both.merge(new FisherPass(new IrlsPoint[] {pt, pt}, new Curvature[] {Curvature.SINGLE, Curvature.NONE}, c));
        PointSums fresh = both.sums[0];
        PointSums chord = both.sums[1];
        assertThat(chord.r).isEqualTo(fresh.r);
        assertThat(chord.deviance).isEqualTo(fresh.deviance);
        assertThat(chord.rx).containsExactly(fresh.rx);
        assertThat(chord.h).containsOnly(0.0);
        assertThat(fresh.h[0]).isPositive();
    }
}

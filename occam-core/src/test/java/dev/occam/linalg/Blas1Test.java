package dev.occam.linalg;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class Blas1Test {

    @Test
    void dotMatchesNaiveSumWithOffsetsAndOddLengths() {
        TestMatrices r = new TestMatrices(1);
        for (int n : new int[] {0, 1, 3, 4, 7, 1001}) {
            double[] x = r.gaussians(n + 5);
            double[] y = r.gaussians(n + 3);
            double naive = 0;
            for (int i = 0; i < n; i++) naive += x[2 + i] * y[3 + i];
            assertThat(Blas1.dot(n, x, 2, y, 3)).isCloseTo(naive, within(1e-12 * Math.max(1, Math.abs(naive)) + 1e-12));
        }
        double[] a = {1, 2, 3};
        assertThat(Blas1.dot(a, new double[] {4, 5, 6})).isEqualTo(32.0);
    }

    @Test
    void axpyAndScalTouchOnlyTheirRange() {
        TestMatrices r = new TestMatrices(2);
        double[] x = r.gaussians(20);
        double[] y = r.gaussians(20);
        double[] expected = y.clone();
        for (int i = 0; i < 9; i++) expected[5 + i] += 1.5 * x[1 + i];
        Blas1.axpy(9, 1.5, x, 1, y, 5);
        assertThat(y).containsExactly(expected);

        double[] s = r.gaussians(10);
        double[] sExpected = s.clone();
        for (int i = 3; i < 8; i++) sExpected[i] *= -0.25;
        Blas1.scal(5, -0.25, s, 3);
        assertThat(s).containsExactly(sExpected);
    }

    @Test
    void nrm2IsAccurateAndAvoidsOverflowAndUnderflow() {
        assertThat(Blas1.nrm2(2, new double[] {3, 4}, 0)).isEqualTo(5.0);
        assertThat(Blas1.nrm2(0, new double[0], 0)).isEqualTo(0.0);
        assertThat(Blas1.nrm2(3, new double[] {0, 0, 0}, 0)).isEqualTo(0.0);
        // The plain sum of squares would overflow (1e400) or underflow (1e-400) here.
        assertThat(Blas1.nrm2(2, new double[] {3e200, 4e200}, 0)).isCloseTo(5e200, within(1e186));
        assertThat(Blas1.nrm2(2, new double[] {3e-200, 4e-200}, 0)).isCloseTo(5e-200, within(1e-214));
        assertThat(Blas1.nrm2(2, new double[] {1, Double.POSITIVE_INFINITY}, 0)).isInfinite();
        assertThat(Blas1.nrm2(2, new double[] {1, Double.NaN}, 0)).isNaN();
        TestMatrices r = new TestMatrices(3);
        double[] x = r.gaussians(101);
        double naive = 0;
        for (double v : x) naive += v * v;
        assertThat(Blas1.nrm2(101, x, 0)).isCloseTo(Math.sqrt(naive), within(1e-12));
    }
}

package dev.occam.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The vector kernels against the plain loops they replace, at lengths around the vector width
 * (empty, shorter than one vector, a remainder of every size) and at offsets into a larger array.
 */
class VectorKernelsTest {

    @Test
    void theTestsRunTheVectorKernels() {
        // surefire starts the JVM with --add-modules jdk.incubator.vector (parent POM); without it
        // every test here would compare the plain loops with themselves
        assertThat(Simd.ENABLED).as(Simd.describe()).isTrue();
        assertThat(VectorKernels.lanes()).isGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 7, 8, 9, 15, 16, 17, 31, 33, 1000, 1001})
    void dotAndAxpyMatchThePlainLoops(int n) {
        Random rnd = new Random(n);
        double[] x = gaussian(rnd, n + 5);
        double[] y = gaussian(rnd, n + 3);
        double tol = 1e-13 * (n + 1);
        assertThat(VectorKernels.dot(n, x, 5, y, 3)).isCloseTo(Blas1.dotPlain(n, x, 5, y, 3), within(tol));

        double[] y1 = y.clone();
        double[] y2 = y.clone();
        VectorKernels.axpy(n, -0.75, x, 5, y1, 3);
        Blas1.axpyPlain(n, -0.75, x, 5, y2, 3);
        for (int i = 0; i < y.length; i++) assertThat(y1[i]).isCloseTo(y2[i], within(1e-15));
        // the entries before the offset are not touched
        for (int i = 0; i < 3; i++) assertThat(y1[i]).isEqualTo(y[i]);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 9, 17, 1000, 1003})
    void blockedInnerProductsMatchThePlainLoops(int n) {
        Random rnd = new Random(60 + n);
        // four x segments at scattered offsets of one array, four v segments ldv apart from an offset
        double[] x = gaussian(rnd, 4 * n + 40);
        int[] xs = {3, n + 11, 2 * n + 17, 3 * n + 29};
        int ldv = n + 6;
        double[] v = gaussian(rnd, 4 * ldv + 5);
        double tol = 1e-13 * (n + 1);
        double[] vector = new double[16];
        double[] plain = new double[16];
        java.util.Arrays.fill(vector, 0.5);
        java.util.Arrays.fill(plain, 0.5);
        VectorKernels.dot44(n, x, xs[0], xs[1], xs[2], xs[3], v, 5, ldv, vector);
        Blas1.dot44Plain(0, n, x, xs[0], xs[1], xs[2], xs[3], v, 5, ldv, plain);
        for (int c = 0; c < 4; c++) {
            for (int b = 0; b < 4; b++) {
                // sums are added to what out held; each is the inner product of its own pair
                double expected = 0.5 + Blas1.dotPlain(n, x, xs[c], v, 5 + b * ldv);
                assertThat(vector[4 * c + b]).isCloseTo(expected, within(tol));
                assertThat(plain[4 * c + b]).isCloseTo(expected, within(tol));
            }
        }
        double[] four = {1, 2, 3, 4};
        VectorKernels.dot41(n, x, xs[0], xs[1], xs[2], xs[3], v, 5 + ldv, four);
        for (int c = 0; c < 4; c++) {
            assertThat(four[c]).isCloseTo(c + 1 + Blas1.dotPlain(n, x, xs[c], v, 5 + ldv), within(tol));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 9, 17, 1000, 1003})
    void singlePrecisionAxpyMatchesThePlainLoop(int n) {
        Random rnd = new Random(40 + n);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) rnd.nextGaussian();
        double[] y = gaussian(rnd, n);
        double[] y1 = y.clone();
        double[] y2 = y.clone();
        VectorKernels.axpy(n, -0.3, x, y1);
        Blas1.axpyPlain(n, -0.3, x, y2);
        for (int i = 0; i < n; i++) {
            assertThat(y1[i]).isCloseTo(y2[i], within(1e-15));
            // each float is widened exactly: the same as the double computation on (double) x[i]
            assertThat(y2[i]).isEqualTo(y[i] + -0.3 * (double) x[i]);
        }
    }

    private static double[] gaussian(Random rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = rnd.nextGaussian();
        return v;
    }
}

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

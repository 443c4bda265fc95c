package dev.occam.linalg;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GemmTest {

    /** Sizes that cross the panel sizes (MB = 256 rows, KB = 128 columns) and the unrolling by 4 and 2. */
    private static final int[][] SHAPES = {{1, 1, 1}, {3, 2, 5}, {7, 9, 4}, {300, 7, 130}, {257, 3, 129}, {17, 33, 261}};

    @Test
    void multiplyMatchesTripleLoopOnSubBlocks() {
        TestMatrices r = new TestMatrices(11);
        for (int[] s : SHAPES) {
            int m = s[0], n = s[1], k = s[2];
            // A, B and C are sub-blocks of larger arrays (offsets and leading dimensions).
            int lda = m + 3, ldb = k + 2, ldc = m + 1;
            double[] a = r.gaussians(5 + lda * k);
            double[] b = r.gaussians(4 + ldb * n);
            double[] c0 = r.gaussians(2 + ldc * n);
            double[] aDense = new double[m * k];
            for (int t = 0; t < k; t++) for (int i = 0; i < m; i++) aDense[i + t * m] = a[5 + i + t * lda];
            double[] bDense = new double[k * n];
            for (int j = 0; j < n; j++) for (int t = 0; t < k; t++) bDense[t + j * k] = b[4 + t + j * ldb];
            double[] ab = TestMatrices.naiveMultiply(m, n, k, aDense, bDense);

            for (double beta : new double[] {0.0, 1.0, -0.5}) {
                double[] c = c0.clone();
                Gemm.multiplyJava(m, n, k, a, 5, lda, b, 4, ldb, beta, c, 2, ldc);
                double[] cAuto = c0.clone();
                Gemm.multiply(m, n, k, a, 5, lda, b, 4, ldb, beta, cAuto, 2, ldc);
                for (int j = 0; j < n; j++) {
                    for (int i = 0; i < m; i++) {
                        double expected = beta * c0[2 + i + j * ldc] + ab[i + j * m];
                        assertThat(c[2 + i + j * ldc]).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-11 * k));
                        assertThat(cAuto[2 + i + j * ldc]).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-11 * k));
                    }
                }
                // Padding between columns (rows m..ldc of C) and the offset region stay untouched.
                assertThat(c[0]).isEqualTo(c0[0]);
                assertThat(c[1]).isEqualTo(c0[1]);
                for (int j = 0; j < n; j++) {
                    for (int i = m; i < ldc; i++) assertThat(c[2 + i + j * ldc]).isEqualTo(c0[2 + i + j * ldc]);
                }
            }
        }
    }

    @Test
    void betaZeroIgnoresNaNInOutput() {
        double[] a = {1, 2, 3, 4};
        double[] b = {1, 1};
        double[] c = {Double.NaN, Double.NaN};
        Gemm.multiplyJava(2, 1, 2, a, 0, 2, b, 0, 2, 0.0, c, 0, 2);
        assertThat(c).containsExactly(4.0, 6.0);
    }

    @Test
    void multiplyLowerWritesOnlyTheLowerTriangle() {
        TestMatrices r = new TestMatrices(12);
        for (int m : new int[] {1, 2, 5, 130, 300}) {
            int k = 131;
            double[] a = r.gaussians(m * k);
            double[] b = r.gaussians(k * m);
            double[] c0 = r.gaussians(m * m);
            double[] c = c0.clone();
            Gemm.multiplyLower(m, k, a, 0, m, b, 0, k, 2.0, c, 0, m);
            double[] ab = TestMatrices.naiveMultiply(m, m, k, a, b);
            for (int j = 0; j < m; j++) {
                for (int i = 0; i < m; i++) {
                    if (i >= j) {
                        assertThat(c[i + j * m]).isCloseTo(2 * c0[i + j * m] + ab[i + j * m], org.assertj.core.api.Assertions.within(1e-11 * k));
                    } else {
                        assertThat(c[i + j * m]).isEqualTo(c0[i + j * m]);
                    }
                }
            }
        }
    }

    @Test
    void emptyDimensionsLeaveScaledOutput() {
        double[] c = {1, 2, 3, 4};
        Gemm.multiplyJava(2, 2, 0, new double[0], 0, 2, new double[0], 0, 1, 3.0, c, 0, 2);
        assertThat(c).containsExactly(3.0, 6.0, 9.0, 12.0);
    }
}

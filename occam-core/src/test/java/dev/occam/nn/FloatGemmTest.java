package dev.occam.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FloatGemmTest {

    /** Reference product in double: C = α·op(A)·op(B) + β·C. */
    private static double[] reference(boolean ta, boolean tb, int m, int n, int k, double alpha, float[] a, int lda,
                                      float[] b, int ldb, double beta, float[] c, int ldc) {
        double[] r = new double[m * ldc];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double av = ta ? a[p * lda + i] : a[i * lda + p];
                    double bv = tb ? b[j * ldb + p] : b[p * ldb + j];
                    s += av * bv;
                }
                r[i * ldc + j] = alpha * s + (beta == 0 ? 0 : beta * c[i * ldc + j]);
            }
        }
        return r;
    }

    private static float[] random(int size, SplittableRandom rng) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return v;
    }

    @ParameterizedTest(name = "transA={0} transB={1} {2}x{3}x{4} alpha={5} beta={6}")
    @CsvSource({
            "false, false, 7, 9, 5, 1, 0",
            "true, false, 7, 9, 5, 1, 0",
            "false, true, 7, 9, 5, 1, 0",
            "true, true, 7, 9, 5, 1, 0",
            // sizes crossing the KB = 128 and NB = 512 blocks, odd remainders in k
            "false, false, 3, 600, 261, 1, 1",
            "true, false, 5, 513, 130, 0.5, 0",
            "false, true, 4, 700, 129, 1, -2",
            "true, true, 2, 515, 257, 2, 0.5",
            "false, false, 1, 1, 1, 1, 0",
            "false, false, 6, 3, 0, 1, 0.5"})
    void matchesADoublePrecisionReference(boolean ta, boolean tb, int m, int n, int k, float alpha, float beta) {
        SplittableRandom rng = new SplittableRandom(m * 1000L + n + k);
        int lda = (ta ? m : k) + 3; // padded rows: strides larger than the logical width
        int ldb = (tb ? k : n) + 2;
        int ldc = n + 1;
        float[] a = random((ta ? k : m) * lda, rng);
        float[] b = random((tb ? n : k) * ldb, rng);
        float[] c = random(m * ldc, rng);
        double[] expected = reference(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        FloatGemm.gemm(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                // float accumulation over k terms of size ≤ 1: error ≲ k · 2⁻²⁴ · few
                assertThat((double) c[i * ldc + j]).as("C[%d,%d]", i, j)
                        .isCloseTo(expected[i * ldc + j], org.assertj.core.api.Assertions.within(1e-6 * (k + 4) * 4));
            }
        }
    }

    @ParameterizedTest(name = "padding column untouched, beta=0 ignores NaN")
    @CsvSource({"false, false", "true, true"})
    void betaZeroOverwritesAndPaddingIsUntouched(boolean ta, boolean tb) {
        int m = 3;
        int n = 4;
        int k = 2;
        float[] a = {1, 2, 3, 4, 5, 6};
        float[] b = {1, 0, 0, 1, 0, 1, 1, 0};
        float[] c = new float[m * (n + 1)];
        java.util.Arrays.fill(c, Float.NaN);
        // ta: A stored k × m; tb: B stored n × k — same numbers, other meaning; only check finiteness and padding
        FloatGemm.gemm(ta, tb, m, n, k, 1f, a, ta ? m : k, b, tb ? k : n, 0f, c, n + 1);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                assertThat(c[i * (n + 1) + j]).isFinite();
            }
            assertThat(c[i * (n + 1) + n]).isNaN();
        }
    }

    @ParameterizedTest(name = "transA={0} transB={1}")
    @CsvSource({"false, false", "true, false", "false, true", "true, true"})
    void splittingOverThreadsGivesTheSameBits(boolean ta, boolean tb) {
        int m = 37;
        int n = 530;
        int k = 140;
        SplittableRandom rng = new SplittableRandom(5);
        float[] a = random(m * k, rng);
        float[] b = random(k * n, rng);
        float[] one = new float[m * n];
        float[] three = new float[m * n];
        FloatGemm.gemm(1, ta, tb, m, n, k, 1f, a, ta ? m : k, b, tb ? k : n, 0f, one, n);
        FloatGemm.gemm(3, ta, tb, m, n, k, 1f, a, ta ? m : k, b, tb ? k : n, 0f, three, n);
        assertThat(three).containsExactly(one);
    }
}

package dev.occam.linalg;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SymmetricEigenTest {

    /** Checks A = VΛVᵀ, VᵀV = I and increasing values; returns the values. */
    private static double[] decomposeAndCheck(int n, double[] a) {
        double[] v = a.clone();
        double[] values = new double[n];
        SymmetricEigen.decompose(n, v, values);
        double scale = Math.max(1.0, TestMatrices.maxAbs(a));
        double[] vl = v.clone();
        for (int k = 0; k < n; k++) for (int i = 0; i < n; i++) vl[i + k * n] *= values[k];
        double[] rebuilt = TestMatrices.naiveMultiply(n, n, n, vl, TestMatrices.transpose(n, n, v));
        assertThat(TestMatrices.maxDiff(rebuilt, a)).as("A = VΛVᵀ, n = %d", n).isLessThan(1e-12 * n * scale);
        double[] vtv = TestMatrices.naiveMultiply(n, n, n, TestMatrices.transpose(n, n, v), v);
        for (int i = 0; i < n; i++) vtv[i + i * n] -= 1.0;
        assertThat(TestMatrices.maxAbs(vtv)).as("VᵀV = I, n = %d", n).isLessThan(1e-13 * n);
        for (int k = 1; k < n; k++) assertThat(values[k]).isGreaterThanOrEqualTo(values[k - 1]);
        return values;
    }

    @Test
    void randomSymmetricMatricesAreReconstructed() {
        TestMatrices r = new TestMatrices(51);
        for (int n : new int[] {1, 2, 3, 10, 57, 120}) {
            decomposeAndCheck(n, r.symmetric(n));
        }
    }

    @Test
    void knownSpectrumWithRepeatedAndZeroEigenvaluesIsRecovered() {
        // A = Q diag(λ) Qᵀ with Q orthogonal (from the eigenvectors of a random matrix).
        TestMatrices r = new TestMatrices(52);
        int n = 9;
        double[] q = r.symmetric(n);
        double[] ignored = new double[n];
        SymmetricEigen.decompose(n, q, ignored);
        double[] lambda = {-2, 0, 0, 1, 1, 1, 3.5, 7, 1e-9};
        double[] ql = q.clone();
        for (int k = 0; k < n; k++) for (int i = 0; i < n; i++) ql[i + k * n] *= lambda[k];
        double[] a = TestMatrices.naiveMultiply(n, n, n, ql, TestMatrices.transpose(n, n, q));
        for (int j = 0; j < n; j++) for (int i = 0; i < j; i++) a[i + j * n] = a[j + i * n];   // exactly symmetric
        double[] values = decomposeAndCheck(n, a);
        double[] sorted = lambda.clone();
        java.util.Arrays.sort(sorted);
        for (int k = 0; k < n; k++) assertThat(values[k]).isCloseTo(sorted[k], within(1e-13 * 10));
    }

    @Test
    void diagonalZeroAndBlockDiagonalMatrices() {
        double[] diag = {3, 0, 0, 0, -1, 0, 0, 0, 2};
        assertThat(decomposeAndCheck(3, diag)).containsExactly(-1.0, 2.0, 3.0);
        assertThat(decomposeAndCheck(3, new double[9])).containsExactly(0.0, 0.0, 0.0);
        // A row of zeros in the middle exercises the "scale = 0" branch of the reduction.
        double[] block = {2, 0, 1, 0, 0, 0, 1, 0, 2};
        assertThat(decomposeAndCheck(3, block)).containsExactly(0.0, 1.0, 3.0);
        double[] twoByTwo = {2, 1, 1, 2};
        double[] values = decomposeAndCheck(2, twoByTwo);
        assertThat(values[0]).isCloseTo(1.0, within(1e-15));
        assertThat(values[1]).isCloseTo(3.0, within(1e-15));
    }

    @Test
    void onlyTheLowerTriangleIsRead() {
        TestMatrices r = new TestMatrices(53);
        int n = 6;
        double[] a = r.symmetric(n);
        double[] garbled = a.clone();
        for (int j = 1; j < n; j++) for (int i = 0; i < j; i++) garbled[i + j * n] = 1e6;
        double[] v1 = a.clone();
        double[] v2 = garbled;
        double[] e1 = new double[n];
        double[] e2 = new double[n];
        SymmetricEigen.decompose(n, v1, e1);
        SymmetricEigen.decompose(n, v2, e2);
        assertThat(e2).containsExactly(e1);
    }

    @Test
    void nonFiniteInputIsRejected() {
        double[] a = {1, Double.NaN, Double.NaN, 1};
        assertThatThrownBy(() -> SymmetricEigen.decompose(2, a, new double[2]))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("NaN");
    }
}

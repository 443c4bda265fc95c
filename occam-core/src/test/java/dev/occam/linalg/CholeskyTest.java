package dev.occam.linalg;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CholeskyTest {

    @Test
    void factorReconstructsTheMatrixAndKeepsTheUpperTriangle() {
        TestMatrices r = new TestMatrices(41);
        // Orders around the block size (64) and several blocks.
        for (int n : new int[] {1, 2, 5, 63, 64, 65, 150}) {
            double[] a = r.spd(n, 0.1);
            double[] l = a.clone();
            for (int j = 1; j < n; j++) for (int i = 0; i < j; i++) l[i + j * n] = 42.0;   // marker above the diagonal
            Cholesky.factor(n, l, 0, n);
            double[] lower = new double[n * n];
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    if (i >= j) lower[i + j * n] = l[i + j * n];
                    else assertThat(l[i + j * n]).isEqualTo(42.0);
                }
                assertThat(l[j + j * n]).isPositive();
            }
            double[] llt = TestMatrices.naiveMultiply(n, n, n, lower, TestMatrices.transpose(n, n, lower));
            assertThat(TestMatrices.maxDiff(llt, a)).isLessThan(1e-12 * TestMatrices.maxAbs(a));
        }
    }

    @Test
    void solveMatchesGaussianElimination() {
        TestMatrices r = new TestMatrices(42);
        for (int n : new int[] {1, 3, 70, 130}) {
            double[] a = r.spd(n, 0.5);
            double[] b = r.gaussians(n);
            double[] expected = TestMatrices.gaussSolve(n, a, b);
            int lda = n + 3;
            double[] l = new double[2 + lda * n];
            for (int j = 0; j < n; j++) System.arraycopy(a, j * n, l, 2 + j * lda, n);
            Cholesky.factor(n, l, 2, lda);
            double[] x = new double[n + 1];
            System.arraycopy(b, 0, x, 1, n);
            Cholesky.solve(n, l, 2, lda, x, 1);
            double[] solution = java.util.Arrays.copyOfRange(x, 1, n + 1);
            assertThat(TestMatrices.maxDiff(solution, expected)).isLessThan(1e-10 * Math.max(1, TestMatrices.maxAbs(expected)));
        }
    }

    @Test
    void solveSeveralRightHandSidesAndTriangularSolves() {
        TestMatrices r = new TestMatrices(43);
        int n = 20, nrhs = 3;
        double[] a = r.spd(n, 1.0);
        double[] l = a.clone();
        Cholesky.factor(n, l, 0, n);
        double[] b = r.gaussians(n * nrhs);
        double[] x = b.clone();
        Cholesky.solve(n, nrhs, l, 0, n, x, 0, n);
        double[] ax = TestMatrices.naiveMultiply(n, nrhs, n, a, x);
        assertThat(TestMatrices.maxDiff(ax, b)).isLessThan(1e-10);

        double[] lower = new double[n * n];
        for (int j = 0; j < n; j++) for (int i = j; i < n; i++) lower[i + j * n] = l[i + j * n];
        double[] y = java.util.Arrays.copyOf(b, n);
        Cholesky.solveLower(n, l, 0, n, y, 0);
        assertThat(TestMatrices.maxDiff(TestMatrices.naiveMultiply(n, 1, n, lower, y), java.util.Arrays.copyOf(b, n))).isLessThan(1e-10);
        double[] z = java.util.Arrays.copyOf(b, n);
        Cholesky.solveLowerTransposed(n, l, 0, n, z, 0);
        double[] lt = TestMatrices.transpose(n, n, lower);
        assertThat(TestMatrices.maxDiff(TestMatrices.naiveMultiply(n, 1, n, lt, z), java.util.Arrays.copyOf(b, n))).isLessThan(1e-10);
    }

    @Test
    void singularMatrixIsReportedAtTheDependentColumn() {
        // Gram matrix of columns (x1, x2, x1 + x2, x4): column 2 depends on 0 and 1.
        TestMatrices r = new TestMatrices(44);
        int n = 30;
        double[] x = r.gaussians(n * 4);
        for (int i = 0; i < n; i++) x[i + 2 * n] = x[i] + x[i + n];
        double[] g = TestMatrices.naiveMultiply(4, 4, n, TestMatrices.transpose(n, 4, x), x);
        assertThatThrownBy(() -> Cholesky.factor(4, g, 0, 4))
                .isInstanceOf(NotPositiveDefiniteException.class)
                .satisfies(e -> assertThat(((NotPositiveDefiniteException) e).column()).isEqualTo(2))
                .hasMessageContaining("not positive definite");
    }

    @Test
    void indefiniteAndNaNMatricesAreRejected() {
        double[] indefinite = {1, 2, 2, 1};   // eigenvalues 3 and −1
        assertThatThrownBy(() -> Cholesky.factor(2, indefinite, 0, 2))
                .isInstanceOf(NotPositiveDefiniteException.class)
                .satisfies(e -> assertThat(((NotPositiveDefiniteException) e).pivot()).isNegative());
        double[] zero = {0};
        assertThatThrownBy(() -> Cholesky.factor(1, zero, 0, 1)).isInstanceOf(NotPositiveDefiniteException.class);
        double[] nan = {Double.NaN};
        assertThatThrownBy(() -> Cholesky.factor(1, nan, 0, 1)).isInstanceOf(NotPositiveDefiniteException.class);
    }
}

package dev.occam.linalg;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CholeskyTest {

    @Test
    void conditionEstimateBoundsTheConditionNumberFromBelow() {
        // diag(1, 1e-6): exact condition 1e6, pivots 1 and 1e-3
        double[] d = {1, 0, 0, 1e-6};
        Cholesky.factor(2, d, 0, 2);
        assertThat(Cholesky.conditionEstimate(2, d, 0, 2)).isCloseTo(1e6, org.assertj.core.data.Offset.offset(1e-3));
        // two nearly equal columns: [[1, 1], [1, 1 + ε]] has condition ~4/ε; the pivots give 1/ε
        double eps = 1e-8;
        double[] c = {1, 1, 1, 1 + eps};
        Cholesky.factor(2, c, 0, 2);
        double est = Cholesky.conditionEstimate(2, c, 0, 2);
        assertThat(est).isBetween(0.5 / eps, 4.0 / eps);
        assertThat(Cholesky.conditionEstimate(0, new double[0], 0, 0)).isEqualTo(1.0);
        assertThat(Cholesky.conditionEstimate(2, new double[] {1, 0, 0, 0}, 0, 2)).isInfinite();
    }

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

    /** L·Lᵀ from the lower triangle of a column-major factor of order n (leading dimension ld). */
    private static double[] product(int n, double[] l, int ld) {
        double[] lower = new double[n * n];
        for (int j = 0; j < n; j++) for (int i = j; i < n; i++) lower[i + j * n] = l[i + j * ld];
        return TestMatrices.naiveMultiply(n, n, n, lower, TestMatrices.transpose(n, n, lower));
    }

    @Test
    void rankOneUpdateFactorsTheUpdatedMatrix() {
        TestMatrices r = new TestMatrices(44);
        for (int n : new int[] {1, 4, 37}) {
            double[] a = r.spd(n, 0.3);
            double[] x = r.gaussians(n);
            double[] updated = a.clone();
            for (int j = 0; j < n; j++) for (int i = 0; i < n; i++) updated[i + j * n] += x[i] * x[j];
            double[] l = a.clone();
            Cholesky.factor(n, l, 0, n);
            Cholesky.rankOneUpdate(n, l, 0, n, x.clone(), 0);
            assertThat(TestMatrices.maxDiff(product(n, l, n), updated)).isLessThan(1e-12 * TestMatrices.maxAbs(updated));
        }
    }

    @Test
    void rankOneDowndateUndoesAnUpdateAndRefusesAnIndefiniteResult() {
        TestMatrices r = new TestMatrices(47);
        int n = 23;
        double[] a = r.spd(n, 0.3);
        double[] x = r.gaussians(n);
        double[] l = a.clone();
        Cholesky.factor(n, l, 0, n);
        Cholesky.rankOneUpdate(n, l, 0, n, x.clone(), 0);
        assertThat(Cholesky.rankOneDowndate(n, l, 0, n, x.clone(), 0)).isTrue();
        assertThat(TestMatrices.maxDiff(product(n, l, n), a)).isLessThan(1e-11 * TestMatrices.maxAbs(a));
        // A − 10·a₀a₀ᵀ/a₀₀ has a negative (0,0) entry: not positive definite
        double[] big = new double[n];
        for (int i = 0; i < n; i++) big[i] = a[i] * Math.sqrt(10 / a[0]);
        assertThat(Cholesky.rankOneDowndate(n, l, 0, n, big, 0)).isFalse();
    }

    @Test
    void deleteGivesTheFactorOfTheMatrixWithoutThatRowAndColumn() {
        TestMatrices r = new TestMatrices(45);
        int n = 30;
        int ld = 34;
        for (int q : new int[] {0, 7, 29}) {
            double[] a = r.spd(n, 0.2);
            double[] l = new double[ld * n];
            for (int j = 0; j < n; j++) System.arraycopy(a, j * n, l, j * ld, n);
            Cholesky.factor(n, l, 0, ld);
            Cholesky.delete(n, l, ld, q);
            double[] reduced = new double[(n - 1) * (n - 1)];
            for (int j = 0, jj = 0; j < n; j++) {
                if (j == q) continue;
                for (int i = 0, ii = 0; i < n; i++) {
                    if (i == q) continue;
                    reduced[ii++ + jj * (n - 1)] = a[i + j * n];
                }
                jj++;
            }
            assertThat(TestMatrices.maxDiff(product(n - 1, l, ld), reduced)).isLessThan(1e-12 * TestMatrices.maxAbs(a));
        }
    }

    @Test
    void appendBordersTheFactorAndRefusesASingularBorder() {
        TestMatrices r = new TestMatrices(46);
        int n = 25;
        int ld = 27;
        double[] a = r.spd(n + 1, 0.2);
        double[] l = new double[ld * (n + 1)];
        for (int j = 0; j < n; j++) System.arraycopy(a, j * (n + 1), l, j * ld, n);
        Cholesky.factor(n, l, 0, ld);
        double[] before = l.clone();
        // a border that repeats column 0 makes the matrix singular: refused, L unchanged
        double[] repeat = new double[n + 1];
        for (int i = 0; i < n; i++) repeat[i] = a[i];
        repeat[n] = a[0];
        assertThat(Cholesky.append(n, l, ld, repeat)).isFalse();
        assertThat(l).isEqualTo(before);
        double[] border = java.util.Arrays.copyOfRange(a, n * (n + 1), (n + 1) * (n + 1));
        assertThat(Cholesky.append(n, l, ld, border)).isTrue();
        assertThat(TestMatrices.maxDiff(product(n + 1, l, ld), a)).isLessThan(1e-12 * TestMatrices.maxAbs(a));
    }
}

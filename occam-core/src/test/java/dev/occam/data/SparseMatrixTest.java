package dev.occam.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The column kernels of a CSC matrix against the same sums over a dense copy. */
class SparseMatrixTest {

    @Test
    void columnKernelsMatchDenseSums() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 37, p = 9;
        double[][] rows = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                // columns with 0, 1, 2, 3 … stored entries and denser ones, odd and even counts
                if (r.nextDouble() < (j + 1) / 12.0 && j > 0) rows[i][j] = r.nextDouble() * 4 - 2;
            }
        }
        SparseMatrix x = SparseMatrix.fromDense(DenseMatrix.ofRows(rows));
        double[] a = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextDouble() - 0.5;
            w[i] = r.nextDouble();
        }
        double[] two = new double[2];
        for (int j = 0; j < p; j++) {
            double dotA = 0, dotW = 0, sq = 0;
            for (int i = 0; i < n; i++) {
                dotA += rows[i][j] * a[i];
                dotW += rows[i][j] * w[i];
                sq += w[i] * rows[i][j] * rows[i][j];
            }
            assertThat(x.dotColumn(j, a)).isCloseTo(dotA, within(1e-13));
            x.dotColumnTwo(j, a, w, two);
            assertThat(two).containsExactly(new double[] {dotA, dotW}, within(1e-13));
            x.weightedMoments(j, w, two);
            assertThat(two).containsExactly(new double[] {dotW, sq}, within(1e-13));
            assertThat(x.weightedSumOfSquares(j, w)).isCloseTo(sq, within(1e-13));
        }
    }

    /** Xβ + b0 split over processors (enough stored entries) equals the dense product. */
    @Test
    void multiplyInPartsEqualsTheDenseProduct() {
        SplittableRandom r = new SplittableRandom(7);
        int n = 4000, p = 400;
        double[][] rows = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) if (r.nextDouble() < 0.2) rows[i][j] = r.nextDouble() * 2 - 1;
        }
        DenseMatrix dense = DenseMatrix.ofRows(rows);
        SparseMatrix x = SparseMatrix.fromDense(dense);
        // above the 200 000 stored entries (in the non-zero columns) from which the product runs in parts
        assertThat(x.storedEntries() * 6 / 7).isGreaterThan(220_000);
        double[] beta = new double[p];
        // most columns in, some out (each part skips its zero coefficients)
        for (int j = 0; j < p; j++) if (j % 7 != 3) beta[j] = r.nextDouble() - 0.5;
        double[] y = new double[n];
        x.multiply(beta, 0.25, y);
        for (int i = 0; i < n; i++) {
            double expected = 0.25;
            for (int j = 0; j < p; j++) expected += rows[i][j] * beta[j];
            assertThat(y[i]).as("row %d", i).isCloseTo(expected, within(1e-12));
        }
    }
}

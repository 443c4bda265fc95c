package dev.occam.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ColumnDots#product} against one plain inner product per column and vector: chosen columns
 * in any order (repeated too) of a matrix whose columns are further apart than its rows, every
 * count of vectors modulo four, column counts around the kernel's four, rows spanning several
 * blocks and not a multiple of the vector width, on one thread and on the parallel path.
 */
class ColumnDotsTest {

    @ParameterizedTest
    @CsvSource({
        // rows, columns taken, vectors
        "1, 1, 1",
        "7, 3, 2",
        "1001, 4, 4",
        "1003, 5, 3",
        "70001, 6, 1",      // one vector: blocks of 65 536 rows, so two of them
        "12011, 33, 13",    // 13 vectors: blocks of 5 040 rows; the last one vector on its own
        "20000, 70, 8",     // 11.2 M multiply-adds: the parallel path
        "3000, 9, 50",
    })
    void productIsEveryColumnsInnerProductWithEveryVector(int n, int m, int q) {
        Random rnd = new Random(31L * n + m + q);
        int p = m + 5;
        int ldx = n + 3;
        double[] x = new double[ldx * p];
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextGaussian();
        double[] v = new double[n * q];
        for (int i = 0; i < v.length; i++) v[i] = rnd.nextGaussian();
        int[] cols = new int[m];
        for (int t = 0; t < m; t++) cols[t] = (p - 1 - 2 * t % p + p) % p;
        if (m > 2) cols[m - 1] = cols[0];
        double[] out = new double[q * m + 3];
        java.util.Arrays.fill(out, 99.0);
        ColumnDots.product(n, x, ldx, cols, m, v, q, out);
        for (int b = 0; b < q; b++) {
            for (int t = 0; t < m; t++) {
                double expected = Blas1.dotPlain(n, x, cols[t] * ldx, v, b * n);
                assertThat(out[b * m + t]).as("column %d, vector %d", t, b).isCloseTo(expected, within(1e-12 * Math.sqrt(n)));
            }
        }
        // nothing written past q·m
        for (int k = q * m; k < out.length; k++) assertThat(out[k]).isEqualTo(99.0);
    }
}

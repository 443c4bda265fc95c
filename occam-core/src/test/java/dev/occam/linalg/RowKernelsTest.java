package dev.occam.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The row-range kernels of {@link CoordinateKernels} (used for lazy moves and for passes cut into
 * blocks of rows): vector forms against the plain loops, both against the definitions written out
 * here, on ranges that start and end off the vector width, and rows outside the range untouched.
 */
class RowKernelsTest {
    private static final double A = 0.3;
    private static final double B = -0.45;

    /** Columns laid out as in a column-major matrix of n rows: xs at sOff, xk at kOff. */
    private record Data(int n, double[] x, int sOff, int kOff, double[] w, double[] r) { }

    private static Data data(int n, long seed) {
        Random rnd = new Random(seed);
        double[] x = new double[3 * n + 2];
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextGaussian();
        double[] w = new double[n];
        for (int i = 0; i < n; i++) w[i] = 0.1 + rnd.nextDouble();
        double[] r = new double[n];
        for (int i = 0; i < n; i++) r[i] = rnd.nextGaussian();
        return new Data(n, x, 1, 2 * n + 2, w, r);
    }

    /** r after the shift on [from, to), by the definition. */
    private static double[] shifted(Data d, int from, int to) {
        double[] r = d.r().clone();
        for (int i = from; i < to; i++) r[i] = d.r()[i] + d.w()[i] * (B - A * d.x()[d.sOff() + i]);
        return r;
    }

    /** Σ xk·r, Σ w·xk, Σ w·xk² on [from, to), by the definition. */
    private static double[] sums(Data d, double[] r, int from, int to) {
        double dot = 0, sw = 0, sq = 0;
        for (int i = from; i < to; i++) {
            double xi = d.x()[d.kOff() + i];
            dot += xi * r[i];
            sw += d.w()[i] * xi;
            sq += d.w()[i] * xi * xi;
        }
        return new double[] {dot, sw, sq};
    }

    @ParameterizedTest(name = "n={0} rows [{1}, {2})")
    @CsvSource({"0,0,0", "1,0,1", "9,2,9", "17,3,16", "40,0,40", "40,5,37", "1001,0,1001", "1001,13,998", "1001,500,1001"})
    void shiftMatchesTheDefinition(int n, int from, int to) {
        Data d = data(n, 11L * n + from);
        double[] expected = shifted(d, from, to);
        double[] r1 = d.r().clone();
        double[] r2 = d.r().clone();
        VectorKernels.weightedShiftRows(from, to, A, B, d.x(), d.sOff(), d.w(), r1);
        CoordinateKernels.weightedShiftRowsPlain(from, to, A, B, d.x(), d.sOff(), d.w(), r2);
        for (int i = 0; i < n; i++) {
            assertThat(r1[i]).as("vector, row %d", i).isCloseTo(expected[i], within(1e-14));
            assertThat(r2[i]).as("plain, row %d", i).isCloseTo(expected[i], within(1e-14));
        }
        // rows outside the range are not touched, exactly
        for (int i = 0; i < from; i++) assertThat(r1[i]).isEqualTo(d.r()[i]);
        for (int i = to; i < n; i++) assertThat(r1[i]).isEqualTo(d.r()[i]);
    }

    @ParameterizedTest(name = "n={0} rows [{1}, {2})")
    @CsvSource({"0,0,0", "1,0,1", "9,2,9", "17,3,16", "40,0,40", "40,5,37", "1001,0,1001", "1001,13,998", "1001,500,1001"})
    void momentsOnRowsMatchTheDefinition(int n, int from, int to) {
        Data d = data(n, 7L * n + to);
        double[] expected = sums(d, d.r(), from, to);
        double[] m1 = new double[3];
        double[] m2 = new double[3];
        VectorKernels.dotWeightedMomentsRows(from, to, d.x(), d.kOff(), d.r(), d.w(), m1);
        CoordinateKernels.dotWeightedMomentsRowsPlain(from, to, d.x(), d.kOff(), d.r(), d.w(), m2);
        assertThat(m1).containsExactly(expected, within(1e-12));
        assertThat(m2).containsExactly(expected, within(1e-12));
    }

    @ParameterizedTest(name = "n={0} rows [{1}, {2})")
    @CsvSource({"0,0,0", "1,0,1", "9,2,9", "17,3,16", "40,0,40", "40,5,37", "1001,0,1001", "1001,13,998", "1001,500,1001"})
    void fusedShiftAndDotMatchTheTwoSteps(int n, int from, int to) {
        Data d = data(n, 5L * n + 3 * from);
        double[] expectedR = shifted(d, from, to);
        double expectedDot = sums(d, expectedR, from, to)[0];
        double[] r1 = d.r().clone();
        double[] r2 = d.r().clone();
        double v = VectorKernels.shiftThenDotRows(from, to, A, B, d.x(), d.sOff(), d.x(), d.kOff(), d.w(), r1);
        double p = CoordinateKernels.shiftThenDotRowsPlain(from, to, A, B, d.x(), d.sOff(), d.x(), d.kOff(), d.w(), r2);
        assertThat(v).isCloseTo(expectedDot, within(1e-12));
        assertThat(p).isCloseTo(expectedDot, within(1e-12));
        for (int i = 0; i < n; i++) {
            assertThat(r1[i]).as("vector, row %d", i).isCloseTo(expectedR[i], within(1e-14));
            assertThat(r2[i]).as("plain, row %d", i).isCloseTo(expectedR[i], within(1e-14));
        }
        for (int i = 0; i < from; i++) assertThat(r1[i]).isEqualTo(d.r()[i]);
        for (int i = to; i < n; i++) assertThat(r1[i]).isEqualTo(d.r()[i]);
    }

    @ParameterizedTest(name = "n={0} rows [{1}, {2})")
    @CsvSource({"0,0,0", "1,0,1", "9,2,9", "17,3,16", "40,0,40", "40,5,37", "1001,0,1001", "1001,13,998", "1001,500,1001"})
    void fusedShiftAndMomentsMatchTheTwoSteps(int n, int from, int to) {
        Data d = data(n, 3L * n + 5 * to);
        double[] expectedR = shifted(d, from, to);
        double[] expected = sums(d, expectedR, from, to);
        double[] r1 = d.r().clone();
        double[] r2 = d.r().clone();
        double[] m1 = new double[3];
        double[] m2 = new double[3];
        VectorKernels.shiftThenDotWeightedMomentsRows(from, to, A, B, d.x(), d.sOff(), d.x(), d.kOff(), d.w(), r1, m1);
        CoordinateKernels.shiftThenDotWeightedMomentsRowsPlain(from, to, A, B, d.x(), d.sOff(), d.x(), d.kOff(), d.w(), r2, m2);
        assertThat(m1).containsExactly(expected, within(1e-12));
        assertThat(m2).containsExactly(expected, within(1e-12));
        for (int i = 0; i < n; i++) {
            assertThat(r1[i]).as("vector, row %d", i).isCloseTo(expectedR[i], within(1e-14));
            assertThat(r2[i]).as("plain, row %d", i).isCloseTo(expectedR[i], within(1e-14));
        }
        for (int i = 0; i < from; i++) assertThat(r1[i]).isEqualTo(d.r()[i]);
        for (int i = to; i < n; i++) assertThat(r1[i]).isEqualTo(d.r()[i]);
    }

    @ParameterizedTest(name = "n={0}")
    @CsvSource({"1", "16", "37"})
    void theShiftedAndTheReadColumnMayBeTheSame(int n) {
        // a constant-only shift (an intercept move) is applied with slope 0 through the column read
        Data d = data(n, 99L + n);
        double[] r1 = d.r().clone();
        double[] r2 = d.r().clone();
        double v = CoordinateKernels.shiftThenDotRows(0, n, 0.0, B, d.x(), d.kOff(), d.x(), d.kOff(), d.w(), r1);
        Blas1.axpy(n, B, d.w(), 0, r2, 0);
        // (fused multiply-adds in one, not the other, depending on the vector width: equal up to rounding)
        assertThat(r1).containsExactly(r2, within(1e-15));
        assertThat(v).isCloseTo(Blas1.dot(n, d.x(), d.kOff(), r2, 0), within(1e-12));
    }
}

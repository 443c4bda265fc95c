package dev.occam.linalg;

/**
 * The two column passes of a coordinate-descent step on a dense weighted least-squares problem
 * with an implicitly centred column x̃ = x − c: reading a column's gradient and curvature, and
 * moving the weighted residual after a coefficient changed. Vectorized when {@link Simd#ENABLED}.
 *
 * <p>The {@code ...Rows} forms work on a range of rows [from, to) (so a pass can be cut between
 * threads); their columns are addressed as x[xOff + i] for row i, and w, r as w[i], r[i]. The
 * fused forms apply a pending residual shift and read the next column in the same pass, so the
 * residual and weights stream through the cache once per coordinate instead of twice.
 */
public final class CoordinateKernels {
    private CoordinateKernels() { }

    /**
     * r[i] += w[i]·(b − a·x[xOff+i]) for i in [from, to): the weighted residual after a move whose
     * constant part b (a·c for a column centred at c, minus any intercept change) is folded in.
     *
     * @param from first row
     * @param to end of the rows (exclusive)
     * @param a slope of the shift (change of the coefficient on the raw scale)
     * @param b constant of the shift
     * @param x column-major values holding the column at xOff. Not modified.
     * @param xOff offset of the column (row i is at xOff + i)
     * @param w weights. Not modified.
     * @param r weighted residual. Modified on [from, to).
     */
    public static void weightedShiftRows(int from, int to, double a, double b, double[] x, int xOff, double[] w, double[] r) {
        if (Simd.ENABLED) {
            VectorKernels.weightedShiftRows(from, to, a, b, x, xOff, w, r);
            return;
        }
        weightedShiftRowsPlain(from, to, a, b, x, xOff, w, r);
    }

    /** {@link #weightedShiftRows} without vectors. */
    static void weightedShiftRowsPlain(int from, int to, double a, double b, double[] x, int xOff, double[] w, double[] r) {
        for (int i = from; i < to; i++) {
            r[i] += w[i] * (b - a * x[xOff + i]);
        }
    }

    /**
     * {@link #dotWeightedMoments} on rows [from, to): out[0] = Σ x_i r_i, out[1] = Σ w_i x_i,
     * out[2] = Σ w_i x_i² with x_i = x[xOff+i].
     *
     * @param from first row
     * @param to end of the rows (exclusive)
     * @param x column-major values holding the column at xOff. Not modified.
     * @param xOff offset of the column (row i is at xOff + i)
     * @param r residual. Not modified.
     * @param w weights. Not modified.
     * @param out three sums. Modified.
     */
    public static void dotWeightedMomentsRows(int from, int to, double[] x, int xOff, double[] r, double[] w, double[] out) {
        if (Simd.ENABLED) {
            VectorKernels.dotWeightedMomentsRows(from, to, x, xOff, r, w, out);
            return;
        }
        dotWeightedMomentsRowsPlain(from, to, x, xOff, r, w, out);
    }

    /** {@link #dotWeightedMomentsRows} without vectors. */
    static void dotWeightedMomentsRowsPlain(int from, int to, double[] x, int xOff, double[] r, double[] w, double[] out) {
        double dot0 = 0, dot1 = 0, sw0 = 0, sw1 = 0, sq0 = 0, sq1 = 0;
        int i = from;
        for (; i + 1 < to; i += 2) {
            double x0 = x[xOff + i];
            double x1 = x[xOff + i + 1];
            dot0 += x0 * r[i];
            dot1 += x1 * r[i + 1];
            double wx0 = w[i] * x0;
            double wx1 = w[i + 1] * x1;
            sw0 += wx0;
            sw1 += wx1;
            sq0 += wx0 * x0;
            sq1 += wx1 * x1;
        }
        for (; i < to; i++) {
            double xi = x[xOff + i];
            dot0 += xi * r[i];
            sw0 += w[i] * xi;
            sq0 += w[i] * xi * xi;
        }
        out[0] = dot0 + dot1;
        out[1] = sw0 + sw1;
        out[2] = sq0 + sq1;
    }

    /**
     * The lazy move and the next gradient in one pass over rows [from, to): first
     * r[i] += w[i]·(b − a·xs[sOff+i]) (as {@link #weightedShiftRows}), then the result is
     * Σ xk[kOff+i]·r[i] with r after the shift.
     *
     * @param from first row
     * @param to end of the rows (exclusive)
     * @param a slope of the pending shift
     * @param b constant of the pending shift
     * @param xs column-major values holding the shifted column at sOff. Not modified.
     * @param sOff offset of the shifted column
     * @param xk column-major values holding the column read at kOff (may be the same column). Not modified.
     * @param kOff offset of the column read
     * @param w weights. Not modified.
     * @param r weighted residual. Modified on [from, to).
     * @return Σ xk_i·r_i over the rows, after the shift
     */
    public static double shiftThenDotRows(int from, int to, double a, double b, double[] xs, int sOff,
                                          double[] xk, int kOff, double[] w, double[] r) {
        if (Simd.ENABLED) return VectorKernels.shiftThenDotRows(from, to, a, b, xs, sOff, xk, kOff, w, r);
        return shiftThenDotRowsPlain(from, to, a, b, xs, sOff, xk, kOff, w, r);
    }

    /** {@link #shiftThenDotRows} without vectors. */
    static double shiftThenDotRowsPlain(int from, int to, double a, double b, double[] xs, int sOff,
                                        double[] xk, int kOff, double[] w, double[] r) {
        double dot0 = 0, dot1 = 0;
        int i = from;
        for (; i + 1 < to; i += 2) {
            double r0 = r[i] + w[i] * (b - a * xs[sOff + i]);
            double r1 = r[i + 1] + w[i + 1] * (b - a * xs[sOff + i + 1]);
            r[i] = r0;
            r[i + 1] = r1;
            dot0 += xk[kOff + i] * r0;
            dot1 += xk[kOff + i + 1] * r1;
        }
        for (; i < to; i++) {
            double ri = r[i] + w[i] * (b - a * xs[sOff + i]);
            r[i] = ri;
            dot0 += xk[kOff + i] * ri;
        }
        return dot0 + dot1;
    }

    /**
     * {@link #shiftThenDotRows} that also reads the column's weighted moments: after the shift,
     * out[0] = Σ xk_i r_i, out[1] = Σ w_i xk_i, out[2] = Σ w_i xk_i² over rows [from, to).
     *
     * @param from first row
     * @param to end of the rows (exclusive)
     * @param a slope of the pending shift
     * @param b constant of the pending shift
     * @param xs column-major values holding the shifted column at sOff. Not modified.
     * @param sOff offset of the shifted column
     * @param xk column-major values holding the column read at kOff (may be the same column). Not modified.
     * @param kOff offset of the column read
     * @param w weights. Not modified.
     * @param r weighted residual. Modified on [from, to).
     * @param out three sums. Modified.
     */
    public static void shiftThenDotWeightedMomentsRows(int from, int to, double a, double b, double[] xs, int sOff,
                                                       double[] xk, int kOff, double[] w, double[] r, double[] out) {
        if (Simd.ENABLED) {
            VectorKernels.shiftThenDotWeightedMomentsRows(from, to, a, b, xs, sOff, xk, kOff, w, r, out);
            return;
        }
        shiftThenDotWeightedMomentsRowsPlain(from, to, a, b, xs, sOff, xk, kOff, w, r, out);
    }

    /** {@link #shiftThenDotWeightedMomentsRows} without vectors. */
    static void shiftThenDotWeightedMomentsRowsPlain(int from, int to, double a, double b, double[] xs, int sOff,
                                                     double[] xk, int kOff, double[] w, double[] r, double[] out) {
        double dot = 0, sw = 0, sq = 0;
        for (int i = from; i < to; i++) {
            double wi = w[i];
            double ri = r[i] + wi * (b - a * xs[sOff + i]);
            r[i] = ri;
            double xi = xk[kOff + i];
            dot += xi * ri;
            double wx = wi * xi;
            sw += wx;
            sq += wx * xi;
        }
        out[0] = dot;
        out[1] = sw;
        out[2] = sq;
    }

    /**
     * Σ_i u_i (x[xOff+i] − m)²: the weighted second moment of a column about m (its mean, for a
     * variance without the cancellation of Σux² − m²).
     *
     * @param n rows
     * @param x column-major values holding the column at xOff. Not modified.
     * @param xOff offset of the column
     * @param u weights. Not modified.
     * @param m the centre
     * @return the sum
     */
    public static double weightedSquaredDeviation(int n, double[] x, int xOff, double[] u, double m) {
        if (Simd.ENABLED) return VectorKernels.weightedSquaredDeviation(n, x, xOff, u, m);
        return weightedSquaredDeviationPlain(n, x, xOff, u, m);
    }

    /** {@link #weightedSquaredDeviation} without vectors. */
    static double weightedSquaredDeviationPlain(int n, double[] x, int xOff, double[] u, double m) {
        double s0 = 0;
        double s1 = 0;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            double c0 = x[xOff + i] - m;
            double c1 = x[xOff + i + 1] - m;
            s0 += u[i] * c0 * c0;
            s1 += u[i + 1] * c1 * c1;
        }
        for (; i < n; i++) {
            double c = x[xOff + i] - m;
            s0 += u[i] * c * c;
        }
        return s0 + s1;
    }
}

package dev.occam.linalg;

/**
 * The two column passes of a coordinate-descent step on a dense weighted least-squares problem
 * with an implicitly centred column x̃ = x − c: reading a column's gradient and curvature, and
 * moving the weighted residual after a coefficient changed. Vectorized when {@link Simd#ENABLED}.
 */
public final class CoordinateKernels {
    private CoordinateKernels() { }

    /**
     * r[i] += w[i]·(a·c − a·x[xOff+i]) for i in [0, n): the weighted residual after b_j grew by a
     * on the raw scale of a column centred at c.
     *
     * @param n rows
     * @param a change of the coefficient (raw scale)
     * @param c the column's centre
     * @param x column-major values holding the column at xOff. Not modified.
     * @param xOff offset of the column
     * @param w weights. Not modified.
     * @param r weighted residual. Modified.
     */
    public static void weightedShift(int n, double a, double c, double[] x, int xOff, double[] w, double[] r) {
        if (Simd.ENABLED) {
            VectorKernels.weightedShift(n, a, c, x, xOff, w, r);
            return;
        }
        weightedShiftPlain(n, a, c, x, xOff, w, r);
    }

    /** {@link #weightedShift} without vectors. */
    static void weightedShiftPlain(int n, double a, double c, double[] x, int xOff, double[] w, double[] r) {
        double ac = a * c;
        for (int i = 0; i < n; i++) {
            r[i] += w[i] * (ac - a * x[xOff + i]);
        }
    }

    /**
     * In one pass over a column: out[0] = Σ x_i r_i, out[1] = Σ w_i x_i, out[2] = Σ w_i x_i².
     *
     * @param n rows
     * @param x column-major values holding the column at xOff. Not modified.
     * @param xOff offset of the column
     * @param r residual. Not modified.
     * @param w weights. Not modified.
     * @param out three sums. Modified.
     */
    public static void dotWeightedMoments(int n, double[] x, int xOff, double[] r, double[] w, double[] out) {
        if (Simd.ENABLED) {
            VectorKernels.dotWeightedMoments(n, x, xOff, r, w, out);
            return;
        }
        dotWeightedMomentsPlain(n, x, xOff, r, w, out);
    }

    /** {@link #dotWeightedMoments} without vectors. */
    static void dotWeightedMomentsPlain(int n, double[] x, int xOff, double[] r, double[] w, double[] out) {
        double dot0 = 0, dot1 = 0, sw0 = 0, sw1 = 0, sq0 = 0, sq1 = 0;
        int i = 0;
        for (; i + 1 < n; i += 2) {
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
        for (; i < n; i++) {
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

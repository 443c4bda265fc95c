package dev.occam.linalg;

/**
 * Level-1 kernels on vectors stored in {@code double[]} (contiguous, starting at an offset).
 */
public final class Blas1 {
    private Blas1() { }

    /**
     * Σ_i x[xOff+i]·y[yOff+i] for i in [0, n).
     *
     * <p>Vectorized when {@link Simd#ENABLED}. Otherwise four partial sums break the dependency chain of one running sum (the JIT does not reorder
     * floating-point additions itself), so the result may differ from a left-to-right sum in the
     * last bits.
     *
     * @param n number of elements
     * @param x first vector. Not modified.
     * @param xOff offset of x's first element
     * @param y second vector. Not modified.
     * @param yOff offset of y's first element
     * @return the inner product
     */
    public static double dot(int n, double[] x, int xOff, double[] y, int yOff) {
        if (Simd.ENABLED) return VectorKernels.dot(n, x, xOff, y, yOff);
        return dotPlain(n, x, xOff, y, yOff);
    }

    /** {@link #dot(int, double[], int, double[], int)} without vectors. */
    static double dotPlain(int n, double[] x, int xOff, double[] y, int yOff) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += x[xOff + i] * y[yOff + i];
            s1 += x[xOff + i + 1] * y[yOff + i + 1];
            s2 += x[xOff + i + 2] * y[yOff + i + 2];
            s3 += x[xOff + i + 3] * y[yOff + i + 3];
        }
        for (; i < n; i++) {
            s0 += x[xOff + i] * y[yOff + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Σ_i x[i]·y[i] over the whole of x.
     *
     * @param x first vector. Not modified.
     * @param y second vector, at least as long as x. Not modified.
     * @return the inner product
     */
    public static double dot(double[] x, double[] y) {
        return dot(x.length, x, 0, y, 0);
    }

    /**
     * y[yOff+i] += a·x[xOff+i] for i in [0, n).
     *
     * @param n number of elements
     * @param a the multiplier
     * @param x the vector added. Not modified.
     * @param xOff offset of x's first element
     * @param y the vector added to. Modified.
     * @param yOff offset of y's first element
     */
    public static void axpy(int n, double a, double[] x, int xOff, double[] y, int yOff) {
        if (Simd.ENABLED) {
            VectorKernels.axpy(n, a, x, xOff, y, yOff);
            return;
        }
        axpyPlain(n, a, x, xOff, y, yOff);
    }

    /**
     * y[i] += a·x[i] for i in [0, n) with x in single precision (each x[i] widened exactly).
     *
     * @param n number of elements
     * @param a the multiplier
     * @param x the vector added. Not modified.
     * @param y the vector added to. Modified.
     */
    public static void axpy(int n, double a, float[] x, double[] y) {
        if (Simd.ENABLED) {
            VectorKernels.axpy(n, a, x, y);
            return;
        }
        axpyPlain(n, a, x, y);
    }

    /** {@link #axpy(int, double, float[], double[])} without vectors. */
    static void axpyPlain(int n, double a, float[] x, double[] y) {
        for (int i = 0; i < n; i++) {
            y[i] += a * x[i];
        }
    }

    /**
     * Sixteen inner products of four segments of x with four of v: out[4c + b] += Σ_i
     * x[xc + i]·v[vOff + b·ldv + i] for c, b in [0, 4) and i in [0, n), where xc is x0, x1, x2, x3.
     * Each loaded element serves four products: the kernel of a product XᵀV with few columns in V.
     *
     * @param n number of elements
     * @param x the array holding the four x segments. Not modified.
     * @param x0 offset of the first segment (x1, x2, x3: of the others)
     * @param v four vectors, ldv apart, from vOff. Not modified.
     * @param vOff offset of the first vector
     * @param ldv distance between the vectors' starts
     * @param out the sixteen sums are added to out[0..16). Modified.
     */
    public static void dot44(int n, double[] x, int x0, int x1, int x2, int x3, double[] v, int vOff, int ldv, double[] out) {
        if (Simd.ENABLED) {
            VectorKernels.dot44(n, x, x0, x1, x2, x3, v, vOff, ldv, out);
            return;
        }
        dot44Plain(0, n, x, x0, x1, x2, x3, v, vOff, ldv, out);
    }

    /**
     * Four inner products of four segments of x with one vector: out[c] += Σ_i x[xc + i]·v[vOff + i]
     * for c in [0, 4) and i in [0, n), where xc is x0, x1, x2, x3.
     *
     * @param n number of elements
     * @param x the array holding the four x segments. Not modified.
     * @param x0 offset of the first segment (x1, x2, x3: of the others)
     * @param v the vector. Not modified.
     * @param vOff offset of its first element
     * @param out the four sums are added to out[0..4). Modified.
     */
    public static void dot41(int n, double[] x, int x0, int x1, int x2, int x3, double[] v, int vOff, double[] out) {
        if (Simd.ENABLED) {
            VectorKernels.dot41(n, x, x0, x1, x2, x3, v, vOff, out);
            return;
        }
        out[0] += dotPlain(n, x, x0, v, vOff);
        out[1] += dotPlain(n, x, x1, v, vOff);
        out[2] += dotPlain(n, x, x2, v, vOff);
        out[3] += dotPlain(n, x, x3, v, vOff);
    }

    /** {@link #dot44} over the elements [from, n), without vectors. */
    static void dot44Plain(int from, int n, double[] x, int x0, int x1, int x2, int x3, double[] v, int vOff, int ldv,
                           double[] out) {
        int[] xs = {x0, x1, x2, x3};
        for (int c = 0; c < 4; c++) {
            for (int b = 0; b < 4; b++) {
                double s = 0;
                int xo = xs[c];
                int vo = vOff + b * ldv;
                for (int i = from; i < n; i++) s += x[xo + i] * v[vo + i];
                out[4 * c + b] += s;
            }
        }
    }

    /** {@link #axpy} without vectors. */
    static void axpyPlain(int n, double a, double[] x, int xOff, double[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] += a * x[xOff + i];
        }
    }

    /**
     * x[xOff+i] *= a for i in [0, n).
     *
     * @param n number of elements
     * @param a the multiplier
     * @param x the vector scaled. Modified.
     * @param xOff offset of x's first element
     */
    public static void scal(int n, double a, double[] x, int xOff) {
        for (int i = 0; i < n; i++) {
            x[xOff + i] *= a;
        }
    }

    /**
     * The Euclidean norm sqrt(Σ_i x[xOff+i]²), without overflow or underflow: the plain sum of
     * squares is used when it is safely inside the double range, otherwise the sum of squares of
     * x / max|x| (a second pass) is rescaled.
     *
     * @param n number of elements
     * @param x the vector. Not modified.
     * @param xOff offset of x's first element
     * @return the norm
     */
    public static double nrm2(int n, double[] x, int xOff) {
        double ss = dot(n, x, xOff, x, xOff);
        if (ss > 1e-280 && ss < 1e280) {
            return Math.sqrt(ss);
        }
        double max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, Math.abs(x[xOff + i]));
        }
        if (max == 0 || Double.isInfinite(max) || Double.isNaN(ss)) {
            return Double.isNaN(ss) ? Double.NaN : max;
        }
        double inv = 1.0 / max;
        double s = 0;
        for (int i = 0; i < n; i++) {
            double t = x[xOff + i] * inv;
            s += t * t;
        }
        return max * Math.sqrt(s);
    }
}

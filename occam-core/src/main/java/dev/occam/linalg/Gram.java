package dev.occam.linalg;

import java.util.Arrays;

/**
 * Weighted Gram matrices and cross products of dense column-major matrices:
 * (X − 1cᵀ)ᵀW(X − 1cᵀ), XᵀWY and (X − 1cᵀ)·D·(X − 1cᵀ)ᵀ, where W and D are diagonal (given as
 * vectors) and c is an optional shift of each column (its mean, to centre it).
 *
 * <p>Centring: subtracting c from each value before multiplying (in a scratch copy of one block
 * at a time; X itself is never copied or modified) keeps full accuracy when a column's mean is
 * large against its spread; forming XᵀWX and subtracting (Σw)ccᵀ afterwards would cancel about
 * log10(mean²/variance) digits.
 *
 * <p>Each public method uses the native BLAS ({@code dsyrk}, {@code dgemm}) when
 * {@link NativeBlas#available()} and the problem is large enough to pay for the call, and the
 * pure-Java kernel otherwise. The pure-Java kernels copy a block of 128 rows (or columns) of X,
 * transposed, weighted and shifted, into a scratch buffer and hand it to {@link Gemm}, whose inner
 * loop is a vectorizable sum of four columns; only the lower triangle of a symmetric result is
 * computed and then mirrored. With a native BLAS, blocks of √w·(x − c) are copied to a scratch
 * buffer (weights must then be ≥ 0).
 */
public final class Gram {
    /** Rows of X copied per block (= {@link Gemm#KB}, so one block is one panel). */
    static final int BLOCK = Gemm.KB;
    /** Rows per block handed to the native dsyrk. */
    private static final int NATIVE_BLOCK = 4096;
    /** Below this many multiply-adds a native call is not worth its overhead. */
    private static final double NATIVE_MIN_WORK = 1e6;

    private Gram() { }

    /**
     * out = (X − 1cᵀ)ᵀ·diag(w)·(X − 1cᵀ), a symmetric p × p matrix (both triangles written).
     *
     * @param n rows of X
     * @param p columns of X
     * @param x matrix X (n × p). Not modified.
     * @param xOff offset of X(0,0)
     * @param ldx leading dimension of X (≥ n)
     * @param w row weights, length ≥ n, all ≥ 0; null for all 1. Not modified.
     * @param c shift c_j subtracted from column j, length ≥ p; null for none. Not modified.
     * @param out result, column-major p × p with leading dimension p. Modified.
     */
    public static void crossprod(int n, int p, double[] x, int xOff, int ldx, double[] w, double[] c, double[] out) {
        crossprod(n, p, x, xOff, ldx, w, c, null, out);
    }

    /**
     * {@link #crossprod(int, int, double[], int, int, double[], double[], double[])} with the column
     * sums Σ_i x_ij already known (for instance n × the column means), which spares the native
     * kernel one pass over X when it centres after the product.
     *
     * @param columnSums Σ_i x_ij per column, or null to compute them when needed. Not modified.
     */
    public static void crossprod(int n, int p, double[] x, int xOff, int ldx, double[] w, double[] c,
                                 double[] columnSums, double[] out) {
        if (NativeBlas.available() && (double) n * p * p >= NATIVE_MIN_WORK) {
            crossprodNative(n, p, x, xOff, ldx, w, c, columnSums, out);
        } else {
            crossprodJava(n, p, x, xOff, ldx, w, c, out);
        }
    }

    /**
     * out = Xᵀ·diag(w)·Y, a p × q matrix.
     *
     * @param n rows of X and Y
     * @param p columns of X
     * @param q columns of Y
     * @param x matrix X (n × p). Not modified.
     * @param xOff offset of X(0,0)
     * @param ldx leading dimension of X
     * @param w row weights, length ≥ n; null for all 1. Not modified.
     * @param y matrix Y (n × q). Not modified.
     * @param yOff offset of Y(0,0)
     * @param ldy leading dimension of Y
     * @param out result, column-major p × q. Modified.
     * @param outOff offset of out(0,0)
     * @param ldout leading dimension of out (≥ p)
     */
    public static void cross(int n, int p, int q, double[] x, int xOff, int ldx, double[] w,
                             double[] y, int yOff, int ldy, double[] out, int outOff, int ldout) {
        if (NativeBlas.available() && (double) n * p * q >= NATIVE_MIN_WORK) {
            crossNative(n, p, q, x, xOff, ldx, w, y, yOff, ldy, out, outOff, ldout);
        } else {
            crossJava(n, p, q, x, xOff, ldx, w, y, yOff, ldy, out, outOff, ldout);
        }
    }

    /**
     * out = (X − 1cᵀ)·diag(d)·(X − 1cᵀ)ᵀ, a symmetric n × n matrix (both triangles written):
     * Σ_j d_j (x_j − c_j)(x_j − c_j)ᵀ over the columns x_j. This is the "kernel" matrix of the
     * dual (p &gt; n) form of ridge.
     *
     * @param n rows of X
     * @param p columns of X
     * @param x matrix X (n × p). Not modified.
     * @param xOff offset of X(0,0)
     * @param ldx leading dimension of X
     * @param c shift c_j subtracted from column j, length ≥ p; null for none. Not modified.
     * @param d column weights, length ≥ p, all ≥ 0; null for all 1. Not modified.
     * @param out result, column-major n × n with leading dimension n. Modified.
     */
    public static void outer(int n, int p, double[] x, int xOff, int ldx, double[] c, double[] d, double[] out) {
        if (NativeBlas.available() && (double) n * n * p >= NATIVE_MIN_WORK) {
            outerNative(n, p, x, xOff, ldx, c, d, out);
        } else {
            outerJava(n, p, x, xOff, ldx, c, d, out);
        }
    }

    /**
     * Copies the lower triangle of a square matrix onto its upper triangle.
     *
     * @param m order of the matrix
     * @param a the matrix, column-major with leading dimension m. Modified (upper triangle).
     */
    public static void mirrorLower(int m, double[] a) {
        // Blocked so that both the column read and the row written stay in cache.
        final int b = 64;
        for (int j0 = 0; j0 < m; j0 += b) {
            int j1 = Math.min(m, j0 + b);
            for (int i0 = j0; i0 < m; i0 += b) {
                int i1 = Math.min(m, i0 + b);
                for (int j = j0; j < j1; j++) {
                    for (int i = Math.max(i0, j + 1); i < i1; i++) {
                        a[j + i * m] = a[i + j * m];
                    }
                }
            }
        }
    }

    // ---- pure Java -------------------------------------------------------------------------

    /** Pure-Java {@link #crossprod}. Same arguments. */
    static void crossprodJava(int n, int p, double[] x, int xOff, int ldx, double[] w, double[] c, double[] out) {
        if (n == 0) {
            Arrays.fill(out, 0, p * p, 0.0);
            return;
        }
        int b = Math.min(BLOCK, n);
        double[] t = new double[p * b];
        double[] shifted = c == null ? null : new double[b * p];
        double beta = 0.0;
        for (int i0 = 0; i0 < n; i0 += b) {
            int rows = Math.min(b, n - i0);
            transposeWeighted(rows, p, x, xOff + i0, ldx, w, i0, c, t);
            if (c == null) {
                // out(lower) += tᵀ-block · X-block, t being p × rows (leading dimension p).
                Gemm.multiplyLower(p, rows, t, 0, p, x, xOff + i0, ldx, beta, out, 0, p);
            } else {
                copyShifted(rows, p, x, xOff + i0, ldx, c, shifted);
                Gemm.multiplyLower(p, rows, t, 0, p, shifted, 0, rows, beta, out, 0, p);
            }
            beta = 1.0;
        }
        mirrorLower(p, out);
    }

    /** Pure-Java {@link #cross}. Same arguments. */
    static void crossJava(int n, int p, int q, double[] x, int xOff, int ldx, double[] w,
                          double[] y, int yOff, int ldy, double[] out, int outOff, int ldout) {
        if (n == 0) {
            for (int j = 0; j < q; j++) Arrays.fill(out, outOff + j * ldout, outOff + j * ldout + p, 0.0);
            return;
        }
        int b = Math.min(BLOCK, n);
        double[] t = new double[p * b];
        double beta = 0.0;
        for (int i0 = 0; i0 < n; i0 += b) {
            int rows = Math.min(b, n - i0);
            transposeWeighted(rows, p, x, xOff + i0, ldx, w, i0, null, t);
            Gemm.multiplyJava(p, q, rows, t, 0, p, y, yOff + i0, ldy, beta, out, outOff, ldout);
            beta = 1.0;
        }
    }

    /** Pure-Java {@link #outer}. Same arguments. */
    static void outerJava(int n, int p, double[] x, int xOff, int ldx, double[] c, double[] d, double[] out) {
        if (p == 0) {
            Arrays.fill(out, 0, n * n, 0.0);
            return;
        }
        int b = Math.min(BLOCK, p);
        double[] t = new double[b * n];
        double[] shifted = c == null ? null : new double[n * b];
        double beta = 0.0;
        for (int j0 = 0; j0 < p; j0 += b) {
            int cols = Math.min(b, p - j0);
            // t = diag(d)·(X − 1cᵀ)ᵀ for columns [j0, j0+cols): cols × n, leading dimension cols.
            for (int jj = 0; jj < cols; jj++) {
                double dj = d == null ? 1.0 : d[j0 + jj];
                double cj = c == null ? 0.0 : c[j0 + jj];
                int col = xOff + (j0 + jj) * ldx;
                for (int i = 0; i < n; i++) {
                    t[jj + i * cols] = dj * (x[col + i] - cj);
                }
                if (c != null) {
                    for (int i = 0; i < n; i++) shifted[i + jj * n] = x[col + i] - cj;
                }
            }
            if (c == null) {
                Gemm.multiplyLower(n, cols, x, xOff + j0 * ldx, ldx, t, 0, cols, beta, out, 0, n);
            } else {
                Gemm.multiplyLower(n, cols, shifted, 0, n, t, 0, cols, beta, out, 0, n);
            }
            beta = 1.0;
        }
        mirrorLower(n, out);
    }

    /** t (p × rows, leading dimension p) = (diag(w)·(X-block − 1cᵀ))ᵀ, w read from wOff on. */
    private static void transposeWeighted(int rows, int p, double[] x, int xOff, int ldx, double[] w, int wOff,
                                          double[] c, double[] t) {
        for (int j = 0; j < p; j++) {
            int col = xOff + j * ldx;
            double cj = c == null ? 0.0 : c[j];
            if (w == null) {
                for (int r = 0; r < rows; r++) t[j + r * p] = x[col + r] - cj;
            } else {
                for (int r = 0; r < rows; r++) t[j + r * p] = w[wOff + r] * (x[col + r] - cj);
            }
        }
    }

    /** s (rows × p, leading dimension rows) = X-block − 1cᵀ. */
    private static void copyShifted(int rows, int p, double[] x, int xOff, int ldx, double[] c, double[] s) {
        for (int j = 0; j < p; j++) {
            int col = xOff + j * ldx;
            double cj = c[j];
            for (int r = 0; r < rows; r++) s[r + j * rows] = x[col + r] - cj;
        }
    }

    // ---- native BLAS -----------------------------------------------------------------------

    /** {@link #crossprod} through dsyrk. Same arguments; requires {@link NativeBlas#available()}. */
    static void crossprodNative(int n, int p, double[] x, int xOff, int ldx, double[] w, double[] c, double[] out) {
        crossprodNative(n, p, x, xOff, ldx, w, c, null, out);
    }

    /** {@link #crossprodNative} with known column sums (null: computed when needed). */
    static void crossprodNative(int n, int p, double[] x, int xOff, int ldx, double[] w, double[] c, double[] columnSums,
                                double[] out) {
        var blas = NativeBlas.get();
        if (n == 0) {
            Arrays.fill(out, 0, p * p, 0.0);
            return;
        }
        if (w == null && c == null) {
            blas.dsyrk("L", "T", p, n, 1.0, x, xOff, ldx, 0.0, out, 0, p);
        } else if (!crossprodUniformShifted(n, p, x, xOff, ldx, w, c, columnSums, out)) {
            int b = Math.min(NATIVE_BLOCK, n);
            double[] s = new double[b * p];
            double[] f = new double[b];
            double beta = 0.0;
            for (int i0 = 0; i0 < n; i0 += b) {
                int rows = Math.min(b, n - i0);
                for (int r = 0; r < rows; r++) f[r] = w == null ? 1.0 : Math.sqrt(w[i0 + r]);
                scaleRows(rows, p, x, xOff + i0, ldx, f, c, s);
                blas.dsyrk("L", "T", p, rows, 1.0, s, 0, rows, beta, out, 0, p);
                beta = 1.0;
            }
        }
        mirrorLower(p, out);
    }

    /** Largest growth Σx²/Σ(x − c)² of a diagonal entry for which centring after the product is accepted. */
    private static final double MAX_CENTRING_GROWTH = 16.0;

    /**
     * The lower triangle of {@link #crossprod} for equal weights, straight from X: one dsyrk on X
     * itself (no scaled copy to write and read again), then centring by the column sums,
     * Σ(x_j − c_j)(x_k − c_k) = G_jk − c_k s_j − c_j s_k + n c_j c_k. That subtraction loses
     * log2(Σx_j²/Σ(x_j − c_j)²) bits of the centred entries, so it is kept only when no diagonal
     * grows by more than {@link #MAX_CENTRING_GROWTH} (4 bits); otherwise returns false and the
     * caller centres a copy before multiplying.
     */
    private static boolean crossprodUniformShifted(int n, int p, double[] x, int xOff, int ldx, double[] w, double[] c,
                                                   double[] columnSums, double[] out) {
        double weight = w == null ? 1.0 : w[0];
        for (int i = 1; i < n && w != null; i++) {
            if (w[i] != weight) return false;
        }
        var blas = NativeBlas.get();
        double[] sums = columnSums;
        if (sums == null) {
            sums = new double[p];
            double[] ones = new double[n];
            Arrays.fill(ones, 1.0);
            blas.dgemv("T", n, p, 1.0, x, xOff, ldx, ones, 0, 1, 0.0, sums, 0, 1);
        }
        blas.dsyrk("L", "T", p, n, 1.0, x, xOff, ldx, 0.0, out, 0, p);
        double[] shift = c == null ? new double[p] : c;
        for (int j = 0; j < p; j++) {
            double raw = out[j + j * p];
            double centred = raw - 2 * shift[j] * sums[j] + n * shift[j] * shift[j];
            if (!(centred > 0) ? raw != 0 : raw > MAX_CENTRING_GROWTH * centred) return false;
        }
        for (int k = 0; k < p; k++) {
            for (int j = k; j < p; j++) {
                out[j + k * p] = weight * (out[j + k * p] - shift[k] * sums[j] - shift[j] * sums[k] + n * shift[j] * shift[k]);
            }
        }
        return true;
    }

    /** {@link #cross} through dgemm. Same arguments; requires {@link NativeBlas#available()}. */
    static void crossNative(int n, int p, int q, double[] x, int xOff, int ldx, double[] w,
                            double[] y, int yOff, int ldy, double[] out, int outOff, int ldout) {
        var blas = NativeBlas.get();
        if (n == 0) {
            for (int j = 0; j < q; j++) Arrays.fill(out, outOff + j * ldout, outOff + j * ldout + p, 0.0);
            return;
        }
        if (w == null) {
            blas.dgemm("T", "N", p, q, n, 1.0, x, xOff, ldx, y, yOff, ldy, 0.0, out, outOff, ldout);
        } else {
            int b = Math.min(NATIVE_BLOCK, n);
            double[] s = new double[b * p];
            double[] f = new double[b];
            double beta = 0.0;
            for (int i0 = 0; i0 < n; i0 += b) {
                int rows = Math.min(b, n - i0);
                System.arraycopy(w, i0, f, 0, rows);
                scaleRows(rows, p, x, xOff + i0, ldx, f, null, s);
                blas.dgemm("T", "N", p, q, rows, 1.0, s, 0, rows, y, yOff + i0, ldy, beta, out, outOff, ldout);
                beta = 1.0;
            }
        }
    }

    /** {@link #outer} through dsyrk. Same arguments; requires {@link NativeBlas#available()}. */
    static void outerNative(int n, int p, double[] x, int xOff, int ldx, double[] c, double[] d, double[] out) {
        var blas = NativeBlas.get();
        if (p == 0) {
            Arrays.fill(out, 0, n * n, 0.0);
            return;
        }
        if (d == null && c == null) {
            blas.dsyrk("L", "N", n, p, 1.0, x, xOff, ldx, 0.0, out, 0, n);
        } else {
            int b = Math.min(256, p);
            double[] s = new double[n * b];
            double beta = 0.0;
            for (int j0 = 0; j0 < p; j0 += b) {
                int cols = Math.min(b, p - j0);
                for (int jj = 0; jj < cols; jj++) {
                    double r = d == null ? 1.0 : Math.sqrt(d[j0 + jj]);
                    double cj = c == null ? 0.0 : c[j0 + jj];
                    int col = xOff + (j0 + jj) * ldx;
                    for (int i = 0; i < n; i++) s[i + jj * n] = r * (x[col + i] - cj);
                }
                blas.dsyrk("L", "N", n, cols, 1.0, s, 0, n, beta, out, 0, n);
                beta = 1.0;
            }
        }
        mirrorLower(n, out);
    }

    /** s (rows × p, leading dimension rows) = diag(f)·(X-block − 1cᵀ); c may be null. */
    private static void scaleRows(int rows, int p, double[] x, int xOff, int ldx, double[] f, double[] c, double[] s) {
        for (int j = 0; j < p; j++) {
            int col = xOff + j * ldx;
            double cj = c == null ? 0.0 : c[j];
            for (int r = 0; r < rows; r++) {
                s[r + j * rows] = f[r] * (x[col + r] - cj);
            }
        }
    }
}

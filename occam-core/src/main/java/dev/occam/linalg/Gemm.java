package dev.occam.linalg;

/**
 * General matrix products C = β·C + A·B of column-major matrices (see the package conventions for
 * offsets and leading dimensions). {@link #multiply} calls the native BLAS's dgemm for large
 * products when {@link NativeBlas#available()}; everything else is pure Java.
 *
 * <p>The loops are blocked so that a panel of A (256 rows × 128 columns, 256 KB) stays in the L2
 * cache while every column of B passes over it, and the innermost loop adds four columns of A to
 * one column of C at a time: five loads, one store and four multiply-adds per element, a
 * contiguous counted loop that the JIT turns into vector instructions (the panel is packed first;
 * see {@code accumulate}). {@link Gram} uses the same
 * kernel for XᵀWX; 
 */
public final class Gemm {
    /** Rows of A per panel. */
    static final int MB = 256;
    /** Columns of A (rows of B) per panel. */
    static final int KB = 128;

    private Gemm() { }

    /**
     * C = β·C + A·B, with A m × k, B k × n and C m × n.
     *
     * @param m rows of A and C
     * @param n columns of B and C
     * @param k columns of A, rows of B
     * @param a matrix A. Not modified.
     * @param aOff offset of A(0,0)
     * @param lda leading dimension of A (≥ m)
     * @param b matrix B. Not modified.
     * @param bOff offset of B(0,0)
     * @param ldb leading dimension of B (≥ k)
     * @param beta multiplier of the old C; 0 means C's old contents (even NaN) are ignored
     * @param c matrix C; must not overlap A or B. Modified.
     * @param cOff offset of C(0,0)
     * @param ldc leading dimension of C (≥ m)
     */
    public static void multiply(int m, int n, int k, double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                                double beta, double[] c, int cOff, int ldc) {
        if (NativeBlas.available() && (double) m * n * k >= 1e6) {
            NativeBlas.get().dgemm("N", "N", m, n, k, 1.0, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        } else {
            multiplyJava(m, n, k, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        }
    }

    /** Pure-Java {@link #multiply}. Same arguments. */
    static void multiplyJava(int m, int n, int k, double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                             double beta, double[] c, int cOff, int ldc) {
        scaleColumns(m, n, beta, c, cOff, ldc, false);
        accumulate(m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, false);
    }

    /**
     * The lower triangle (rows i ≥ j of every column j) of C = β·C + A·B, with A m × k, B k × m
     * and C m × m. Elements above the diagonal of C are neither read nor written. Used when A·B is
     * known to be symmetric (A = Bᵀ up to a diagonal weighting), which halves the work.
     *
     * @param m rows of A, columns of B, order of C
     * @param k columns of A, rows of B
     * @param a matrix A. Not modified.
     * @param aOff offset of A(0,0)
     * @param lda leading dimension of A (≥ m)
     * @param b matrix B. Not modified.
     * @param bOff offset of B(0,0)
     * @param ldb leading dimension of B (≥ k)
     * @param beta multiplier of the old C; 0 means C's old lower triangle is ignored
     * @param c matrix C; must not overlap A or B. Modified (lower triangle only).
     * @param cOff offset of C(0,0)
     * @param ldc leading dimension of C (≥ m)
     */
    public static void multiplyLower(int m, int k, double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                                     double beta, double[] c, int cOff, int ldc) {
        scaleColumns(m, m, beta, c, cOff, ldc, true);
        accumulate(m, m, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, true);
    }

    /** C = β·C (all of C, or its lower triangle). */
    private static void scaleColumns(int m, int n, double beta, double[] c, int cOff, int ldc, boolean lower) {
        if (beta == 1.0) {
            return;
        }
        for (int j = 0; j < n; j++) {
            int col = cOff + j * ldc;
            for (int i = lower ? j : 0; i < m; i++) {
                // β = 0 overwrites, so that stale NaN or ∞ in C do not survive as 0·NaN.
                c[col + i] = beta == 0.0 ? 0.0 : beta * c[col + i];
            }
        }
    }

    /**
     * C += A·B (all of C, or its lower triangle), blocked over rows of A and columns of A.
     *
     * <p>Each panel of A is first packed into separate arrays, one per column, and each column of
     * C is accumulated in a separate array: HotSpot's auto-vectorizer (JDK 17) only vectorizes a
     * loop whose array accesses share one index expression, and accesses at different offsets
     * into the same array (columns of a column-major matrix) defeat it. Packing costs one copy
     * per panel against 128 multiply-adds per copied element.
     */
    private static void accumulate(int m, int n, int k, double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                                   double[] c, int cOff, int ldc, boolean lower) {
        if (m == 0 || n == 0 || k == 0) {
            return;
        }
        int mb = Math.min(MB, m);
        int kb = Math.min(KB, k);
        double[][] panel = new double[kb][mb];
        double[] acc = new double[mb];
        double[] acc2 = new double[mb];
        for (int k0 = 0; k0 < k; k0 += KB) {
            int k1 = Math.min(k, k0 + KB);
            for (int i0 = 0; i0 < m; i0 += MB) {
                int i1 = Math.min(m, i0 + MB);
                // In lower mode, columns j ≥ i1 have no rows in [i0, i1) on or below the diagonal.
                int jEnd = lower ? Math.min(n, i1) : n;
                if (jEnd == 0) {
                    continue;
                }
                int len = i1 - i0;
                for (int kk = k0; kk < k1; kk++) {
                    System.arraycopy(a, aOff + i0 + kk * lda, panel[kk - k0], 0, len);
                }
                int j = 0;
                for (; j + 1 < jEnd; j += 2) {
                    // Two columns of C share every load of the panel. In lower mode the first
                    // column may start one row above the second: the pair starts at the first's
                    // start, and the extra element of the second column is restored afterwards.
                    int from = lower ? Math.max(i0, j) - i0 : 0;
                    int c0 = cOff + i0 + j * ldc;
                    int c1 = c0 + ldc;
                    System.arraycopy(c, c0 + from, acc, from, len - from);
                    System.arraycopy(c, c1 + from, acc2, from, len - from);
                    panelTwoColumns(from, len, k1 - k0, panel, b, bOff + k0 + j * ldb, bOff + k0 + (j + 1) * ldb, acc, acc2);
                    System.arraycopy(acc, from, c, c0 + from, len - from);
                    int from1 = lower ? Math.max(i0, j + 1) - i0 : 0;
                    System.arraycopy(acc2, from1, c, c1 + from1, len - from1);
                }
                for (; j < jEnd; j++) {
                    int from = lower ? Math.max(i0, j) - i0 : 0;
                    int cCol = cOff + i0 + j * ldc;
                    System.arraycopy(c, cCol + from, acc, from, len - from);
                    panelColumn(from, len, k1 - k0, panel, b, bOff + k0 + j * ldb, acc);
                    System.arraycopy(acc, from, c, cCol + from, len - from);
                }
            }
        }
    }

    /** {@link #panelColumn} for two columns of B and C at once (b0Col, acc0 and b1Col, acc1). */
    private static void panelTwoColumns(int from, int len, int kCount, double[][] panel, double[] b, int b0Col, int b1Col,
                                        double[] acc0, double[] acc1) {
        int kk = 0;
        for (; kk + 3 < kCount; kk += 4) {
            double p0 = b[b0Col + kk];
            double p1 = b[b0Col + kk + 1];
            double p2 = b[b0Col + kk + 2];
            double p3 = b[b0Col + kk + 3];
            double q0 = b[b1Col + kk];
            double q1 = b[b1Col + kk + 1];
            double q2 = b[b1Col + kk + 2];
            double q3 = b[b1Col + kk + 3];
            double[] a0 = panel[kk];
            double[] a1 = panel[kk + 1];
            double[] a2 = panel[kk + 2];
            double[] a3 = panel[kk + 3];
            for (int i = from; i < len; i++) {
                double x0 = a0[i];
                double x1 = a1[i];
                double x2 = a2[i];
                double x3 = a3[i];
                acc0[i] += x0 * p0 + x1 * p1 + x2 * p2 + x3 * p3;
                acc1[i] += x0 * q0 + x1 * q1 + x2 * q2 + x3 * q3;
            }
        }
        for (; kk < kCount; kk++) {
            double pk = b[b0Col + kk];
            double qk = b[b1Col + kk];
            double[] a0 = panel[kk];
            for (int i = from; i < len; i++) {
                acc0[i] += a0[i] * pk;
                acc1[i] += a0[i] * qk;
            }
        }
    }

    /**
     * acc[i] += Σ_kk panel[kk][i]·b[bCol + kk] for i in [from, len): one column of C from one
     * packed panel of A.
     */
    private static void panelColumn(int from, int len, int kCount, double[][] panel, double[] b, int bCol, double[] acc) {
        int kk = 0;
        for (; kk + 3 < kCount; kk += 4) {
            double b0 = b[bCol + kk];
            double b1 = b[bCol + kk + 1];
            double b2 = b[bCol + kk + 2];
            double b3 = b[bCol + kk + 3];
            double[] a0 = panel[kk];
            double[] a1 = panel[kk + 1];
            double[] a2 = panel[kk + 2];
            double[] a3 = panel[kk + 3];
            for (int i = from; i < len; i++) {
                acc[i] += a0[i] * b0 + a1[i] * b1 + a2[i] * b2 + a3[i] * b3;
            }
        }
        for (; kk < kCount; kk++) {
            double bk = b[bCol + kk];
            double[] a0 = panel[kk];
            for (int i = from; i < len; i++) {
                acc[i] += a0[i] * bk;
            }
        }
    }
}

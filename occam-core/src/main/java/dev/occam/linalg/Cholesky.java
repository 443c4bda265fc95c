package dev.occam.linalg;

/**
 * Cholesky factorization A = L·Lᵀ of a symmetric positive definite matrix, in place, and the
 * solves that use it. Column-major storage (see the package conventions).
 *
 * <p>The factorization is blocked (right-looking, blocks of {@value #NB} columns): the diagonal
 * block and the panel below it are factored with simple loops, and the trailing matrix is updated
 * by one {@link Gemm#multiplyLower} per block, where nearly all the work (n³/3 multiply-adds) is done.
 *
 * <p>A pivot is accepted when it exceeds n·ε times the original diagonal element of its column
 * (ε = 2⁻⁵²); a smaller pivot means A is singular or indefinite to working precision, and the
 * factorization stops with a {@link NotPositiveDefiniteException} naming the column.
 */
public final class Cholesky {
    /** Columns per block. */
    static final int NB = 64;

    private Cholesky() { }

    /**
     * Overwrites the lower triangle of A with L, where A = L·Lᵀ. Only the lower triangle of A is
     * read; the strict upper triangle is left as it was.
     *
     * @param n order of A
     * @param a symmetric positive definite matrix (lower triangle used). Modified: lower triangle
     *          holds L on return (also when an exception is thrown, partly).
     * @param aOff offset of A(0,0)
     * @param lda leading dimension of A (≥ n)
     * @throws NotPositiveDefiniteException if a pivot is not safely positive
     */
    public static void factor(int n, double[] a, int aOff, int lda) {
        double[] diag = new double[n];
        for (int j = 0; j < n; j++) {
            diag[j] = a[aOff + j + j * lda];
        }
        double tol = n * 0x1p-52;
        double[] neg = null;
        for (int k0 = 0; k0 < n; k0 += NB) {
            int k1 = Math.min(n, k0 + NB);
            // Factor columns k0..k1 (the diagonal block and the panel below it) by the left-looking
            // column method restricted to this block; earlier blocks were already subtracted.
            for (int j = k0; j < k1; j++) {
                int colJ = aOff + j * lda;
                for (int t = k0; t < j; t++) {
                    double ljt = a[aOff + j + t * lda];
                    if (ljt != 0.0) {
                        int colT = aOff + t * lda;
                        for (int i = j; i < n; i++) {
                            a[colJ + i] -= ljt * a[colT + i];
                        }
                    }
                }
                double d = a[colJ + j];
                if (!(d > tol * diag[j])) {
                    throw new NotPositiveDefiniteException(j, d, diag[j]);
                }
                double ljj = Math.sqrt(d);
                a[colJ + j] = ljj;
                double inv = 1.0 / ljj;
                for (int i = j + 1; i < n; i++) {
                    a[colJ + i] *= inv;
                }
            }
            int m = n - k1;
            if (m > 0) {
                // Trailing update A22 -= L21·L21ᵀ (lower triangle), with L21 = A[k1:n, k0:k1].
                int w = k1 - k0;
                if (neg == null) {
                    neg = new double[NB * m];
                }
                for (int t = 0; t < w; t++) {
                    int colT = aOff + (k0 + t) * lda + k1;
                    for (int i = 0; i < m; i++) {
                        neg[t + i * w] = -a[colT + i];
                    }
                }
                Gemm.multiplyLower(m, w, a, aOff + k1 + k0 * lda, lda, neg, 0, w, 1.0, a, aOff + k1 + k1 * lda, lda);
            }
        }
    }

    /**
     * (max/min of the factor's diagonal)²: a lower bound on the condition number of the matrix L
     * factors (its eigenvalues span at least the range of the squared pivots); +∞ for a zero pivot,
     * 1 for n = 0.
     */
    public static double conditionEstimate(int n, double[] l, int lOff, int ldl) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (int q = 0; q < n; q++) {
            double v = Math.abs(l[lOff + q * ldl + q]);
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (n == 0) return 1.0;
        return lo > 0 ? (hi / lo) * (hi / lo) : Double.POSITIVE_INFINITY;
    }

    /**
     * Solves A·x = b given the factor L of A (from {@link #factor}): forward substitution with L,
     * then back substitution with Lᵀ.
     *
     * @param n order of A
     * @param l the factor L (lower triangle). Not modified.
     * @param lOff offset of L(0,0)
     * @param ldl leading dimension of L
     * @param b right-hand side on entry, solution x on return. Modified.
     * @param bOff offset of b's first element
     */
    public static void solve(int n, double[] l, int lOff, int ldl, double[] b, int bOff) {
        solveLower(n, l, lOff, ldl, b, bOff);
        solveLowerTransposed(n, l, lOff, ldl, b, bOff);
    }

    /**
     * Solves A·X = B for several right-hand sides (the columns of B).
     *
     * @param n order of A
     * @param nrhs number of right-hand sides
     * @param l the factor L. Not modified.
     * @param lOff offset of L(0,0)
     * @param ldl leading dimension of L
     * @param b right-hand sides (n × nrhs) on entry, solutions on return. Modified.
     * @param bOff offset of B(0,0)
     * @param ldb leading dimension of B
     */
    public static void solve(int n, int nrhs, double[] l, int lOff, int ldl, double[] b, int bOff, int ldb) {
        for (int c = 0; c < nrhs; c++) {
            solve(n, l, lOff, ldl, b, bOff + c * ldb);
        }
    }

    /**
     * Solves L·y = b (forward substitution).
     *
     * @param n order of L
     * @param l lower-triangular L. Not modified.
     * @param lOff offset of L(0,0)
     * @param ldl leading dimension of L
     * @param b b on entry, y on return. Modified.
     * @param bOff offset of b's first element
     */
    public static void solveLower(int n, double[] l, int lOff, int ldl, double[] b, int bOff) {
        for (int j = 0; j < n; j++) {
            int col = lOff + j * ldl;
            double yj = b[bOff + j] / l[col + j];
            b[bOff + j] = yj;
            if (yj != 0.0) Blas1.axpy(n - j - 1, -yj, l, col + j + 1, b, bOff + j + 1);
        }
    }

    /**
     * Solves Lᵀ·x = y (back substitution).
     *
     * @param n order of L
     * @param l lower-triangular L. Not modified.
     * @param lOff offset of L(0,0)
     * @param ldl leading dimension of L
     * @param b y on entry, x on return. Modified.
     * @param bOff offset of b's first element
     */
    public static void solveLowerTransposed(int n, double[] l, int lOff, int ldl, double[] b, int bOff) {
        for (int j = n - 1; j >= 0; j--) {
            int col = lOff + j * ldl;
            double s = b[bOff + j] - Blas1.dot(n - j - 1, l, col + j + 1, b, bOff + j + 1);
            b[bOff + j] = s / l[col + j];
        }
    }

    /**
     * Turns the factor L of A (order n) into the factor of A + x·xᵀ, in place, by Givens-like
     * rotations (n² multiply-adds): the update that deleting a row and column of a factored matrix
     * needs ({@link #delete}).
     *
     * @param x the update vector (length n from {@code xOff}). Destroyed.
     */
    public static void rankOneUpdate(int n, double[] l, int lOff, int ldl, double[] x, int xOff) {
        for (int k = 0; k < n; k++) {
            int col = lOff + k * ldl;
            double lkk = l[col + k];
            double xk = x[xOff + k];
            double r = Math.hypot(lkk, xk);
            double c = r / lkk;
            double s = xk / lkk;
            l[col + k] = r;
            for (int i = k + 1; i < n; i++) {
                double li = (l[col + i] + s * x[xOff + i]) / c;
                x[xOff + i] = c * x[xOff + i] - s * li;
                l[col + i] = li;
            }
        }
    }

    /**
     * Turns the factor L of A (order n) into the factor of A − x·xᵀ, in place, by hyperbolic
     * rotations (n² multiply-adds).
     *
     * @param x the downdate vector (length n from {@code xOff}). Destroyed.
     * @return false when A − x·xᵀ is not safely positive definite (a pivot below n·ε times its old
     *         value); L is then partly modified and must be formed anew
     */
    public static boolean rankOneDowndate(int n, double[] l, int lOff, int ldl, double[] x, int xOff) {
        for (int k = 0; k < n; k++) {
            int col = lOff + k * ldl;
            double lkk = l[col + k];
            double xk = x[xOff + k];
            double r2 = (lkk - xk) * (lkk + xk);
            if (!(r2 > n * 0x1p-52 * lkk * lkk)) return false;
            double r = Math.sqrt(r2);
            double c = r / lkk;
            double s = xk / lkk;
            l[col + k] = r;
            for (int i = k + 1; i < n; i++) {
                double li = (l[col + i] - s * x[xOff + i]) / c;
                x[xOff + i] = c * x[xOff + i] - s * li;
                l[col + i] = li;
            }
        }
        return true;
    }

    /**
     * Turns the factor L of A (order n, lower triangle, column-major with leading dimension ldl
     * from offset 0) into the factor of A without its row and column q, in place: the rows and
     * columns after q move up and left by one and the trailing block takes a rank-one update with
     * the removed column's part below the diagonal — O((n − q)²) work instead of a new factorization.
     */
    public static void delete(int n, double[] l, int ldl, int q) {
        double[] x = new double[n - q - 1];
        for (int i = q + 1; i < n; i++) x[i - q - 1] = l[i + q * ldl];
        // columns before q lose row q
        for (int k = 0; k < q; k++) {
            int col = k * ldl;
            System.arraycopy(l, col + q + 1, l, col + q, n - q - 1);
        }
        // columns after q move left by one column and up by one row
        for (int k = q + 1; k < n; k++) {
            System.arraycopy(l, k * ldl + k, l, (k - 1) * ldl + k - 1, n - k);
        }
        rankOneUpdate(n - q - 1, l, q * ldl + q, ldl, x, 0);
    }

    /**
     * Extends the factor L of A (order n) to the factor of A bordered by one more row and column,
     * in place (n²/2 multiply-adds): L's new last row y solves L·y = a, its diagonal is
     * √(a_nn − yᵀy).
     *
     * @param a the new column of the bordered matrix, length n + 1 (its diagonal last). Destroyed.
     * @return false, with L unchanged, when the bordered matrix is not safely positive definite
     *         (the new pivot below n·ε times a_nn, as {@link #factor} requires)
     */
    public static boolean append(int n, double[] l, int ldl, double[] a) {
        double ann = a[n];
        solveLower(n, l, 0, ldl, a, 0);
        double d2 = ann - Blas1.dot(n, a, 0, a, 0);
        if (!(d2 > (n + 1) * 0x1p-52 * ann)) return false;
        for (int k = 0; k < n; k++) l[n + k * ldl] = a[k];
        l[n + n * ldl] = Math.sqrt(d2);
        return true;
    }
}

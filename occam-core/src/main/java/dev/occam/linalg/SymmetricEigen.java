package dev.occam.linalg;

/**
 * Eigendecomposition A = V·Λ·Vᵀ of a real symmetric matrix: Householder reduction to tridiagonal
 * form followed by the implicit QL algorithm with Wilkinson-type shifts (the EISPACK procedures
 * {@code tred2} and {@code tql2}, as in Wilkinson and Reinsch's Handbook for Automatic Computation
 * and the public-domain JAMA), written for column-major storage so that the inner loops run down
 * columns.
 *
 * <p>Cost about 9n³ flops: for the ridge path, where it is done once for the p × p matrix X̃ᵀUX̃
 * (or the n × n matrix X̃X̃ᵀ when p &gt; n), this is small next to forming the matrix itself
 * when n ≫ p.
 */
public final class SymmetricEigen {
    /** Limit on QL iterations per eigenvalue (typically 1–2 are needed). */
    private static final int MAX_ITERATIONS = 60;

    private SymmetricEigen() { }

    /**
     * Computes all eigenvalues and eigenvectors of a symmetric n × n matrix.
     *
     * @param n order of the matrix
     * @param a on entry the symmetric matrix (only the lower triangle is read), column-major with
     *          leading dimension n; on return the orthonormal eigenvectors, column k belonging to
     *          values[k]. Modified.
     * @param values the n eigenvalues in increasing order on return. Modified.
     * @throws ArithmeticException if the QL iteration does not converge (it always does for finite
     *         input) or the input contains NaN or ∞
     */
    public static void decompose(int n, double[] a, double[] values) {
        if (n == 0) {
            return;
        }
        for (int j = 0; j < n; j++) {
            for (int i = j; i < n; i++) {
                double v = a[i + j * n];
                if (!Double.isFinite(v)) {
                    throw new ArithmeticException("matrix element (" + i + ", " + j + ") is " + v);
                }
            }
        }
        // Work on one array per column: HotSpot vectorizes a loop only when all its array accesses
        // share one index expression, which columns at different offsets of one array do not.
        double[][] v = new double[n][];
        for (int j = 0; j < n; j++) {
            v[j] = java.util.Arrays.copyOfRange(a, j * n, j * n + n);
        }
        double[] e = new double[n];
        tridiagonalize(n, v, values, e);
        diagonalize(n, v, values, e);
        sortIncreasing(n, v, values);
        for (int j = 0; j < n; j++) {
            System.arraycopy(v[j], 0, a, j * n, n);
        }
    }

    /**
     * Householder reduction to tridiagonal form (tred2). On return d holds the diagonal, e[1..n)
     * the sub-diagonal, and v the orthogonal transformation.
     */
    private static void tridiagonalize(int n, double[][] v, double[] d, double[] e) {
        for (int j = 0; j < n; j++) {
            d[j] = v[j][n - 1];
        }
        for (int i = n - 1; i > 0; i--) {
            double scale = 0.0;
            double h = 0.0;
            for (int k = 0; k < i; k++) {
                scale += Math.abs(d[k]);
            }
            if (scale == 0.0) {
                e[i] = d[i - 1];
                for (int j = 0; j < i; j++) {
                    d[j] = v[j][i - 1];
                    v[j][i] = 0.0;
                    v[i][j] = 0.0;
                }
            } else {
                // Householder vector from row i of the remaining lower triangle (scaled against
                // underflow).
                for (int k = 0; k < i; k++) {
                    d[k] /= scale;
                    h += d[k] * d[k];
                }
                double f = d[i - 1];
                double g = Math.sqrt(h);
                if (f > 0) {
                    g = -g;
                }
                e[i] = scale * g;
                h -= f * g;
                d[i - 1] = f - g;
                for (int j = 0; j < i; j++) {
                    e[j] = 0.0;
                }
                // e = A·u over the leading i × i block (lower triangle, column by column).
                for (int j = 0; j < i; j++) {
                    double[] colJ = v[j];
                    f = d[j];
                    v[i][j] = f;
                    g = e[j] + colJ[j] * f;
                    for (int k = j + 1; k <= i - 1; k++) {
                        g += colJ[k] * d[k];
                        e[k] += colJ[k] * f;
                    }
                    e[j] = g;
                }
                f = 0.0;
                for (int j = 0; j < i; j++) {
                    e[j] /= h;
                    f += e[j] * d[j];
                }
                double hh = f / (h + h);
                for (int j = 0; j < i; j++) {
                    e[j] -= hh * d[j];
                }
                // Rank-two update A ← A − u·eᵀ − e·uᵀ of the lower triangle.
                for (int j = 0; j < i; j++) {
                    double[] colJ = v[j];
                    f = d[j];
                    g = e[j];
                    for (int k = j; k <= i - 1; k++) {
                        colJ[k] -= f * e[k] + g * d[k];
                    }
                    d[j] = colJ[i - 1];
                    colJ[i] = 0.0;
                }
            }
            d[i] = h;
        }
        // Accumulate the transformations into v.
        for (int i = 0; i < n - 1; i++) {
            double[] colI = v[i];
            double[] colNext = v[i + 1];
            colI[n - 1] = colI[i];
            colI[i] = 1.0;
            double h = d[i + 1];
            if (h != 0.0) {
                for (int k = 0; k <= i; k++) {
                    d[k] = colNext[k] / h;
                }
                for (int j = 0; j <= i; j++) {
                    double[] colJ = v[j];
                    double g = 0.0;
                    for (int k = 0; k <= i; k++) {
                        g += colNext[k] * colJ[k];
                    }
                    for (int k = 0; k <= i; k++) {
                        colJ[k] -= g * d[k];
                    }
                }
            }
            for (int k = 0; k <= i; k++) {
                colNext[k] = 0.0;
            }
        }
        for (int j = 0; j < n; j++) {
            d[j] = v[j][n - 1];
            v[j][n - 1] = 0.0;
        }
        v[n - 1][n - 1] = 1.0;
        e[0] = 0.0;
    }

    /** Implicit QL iterations on the tridiagonal matrix (tql2), rotating the columns of v. */
    private static void diagonalize(int n, double[][] v, double[] d, double[] e) {
        for (int i = 1; i < n; i++) {
            e[i - 1] = e[i];
        }
        e[n - 1] = 0.0;
        double f = 0.0;
        double tst1 = 0.0;
        final double eps = 0x1p-52;
        for (int l = 0; l < n; l++) {
            // Find a negligible sub-diagonal element: the matrix splits there.
            tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
            int m = l;
            while (m < n - 1 && Math.abs(e[m]) > eps * tst1) {
                m++;
            }
            if (m > l) {
                int iter = 0;
                do {
                    if (++iter > MAX_ITERATIONS) {
                        throw new ArithmeticException("symmetric eigendecomposition did not converge for eigenvalue " + l);
                    }
                    // Shift from the leading 2 × 2 block.
                    double g = d[l];
                    double p = (d[l + 1] - g) / (2.0 * e[l]);
                    double r = hypot(p, 1.0);
                    if (p < 0) {
                        r = -r;
                    }
                    d[l] = e[l] / (p + r);
                    d[l + 1] = e[l] * (p + r);
                    double dl1 = d[l + 1];
                    double h = g - d[l];
                    for (int i = l + 2; i < n; i++) {
                        d[i] -= h;
                    }
                    f += h;
                    // Implicit QL transformation, chasing the bulge from m up to l.
                    p = d[m];
                    double c = 1.0;
                    double c2 = c;
                    double c3 = c;
                    double el1 = e[l + 1];
                    double s = 0.0;
                    double s2 = 0.0;
                    for (int i = m - 1; i >= l; i--) {
                        c3 = c2;
                        c2 = c;
                        s2 = s;
                        g = c * e[i];
                        h = c * p;
                        r = hypot(p, e[i]);
                        e[i + 1] = s * r;
                        s = e[i] / r;
                        c = p / r;
                        p = c * d[i] - s * g;
                        d[i + 1] = h + s * (c * g + s * d[i]);
                        rotateColumns(n, v[i], v[i + 1], c, s);
                    }
                    p = -s * s2 * c3 * el1 * e[l] / dl1;
                    e[l] = s * p;
                    d[l] = c * p;
                } while (Math.abs(e[l]) > eps * tst1);
            }
            d[l] += f;
            e[l] = 0.0;
        }
    }

    /** (v_i, v_{i+1}) ← (c·v_i − s·v_{i+1}, s·v_i + c·v_{i+1}) for two columns of v. */
    private static void rotateColumns(int n, double[] colI, double[] colNext, double c, double s) {
        for (int k = 0; k < n; k++) {
            double h = colNext[k];
            double vi = colI[k];
            colNext[k] = s * vi + c * h;
            colI[k] = c * vi - s * h;
        }
    }

    /** sqrt(a² + b²) without overflow or destructive underflow. */
    private static double hypot(double a, double b) {
        double x = Math.abs(a);
        double y = Math.abs(b);
        if (x < y) {
            double t = x;
            x = y;
            y = t;
        }
        if (x == 0.0) {
            return 0.0;
        }
        double q = y / x;
        return x * Math.sqrt(1.0 + q * q);
    }

    /** Selection sort of the eigenvalues (n swaps at most), moving eigenvector columns along. */
    private static void sortIncreasing(int n, double[][] v, double[] d) {
        for (int i = 0; i < n - 1; i++) {
            int k = i;
            double p = d[i];
            for (int j = i + 1; j < n; j++) {
                if (d[j] < p) {
                    k = j;
                    p = d[j];
                }
            }
            if (k != i) {
                d[k] = d[i];
                d[i] = p;
                double[] t = v[i];
                v[i] = v[k];
                v[k] = t;
            }
        }
    }
}

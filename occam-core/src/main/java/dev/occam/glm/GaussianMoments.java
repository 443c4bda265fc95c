package dev.occam.glm;

import dev.ludovic.netlib.blas.BLAS;
import dev.occam.data.DenseMatrix;
import dev.occam.data.DesignMatrix;
import dev.occam.data.SparseMatrix;

import java.util.Objects;

/**
 * The weighted sufficient statistics of a gaussian problem — everything covariance updates need —
 * taken around a fixed shift c (so large feature means cost no accuracy):
 * <pre>
 *   V = Σ v_i        Sx_j = Σ v_i (x_ij − c_j)      Sxx_jk = Σ v_i (x_ij − c_j)(x_ik − c_k)
 *   Sy = Σ v_i y_i   Syy = Σ v_i y_i²                Sxy_j = Σ v_i (x_ij − c_j) y_i
 * </pre>
 * They add over rows, so the statistics of a cross-validation fold's training rows are the full
 * data's minus its held-out rows': one full cross-product and K small ones instead of K large
 * ones. {@link ElasticNet#path(GaussianMoments, java.util.List, GlmSettings)} fits from them.
 *
 * @param n number of rows
 * @param weightSum V
 * @param shift c, the same for every set of rows that is combined
 * @param sx Sx
 * @param sxx Sxx, column k in {@code sxx[k]}
 * @param sy Sy
 * @param syy Syy
 * @param sxy Sxy
 */
public record GaussianMoments(int n, double weightSum, double[] shift, double[] sx, double[][] sxx, double sy, double syy,
                              double[] sxy) {
    private static final int BLOCK = 128;
    private static final BLAS BLAS_INSTANCE = BLAS.getInstance();

    public GaussianMoments {
        Objects.requireNonNull(shift, "shift");
        if (sx.length != shift.length || sxy.length != shift.length || sxx.length != shift.length) {
            throw new IllegalArgumentException("moments need one value per feature");
        }
    }

    /** Number of features. */
    public int cols() {
        return shift.length;
    }

    /**
     * The moments of the given rows.
     *
     * @param x features (not modified)
     * @param y target (not modified)
     * @param v sample weights, or null for 1 (not modified)
     * @param rows the rows to include, or null for all
     * @param shift c (not modified; kept by reference)
     */
    public static GaussianMoments of(DesignMatrix x, double[] y, double[] v, int[] rows, double[] shift) {
        int p = x.cols();
        int m = rows == null ? x.rows() : rows.length;
        double[] w = new double[m];
        double[] yr = new double[m];
        for (int i = 0; i < m; i++) {
            int r = rows == null ? i : rows[i];
            w[i] = v == null ? 1.0 : v[r];
            yr[i] = y[r];
        }
        // A with x = A + aShift: all rows of a dense X as they are (aShift = 0; the shift is applied
        // in the products, so X is never copied), otherwise the selected rows gathered into a dense
        // block already shifted (aShift = c)
        double[] a;
        double[] aShift;
        if (rows == null && x instanceof DenseMatrix d) {
            a = d.values();
            aShift = new double[p];
        } else {
            a = new double[m * p];
            fillShifted(x, rows, shift, a, m);
            aShift = shift;
        }
        double vs = 0;
        double sy = 0;
        double syy = 0;
        for (int i = 0; i < m; i++) {
            vs += w[i];
            sy += w[i] * yr[i];
            syy += w[i] * yr[i] * yr[i];
        }
        double[] sx = new double[p];
        double[] sxy = new double[p];
        for (int j = 0; j < p; j++) {
            double s1 = 0;
            double s2 = 0;
            int off = j * m;
            double c = shift[j] - aShift[j];
            for (int i = 0; i < m; i++) {
                double wa = w[i] * (a[off + i] - c);
                s1 += wa;
                s2 += wa * yr[i];
            }
            sx[j] = s1;
            sxy[j] = s2;
        }
        return new GaussianMoments(m, vs, shift, sx, crossProducts(a, aShift, shift, w, m, p), sy, syy, sxy);
    }

    private static void fillShifted(DesignMatrix x, int[] rows, double[] shift, double[] a, int m) {
        int p = x.cols();
        if (x instanceof DenseMatrix d) {
            double[] v = d.values();
            int n = d.rows();
            for (int j = 0; j < p; j++) {
                int src = j * n;
                int dst = j * m;
                double c = shift[j];
                if (rows == null) {
                    for (int i = 0; i < m; i++) a[dst + i] = v[src + i] - c;
                } else {
                    for (int i = 0; i < m; i++) a[dst + i] = v[src + rows[i]] - c;
                }
            }
            return;
        }
        SparseMatrix s = (SparseMatrix) x;
        int[] pos = new int[x.rows()];
        java.util.Arrays.fill(pos, -1);
        for (int i = 0; i < m; i++) pos[rows == null ? i : rows[i]] = i;
        for (int j = 0; j < p; j++) {
            int dst = j * m;
            java.util.Arrays.fill(a, dst, dst + m, -shift[j]);
            for (int k = s.colPtr()[j]; k < s.colPtr()[j + 1]; k++) {
                int i = pos[s.rowIndex()[k]];
                if (i >= 0) a[dst + i] += s.values()[k];
            }
        }
    }

    /**
     * Σ_i w_i (x_ij − c_j)(x_ik − c_k) with x_ij = A_ij + aShift_j, by blocks of columns, each block
     * only against the columns from its own on (symmetry): with the centred block
     * B_ik = w_i (x_ik − c_k), the product is (AᵀB)_jk + (aShift_j − c_j)·Σ_i B_ik.
     */
    private static double[][] crossProducts(double[] a, double[] aShift, double[] c, double[] w, int m, int p) {
        double[][] out = new double[p][p];
        for (int start = 0; start < p; start += BLOCK) {
            int bw = Math.min(BLOCK, p - start);
            double[] block = new double[m * bw];
            double[] colSum = new double[bw];
            for (int t = 0; t < bw; t++) {
                int k = start + t;
                int src = k * m;
                int dst = t * m;
                double d = aShift[k] - c[k];
                double s = 0;
                for (int i = 0; i < m; i++) {
                    double b = w[i] * (a[src + i] + d);
                    block[dst + i] = b;
                    s += b;
                }
                colSum[t] = s;
            }
            int rows = p - start;
            double[] prod = new double[rows * bw];
            if (m > 0) BLAS_INSTANCE.dgemm("T", "N", rows, bw, m, 1.0, a, start * m, m, block, 0, m, 0.0, prod, 0, rows);
            for (int t = 0; t < bw; t++) {
                int k = start + t;
                for (int r = 0; r < rows; r++) {
                    int j = start + r;
                    double v = prod[t * rows + r] + (aShift[j] - c[j]) * colSum[t];
                    out[k][j] = v;
                    out[j][k] = v;
                }
            }
        }
        return out;
    }

    /** The moments of the rows in this set but not in {@code other} (which must be a subset, same shift). */
    public GaussianMoments minus(GaussianMoments other) {
        if (other.shift != shift && !java.util.Arrays.equals(other.shift, shift)) {
            throw new IllegalArgumentException("moments can only be combined around the same shift");
        }
        int p = cols();
        double[] dx = new double[p];
        double[] dxy = new double[p];
        double[][] dxx = new double[p][p];
        for (int j = 0; j < p; j++) {
            dx[j] = sx[j] - other.sx[j];
            dxy[j] = sxy[j] - other.sxy[j];
            for (int k = 0; k < p; k++) dxx[k][j] = sxx[k][j] - other.sxx[k][j];
        }
        return new GaussianMoments(n - other.n, weightSum - other.weightSum, shift, dx, dxx, sy - other.sy,
                syy - other.syy, dxy);
    }
}

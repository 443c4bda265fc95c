package dev.occam.glm;

import dev.occam.data.DenseMatrix;
import dev.occam.data.DesignMatrix;
import dev.occam.data.SparseMatrix;
import dev.occam.linalg.Gram;

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
        // the rows as a dense shifted block A = x − c (all rows of a dense X are used in place:
        // the kernel subtracts the shift itself, so X is never copied)
        boolean inPlace = rows == null && x instanceof DenseMatrix;
        double[] a = inPlace ? ((DenseMatrix) x).values() : new double[m * p];
        if (!inPlace) fillShifted(x, rows, shift, a, m);
        double[] aShift = inPlace ? new double[p] : shift;
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
        double[] cross = new double[p * p];
        Gram.crossprod(m, p, a, 0, m, w, inPlace ? shift : null, cross);
        double[][] sxx = new double[p][];
        for (int k = 0; k < p; k++) sxx[k] = java.util.Arrays.copyOfRange(cross, k * p, (k + 1) * p);
        return new GaussianMoments(m, vs, shift, sx, sxx, sy, syy, sxy);
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

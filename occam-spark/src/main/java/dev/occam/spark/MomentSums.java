package dev.occam.spark;

import dev.occam.glm.GaussianMoments;
import dev.occam.linalg.Gram;

import java.io.Serializable;

/**
 * Weighted sufficient statistics of a gaussian problem, accumulated row by row on an executor and
 * merged on the way to the driver: the mutable, mergeable form of occam-core's
 * {@link GaussianMoments}.
 *
 * <p>Each partition takes its shift c from its first row (so no pass is needed to learn the means
 * first) and rows are buffered in blocks of {@value #BLOCK}, whose cross-product is one
 * {@link Gram#crossprod} call (native dsyrk when a BLAS is present). Two sums taken around
 * different shifts are merged exactly by moving one to the other's shift (Chan et al.'s parallel
 * formulas): with d = c' − c,
 * <pre>
 *   Sx' = Sx − V d      Sxy' = Sxy − Sy d      Sxx' = Sxx − Sx dᵀ − d Sxᵀ + V d dᵀ
 * </pre>
 */
final class MomentSums implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Rows per cross-product block. */
    static final int BLOCK = 256;

    /** Features, or −1 while no row has been seen. */
    private int p = -1;
    private long n;
    private double v;
    private double[] shift;
    private double[] sx;
    /** Column-major p × p, both triangles. */
    private double[] sxx;
    private double sy;
    private double syy;
    private double[] sxy;

    private transient double[] block;
    private transient double[] blockW;
    private transient double[] blockY;
    private transient double[] scratch;
    private transient int m;

    /** Buffered rows are summed before the object leaves the executor. */
    private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
        flush();
        out.defaultWriteObject();
    }

    /** Number of features (−1 before the first row). */
    int cols() {
        return p;
    }

    long rows() {
        return n;
    }

    double weightSum() {
        return v;
    }

    /** Adds one row: features x (length p; not kept), target y, weight w. */
    void add(double[] x, double y, double w) {
        if (p < 0) start(x);
        if (x.length != p) {
            throw new OccamSparkException("feature vectors differ in size: " + p + " and " + x.length);
        }
        if (block == null) allocate();
        for (int j = 0; j < p; j++) block[j * BLOCK + m] = x[j] - shift[j];
        blockW[m] = w;
        blockY[m] = y;
        m++;
        if (m == BLOCK) flush();
    }

    private void start(double[] x) {
        p = x.length;
        shift = x.clone();
        sx = new double[p];
        sxy = new double[p];
        sxx = new double[p * p];
    }

    private void allocate() {
        block = new double[BLOCK * p];
        blockW = new double[BLOCK];
        blockY = new double[BLOCK];
        scratch = new double[p * p];
    }

    /** Folds the buffered rows into the sums. */
    void flush() {
        if (m == 0) return;
        for (int i = 0; i < m; i++) {
            double w = blockW[i];
            double y = blockY[i];
            v += w;
            sy += w * y;
            syy += w * y * y;
        }
        for (int j = 0; j < p; j++) {
            int off = j * BLOCK;
            double s1 = 0;
            double s2 = 0;
            for (int i = 0; i < m; i++) {
                double wa = blockW[i] * block[off + i];
                s1 += wa;
                s2 += wa * blockY[i];
            }
            sx[j] += s1;
            sxy[j] += s2;
        }
        Gram.crossprod(m, p, block, 0, BLOCK, blockW, null, scratch);
        for (int k = 0; k < sxx.length; k++) sxx[k] += scratch[k];
        n += m;
        m = 0;
    }

    /** Moves the sums to shift {@code c} (see the class comment). */
    void recenter(double[] c) {
        flush();
        if (p < 0) return;
        double[] d = new double[p];
        for (int j = 0; j < p; j++) d[j] = c[j] - shift[j];
        for (int k = 0; k < p; k++) {
            for (int j = 0; j < p; j++) {
                sxx[k * p + j] += -sx[j] * d[k] - d[j] * sx[k] + v * d[j] * d[k];
            }
        }
        for (int j = 0; j < p; j++) {
            sx[j] -= v * d[j];
            sxy[j] -= sy * d[j];
        }
        shift = c.clone();
    }

    /** Adds {@code other}'s rows to this one (other is moved to this shift); returns this. */
    MomentSums merge(MomentSums other) {
        flush();
        other.flush();
        if (other.p < 0) return this;
        if (p < 0) {
            copyFrom(other);
            return this;
        }
        if (other.p != p) {
            throw new OccamSparkException("feature vectors differ in size: " + p + " and " + other.p);
        }
        other.recenter(shift);
        n += other.n;
        v += other.v;
        sy += other.sy;
        syy += other.syy;
        for (int j = 0; j < p; j++) {
            sx[j] += other.sx[j];
            sxy[j] += other.sxy[j];
        }
        for (int k = 0; k < sxx.length; k++) sxx[k] += other.sxx[k];
        return this;
    }

    private void copyFrom(MomentSums o) {
        p = o.p;
        n = o.n;
        v = o.v;
        shift = o.shift.clone();
        sx = o.sx.clone();
        sxx = o.sxx.clone();
        sy = o.sy;
        syy = o.syy;
        sxy = o.sxy.clone();
    }

    /** A copy (buffered rows flushed first). */
    MomentSums copy() {
        flush();
        MomentSums c = new MomentSums();
        if (p >= 0) c.copyFrom(this);
        return c;
    }

    /** The weighted column means Σv x / Σv (the shift when the weights sum to 0). */
    double[] means() {
        flush();
        double[] mean = shift.clone();
        if (v > 0) for (int j = 0; j < p; j++) mean[j] += sx[j] / v;
        return mean;
    }

    /**
     * occam-core's moments of these rows around {@code c}.
     *
     * @throws OccamSparkException when there are more than 2³¹−1 rows (occam-core counts rows in an int)
     */
    GaussianMoments toMoments(double[] c) {
        recenter(c);
        if (n > Integer.MAX_VALUE) {
            throw new OccamSparkException("occam-core counts rows in an int; got " + n + " rows");
        }
        double[][] cols = new double[p][];
        for (int k = 0; k < p; k++) cols[k] = java.util.Arrays.copyOfRange(sxx, k * p, (k + 1) * p);
        return new GaussianMoments((int) n, v, shift.clone(), sx.clone(), cols, sy, syy, sxy.clone());
    }
}

package dev.occam.spark;

import dev.occam.linalg.NativeBlas;

import java.io.Serializable;

/**
 * One partition's share of an IRLS pass at K coefficient vectors at once: {@link PointSums} per
 * point. Rows are buffered {@value #BLOCK} at a time, shifted by the standardization's centres,
 * into one block that all K points share; each full block then costs, per point, O(p) per row for
 * η, μ, W, r, the deviance and the two O(p) sums, and p²/2 multiply-adds per row for the Fisher
 * information ({@link BlockGram}: single precision per block with a native BLAS, summed in double). Reading and copying a row is paid once per pass, not per point.
 */
final class FisherPass implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Rows per block: enough for a BLAS-3 product, small enough (p·256 doubles) to stay in cache. */
    static final int BLOCK = 256;

    private final IrlsPoint[] points;
    /** Per point: which Fisher information, if any, is summed. */
    private final Curvature[] curvature;
    private final double[] centres;
    /** Per point: η = shiftedIntercept + βᵀ(x − c). */
    private final double[] shiftedIntercept;
    final PointSums[] sums;

    private transient double[] rows;
    private transient double[] ys;
    private transient double[] vs;
    /** Per point, column-major p × K. */
    private transient double[] betas;
    /** η − intercept of each buffered row and point, m × K. */
    private transient double[] eta;
    /** Working weights then residuals of each buffered row and point, m × 2K. */
    private transient double[] wr;
    /** A block's ΣW(x − c) then Σr(x − c) per point, p × 2K. */
    private transient double[] linear;
    private transient BlockGram gram;
    private transient int m;

    /**
     * @param points the K points (η on the original feature scale). Not modified.
     * @param curvature per point, which Fisher information to sum (none: only the gradient, the
     *                  deviance and the O(p) sums). Not modified.
     * @param centres the shift c, length p. Not modified.
     */
    FisherPass(IrlsPoint[] points, Curvature[] curvature, double[] centres) {
        this.points = points;
        this.curvature = curvature;
        this.centres = centres;
        int p = centres.length;
        sums = new PointSums[points.length];
        shiftedIntercept = new double[points.length];
        for (int k = 0; k < points.length; k++) {
            sums[k] = new PointSums(p);
            double a = points[k].a();
            double[] beta = points[k].beta();
            for (int j = 0; j < p; j++) a += beta[j] * centres[j];
            shiftedIntercept[k] = a;
        }
    }

    /** Buffered rows are summed before the object leaves the executor. */
    private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
        flush();
        out.defaultWriteObject();
    }

    /** Adds one row: features x (length p; not kept), target y, sample weight v. */
    void add(double[] x, double y, double v) {
        int p = centres.length;
        if (x.length != p) throw new OccamSparkException("feature vectors differ in size: " + p + " and " + x.length);
        if (rows == null) allocate(p);
        int off = m * p;
        for (int j = 0; j < p; j++) rows[off + j] = x[j] - centres[j];
        ys[m] = y;
        vs[m] = v;
        m++;
        if (m == BLOCK) flush();
    }

    private void allocate(int p) {
        rows = new double[BLOCK * p];
        ys = new double[BLOCK];
        vs = new double[BLOCK];
        int kp = points.length;
        betas = new double[p * kp];
        for (int k = 0; k < kp; k++) System.arraycopy(points[k].beta(), 0, betas, k * p, p);
        eta = new double[BLOCK * kp];
        wr = new double[BLOCK * 2 * kp];
        linear = new double[p * 2 * kp];
        gram = BlockGram.forThisJvm(p, BLOCK);
    }

    /**
     * Folds the buffered rows into every point's sums. The O(p)-per-row products of all K points
     * are two double-precision matrix products per block (η of every row and point, then ΣW(x − c)
     * and Σr(x − c)): a dot product per row and point in Java would run scalar, since the JIT
     * does not reorder a floating-point sum.
     */
    void flush() {
        if (m == 0) return;
        int p = centres.length;
        int kp = points.length;
        dev.ludovic.netlib.blas.BLAS blas = NativeBlas.blas();
        // eta (m × K, column-major) = Aᵀ·B, A the p × m block, B the p × K betas
        blas.dgemm("T", "N", m, kp, p, 1.0, rows, 0, p, betas, 0, p, 0.0, eta, 0, m);
        for (int k = 0; k < kp; k++) {
            IrlsPoint pt = points[k];
            PointSums s = sums[k];
            double a = shiftedIntercept[k];
            int wOff = k * m;
            int rOff = (kp + k) * m;
            for (int i = 0; i < m; i++) {
                double e = a + eta[wOff + i];
                double u = vs[i] / pt.weightSum();
                double mu = pt.mean(e);
                double w = u * pt.variance(mu);
                double r = u * (ys[i] - mu);
                wr[wOff + i] = w;
                wr[rOff + i] = r;
                s.w += w;
                s.r += r;
                s.deviance += u * pt.unitDeviance(ys[i], e, mu);
            }
        }
        // [ΣW(x − c) | Σr(x − c)] of the block (p × 2K) = A·[W | R]
        blas.dgemm("N", "N", p, 2 * kp, m, 1.0, rows, 0, p, wr, 0, m, 0.0, linear, 0, p);
        for (int k = 0; k < kp; k++) {
            PointSums s = sums[k];
            int wOff = k * p;
            int rOff = (kp + k) * p;
            for (int j = 0; j < p; j++) {
                s.wx[j] += linear[wOff + j];
                s.rx[j] += linear[rOff + j];
            }
            if (curvature[k] != Curvature.NONE) gram.add(m, rows, wr, k * m, s.h, curvature[k] == Curvature.DOUBLE);
        }
        m = 0;
    }

    /** Adds {@code other}'s rows (same points and centres); returns this. */
    FisherPass merge(FisherPass other) {
        flush();
        other.flush();
        for (int k = 0; k < sums.length; k++) sums[k].merge(other.sums[k]);
        return this;
    }
}

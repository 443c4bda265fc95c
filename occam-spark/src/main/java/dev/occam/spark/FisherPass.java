package dev.occam.spark;

import java.io.Serializable;

/**
 * One partition's share of an IRLS pass at K coefficient vectors at once: {@link PointSums} per
 * point. Rows are buffered {@value #BLOCK} at a time, shifted by the standardization's centres,
 * into one block that all K points share; each full block then costs, per point, O(p) per row for
 * η, μ, W, r, the deviance and the two O(p) sums, and p²/2 multiply-adds per row for the Fisher
 * information ({@link BlockGram}). Reading and copying a row is paid once per pass, not per point.
 */
final class FisherPass implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Rows per block: enough for a BLAS-3 product, small enough (p·256 doubles) to stay in cache. */
    static final int BLOCK = 256;

    private final IrlsPoint[] points;
    private final double[] centres;
    /** Per point: η = shiftedIntercept + βᵀ(x − c). */
    private final double[] shiftedIntercept;
    final PointSums[] sums;

    private transient double[] rows;
    private transient double[] ys;
    private transient double[] vs;
    private transient double[] ws;
    private transient double[] scaled;
    private transient double[] transposed;
    private transient int m;

    /**
     * @param points the K points (η on the original feature scale). Not modified.
     * @param centres the shift c, length p. Not modified.
     */
    FisherPass(IrlsPoint[] points, double[] centres) {
        this.points = points;
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
        ws = new double[BLOCK];
        scaled = new double[BLOCK * p];
        transposed = BlockGram.nativeBlas() ? null : new double[BLOCK * p];
    }

    /** Folds the buffered rows into every point's sums. */
    void flush() {
        if (m == 0) return;
        int p = centres.length;
        for (int k = 0; k < points.length; k++) {
            IrlsPoint pt = points[k];
            PointSums s = sums[k];
            double[] beta = pt.beta();
            double a = shiftedIntercept[k];
            for (int i = 0; i < m; i++) {
                int off = i * p;
                double eta = a;
                for (int j = 0; j < p; j++) eta += beta[j] * rows[off + j];
                double u = vs[i] / pt.weightSum();
                double mu = pt.mean(eta);
                double w = u * pt.variance(mu);
                double r = u * (ys[i] - mu);
                ws[i] = w;
                s.w += w;
                s.r += r;
                s.deviance += u * pt.unitDeviance(ys[i], eta, mu);
                for (int j = 0; j < p; j++) {
                    double d = rows[off + j];
                    s.wx[j] += w * d;
                    s.rx[j] += r * d;
                }
            }
            BlockGram.add(m, p, rows, ws, scaled, transposed, s.h);
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

package dev.occam.spark;

import java.io.Serializable;

/**
 * The first pass of a binomial or poisson fit: everything the standardization and the null model
 * need, so that the null model costs no pass of its own.
 *
 * <p>Always (O(p) per row): rows, Σv, Σv(x − s), Σv(x − s)², Σv(x − s)y, Σvy and Σv·y·log y
 * (poisson's null deviance), around a shift s taken from the partition's first row and merged
 * exactly by moving one set of sums to the other's shift (as {@link MomentSums} does). When the
 * vectors have at most {@code maxGram} elements (decided at the first row, so no pass is needed to
 * learn p) also the full weighted cross-product {@link MomentSums} of (x, y, v): at the null model
 * every row has the same IRLS weight, so this Gram scaled by V(μ₀) is the Fisher information there.
 */
final class StartSums implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int maxGram;
    /** −1 before the first row. */
    int p = -1;
    long n;
    double v;
    double[] shift;
    double[] sx;
    double[] sxx;
    double[] sxy;
    double sy;
    double syLogY;
    /** The full moments, or null when p exceeds {@code maxGram}. */
    MomentSums gram;

    StartSums(int maxGram) {
        this.maxGram = maxGram;
    }

    void add(double[] x, double y, double w) {
        if (p < 0) {
            p = x.length;
            shift = x.clone();
            sx = new double[p];
            sxx = new double[p];
            sxy = new double[p];
            if (p <= maxGram) gram = new MomentSums();
        }
        if (x.length != p) throw new OccamSparkException("feature vectors differ in size: " + p + " and " + x.length);
        n++;
        v += w;
        sy += w * y;
        if (y > 0) syLogY += w * y * Math.log(y);
        for (int j = 0; j < p; j++) {
            double d = x[j] - shift[j];
            double wd = w * d;
            sx[j] += wd;
            sxx[j] += wd * d;
            sxy[j] += wd * y;
        }
        if (gram != null) gram.add(x, y, w);
    }

    StartSums merge(StartSums o) {
        if (o.p < 0) return this;
        if (p < 0) {
            copyFrom(o);
            return this;
        }
        if (o.p != p) throw new OccamSparkException("feature vectors differ in size: " + p + " and " + o.p);
        // move o's sums to this shift: with d = s − s', Σ(x−s) = Σ(x−s') − V d, Σ(x−s)² = Σ(x−s')² − 2dΣ(x−s') + V d²
        for (int j = 0; j < p; j++) {
            double d = shift[j] - o.shift[j];
            sxx[j] += o.sxx[j] - 2 * d * o.sx[j] + o.v * d * d;
            sx[j] += o.sx[j] - o.v * d;
            sxy[j] += o.sxy[j] - o.sy * d;
        }
        n += o.n;
        v += o.v;
        sy += o.sy;
        syLogY += o.syLogY;
        if (gram != null && o.gram != null) gram.merge(o.gram);
        return this;
    }

    private void copyFrom(StartSums o) {
        p = o.p;
        n = o.n;
        v = o.v;
        shift = o.shift.clone();
        sx = o.sx.clone();
        sxx = o.sxx.clone();
        sxy = o.sxy.clone();
        sy = o.sy;
        syLogY = o.syLogY;
        gram = o.gram;
    }

    /** Weighted mean of feature j. */
    double mean(int j) {
        return shift[j] + sx[j] / v;
    }

    /** Weighted variance of feature j (1/n formula). */
    double variance(int j) {
        double m = sx[j] / v;
        return Math.max(sxx[j] / v - m * m, 0.0);
    }

    /** Σv(x_j − c)y / Σv: the cross moment of feature j around {@code c} with the target. */
    double crossMean(int j, double c) {
        return (sxy[j] - sy * (c - shift[j])) / v;
    }
}

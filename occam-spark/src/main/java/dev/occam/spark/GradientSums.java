package dev.occam.spark;

import java.io.Serializable;

/**
 * What a gradient-only pass gathers at one point (the proximal-gradient fallback for large p):
 * Σr, Σr(x − c) with r = u(y − μ), and the deviance Σu·d(y, μ). p + 2 doubles, O(p) per row.
 */
final class GradientSums implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Σr(x_j − c_j), or null before the first row. */
    double[] srx;
    double sr;
    double deviance;
    long rows;

    void add(double[] x, double[] c, double r, double unitDeviance) {
        if (srx == null) srx = new double[x.length];
        if (x.length != srx.length) {
            throw new OccamSparkException("feature vectors differ in size: " + srx.length + " and " + x.length);
        }
        for (int j = 0; j < x.length; j++) srx[j] += r * (x[j] - c[j]);
        sr += r;
        deviance += unitDeviance;
        rows++;
    }

    GradientSums merge(GradientSums o) {
        if (o.srx != null) {
            if (srx == null) {
                srx = o.srx.clone();
            } else {
                if (o.srx.length != srx.length) {
                    throw new OccamSparkException("feature vectors differ in size: " + srx.length + " and " + o.srx.length);
                }
                for (int j = 0; j < srx.length; j++) srx[j] += o.srx[j];
            }
        }
        sr += o.sr;
        deviance += o.deviance;
        rows += o.rows;
        return this;
    }
}

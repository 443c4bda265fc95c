package dev.occam.spark;

import java.io.Serializable;

/**
 * What one IRLS pass gathers at one coefficient vector, around the standardization's centres c
 * (the same shift in every partition, so partitions merge by plain addition): with the working
 * weight W = u·V(μ) and residual r = u(y − μ), u = v/Σv,
 * <pre>   ΣW,  Σr,  ΣW(x − c),  Σr(x − c),  ΣW(x − c)(x − c)ᵀ (lower triangle),  Σu·d(y, μ)</pre>
 * — the Fisher information, the exact negative gradient and the deviance of the mean loss.
 */
final class PointSums implements Serializable {
    private static final long serialVersionUID = 1L;

    final int p;
    double w;
    double r;
    double deviance;
    final double[] wx;
    final double[] rx;
    /** p × p column-major; only the lower triangle is summed. */
    final double[] h;

    PointSums(int p) {
        this.p = p;
        wx = new double[p];
        rx = new double[p];
        h = new double[p * p];
    }

    PointSums merge(PointSums o) {
        w += o.w;
        r += o.r;
        deviance += o.deviance;
        for (int j = 0; j < p; j++) {
            wx[j] += o.wx[j];
            rx[j] += o.rx[j];
        }
        // lower triangle only: the upper one is never summed
        for (int k = 0; k < p; k++) {
            for (int j = k; j < p; j++) h[k * p + j] += o.h[k * p + j];
        }
        return this;
    }
}

package dev.occam.optim;

/**
 * Per-element loops of the optimizer stages: static methods on float[] that do no validation.
 * The order of operations follows PyTorch 1.13's single-tensor optimizers (float32 arithmetic,
 * scalars rounded to float once), so trajectories agree with PyTorch to float precision.
 */
final class OptimKernels {
    private OptimKernels() {
    }

    /** u[i] = s·u[i]. u modified. */
    static void scale(float[] u, float s) {
        for (int i = 0; i < u.length; i++) {
            u[i] = s * u[i];
        }
    }

    /** u[i] = u[i] + s·p[i] (PyTorch's {@code d_p.add(param, alpha=s)}). u modified, p not. */
    static void addScaled(float[] u, float s, float[] p) {
        for (int i = 0; i < u.length; i++) {
            u[i] = u[i] + s * p[i];
        }
    }

    /**
     * Momentum buffer, PyTorch's formulation (dampening 0): buf = μ·buf + g; the update is buf, or
     * g + μ·buf with Nesterov. A zero buffer makes the first step buf = g exactly, as PyTorch's clone.
     * u (in: g, out: update) and buf modified.
     */
    static void trace(float[] u, float[] buf, float mu, boolean nesterov) {
        if (nesterov) {
            for (int i = 0; i < u.length; i++) {
                float b = buf[i] * mu + u[i];
                buf[i] = b;
                u[i] = u[i] + mu * b;
            }
        } else {
            for (int i = 0; i < u.length; i++) {
                float b = buf[i] * mu + u[i];
                buf[i] = b;
                u[i] = b;
            }
        }
    }

    /**
     * Adam's moments and direction with PyTorch's bias correction and ε placement:
     * m = β₁m + (1−β₁)g, v = β₂v + (1−β₂)g², u = (m/c₁) / (√v/√c₂ + ε), c_k = 1 − β_k^t.
     * u (in: g, out: direction), m and v modified.
     */
    static void adam(float[] u, float[] m, float[] v, float b1, float oneMinusB1, float b2, float oneMinusB2,
                     float invBiasCorrection1, float sqrtBiasCorrection2, float eps) {
        for (int i = 0; i < u.length; i++) {
            float g = u[i];
            float mi = m[i] * b1 + oneMinusB1 * g;
            float vi = v[i] * b2 + oneMinusB2 * g * g;
            m[i] = mi;
            v[i] = vi;
            float denom = (float) Math.sqrt(vi) / sqrtBiasCorrection2 + eps;
            u[i] = invBiasCorrection1 * mi / denom;
        }
    }

    /**
     * Proximal L1 step after the update: z = p + u, w = S(z, t), u = w − p, so that p + u is
     * exactly zero where |z| ≤ t. u modified, p not.
     */
    static void softThresholdStep(float[] u, float[] p, float t) {
        for (int i = 0; i < u.length; i++) {
            float z = p[i] + u[i];
            float w;
            if (z > t) {
                w = z - t;
            } else if (z < -t) {
                w = z + t;
            } else {
                w = 0f;
            }
            // p + (w − p) rounds back to w for w = 0 exactly; for w ≠ 0 it may differ by one ulp.
            u[i] = w - p[i];
        }
    }

    /** Σ u[i]², accumulated in double. */
    static double sumOfSquares(float[] u) {
        double s = 0;
        for (float x : u) {
            s += (double) x * x;
        }
        return s;
    }
}

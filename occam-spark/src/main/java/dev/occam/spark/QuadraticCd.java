package dev.occam.spark;

/**
 * One Newton step of a penalized GLM on the driver: minimizes
 * <pre>   −gᵀδ + ½ δᵀHδ + λ Σ_j f_j [α|b_j + δ_j| + (1−α)/2 (b_j + δ_j)²]</pre>
 * over the intercept (coordinate 0, unpenalized, when fitted) and the free features by cyclic
 * coordinate descent with covariance updates (O(d) per moved coordinate), active set first.
 * It runs until no coordinate moves its gradient by more than {@code tol}, so the step is exact
 * for the path's KKT tolerance.
 */
final class QuadraticCd {
    private QuadraticCd() { }

    private static final int MAX_SWEEPS = 100_000;

    /**
     * @param q the quadratic at (b0, b)
     * @param b0 intercept, standardized parametrization (modified)
     * @param b standardized coefficients (modified)
     * @param free which features may move
     * @param vp rescaled penalty factors
     * @param tol stop when every coordinate's last move changed its gradient by less than this
     * @return sweeps used
     */
    static int solve(Quadratic q, double[] b0, double[] b, boolean[] free, double[] vp, double alpha, double lambda,
                     boolean intercept, double tol) {
        int d = q.d();
        int p = d - 1;
        double[] h = q.h();
        // grad = g − H·δ, the negative gradient of the quadratic at the current point
        double[] grad = q.g().clone();
        double[] start = new double[d];
        start[0] = b0[0];
        System.arraycopy(b, 0, start, 1, p);
        boolean[] active = new boolean[p];
        for (int j = 0; j < p; j++) active[j] = free[j] && b[j] != 0;
        int sweeps = 0;
        boolean full = true;
        while (sweeps < MAX_SWEEPS) {
            sweeps++;
            double maxMove = 0;
            if (intercept && h[0] > 0) {
                double delta = grad[0] / h[0];
                if (delta != 0) {
                    b0[0] += delta;
                    axpy(-delta, h, 0, d, grad);
                    maxMove = Math.max(maxMove, Math.abs(delta) * h[0]);
                }
            }
            for (int j = 0; j < p; j++) {
                if (!free[j] || (!full && !active[j])) continue;
                int c = j + 1;
                double hjj = h[c * d + c];
                if (!(hjj > 0)) continue;
                double z = grad[c] + hjj * b[j];
                double l1 = lambda * alpha * vp[j];
                double nb;
                if (z > l1) nb = (z - l1) / (hjj + lambda * (1 - alpha) * vp[j]);
                else if (z < -l1) nb = (z + l1) / (hjj + lambda * (1 - alpha) * vp[j]);
                else nb = 0.0;
                if (lambda == Double.MAX_VALUE && vp[j] > 0) nb = 0.0;
                double delta = nb - b[j];
                if (delta != 0) {
                    b[j] = nb;
                    axpy(-delta, h, c * d, d, grad);
                    maxMove = Math.max(maxMove, Math.abs(delta) * hjj);
                    if (nb != 0) active[j] = true;
                }
            }
            if (maxMove < tol) {
                if (full) break;
                full = true;
            } else {
                full = false;
            }
        }
        return sweeps;
    }

    private static void axpy(double a, double[] h, int off, int d, double[] y) {
        for (int k = 0; k < d; k++) y[k] += a * h[off + k];
    }
}

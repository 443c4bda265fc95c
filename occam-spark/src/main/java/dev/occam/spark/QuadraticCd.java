package dev.occam.spark;

/**
 * One Newton step of a penalized GLM on the driver: minimizes
 * <pre>   −gᵀδ + ½ δᵀHδ + λ Σ_j f_j [α|b_j + δ_j| + (1−α)/2 (b_j + δ_j)²]</pre>
 * over the intercept (coordinate 0, unpenalized, when fitted) and the free features by cyclic
 * coordinate descent with covariance updates (O(d) per moved coordinate), active set first.
 * It runs until no coordinate moves its gradient by more than {@code tol}, so the step is exact
 * for the path's KKT tolerance (and, when asked, ends with an exact solve of the active block).
 * Coordinate descent converges at a rate set by the quadratic's
 * conditioning: on nearly collinear columns it would need millions of sweeps. So after
 * {@value #SWEEPS_BEFORE_SOLVE} sweeps without converging, the non-zero coordinates are solved
 * exactly with their signs held ({@link #solveActive}: a Cholesky solve of their block, a step that
 * would cross zero shortened and that coordinate set to 0), and sweeps resume from there to let
 * zero coordinates in or confirm the answer.
 */
final class QuadraticCd {
    private QuadraticCd() { }

    private static final int MAX_SWEEPS = 100_000;
    /** Sweeps without converging after which the active coordinates are solved exactly. */
    static final int SWEEPS_BEFORE_SOLVE = 50;
    /** Exact solves of the active block per call at most (each may set one coordinate to 0). */
    private static final int MAX_SOLVES = 200;

    /**
     * @param q the quadratic at (b0, b)
     * @param b0 intercept, standardized parametrization (modified)
     * @param b standardized coefficients (modified)
     * @param free which features may move
     * @param vp rescaled penalty factors
     * @param tol stop when every coordinate's last move changed its gradient by less than this
     * @param exact whether to end with the active block solved exactly and a full sweep that moves
     *              nothing (for an ill-conditioned quadratic, where coordinate descent's moves shrink
     *              long before its gradient does)
     * @return sweeps used
     */
    static int solve(Quadratic q, double[] b0, double[] b, boolean[] free, double[] vp, double alpha, double lambda,
                     boolean intercept, double tol, boolean exact) {
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
        int sinceSolve = 0;
        int solves = 0;
        // whether the sweep under way started right after an exact solve of the active block
        boolean settled = false;
        while (sweeps < MAX_SWEEPS) {
            if (sinceSolve >= SWEEPS_BEFORE_SOLVE && solves < MAX_SOLVES) {
                solves++;
                sinceSolve = 0;
                if (solveActive(q, b0, b, grad, free, vp, alpha, lambda, intercept)) full = true;
            }
            sweeps++;
            sinceSolve++;
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
                if (full) {
                    if (!exact || settled || solves >= MAX_SOLVES) break;
                    // small moves are not a small gradient on an ill-conditioned quadratic: solve the
                    // active block exactly, then a full sweep confirms it
                    solves++;
                    sinceSolve = 0;
                    solveActive(q, b0, b, grad, free, vp, alpha, lambda, intercept);
                    settled = true;
                }
                full = true;
            } else {
                full = false;
                settled = false;
            }
        }
        return sweeps;
    }

    /**
     * Minimizes the quadratic over the intercept (when fitted) and the non-zero free coordinates with
     * their signs held: (H_AA + λ(1−α)F_A)·Δ = ∇_A, ∇ the negative gradient of the penalized
     * quadratic there. A step that would carry a coordinate across zero is shortened to stop there,
     * that coordinate is set to 0 and the rest solved again. {@code grad} (g − Hδ) is kept current.
     *
     * @return whether the active block could be factored (else nothing moved)
     */
    static boolean solveActive(Quadratic q, double[] b0, double[] b, double[] grad, boolean[] free, double[] vp,
                               double alpha, double lambda, boolean intercept) {
        int d = q.d();
        int p = d - 1;
        double[] h = q.h();
        for (int round = 0; round <= p; round++) {
            int[] at = new int[d];
            int m = 0;
            if (intercept) at[m++] = 0;
            for (int j = 0; j < p; j++) if (free[j] && b[j] != 0) at[m++] = j + 1;
            if (m == 0) return true;
            double[] a = new double[m * m];
            double[] rhs = new double[m];
            double maxDiag = 0;
            for (int u = 0; u < m; u++) {
                int cu = at[u];
                for (int v = 0; v < m; v++) a[u * m + v] = h[cu * d + at[v]];
                if (cu > 0) {
                    int j = cu - 1;
                    a[u * m + u] += lambda * (1 - alpha) * vp[j];
                    rhs[u] = grad[cu] - lambda * (alpha * vp[j] * Math.signum(b[j]) + (1 - alpha) * vp[j] * b[j]);
                } else {
                    rhs[u] = grad[0];
                }
                maxDiag = Math.max(maxDiag, a[u * m + u]);
            }
            if (!(maxDiag > 0) || !Double.isFinite(maxDiag) || !factorAndSolve(m, a, rhs, maxDiag)) return false;
            // the longest step (≤ 1) that keeps every sign
            double t = 1.0;
            int block = -1;
            for (int u = 0; u < m; u++) {
                int cu = at[u];
                if (cu == 0 || rhs[u] == 0) continue;
                double bj = b[cu - 1];
                if ((bj > 0) != (rhs[u] > 0)) {
                    double reach = -bj / rhs[u];
                    if (reach < t) {
                        t = reach;
                        block = u;
                    }
                }
            }
            for (int u = 0; u < m; u++) {
                int cu = at[u];
                double delta = u == block ? -b[cu - 1] : t * rhs[u];
                if (delta == 0) continue;
                if (cu == 0) b0[0] += delta;
                else b[cu - 1] = u == block ? 0.0 : b[cu - 1] + delta;
                axpy(-delta, h, cu * d, d, grad);
            }
            if (block < 0) return true;
        }
        return true;
    }

    /** Cholesky solve in place; a singular block gets a growing ridge (Levenberg). */
    private static boolean factorAndSolve(int m, double[] a, double[] rhs, double maxDiag) {
        double[] f = a.clone();
        double ridge = 0;
        for (int attempt = 0; attempt < 8; attempt++) {
            try {
                dev.occam.linalg.Cholesky.factor(m, f, 0, m);
                dev.occam.linalg.Cholesky.solve(m, f, 0, m, rhs, 0);
                return true;
            } catch (dev.occam.linalg.NotPositiveDefiniteException e) {
                ridge = ridge == 0 ? 1e-12 * maxDiag : ridge * 100;
                System.arraycopy(a, 0, f, 0, m * m);
                for (int u = 0; u < m; u++) f[u * m + u] += ridge;
            }
        }
        return false;
    }

    private static void axpy(double a, double[] h, int off, int d, double[] y) {
        for (int k = 0; k < d; k++) y[k] += a * h[off + k];
    }
}

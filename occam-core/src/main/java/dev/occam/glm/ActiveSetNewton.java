package dev.occam.glm;

import dev.occam.linalg.Cholesky;
import dev.occam.linalg.NotPositiveDefiniteException;

/**
 * Newton steps on the active set of one λ, with the signs held: the finishing step of the certified
 * convergence rule ({@link GlmSettings.Convergence#KKT}).
 *
 * <p>Once coordinate descent has found the support and the signs, the objective restricted to the
 * coefficients that are non-zero and strictly inside their limits (and the intercept) is smooth:
 * <pre>   L(b0, b_A) + λ Σ_{j∈A} f_j [α·sign(b_j)·b_j + (1−α)/2·b_j²]</pre>
 * with L the data loss Σ u ℓ. Its Newton step solves (H_AA + λ(1−α)F_A)·Δ = −∇, H the Hessian of
 * L (for gaussian fits the weighted Gram matrix of the active features: one step is exact; for
 * binomial and poisson the Fisher information, with a backtracking (Armijo) line search). A step
 * that would carry a coefficient across zero or past a limit is shortened to stop there, and that
 * coefficient is pinned (0 or the limit) and leaves the set. Coordinate descent alone converges
 * linearly, slowly on ill-conditioned data (collinear columns, no intercept); these steps converge
 * quadratically from where it stops. Features outside A are not touched: the caller checks the KKT
 * conditions on all features afterwards and lets coordinate descent admit any violator.
 */
final class ActiveSetNewton {
    /** Newton steps per call at most (each shortened step pins one coefficient). */
    static final int MAX_STEPS = 50;

    private ActiveSetNewton() { }

    /**
     * Runs Newton steps until the largest gradient of the restricted objective is at most
     * {@code goal}, no step can be formed, or {@link #MAX_STEPS}.
     *
     * @return steps taken, or −1 when none could be formed (multinomial, Hessian too large)
     */
    static int polish(Problem pr, PointSolver solver, Family family, double lambda, double goal) {
        if (solver.responses() != 1) return -1;
        int p = pr.p;
        int[] free = new int[p];
        int steps = 0;
        while (steps < MAX_STEPS) {
            double[] b = solver.coefficients()[0].clone();
            double b0 = solver.intercepts()[0];
            int m = 0;
            for (int j = 0; j < p; j++) {
                if (!pr.excluded[j] && b[j] != 0.0 && b[j] > pr.lo[j] && b[j] < pr.hi[j]) free[m++] = j;
            }
            solver.refreshGradients(free, m);
            boolean icpt = pr.intercept;
            int o = icpt ? 1 : 0;
            int d = m + o;
            if (d == 0) break;
            double[] grad = new double[d];
            if (icpt) grad[0] = -solver.interceptGradient(0);
            double gmax = Math.abs(grad[0]);
            for (int t = 0; t < m; t++) {
                int j = free[t];
                double f = pr.vp[j];
                grad[o + t] = -solver.gradient(0, j) + lambda * (1 - pr.alpha) * f * b[j]
                        + lambda * pr.alpha * f * Math.signum(b[j]);
                gmax = Math.max(gmax, Math.abs(grad[o + t]));
            }
            if (!(gmax > goal)) break;
            double[] h = new double[d * d];
            if (!solver.hessian(free, m, icpt, h)) return steps == 0 ? -1 : steps;
            for (int t = 0; t < m; t++) h[(o + t) * d + o + t] += lambda * (1 - pr.alpha) * pr.vp[free[t]];
            double[] step = new double[d];
            for (int t = 0; t < d; t++) step[t] = -grad[t];
            if (!factorAndSolve(d, h, step)) return steps == 0 ? -1 : steps;
            // the longest step (≤ 1) that keeps every sign and limit
            double tMax = 1.0;
            int block = -1;
            for (int t = 0; t < m; t++) {
                int j = free[t];
                double dj = step[o + t];
                if (dj == 0.0) continue;
                double reach = Double.POSITIVE_INFINITY;
                if (b[j] > 0 && dj < 0) reach = -b[j] / dj;
                if (b[j] < 0 && dj > 0) reach = -b[j] / dj;
                if (dj > 0 && pr.hi[j] < Double.POSITIVE_INFINITY) reach = Math.min(reach, (pr.hi[j] - b[j]) / dj);
                if (dj < 0 && pr.lo[j] > Double.NEGATIVE_INFINITY) reach = Math.min(reach, (pr.lo[j] - b[j]) / dj);
                if (reach < tMax) {
                    tMax = reach;
                    block = t;
                }
            }
            double slope = 0;
            for (int t = 0; t < d; t++) slope += grad[t] * step[t];
            double tStep = tMax;
            double[] nb0 = {b0};
            double[] nb = b.clone();
            if (family == Family.GAUSSIAN) {
                apply(pr, free, m, o, b, b0, step, tStep, block, tStep == tMax, nb, nb0);
            } else {
                // backtracking on the restricted objective (its penalty is smooth inside the orthant)
                double f0 = solver.lossAt(new double[] {b0}, new double[][] {b}) + penalty(pr, b, lambda);
                while (true) {
                    apply(pr, free, m, o, b, b0, step, tStep, block, tStep == tMax, nb, nb0);
                    double f1 = solver.lossAt(nb0, new double[][] {nb}) + penalty(pr, nb, lambda);
                    if (f1 <= f0 + 1e-4 * tStep * slope || (f1 <= f0 && tStep < 1e-3)) break;
                    tStep *= 0.5;
                    if (tStep < 1e-10) return steps;
                }
            }
            solver.setSolution(nb0, new double[][] {nb});
            steps++;
        }
        return steps;
    }

    private static void apply(Problem pr, int[] free, int m, int o, double[] b, double b0, double[] step, double t,
                              int block, boolean toBlock, double[] nb, double[] nb0) {
        nb0[0] = o == 1 ? b0 + t * step[0] : b0;
        for (int q = 0; q < m; q++) {
            int j = free[q];
            nb[j] = b[j] + t * step[o + q];
        }
        if (toBlock && block >= 0) {
            // pin the coefficient that reached zero or a limit exactly there
            int j = free[block];
            double v = nb[j];
            double toZero = Math.abs(v);
            double toLo = Math.abs(v - pr.lo[j]);
            double toHi = Math.abs(v - pr.hi[j]);
            nb[j] = toZero <= Math.min(toLo, toHi) ? 0.0 : (toLo <= toHi ? pr.lo[j] : pr.hi[j]);
        }
    }

    /** λ Σ_j f_j [α|b_j| + (1−α)/2·b_j²]. */
    static double penalty(Problem pr, double[] b, double lambda) {
        double s = 0;
        for (int j = 0; j < pr.p; j++) {
            if (b[j] != 0.0) s += pr.vp[j] * (pr.alpha * Math.abs(b[j]) + 0.5 * (1 - pr.alpha) * b[j] * b[j]);
        }
        return lambda * s;
    }

    /**
     * Solves H·x = rhs in place by Cholesky; a singular H (collinear active columns under a pure
     * L1 penalty) gets a small ridge (Levenberg) added, growing until the factorization succeeds.
     */
    private static boolean factorAndSolve(int d, double[] h, double[] rhs) {
        double maxDiag = 0;
        for (int t = 0; t < d; t++) maxDiag = Math.max(maxDiag, h[t * d + t]);
        if (!(maxDiag > 0) || !Double.isFinite(maxDiag)) return false;
        double[] a = h.clone();
        double ridge = 0;
        for (int attempt = 0; attempt < 8; attempt++) {
            try {
                Cholesky.factor(d, a, 0, d);
                Cholesky.solve(d, a, 0, d, rhs, 0);
                return true;
            } catch (NotPositiveDefiniteException e) {
                ridge = ridge == 0 ? 1e-12 * maxDiag : ridge * 100;
                System.arraycopy(h, 0, a, 0, d * d);
                for (int t = 0; t < d; t++) a[t * d + t] += ridge;
            }
        }
        return false;
    }
}

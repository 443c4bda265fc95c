package dev.occam.glm;

/**
 * The optimality (KKT) conditions of the objective at one λ, in the solvers' scale
 * ({@link Problem}): for every feature j and response k, with g = x̃_jᵀr_k the negative gradient of
 * the data loss and s = g − λ(1−α)f_j b_kj what is left after the ridge part,
 * <ul>
 *   <li>b strictly inside its limits and ≠ 0: s = λαf_j·sign(b);</li>
 *   <li>b = 0: |s| ≤ λαf_j, except in a direction a limit at 0 forbids;</li>
 *   <li>b at a non-zero limit: s − λαf_j·sign(b) points out of the box;</li>
 *   <li>the intercept (when fitted): Σ_i r_ki = 0.</li>
 * </ul>
 * The violation of a coordinate is the distance of its gradient from the allowed set; the
 * certificate of a solution is the largest violation over every feature, not only the active ones.
 */
final class KktCheck {
    private KktCheck() { }

    /** The violation of one coefficient b with negative data-loss gradient g. */
    static double violation(Problem pr, int j, double b, double g, double lambda) {
        double f = pr.vp[j];
        double l1 = lambda * pr.alpha * f;
        double s = g - lambda * (1 - pr.alpha) * f * b;
        double lo = pr.lo[j];
        double hi = pr.hi[j];
        if (b == 0.0) {
            double up = hi > 0.0 ? Math.max(0.0, s - l1) : 0.0;      // it would increase, if allowed
            double down = lo < 0.0 ? Math.max(0.0, -s - l1) : 0.0;   // it would decrease, if allowed
            return Math.max(up, down);
        }
        double r = s - l1 * Math.signum(b);
        if (b >= hi) return Math.max(0.0, -r);   // at the upper limit only a push upward is allowed
        if (b <= lo) return Math.max(0.0, r);    // at the lower limit only a push downward
        return Math.abs(r);
    }

    /**
     * Whether a coefficient at 0 with negative data-loss gradient g violates its KKT condition or
     * comes within {@code slack} of doing so (in a direction its limits allow).
     */
    static boolean withinSlack(Problem pr, int j, double g, double lambda, double slack) {
        double l1 = lambda * pr.alpha * pr.vp[j];
        return (pr.hi[j] > 0.0 && g - l1 > -slack) || (pr.lo[j] < 0.0 && -g - l1 > -slack);
    }

    /**
     * Whether a coefficient is among those Newton steps move ({@link ActiveSetNewton}): non-zero and
     * strictly inside its limits. The others (at 0, or held at a limit) move only by sweeps.
     */
    static boolean free(Problem pr, int j, double bj) {
        return bj != 0.0 && bj > pr.lo[j] && bj < pr.hi[j];
    }

    /**
     * Writes to {@code out} the features of {@code strong[0..ns)} that Newton steps do not move: free
     * (non-zero and strictly inside their limits) in no response. Returns how many.
     */
    static int notFree(Problem pr, double[][] c, int[] strong, int ns, int[] out) {
        int m = 0;
        for (int t = 0; t < ns; t++) {
            int j = strong[t];
            boolean moves = false;
            for (double[] ck : c) moves |= free(pr, j, ck[j]);
            if (!moves) out[m++] = j;
        }
        return m;
    }

    /**
     * The largest violation at the solver's current solution over every response, the intercepts
     * and every feature that is not excluded: the features of the strong set have their gradients
     * refreshed here; those outside it were refreshed by the path loop's last KKT check at this
     * solution ({@code bounds}), exactly or — when a Cauchy–Schwarz bound proves |g_j| below the L1
     * threshold — not at all, and then their violation is 0.
     *
     * @param strong the strong set, {@code strong[0..ns)} (not modified)
     * @param rest the other features that are not excluded, {@code rest[0..nr)} (not modified)
     * @param activeCurrent whether the gradients of the free features (non-zero and inside their
     *                      limits in some response) are current already: Newton steps that solved the
     *                      active set just refreshed them at this solution; only the others are refreshed
     */
    static double maxViolation(Problem pr, PointSolver solver, double lambda, int[] strong, int ns,
                               int[] rest, int nr, GradientBounds bounds, boolean activeCurrent) {
        if (activeCurrent) {
            // Newton steps refresh the features free in some response (non-zero, inside the limits)
            int[] zero = new int[ns];
            int nz = notFree(pr, solver.coefficients(), strong, ns, zero);
            solver.refreshGradients(zero, nz);
        } else {
            solver.refreshGradients(strong, ns);
        }
        double[][] b = solver.coefficients();
        double max = 0.0;
        for (int k = 0; k < b.length; k++) {
            for (int t = 0; t < ns; t++) {
                int j = strong[t];
                double v = violation(pr, j, b[k][j], solver.gradient(k, j), lambda);
                if (Double.isNaN(v)) return Double.NaN;
                max = Math.max(max, v);
            }
            for (int t = 0; t < nr; t++) {
                int j = rest[t];
                if (!bounds.isComputed(j)) continue;
                double v = violation(pr, j, b[k][j], solver.gradient(k, j), lambda);
                if (Double.isNaN(v)) return Double.NaN;
                max = Math.max(max, v);
            }
            if (pr.intercept) max = Math.max(max, Math.abs(solver.interceptGradient(k)));
        }
        return max;
    }
}

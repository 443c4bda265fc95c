package dev.occam.glm;

/**
 * glmnet's schedule of coordinate-descent sweeps at one λ, shared by every point solver: a sweep
 * over the strong set, then sweeps over the coefficients that are non-zero until they settle,
 * then again the strong set, until a full sweep moves nothing above the threshold. A sweep's size
 * is the largest curvature-weighted squared change max_j xv_j·Δb_j² of any coordinate.
 */
final class ActiveSetSweeps {
    /** One coordinate system to sweep over. */
    interface Coordinates {
        /** Minimizes over coordinate j at λ; returns xv_j·Δb_j² (0 when it did not move). */
        double step(int j, double lambda);

        /** Re-optimizes the intercept, if any; returns its weighted squared change. */
        double interceptStep();

        /** Whether coordinate j is currently non-zero. */
        boolean nonZero(int j);
    }

    private ActiveSetSweeps() { }

    /**
     * Runs the sweeps.
     *
     * @param c the coordinates
     * @param lambda λ
     * @param strong the coordinates allowed to move (not modified)
     * @param thr convergence threshold on a sweep's size
     * @param budget passes allowed
     * @return passes used, or −passes−1 when the budget ran out before convergence
     */
    static long run(Coordinates c, double lambda, int[] strong, double thr, long budget) {
        long passes = 0;
        int[] active = new int[strong.length];
        while (true) {
            double dlx = 0;
            int na = 0;
            for (int j : strong) {
                dlx = Math.max(dlx, c.step(j, lambda));
                if (c.nonZero(j)) active[na++] = j;
            }
            dlx = Math.max(dlx, c.interceptStep());
            passes++;
            if (dlx < thr) return passes;
            if (passes >= budget) return -passes - 1;
            while (true) {
                dlx = 0;
                for (int k = 0; k < na; k++) {
                    dlx = Math.max(dlx, c.step(active[k], lambda));
                }
                dlx = Math.max(dlx, c.interceptStep());
                passes++;
                if (dlx < thr) break;
                if (passes >= budget) return -passes - 1;
            }
        }
    }
}

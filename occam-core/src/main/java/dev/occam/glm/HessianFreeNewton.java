package dev.occam.glm;

/**
 * Newton steps on an active set too large for a factored Hessian (more than
 * {@link ActiveSetNewton#MAX_COORDINATES} coordinates) or on columns too sparse for one to pay
 * ({@link #preferred}), for single-response fits whose solver keeps
 * η ({@link PointSolver#linearPredictor}: binomial and poisson). The restricted objective is that of
 * {@link ActiveSetNewton}: the data loss plus, on the non-zero coordinates, the penalty with their
 * signs fixed, λ·Σ f_j (α·sign(b_j)·b_j + (1−α)/2·b_j²). Each step solves
 * (X̃_Aᵀ W X̃_A + λ(1−α)·diag(f_A))·s = −∇ — the intercept's row and column included, W the Fisher
 * weights of {@link PointSolver#hessianWeights} — by conjugate gradients preconditioned by the
 * diagonal, never forming the Hessian: a product is X̃_A·v (one pass over the active columns) and
 * X̃_Aᵀ·(W∘X̃_A·v) (another, column by column in parallel).
 *
 * <p>Why: late in a sparse path (d-lasso, binomial 100 000 × 50 000, 0.1 % non-zeros) 44 000 and
 * more coordinates are active; coordinate descent there gains about 0.03 decades of KKT violation
 * per pass (292 passes per λ at λ_max/100 to certify), while conjugate gradients on the same
 * Hessian reach 1e-8 in 18–86 products (measured at λ indices 20–49 of that path).
 *
 * <p>The products of each iteration also give the step's linear predictor (Σ αₖ·X̃pₖ), so the line
 * search costs O(n) per trial. A coordinate the step would take across 0 (or out of its box) is set
 * to 0 (or its limit) — a projection, corrected in η by its own column — and leaves the set; the
 * KKT check that follows decides whether it must come back.
 */
final class HessianFreeNewton {
    /** Newton steps per call at most. */
    static final int MAX_STEPS = 30;
    /** Conjugate-gradient iterations per step at most. */
    static final int MAX_ITERATIONS = 500;
    /**
     * A step's conjugate gradients stop once the largest residual is this share of the largest
     * gradient (or half the goal): an inexact Newton method whose steps each gain about three
     * decades until the quadratic model's own error takes over.
     */
    static final double FORCING = 1e-3;
    /**
     * Sweeps that cost about as much as one of these steps (its products plus the gradient, the
     * diagonal and the step's own pass), for {@link RefinementSchedule}: a step on d-lasso takes
     * 15–25 products, each about half a sweep's time once products of 250 000 stored entries or more
     * run on every core ({@link ParallelColumns}). It was 40 while the products' gathers ran on one
     * thread up to 4 million entries; at 20 the middle λ of d50-lasso hand over to these steps after
     * their probe of sweeps (passes 1 075 → 803, products 687 → 922): whole path 0.93 and 0.95 of
     * the time before, in two sets of five alternating runs, together with the parallel threshold.
     */
    static final long SWEEPS_PER_STEP = 20;

    private HessianFreeNewton() { }

    /**
     * Whether these steps replace a factored Hessian's for d coordinates: when d exceeds
     * {@link ActiveSetNewton#MAX_COORDINATES} times the columns' density (stored entries over rows).
     * A factored system forms its Hessian dense, n·d² multiply-adds at level-3 speed, while a step
     * here costs ~{@value #SWEEPS_PER_STEP} passes over the active columns' stored entries; the
     * Hessian then costs many such steps about where d passes that bound. Dense columns keep
     * the factored Hessian up to 3 000 coordinates as before; on d-lasso (0.1 % dense) every step
     * is Hessian-free: its first 50 λ certified in 23 s instead of 39 s, the factored Hessians of
     * its early λ (a few thousand columns, formed dense) having cost more than all its sweeps; a
     * binomial path of 20 000 × 3 000 columns 0.2 % dense (up to 2 861 active) in 1.1 s instead of 28 s.
     */
    static boolean preferred(Problem pr, PointSolver solver, int d) {
        double density = Math.min(1.0, pr.entriesPerColumn() / Math.max(pr.n, 1));
        return applies(pr, solver) && d > ActiveSetNewton.MAX_COORDINATES * density;
    }

    /** Whether these steps apply: a single-response solver that keeps η, over the rows of X. */
    private static boolean applies(Problem pr, PointSolver solver) {
        return pr.x != null && solver.responses() == 1 && solver.linearPredictor() != null;
    }

    /**
     * Newton steps on the solver's free coordinates (non-zero and strictly inside their limits) and
     * the intercept at λ until the restricted objective's largest gradient is at most {@code goal}.
     *
     * @param gradientsCurrent whether the solver's gradients of the free coordinates are those of its
     *                         current solution (the caller's KKT check just measured them)
     */
    static ActiveSetNewton.Result polish(Problem pr, PointSolver solver, double lambda, double goal, boolean gradientsCurrent) {
        return polish(pr, solver, lambda, goal, gradientsCurrent, null);
    }

    /**
     * {@link #polish} that also watches the coordinates {@code watch} (the path loop passes
     * every feature): before each step, those at 0 whose KKT conditions fail at the current solution
     * join the free set with the sign they move to, so that they are solved in the same steps as the
     * others rather than found by the caller's KKT check once the others are solved (which then
     * takes ~2 more steps on the whole set: measured on d50-lasso's late λ, where they came from
     * outside the strong set). One that the step would move against its sign stays at 0 (the
     * projection) and is not taken in again in this call. The check refreshes the gradients of the
     * watched zeros only: late in a path a small share of the columns, and of one product's cost.
     */
    static ActiveSetNewton.Result polish(Problem pr, PointSolver solver, double lambda, double goal, boolean gradientsCurrent,
                                         int[] watch) {
        int p = pr.p;
        int n = pr.n;
        int o = pr.intercept ? 1 : 0;
        double ridge = lambda * (1 - pr.alpha);
        int[] free = new int[p];
        // watched coordinates taken in at 0 (+1 or −1: the sign they move to), and those dropped again
        byte[] entering = watch != null ? new byte[p] : null;
        boolean[] dropped = watch != null ? new boolean[p] : null;
        int[] zeros = watch != null ? new int[watch.length] : null;
        int steps = 0;
        int stalled = 0;
        double lastGmax = Double.POSITIVE_INFINITY;
        double lossHere = Double.NaN;
        boolean current = gradientsCurrent;
        while (steps < MAX_STEPS) {
            double[] b = solver.coefficients()[0].clone();
            double b0 = solver.intercepts()[0];
            if (watch != null) {
                // the watched zeros that violate now join with the sign they move to
                int nz = 0;
                for (int j : watch) {
                    if (!pr.excluded[j] && b[j] == 0.0 && entering[j] == 0 && !dropped[j]) zeros[nz++] = j;
                }
                if (nz > 0) {
                    solver.refreshGradients(zeros, nz);
                    for (int t = 0; t < nz; t++) {
                        int j = zeros[t];
                        if (solver.violates(j, lambda)) entering[j] = (byte) (solver.gradient(0, j) > 0 ? 1 : -1);
                    }
                }
            }
            int m = 0;
            for (int j = 0; j < p; j++) {
                if (pr.excluded[j]) continue;
                if ((b[j] != 0.0 && b[j] > pr.lo[j] && b[j] < pr.hi[j]) || (b[j] == 0.0 && entering != null && entering[j] != 0)) {
                    free[m++] = j;
                }
            }
            int d = o + m;
            if (d == 0) return new ActiveSetNewton.Result(steps, true, true);
            if (!current) solver.refreshGradients(free, m);
            current = false;
            double[] grad = new double[d];
            if (o == 1) grad[0] = -solver.interceptGradient(0);
            for (int t = 0; t < m; t++) {
                int j = free[t];
                grad[o + t] = -solver.gradient(0, j) + ridge * pr.vp[j] * b[j] + lambda * pr.alpha * pr.vp[j] * direction(b[j], entering, j);
            }
            double gmax = maxAbs(grad);
            if (!(gmax > goal)) return new ActiveSetNewton.Result(steps, true, true);
            // rounding in charge: two steps in a row that did not halve the gradient
            stalled = gmax < 0.5 * lastGmax ? 0 : stalled + 1;
            if (stalled >= 2) return new ActiveSetNewton.Result(steps, true, false);
            lastGmax = gmax;

            double[] w = solver.hessianWeights();
            double[] dEta = new double[n];
            double[] step = conjugateGradients(pr, free, m, o, w, ridge, grad, Math.max(FORCING * gmax, 0.5 * goal), dEta);
            if (step == null) return new ActiveSetNewton.Result(steps, steps > 0, false);

            double slopeFull = 0;
            for (int t = 0; t < d; t++) slopeFull += grad[t] * step[t];
            if (!(slopeFull < 0)) return new ActiveSetNewton.Result(steps, steps > 0, false);
            if (Double.isNaN(lossHere)) lossHere = solver.lossAlong(new double[] {b0}, new double[][] {b}, new double[n], 0.0);
            double f0 = lossHere + ActiveSetNewton.penalty(pr, new double[][] {b}, lambda);
            double tStep = 1.0;
            while (true) {
                // the projected trial: coordinates crossing 0 or a limit stop there, η corrected by their columns
                double[] nb = b.clone();
                double[] correction = null;
                for (int t = 0; t < m; t++) {
                    int j = free[t];
                    double moved = b[j] + tStep * step[o + t];
                    double kept = Math.signum(moved) != direction(b[j], entering, j) ? 0.0 : Math.min(Math.max(moved, pr.lo[j]), pr.hi[j]);
                    nb[j] = kept;
                    if (kept != moved) {
                        if (correction == null) correction = new double[p];
                        correction[j] = kept - moved;
                    }
                }
                double nb0 = b0 + (o == 1 ? tStep * step[0] : 0.0);
                double[] trial = new double[n];
                if (correction != null) pr.linearPredictor(0.0, correction, trial);
                for (int i = 0; i < n; i++) trial[i] += tStep * dEta[i];
                double slope = o == 1 ? grad[0] * (nb0 - b0) : 0.0;
                for (int t = 0; t < m; t++) slope += grad[o + t] * (nb[free[t]] - b[free[t]]);
                double loss1 = solver.lossAlong(new double[] {nb0}, new double[][] {nb}, trial, 1.0);
                double f1 = loss1 + ActiveSetNewton.penalty(pr, new double[][] {nb}, lambda);
                // a decrease at the objective's rounding level cannot be checked on it: take the step
                boolean checkable = -slope > 1e-13 * (1 + Math.abs(f0));
                if (!checkable || f1 <= f0 + 1e-4 * Math.min(slope, 0)) {
                    solver.setSolutionAlong(new double[] {nb0}, new double[][] {nb}, trial, 1.0);
                    lossHere = loss1;
                    if (entering != null) {
                        // taken in: now free like the others; held at 0 by the projection: left out
                        for (int t = 0; t < m; t++) {
                            int j = free[t];
                            if (entering[j] == 0) continue;
                            if (nb[j] == 0.0) dropped[j] = true;
                            entering[j] = 0;
                        }
                    }
                    break;
                }
                tStep *= 0.5;
                if (tStep < 1e-10) return new ActiveSetNewton.Result(steps, true, false);
            }
            steps++;
        }
        return new ActiveSetNewton.Result(steps, true, false);
    }

    /**
     * Solves (X̃ᵀWX̃ + ridge·F)·s = −grad over [intercept, free[0..m)] by conjugate gradients with
     * the diagonal as preconditioner, until the largest residual is at most {@code tolerance};
     * adds X̃·s (the intercept's 1 included) to {@code dEta}. Returns s, or null when the Hessian
     * shows no curvature along a direction (a product with pᵀHp ≤ 0).
     */
    private static double[] conjugateGradients(Problem pr, int[] free, int m, int o, double[] w, double ridge, double[] grad,
                                               double tolerance, double[] dEta) {
        int d = o + m;
        int n = pr.n;
        double[] diag = diagonal(pr, free, m, o, w, ridge);
        double[] x = new double[d];
        double[] r = new double[d];
        for (int t = 0; t < d; t++) r[t] = -grad[t];
        double[] z = new double[d];
        for (int t = 0; t < d; t++) z[t] = r[t] / diag[t];
        double[] dir = z.clone();
        double rz = dot(r, z);
        double[] q = new double[d];
        double[] xp = new double[n];
        Products products = new Products(pr, free, m);
        for (int it = 0; it < MAX_ITERATIONS && maxAbs(r) > tolerance; it++) {
            products.hessianTimes(o, w, ridge, dir, xp, q);
            double curvature = dot(dir, q);
            if (!(curvature > 0)) return null;
            double a = rz / curvature;
            for (int t = 0; t < d; t++) {
                x[t] += a * dir[t];
                r[t] -= a * q[t];
            }
            for (int i = 0; i < n; i++) dEta[i] += a * xp[i];
            for (int t = 0; t < d; t++) z[t] = r[t] / diag[t];
            double rzNext = dot(r, z);
            double beta = rzNext / rz;
            rz = rzNext;
            for (int t = 0; t < d; t++) dir[t] = z[t] + beta * dir[t];
        }
        return x;
    }

    /** The sign a free coordinate's penalty takes: its own, or for one taken in at 0 the sign it moves to. */
    private static double direction(double bj, byte[] entering, int j) {
        if (bj != 0.0 || entering == null) return Math.signum(bj);
        return entering[j];
    }

    /** q = (X̃ᵀWX̃ + ridge·F)·v over [intercept, free]; {@code xv} receives X̃·v (the intercept's 1 included). */
    static void hessianTimes(Problem pr, int[] free, int m, int o, double[] w, double ridge, double[] v, double[] xv, double[] q) {
        new Products(pr, free, m).hessianTimes(o, w, ridge, v, xv, q);
    }

    /**
     * The Hessian products of one conjugate-gradient solve over a fixed free set, with their p- and
     * n-long scratch vectors allocated once for the solve rather than at every product (d50-lasso
     * forms ~700 products of ~40 000 columns; fresh arrays cost each of them their zeroing and
     * fresh memory).
     */
    private static final class Products {
        private final Problem pr;
        private final int[] free;
        private final int m;
        /** Position of each free feature in the solve's vectors. */
        private final int[] at;
        /** v spread over all p features (0 outside the free set, which stays fixed). */
        private final double[] full;
        private final double[] scratch;
        private final double[] wx;

        Products(Problem pr, int[] free, int m) {
            this.pr = pr;
            this.free = free;
            this.m = m;
            this.at = new int[pr.p];
            for (int t = 0; t < m; t++) at[free[t]] = t;
            this.full = new double[pr.p];
            this.scratch = new double[pr.p];
            this.wx = new double[pr.n];
        }

        void hessianTimes(int o, double[] w, double ridge, double[] v, double[] xv, double[] q) {
            int n = pr.n;
            for (int t = 0; t < m; t++) full[free[t]] = v[o + t];
            pr.linearPredictor(o == 1 ? v[0] : 0.0, full, xv, scratch);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                wx[i] = w[i] * xv[i];
                sum += wx[i];
            }
            if (o == 1) q[0] = sum;
            double total = sum;
            ParallelColumns.forEach(free, m, pr.entriesPerColumn(), j -> q[o + at[j]] = pr.gradient(j, wx, total));
            for (int t = 0; t < m; t++) q[o + t] += ridge * pr.vp[free[t]] * v[o + t];
        }
    }

    /** The Hessian's diagonal: Σ W (the intercept) and Σ_i W_i x̃_ij² + ridge·f_j. */
    private static double[] diagonal(Problem pr, int[] free, int m, int o, double[] w, double ridge) {
        double[] diag = new double[o + m];
        double sumW = 0;
        for (double v : w) sumW += v;
        if (o == 1) diag[0] = sumW;
        double total = sumW;
        int[] at = new int[pr.p];
        for (int t = 0; t < m; t++) at[free[t]] = t;
        ParallelColumns.forEach(free, m, 2 * pr.entriesPerColumn(), j -> {
            double c = pr.centres[j];
            double s = pr.scales[j];
            double sw = pr.x.dotColumn(j, w);
            double sq = pr.x.weightedSumOfSquares(j, w);
            diag[o + at[j]] = Math.max((sq - 2 * c * sw + c * c * total) / (s * s), 0.0) + ridge * pr.vp[j];
        });
        for (int t = 0; t < o + m; t++) {
            // a column without curvature (constant on the rows with weight) keeps the preconditioner finite
            if (!(diag[t] > 0)) diag[t] = 1.0;
        }
        return diag;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int t = 0; t < a.length; t++) s += a[t] * b[t];
        return s;
    }

    private static double maxAbs(double[] a) {
        double max = 0;
        for (double v : a) max = Math.max(max, Math.abs(v));
        return max;
    }
}

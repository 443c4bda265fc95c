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
 * binomial and poisson the Fisher information, for multinomial the softmax Hessian with the classes
 * coupled, with a backtracking (Armijo) line search). A step
 * that would carry a coefficient across zero or past a limit is shortened to stop there, and that
 * coefficient is pinned (0 or the limit) and leaves the set. Coordinate descent alone converges
 * linearly, slowly on ill-conditioned data (collinear columns, no intercept); these steps converge
 * quadratically from where it stops. Features outside A are not touched, except those the caller
 * names as entering ({@link Entering}: they join the first step with the sign they enter with); the
 * caller checks the KKT conditions on all features afterwards and admits any other violator.
 */
final class ActiveSetNewton {
    /** Newton steps per call at most (each shortened step pins one coefficient). */
    static final int MAX_STEPS = 50;
    /**
     * Most coordinates a Newton step is formed for: its Hessian and factor take 2·8·d² bytes (144 MB
     * at 3000). Larger active sets are refined by sweeps alone.
     */
    static final int MAX_COORDINATES = 3000;

    /**
     * A stale Hessian is formed anew only when stepping on, at the rate the last step reached, is
     * estimated to cost more than 1/REFRESH_SHARE times the refresh. The BFGS corrections ({@link NewtonSystem#secant}) make the steps that
     * follow faster than the last one's rate suggests. Measured on the binomial benchmark b-lasso
     * (50 000 × 1 000): share 0.2 took 91 CPU s, 1 took 104, never refreshing 129.
     */
    static final double REFRESH_SHARE = 0.2;

    private ActiveSetNewton() { }

    /**
     * Runs Newton steps until the largest gradient of the restricted objective is at most
     * {@code goal}, no step can be formed, the gradient stops halving, or {@link #MAX_STEPS}.
     *
     * @param system the single-response fit's kept Newton system ({@link NewtonSystem}), or null
     *               to form each step's Hessian from the solver
     * @param gradientsCurrent whether the solver's gradients of every non-zero coefficient are those of
     *                         its current solution already (the path loop's KKT check just refreshed them)
     */
    static Result polish(Problem pr, PointSolver solver, Family family, double lambda, double goal, NewtonSystem system,
                         boolean gradientsCurrent) {
        return polish(pr, solver, family, lambda, goal, system, gradientsCurrent, Entering.NONE);
    }

    /**
     * {@link #polish} with coordinates that enter the set at its first step: coordinates at 0 (or
     * held at a limit) whose KKT conditions fail at the solver's current solution, each with the sign
     * it moves to. They join the first Newton step with that sign's penalty; one whose step would go
     * the other way (or out of its box) leaves the set before the step is taken, and the step is
     * solved again without it. This takes in, in the same steps that solve the active set, what
     * coordinate descent would otherwise add by sweeps that upset the active set's solution.
     * Single-response fits only ({@code entering} must be empty otherwise); the caller has the
     * gradients of the entering coordinates current.
     */
    static Result polish(Problem pr, PointSolver solver, Family family, double lambda, double goal, NewtonSystem system,
                         boolean gradientsCurrent, Entering entering) {
        return polish(pr, solver, family, lambda, goal, system, gradientsCurrent, entering, null);
    }

    /**
     * {@link #polish} where Hessian-free steps, if taken ({@link HessianFreeNewton#preferred}), watch
     * the coordinates {@code watch} (the path loop passes every feature) and take in those at 0 that
     * come to violate ({@link HessianFreeNewton#polish(Problem, PointSolver, double, double, boolean, int[])}).
     */
    static Result polish(Problem pr, PointSolver solver, Family family, double lambda, double goal, NewtonSystem system,
                         boolean gradientsCurrent, Entering entering, int[] watch) {
        int classes = solver.responses();
        int p = pr.p;
        boolean icpt = pr.intercept;
        int o = icpt ? 1 : 0;
        int[][] free = new int[classes][p];
        int[] m = new int[classes];
        int[] union = new int[p];
        boolean[] inUnion = new boolean[p];
        int steps = 0;
        double lastGmax = Double.POSITIVE_INFINITY;
        boolean pinned = false;
        // sweeps may have moved the solution since the system's Hessian was formed
        if (system != null) system.solutionChanged();
        boolean reached = false;
        // whether the last step's Hessian was formed at the point it stepped from
        boolean lastFresh = true;
        // the last step taken and the gradient it started from (for the system's secant corrections)
        double[] lastStep = null;
        double[] lastGrad = null;
        // A gaussian step shortened to pin a coefficient needs no pass: the restricted objective is
        // quadratic, so after moving t along Δ = −(H + ridge)⁻¹∇ its gradient is (1 − t)·∇ on the
        // coordinates that stay. Such steps are chained here (b, b0, grad carried) and the solver
        // learns the solution once, before the gradient that decides the goal is measured.
        boolean carried = false;
        double[][] b = null;
        double[] b0 = null;
        double[] grad = null;
        double gmax = 0;
        int d = 0;
        // the data loss at the solver's current solution when a line search measured it (else NaN)
        double lossHere = Double.NaN;
        if (entering.count() > 0 && (classes != 1 || system == null)) {
            throw new IllegalArgumentException("entering coordinates need a single-response fit with a kept Newton system");
        }
        // entering coordinates taken out again before the first step (they would move the wrong way)
        boolean[] dropped = entering.count() > 0 ? new boolean[p] : null;
        while (steps < MAX_STEPS) {
            if (!carried) {
                b = deepCopy(solver.coefficients());
                b0 = solver.intercepts().clone();
                int nu = 0;
                java.util.Arrays.fill(inUnion, false);
                d = 0;
                for (int k = 0; k < classes; k++) {
                    m[k] = 0;
                    for (int j = 0; j < p; j++) {
                        if (!pr.excluded[j] && ((b[k][j] != 0.0 && b[k][j] > pr.lo[j] && b[k][j] < pr.hi[j])
                                || (steps == 0 && entering.sign(j) != 0 && !dropped[j]))) {
                            free[k][m[k]++] = j;
                            if (!inUnion[j]) {
                                inUnion[j] = true;
                                union[nu++] = j;
                            }
                        }
                    }
                    d += m[k] + o;
                }
                if (d == 0) {
                    reached = true;
                    break;
                }
                if (HessianFreeNewton.preferred(pr, solver, d)) {
                    // too many coordinates for a factored Hessian, or too sparse for one to pay: conjugate
                    // gradients on its products (the given entering coordinates are not taken in there:
                    // the watched ones that come to violate are, others the caller's KKT check admits)
                    Result r = HessianFreeNewton.polish(pr, solver, lambda, goal, steps == 0 && gradientsCurrent, watch);
                    return new Result(steps + r.steps(), steps > 0 || r.formed(), r.reached());
                }
                if (d > MAX_COORDINATES) return new Result(steps, steps > 0, false);
                // the caller's KKT check has just measured them at this solution: a pass saved per call
                if (steps > 0 || !gradientsCurrent) solver.refreshGradients(union, nu);
                // gradient of the restricted objective, class by class: [intercept, free features]
                grad = new double[d];
                gmax = 0;
                int at = 0;
                for (int k = 0; k < classes; k++) {
                    if (icpt) {
                        grad[at] = -solver.interceptGradient(k);
                        gmax = Math.max(gmax, Math.abs(grad[at]));
                        at++;
                    }
                    for (int t = 0; t < m[k]; t++, at++) {
                        int j = free[k][t];
                        double f = pr.vp[j];
                        grad[at] = -solver.gradient(k, j) + lambda * (1 - pr.alpha) * f * b[k][j]
                                + lambda * pr.alpha * f * penaltySign(b[k][j], steps == 0 ? entering.sign(j) : 0);
                        gmax = Math.max(gmax, Math.abs(grad[at]));
                    }
                }
                if (!(gmax > goal)) {
                    reached = true;
                    break;
                }
                if (system != null && lastStep != null && !pinned && lastStep.length == d) {
                    double[] y = new double[d];
                    for (int t = 0; t < d; t++) y[t] = grad[t] - lastGrad[t];
                    system.secant(free[0], m[0], lastStep, y);
                }
                if (steps > 0 && lastFresh && !(gmax < 0.5 * lastGmax) && !pinned) {
                    // Newton converges quadratically; a step that did not halve the gradient means rounding
                    // (or a pinned coordinate) is in charge: leave the rest to coordinate descent
                    break;
                }
                if (steps > 0 && !lastFresh) {
                    // a Hessian formed at other weights converges linearly: form it anew when stepping
                    // on at the rate the last step reached would cost 1/REFRESH_SHARE times more (or it
                    // made no progress)
                    double rate = gmax / lastGmax;
                    double stepsLeft = rate < 1 ? Math.log(gmax / goal) / -Math.log(rate) : Double.POSITIVE_INFINITY;
                    system.staleStep(d, rate);
                    if (system.refreshPays(d, blas3())
                            || system.refreshCost(d, blas3()) + 2 * system.passCost(d) < REFRESH_SHARE * stepsLeft * system.passCost(d)) {
                        system.refresh();
                    }
                }
            }
            carried = false;
            lastGmax = gmax;
            double[] step = new double[d];
            for (int t = 0; t < d; t++) step[t] = -grad[t];
            if (system != null) {
                if (!system.solve(free[0], m[0], lambda * (1 - pr.alpha), step)) return unsolved(solver, b0, b, steps);
                lastFresh = !system.stale();
                if (steps == 0 && entering.count() > 0 && dropWrongWay(pr, free[0], m[0], o, b[0], step, entering, dropped)) {
                    // an entering coordinate would move against its sign (or out of its box): it stays
                    // where it is, and the step is solved again without it
                    continue;
                }
            } else {
                double[] h = new double[d * d];
                if (!solver.hessian(free, m, icpt, h)) return unsolved(solver, b0, b, steps);
                int at = 0;
                for (int k = 0; k < classes; k++) {
                    at += o;
                    for (int t = 0; t < m[k]; t++, at++) h[at * d + at] += lambda * (1 - pr.alpha) * pr.vp[free[k][t]];
                }
                if (!factorAndSolve(d, h, step)) return unsolved(solver, b0, b, steps);
            }
            // the longest step (≤ 1) that keeps every sign and limit
            double tMax = 1.0;
            int blockK = -1;
            int blockJ = -1;
            int at = 0;
            for (int k = 0; k < classes; k++) {
                at += o;
                for (int t = 0; t < m[k]; t++, at++) {
                    int j = free[k][t];
                    double dj = step[at];
                    double bj = b[k][j];
                    if (dj == 0.0) continue;
                    double reach = Double.POSITIVE_INFINITY;
                    if ((bj > 0 && dj < 0) || (bj < 0 && dj > 0)) reach = -bj / dj;
                    if (dj > 0 && pr.hi[j] < Double.POSITIVE_INFINITY) reach = Math.min(reach, (pr.hi[j] - bj) / dj);
                    if (dj < 0 && pr.lo[j] > Double.NEGATIVE_INFINITY) reach = Math.min(reach, (pr.lo[j] - bj) / dj);
                    if (reach < tMax) {
                        tMax = reach;
                        blockK = k;
                        blockJ = j;
                    }
                }
            }
            double slope = 0;
            for (int t = 0; t < d; t++) slope += grad[t] * step[t];
            double tStep = tMax;
            double[] direction = null;
            double[] nb0 = b0.clone();
            double[][] nb = deepCopy(b);
            if (family == Family.GAUSSIAN) {
                apply(pr, free, m, o, b, b0, step, tStep, blockK, blockJ, nb, nb0);
                if (classes == 1 && blockK >= 0) {
                    // pinned: chain the next step on the quadratic, without a pass (see above)
                    pinned = true;
                    steps++;
                    int gone = -1;
                    for (int t = 0; t < m[0]; t++) if (free[0][t] == blockJ) gone = t;
                    double[] next = new double[d - 1];
                    double nextMax = 0;
                    for (int t = 0, q = 0; t < d; t++) {
                        if (t == o + gone) continue;
                        next[q] = (1 - tStep) * grad[t];
                        nextMax = Math.max(nextMax, Math.abs(next[q++]));
                    }
                    System.arraycopy(free[0], gone + 1, free[0], gone, m[0] - gone - 1);
                    m[0]--;
                    d--;
                    b = nb;
                    b0 = nb0;
                    grad = next;
                    gmax = nextMax;
                    // the goal is judged on the measured gradient: hand the solution over first
                    carried = d > 0 && gmax > goal;
                    if (!carried) solver.setSolution(nb0, nb);
                    continue;
                }
            } else {
                // the step's direction in the linear predictor, one pass over the active columns: the
                // line search and the new solution then cost O(n) each, not a pass
                double[] dEta = null;
                if (system != null && pr.x != null) {
                    double[] stepB = new double[p];
                    for (int t = 0; t < m[0]; t++) stepB[free[0][t]] = step[o + t];
                    dEta = new double[pr.n];
                    pr.linearPredictor(icpt ? step[0] : 0.0, stepB, dEta);
                }
                direction = dEta;
                // backtracking on the restricted objective (its penalty is smooth inside the orthant)
                // the loss here is the one the last accepted step's line search measured (same η)
                if (Double.isNaN(lossHere)) lossHere = solver.lossAlong(b0, b, dEta, 0.0);
                double f0 = lossHere + penalty(pr, b, lambda);
                lossHere = Double.NaN;
                // a predicted decrease at the objective's rounding level cannot be checked on the
                // objective: there the quadratic model is exact to working precision, take the step
                boolean checkable = -slope > 1e-13 * (1 + Math.abs(f0));
                while (true) {
                    apply(pr, free, m, o, b, b0, step, tStep, tStep == tMax ? blockK : -1, blockJ, nb, nb0);
                    if (!checkable) break;
                    double loss1 = solver.lossAlong(nb0, nb, dEta, tStep);
                    double f1 = loss1 + penalty(pr, nb, lambda);
                    if (f1 <= f0 + 1e-4 * tStep * slope) {
                        lossHere = loss1;
                        break;
                    }
                    tStep *= 0.5;
                    if (tStep < 1e-10) return new Result(steps, true, false);
                }
            }
            pinned = tStep == tMax && blockK >= 0;
            if (system != null) {
                lastGrad = grad;
                lastStep = new double[d];
                for (int t = 0; t < d; t++) lastStep[t] = tStep * step[t];
            }
            solver.setSolutionAlong(nb0, nb, direction, tStep);
            if (system != null) system.solutionChanged();
            steps++;
        }
        if (carried) solver.setSolution(b0, b);
        return new Result(steps, true, reached);
    }

    /**
     * The sign of a coordinate's L1 term in the restricted objective: its coefficient's, or for one
     * at 0 entering the set, the sign it enters with.
     */
    private static double penaltySign(double bj, double enterSign) {
        return bj != 0.0 ? Math.signum(bj) : enterSign;
    }

    /**
     * Marks in {@code dropped} the entering coordinates (still at 0 or at a limit) whose step goes
     * against the sign they enter with or out of their box; returns whether there was any.
     */
    private static boolean dropWrongWay(Problem pr, int[] free, int m, int o, double[] b, double[] step, Entering entering,
                                        boolean[] dropped) {
        boolean any = false;
        for (int t = 0; t < m; t++) {
            int j = free[t];
            double bj = b[j];
            if (KktCheck.free(pr, j, bj)) continue;
            double dj = step[o + t];
            boolean wrong = bj == 0.0 ? dj * entering.sign(j) <= 0 || (dj > 0 && !(pr.hi[j] > 0)) || (dj < 0 && !(pr.lo[j] < 0))
                    : bj >= pr.hi[j] ? !(dj < 0) : !(dj > 0);
            if (wrong) {
                dropped[j] = true;
                any = true;
            }
        }
        return any;
    }

    /**
     * Coordinates that enter the set at the first Newton step, with their signs ({@link #polish}).
     *
     * @param features the entering features
     * @param signs    per feature (length p, or empty when there are none): +1 or −1 for an entering
     *                 feature (the sign its coefficient takes), 0 for the others
     */
    record Entering(int[] features, double[] signs) {
        static final Entering NONE = new Entering(new int[0], new double[0]);

        int count() {
            return features.length;
        }

        double sign(int j) {
            return signs.length == 0 ? 0 : signs[j];
        }
    }

    /** No step could be formed: the solver gets the chained steps' solution, and the caller sweeps. */
    private static Result unsolved(PointSolver solver, double[] b0, double[][] b, int steps) {
        solver.setSolution(b0, b);
        return new Result(steps, steps > 0, false);
    }

    /**
     * What {@link #polish} did.
     *
     * @param steps   Newton steps taken
     * @param formed  whether a Newton system could be formed (false: too many coordinates, no rows,
     *                or not positive definite; refine by coordinate descent alone)
     * @param reached whether the restricted gradient ended at most at the goal: the active set is
     *                solved, and what the KKT conditions still reject lies outside it
     */
    record Result(int steps, boolean formed, boolean reached) { }

    /** How many times faster per multiply-add a level-3 product runs than a sweep's passes. */
    static double blas3() {
        // one level-3 product is several times faster per multiply-add than a sweep's memory-bound
        // passes when a native BLAS runs it
        return dev.occam.linalg.NativeBlas.available() ? 8 : 2;
    }

    private static void apply(Problem pr, int[][] free, int[] m, int o, double[][] b, double[] b0, double[] step,
                              double t, int blockK, int blockJ, double[][] nb, double[] nb0) {
        int at = 0;
        for (int k = 0; k < b.length; k++) {
            if (o == 1) nb0[k] = b0[k] + t * step[at++];
            for (int q = 0; q < m[k]; q++, at++) {
                int j = free[k][q];
                nb[k][j] = b[k][j] + t * step[at];
            }
        }
        if (blockK >= 0) {
            // pin the coefficient that reached zero or a limit exactly there
            double v = nb[blockK][blockJ];
            double toZero = Math.abs(v);
            double toLo = Math.abs(v - pr.lo[blockJ]);
            double toHi = Math.abs(v - pr.hi[blockJ]);
            nb[blockK][blockJ] = toZero <= Math.min(toLo, toHi) ? 0.0 : (toLo <= toHi ? pr.lo[blockJ] : pr.hi[blockJ]);
        }
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int k = 0; k < a.length; k++) c[k] = a[k].clone();
        return c;
    }

    /** λ Σ_k Σ_j f_j [α|b_kj| + (1−α)/2·b_kj²]. */
    static double penalty(Problem pr, double[][] b, double lambda) {
        double s = 0;
        for (double[] bk : b) {
            for (int j = 0; j < pr.p; j++) {
                if (bk[j] != 0.0) s += pr.vp[j] * (pr.alpha * Math.abs(bk[j]) + 0.5 * (1 - pr.alpha) * bk[j] * bk[j]);
            }
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

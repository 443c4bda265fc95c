package dev.occam.glm;

/**
 * The work of a path at one λ: coordinate descent over the strong set, the KKT check over every
 * other feature (any violator joins the strong set and the sweeps run again), and under the
 * certified rule ({@link GlmSettings.Convergence#KKT}) refinement until the largest KKT violation
 * is below the tolerance: sweeps capped at the cost of one Newton step, alternating with
 * {@link ActiveSetNewton} ({@link RefinementSchedule} decides which comes next). A λ whose
 * predecessor ended certified starts with those Newton steps on the kept {@link NewtonSystem}
 * instead of coordinate descent ("Newton first").
 *
 * <p>One instance serves a whole path ({@link PathLoop}): it holds what carries from one λ to the
 * next — the strong set, the pass budget used, the kept Newton system, whether the last λ ended
 * certified, the path predictor — and scratch arrays over the features.
 */
final class LambdaSolve {
    /** Refinement rounds (Newton steps, or a 100× tighter coordinate-descent threshold) per λ at most. */
    private static final int MAX_ROUNDS = 12;
    /**
     * Newton steps aim this far below the KKT target: the check right after them measures the same
     * gradients of the active set, so a little room suffices.
     */
    private static final double NEWTON_MARGIN = 0.5;
    /**
     * "Newton first" steps stop at this violation (relative, like the certificate) to look for zero
     * coordinates that must enter before solving on. Measured on b-lasso (binomial 50 000 × 1 000):
     * 672 Newton steps without the check, 534 at 1e-3, 504 at 1e-2, 680 at 0.1 (nothing caught).
     */
    private static final double ENTERING_CHECK = 1e-2;
    /**
     * A λ's first Newton steps take in, besides the coordinates at 0 that violate the KKT conditions,
     * those within this much (relative, like the certificate) of their threshold: they are likely to
     * violate once the others move, and one that would move the wrong way leaves before the step
     * (no pass). Measured on b-lasso: 463 Newton steps with violators only, 452 at 0.05, 451 at 0.2,
     * 452 at 0.5 and 1 (the strong set bounds the candidates).
     */
    private static final double ENTERING_SLACK = 0.2;

    /** What one λ's solve ended with. */
    record Outcome(double violation, double target, long passes, boolean ok, boolean exhausted, int newtonSteps, int rounds) { }

    private final Problem pr;
    private final PointSolver solver;
    private final Family family;
    private final GlmSettings s;
    private final GradientBounds gradients;
    private final StrongSet strongSet;
    /** The certified rule's Newton system, kept across steps and λ; null under glmnet's rule. */
    private final NewtonSystem system;
    /** Under the certified rule, extrapolates a λ's start from predecessors that share a support; else null. */
    private final PathPredictor predictor;
    /** glmnet's threshold for the sweeps, in the solver's unit. */
    private final double thr;
    private final double lambdaMax;
    private final long budget;
    /** The features Newton steps may take in at 0 (Hessian-free steps only; see {@link #solve}). */
    private final int[] candidates;
    /** Scratch: the features outside the strong set. */
    private final int[] rest;
    /** The strong-set features a refinement sweeps (non-zero, unpenalized or violating). */
    private final boolean[] working;
    /** Passes used so far along the path. */
    private long used;
    /** Whether the last λ ended certified, its strong set's gradients current (see "Newton first"). */
    private boolean newtonFirst;

    LambdaSolve(Problem pr, PointSolver solver, Family family, GlmSettings s, GradientBounds gradients, StrongSet strongSet,
                NewtonSystem system, double thr, double lambdaMax, long used) {
        this.pr = pr;
        this.solver = solver;
        this.family = family;
        this.s = s;
        this.gradients = gradients;
        this.strongSet = strongSet;
        this.system = system;
        this.predictor = system != null ? PathPredictor.of(pr, solver) : null;
        this.thr = thr;
        this.lambdaMax = lambdaMax;
        this.budget = s.maxPasses();
        this.used = used;
        this.candidates = java.util.stream.IntStream.range(0, pr.p).filter(j -> !pr.excluded[j]).toArray();
        this.rest = new int[pr.p];
        this.working = new boolean[pr.p];
    }

    /**
     * Solves at λ from the current solution.
     *
     * @param lambda     λ
     * @param nextLambda the next λ of the path (its strong rule needs gradients exact to its level), or NaN
     * @param solve      false where the solution is 0 by definition (λ ≥ λ_max): only the KKT check runs
     */
    Outcome solve(double lambda, double nextLambda, boolean solve) {
        int[] strong = strongSet.order();
        long spent = 0;
        boolean ok = true;
        int nr = 0;
        int newtonSteps = 0;
        double thrHere = thr;
        double target = s.kktTolerance() * PathLoop.kktScale(lambda, lambdaMax, pr.alpha);
        double violation;
        boolean exhausted = false;
        // passes the sweeps of this round may take before Newton steps take over
        long roundCap = Long.MAX_VALUE;
        boolean newtonPossible = true;
        RefinementSchedule schedule = new RefinementSchedule(target);
        // whether the next round starts by sweeping (not right after Newton steps that solved the active set)
        boolean sweepFirst = true;
        // whether the gradients of the free features are current (Newton steps just refreshed them)
        boolean activeCurrent = false;
        // whether the last Newton steps solved the active set
        boolean activeSolved = false;
        long spentBefore = 0;
        int round = 0;
        // (not where Newton steps are Hessian-free: there coordinate descent to glmnet's threshold
        // lets in the hundreds of coordinates that join per λ far more cheaply than Newton steps
        // solving the old set first; d-lasso's first 50 λ: 38 s instead of 60 s)
        if (solve && newtonFirst && activeCount(solver) > 0
                && !HessianFreeNewton.preferred(pr, solver, activeCount(solver) + solver.responses())) {
            // Newton first: the previous λ ended certified, its KKT check left every strong-set
            // gradient current, and the kept system holds its active set's Hessian. Down the path
            // the support changes little from one λ to the next, so Newton steps from the warm
            // start solve the active set at the new λ (the first step needs no pass: only the
            // penalty's λ changed); sweeps follow only if the KKT check then finds a coordinate
            // at 0 (or held at a limit) that must move. This replaces the coordinate descent to
            // glmnet's threshold that each λ would otherwise start with, and that the Newton steps
            // redo. The steps go first to a loose goal (ENTERING_CHECK): a coordinate that must
            // enter shows by then (its violation exceeds that goal), and solving the old active set
            // any further would be undone once it enters.
            // where the last λ share a support, the steps start from their extrapolation to this
            // λ (one pass for its gradients; measured: one Newton step instead of about three)
            if (predictor != null && predictor.moveTo(lambda, solver)) {
                system.solutionChanged();
                solver.refreshGradients(strong, strongSet.size());
            }
            double loose = Math.max(target, ENTERING_CHECK * PathLoop.kktScale(lambda, lambdaMax, pr.alpha));
            boolean byNewton = entersByNewton(pr, family, strongSet.size());
            ActiveSetNewton.Result first = ActiveSetNewton.polish(pr, solver, family, lambda, loose, system, true,
                    byNewton ? entering(pr, solver, lambda, strong, strongSet.size(), target, ENTERING_SLACK * PathLoop.kktScale(lambda, lambdaMax, pr.alpha))
                            : ActiveSetNewton.Entering.NONE);
            newtonSteps += first.steps();
            if (first.reached()) {
                ActiveSetNewton.Entering more = entering(pr, solver, lambda, strong, strongSet.size(), byNewton ? target : loose);
                if (byNewton || more.count() == 0) {
                    first = ActiveSetNewton.polish(pr, solver, family, lambda, target * NEWTON_MARGIN, system, true, more);
                    newtonSteps += first.steps();
                }
                // else: the active set is solved to the loose goal; the KKT check below finds the
                // coordinates that must enter, and sweeps over them come next
            }
            if (first.reached()) {
                sweepFirst = false;
                activeCurrent = true;
                activeSolved = true;
            }
        }
        while (true) {
            while (solve) {
                // refinement sweeps only visit the coordinates that can still move
                int[] set = round == 0 ? strongSet.sorted() : workingSet(strong, strongSet.size(), working);
                long left = budget - used - spent;
                long allowed = Math.min(left, roundCap);
                if (sweepFirst) {
                    activeCurrent = false;
                    long r = solver.solve(lambda, set, thrHere, allowed);
                    spent += r < 0 ? -r - 1 : r;
                    // sweeps stopped by the round's cap (not the pass budget) leave a valid iterate:
                    // it is checked like any other
                    if (r < 0 && allowed >= left) {
                        ok = false;
                        break;
                    }
                }
                sweepFirst = true;
                nr = strongSet.complement(pr, rest);
                // exact enough for the KKT check at λ and the strong rule at the next λ
                double level = !Double.isNaN(nextLambda) && s.strongRules() ? Math.min(lambda, 2 * nextLambda - lambda) : lambda;
                gradients.refresh(rest, nr, level);
                int added = 0;
                for (int m = 0; m < nr; m++) {
                    int j = rest[m];
                    if (gradients.violates(j, lambda)) {
                        working[j] = true;
                        strongSet.add(j);
                        added++;
                    }
                }
                if (added == 0) break;
            }
            if (!ok) {
                violation = Double.NaN;
                exhausted = true;
                break;
            }
            if (!solve) {
                // nothing solved here: the gradients outside the strong set are those of λ_max's refresh
                nr = strongSet.complement(pr, rest);
            }
            // Newton steps that solved the active set left its gradients current: only the zero
            // coordinates of the strong set need theirs
            violation = KktCheck.maxViolation(pr, solver, lambda, strong, strongSet.size(), rest, nr, gradients, activeCurrent);
            if (s.convergence() != GlmSettings.Convergence.KKT || violation <= target || round == MAX_ROUNDS) break;
            // a zero coefficient whose gradient is within twice the current violation of its
            // threshold may well cross it once the others move: sweep it now rather than
            // discover it in another round
            markWorking(pr, solver, lambda, strong, strongSet.size(), working, 2 * violation);
            solve = true;
            round++;
            if (round == 1) {
                // tight sweeps: a sweep moving no coordinate by more than δ (xv·δ² < thr) leaves
                // gradients about xv·δ from their optimum (xv ≈ 1 for standardized features)
                thrHere = Math.min(thr, target * target);
            }
            if (!newtonPossible) {
                // no Hessian to be had: sweeps alone, ever tighter
                roundCap = Long.MAX_VALUE;
                if (round > 1) thrHere /= 100;
                continue;
            }
            // sweeps or Newton steps, by what each would cost from here (RefinementSchedule)
            double ridge = lambda * (1 - pr.alpha);
            RefinementSchedule.Step step = schedule.next(violation, spent - spentBefore,
                    sweepsPerNewtonStep(pr, solver, strongSet.size(), activeCount(solver), system, ridge), activeSolved);
            spentBefore = spent;
            roundCap = schedule.sweepCap();
            if (step == RefinementSchedule.Step.SWEEPS && activeSolved) {
                // the active set is solved: only the zero coordinates that violate need moving, and
                // the Newton steps that follow take them in
                markEntering(pr, solver, lambda, strong, strongSet.size(), working, target);
            }
            activeSolved = false;
            if (step == RefinementSchedule.Step.SWEEPS) continue;
            // Newton steps on the active set. When they solved it, the KKT check comes next, before
            // any sweep: only a zero coordinate they left violating needs the sweeps that follow
            // the KKT check above measured every strong-set gradient at this solution (or Newton
            // steps did, for the free coordinates): the steps start from them
            // Hessian-free steps watch every feature at 0, not only the strong set's: on
            // d50-lasso's late λ the coordinates that come to violate while the active set is
            // solved were outside it, and finding them by the KKT check afterwards cost ~2 more
            // steps on the whole set
            ActiveSetNewton.Result polished = ActiveSetNewton.polish(pr, solver, family, lambda,
                    target * NEWTON_MARGIN, system, true, ActiveSetNewton.Entering.NONE, candidates);
            strongSet.joinNonZero(pr, solver);
            newtonSteps += polished.steps();
            activeSolved = polished.reached();
            sweepFirst = !polished.reached();
            activeCurrent = polished.reached();
            if (!polished.formed()) {
                // no step could be formed: this round sweeps as long as one Newton step would have cost
                newtonPossible = false;
                roundCap = sweepsPerNewtonStep(pr, solver, strongSet.size(), activeCount(solver), null, ridge);
            }
        }

        newtonFirst = system != null && solve && ok && violation <= target;
        if (predictor != null) {
            if (newtonFirst) predictor.record(lambda, solver);
            else predictor.reset();
        }
        used += spent;
        return new Outcome(violation, target, spent, ok, exhausted, newtonSteps, round);
    }

    /**
     * Sweeps over the strong set that cost about as much as one Newton step on the active set (at
     * least 5): a step of the kept {@link NewtonSystem} when there is one, else one formed from scratch.
     */
    static long sweepsPerNewtonStep(Problem pr, PointSolver solver, int strongCount, int active, NewtonSystem system, double ridge) {
        double d = active + solver.responses();
        if (HessianFreeNewton.preferred(pr, solver, (int) d)) return HessianFreeNewton.SWEEPS_PER_STEP;
        double blas3 = ActiveSetNewton.blas3();
        // the Cholesky factorization is ours (d³/6 multiply-adds); the Hessian one level-3 product
        double newton = system != null ? system.stepCost(solver.coefficients()[0], ridge, blas3)
                : d * d * d / 6 + solver.hessianCost((int) d) / blas3;
        double sweep = Math.max(solver.sweepCost(strongCount), 1.0);
        return (long) Math.max(5, Math.min(1e6, newton / sweep));
    }

    /**
     * Marks the strong-set features a refinement must sweep: non-zero in some response,
     * unpenalized, or violating the KKT conditions (gradients as refreshed by {@link KktCheck}).
     * The others sit at 0 with room, and the next KKT check covers them again.
     */
    private static void markWorking(Problem pr, PointSolver solver, double lambda, int[] strong, int ns, boolean[] working,
                                    double slack) {
        double[][] b = solver.coefficients();
        for (int t = 0; t < ns; t++) {
            int j = strong[t];
            boolean w = pr.vp[j] == 0;
            for (int k = 0; k < b.length && !w; k++) {
                w = b[k][j] != 0.0 || KktCheck.withinSlack(pr, j, solver.gradient(k, j), lambda, slack);
            }
            working[j] = w;
        }
    }


    /**
     * Marks only the strong-set features that Newton steps do not move (at 0 or at a limit in some
     * response) whose KKT violation there exceeds {@code target}.
     */
    private static void markEntering(Problem pr, PointSolver solver, double lambda, int[] strong, int ns, boolean[] working,
                                     double target) {
        double[][] b = solver.coefficients();
        for (int t = 0; t < ns; t++) {
            int j = strong[t];
            boolean entering = false;
            for (int k = 0; k < b.length; k++) {
                entering |= !KktCheck.free(pr, j, b[k][j]) && KktCheck.violation(pr, j, b[k][j], solver.gradient(k, j), lambda) > target;
            }
            working[j] = entering;
        }
    }

    /** {@link #entering(Problem, PointSolver, double, int[], int, double, double)} without slack. */
    static ActiveSetNewton.Entering entering(Problem pr, PointSolver solver, double lambda, int[] strong, int ns, double level) {
        return entering(pr, solver, lambda, strong, ns, level, 0);
    }

    /**
     * The strong-set coordinates that Newton steps do not move ({@link KktCheck#notFree}: at 0 or at
     * a limit) and that violate the KKT conditions at λ by more than {@code level} — or, at 0, come
     * within {@code slack} of their L1 threshold ({@link KktCheck#withinSlack}) — each with the sign
     * it would move to; refreshes the gradients of those coordinates first (few, late in a path).
     */
    static ActiveSetNewton.Entering entering(Problem pr, PointSolver solver, double lambda, int[] strong, int ns, double level,
                                             double slack) {
        double[][] b = solver.coefficients();
        int[] fixed = new int[ns];
        int nf = KktCheck.notFree(pr, b, strong, ns, fixed);
        if (nf == 0) return ActiveSetNewton.Entering.NONE;
        solver.refreshGradients(fixed, nf);
        int[] found = new int[nf];
        double[] signs = null;
        int m = 0;
        for (int t = 0; t < nf; t++) {
            int j = fixed[t];
            for (int k = 0; k < b.length; k++) {
                double bj = b[k][j];
                if (KktCheck.free(pr, j, bj)) continue;
                if (!(KktCheck.violation(pr, j, bj, solver.gradient(k, j), lambda) > level)
                        && !(slack > 0 && bj == 0.0 && KktCheck.withinSlack(pr, j, solver.gradient(k, j), lambda, slack))) continue;
                if (signs == null) signs = new double[pr.p];
                // at 0 it moves the way its gradient exceeds the L1 threshold; at a limit, into its box
                signs[j] = bj != 0.0 ? Math.signum(bj) : Math.signum(solver.gradient(k, j));
                found[m++] = j;
                break;
            }
        }
        return m == 0 ? ActiveSetNewton.Entering.NONE : new ActiveSetNewton.Entering(java.util.Arrays.copyOf(found, m), signs);
    }

    /**
     * Whether coordinates enter by Newton steps ({@link ActiveSetNewton.Entering}) rather than by
     * sweeps over them. Not for gaussian fits: their sweeps cost only Gram columns or covariance
     * updates, while on p ≫ n data (c-lasso: 1 000 rows, up to ~900 active) a Newton system taking
     * in candidates nears singularity, its factor is no longer bordered but formed anew at every
     * solve (measured: 2.5 s → 15 s). For the likelihood families a sweep costs a pass over the
     * rows, and entering by Newton steps saved 11 % of b-lasso's steps and nearly all its sweeps;
     * the strong set must be at most half the rows, for the same reason of rank.
     */
    private static boolean entersByNewton(Problem pr, Family family, int ns) {
        return family != Family.GAUSSIAN && 2L * (ns + 1) <= pr.n;
    }

    private static int[] workingSet(int[] strong, int ns, boolean[] working) {
        int[] set = new int[ns];
        int m = 0;
        for (int t = 0; t < ns; t++) if (working[strong[t]]) set[m++] = strong[t];
        set = java.util.Arrays.copyOf(set, m);
        java.util.Arrays.sort(set);
        return set;
    }

    /** Non-zero coefficients over all responses. */
    private static int activeCount(PointSolver solver) {
        int a = 0;
        for (double[] bk : solver.coefficients()) for (double v : bk) if (v != 0.0) a++;
        return a;
    }
}

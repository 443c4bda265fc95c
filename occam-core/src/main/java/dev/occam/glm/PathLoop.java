package dev.occam.glm;

import java.util.ArrayList;
import java.util.List;

/**
 * The path layer: walks down the λ sequence with warm starts. At each λ the sequential strong rule
 * (Tibshirani et al. 2012) proposes which features may move — those already in the strong set and
 * those with |g_j(λ_prev)| ≥ α f_j (2λ − λ_prev) — the point solver optimizes over them, and a
 * KKT check over all other features adds any violator and solves again, so the result is exact.
 * The strong set only grows along the path, as in glmnet.
 *
 * <p>Under the certified rule ({@link GlmSettings.Convergence#KKT}) each λ then measures its KKT
 * violation on every feature ({@link KktCheck}) and refines until it is below the tolerance: sweeps
 * capped at the cost of one Newton step, alternating with {@link ActiveSetNewton}. A λ whose
 * predecessor ended certified starts with those Newton steps on the kept {@link NewtonSystem}
 * instead of coordinate descent ("Newton first"). The violation is measured and kept under either rule.
 */
final class PathLoop {
    /** glmnet's defaults: no early stop before the 5th λ, deviance ratio cap and minimal change. */
    private static final int MIN_LAMBDAS = 5;
    private static final double DEV_MAX = 0.999;
    private static final double DEV_CHANGE = 1e-5;
    /**
     * λ_max below this times √(null deviance) is a gradient at rounding level: for standardized
     * features the gradient is at most √(deviance) (a correlation of 1), so this is a correlation of 1e-10.
     */
    private static final double NO_GRADIENT = 1e-10;
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

    /** The solver's null deviance, or 0 when it has none to scale by (not positive, or not finite). */
    private static double nullDevianceOf(PointSolver solver) {
        double d = solver.nullDeviance();
        return d > 0 && Double.isFinite(d) ? d : 0.0;
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

    /**
     * Adds to the strong set the features that are non-zero outside it (taken in by Newton steps),
     * since sweeps and the KKT check treat the strong set's features as the ones that may be
     * non-zero; returns its new size.
     */
    private static int joinStrong(Problem pr, PointSolver solver, boolean[] inStrong, int[] strong, int ns) {
        double[][] b = solver.coefficients();
        for (int j = 0; j < pr.p; j++) {
            if (inStrong[j] || pr.excluded[j]) continue;
            for (double[] bk : b) {
                if (bk[j] != 0.0) {
                    inStrong[j] = true;
                    strong[ns++] = j;
                    break;
                }
            }
        }
        return ns;
    }

    /** Non-zero coefficients over all responses. */
    private static int activeCount(PointSolver solver) {
        int a = 0;
        for (double[] bk : solver.coefficients()) for (double v : bk) if (v != 0.0) a++;
        return a;
    }

    /** What the loop produces, in the standardized scale. */
    record Result(double lambdaMax, double[] lambdas, double[][] intercepts, double[][][] coefficients,
                  double[] deviance, long[] passes, boolean[] converged, double nullDeviance, List<String> warnings,
                  double[] kkt, int[] newtonSteps) { }

    /**
     * The unit of the certified rule at λ: max(λ, 1e-6·G), G = α_eff·λ_max the largest gradient at the
     * null model (per penalty factor). Relative to λ along a path; the floor keeps λ = 0 (no
     * penalty) meaningful.
     */
    static double kktScale(double lambda, double lambdaMax, double alpha) {
        double g = lambdaMax * Math.max(alpha, 1e-3);
        double scale = Math.max(lambda, 1e-6 * g);
        // λ = 0 where no feature has a gradient at the null model (p = 0, every feature constant):
        // nothing to be relative to, so the violation is measured as it is
        return scale > 0 ? scale : 1.0;
    }

    private PathLoop() { }

    /** Whether some feature is penalized and not constant (else every λ gives the null model). */
    private static boolean movable(Problem pr) {
        for (int j = 0; j < pr.p; j++) {
            if (!pr.excluded[j] && pr.vp[j] > 0) return true;
        }
        return false;
    }

    static double lambdaMax(Problem pr, GradientBounds gradients) {
        double alphaEff = Math.max(pr.alpha, 1e-3);
        double max = 0;
        for (int j = 0; j < pr.p; j++) {
            if (pr.excluded[j] || pr.vp[j] <= 0) continue;
            max = Math.max(max, gradients.score(j) / pr.vp[j]);
        }
        return max / alphaEff;
    }

    static Result run(Problem pr, PointSolver solver, Family family, GlmSettings s, double[] userLambdas,
                      double lambdaMinRatio, ElasticNet.Progress progress) {
        int p = pr.p;
        List<String> warnings = new ArrayList<>();
        boolean[] inStrong = new boolean[p];
        int[] strong = new int[p];
        int ns = 0;
        // Unpenalized features are always free to move; fit them first (the null model of the path).
        for (int j = 0; j < p; j++) {
            if (!pr.excluded[j] && pr.vp[j] == 0) {
                inStrong[j] = true;
                strong[ns++] = j;
            }
        }
        // glmnet's threshold unit: the null deviance for gaussian fits (Σu(y − ȳ)²), and for the
        // likelihood families the null model's mean negative log-likelihood, half our deviance
        double thr = s.tolerance() * (family == Family.GAUSSIAN ? solver.nullDeviance() : solver.nullDeviance() / 2);
        if (!(thr > 0)) thr = s.tolerance();
        long budget = s.maxPasses();
        long used = 0;
        // the certified rule's Newton steps keep their Hessian and factor from one λ to the next
        NewtonSystem system = s.convergence() == GlmSettings.Convergence.KKT ? NewtonSystem.of(pr, solver, family) : null;
        if (ns > 0) {
            long r = solver.solve(Double.MAX_VALUE, java.util.Arrays.copyOf(strong, ns), thr, budget);
            used += Math.abs(r);
        }
        int[] rest = new int[p];
        // the strong-set features a refinement sweeps (non-zero, unpenalized or violating)
        boolean[] working = new boolean[p];
        int nr = 0;
        for (int j = 0; j < p; j++) if (!pr.excluded[j] && !inStrong[j]) rest[nr++] = j;
        GradientBounds gradients = new GradientBounds(pr, solver);
        gradients.refresh(rest, nr, Double.NaN);
        double lambdaMax = lambdaMax(pr, gradients);

        double[] lambdas = null;
        boolean auto = userLambdas == null;
        if (auto) {
            if (!movable(pr)) {
                // p = 0, or every feature constant or unpenalized: every λ gives the same fit, the
                // null model (intercept and unpenalized features), reported as one point at λ = 0
                userLambdas = new double[] {0};
                warnings.add("no feature is both penalized and free to move (" + (pr.p == 0 ? "no features" : "every feature is "
                        + "constant or has penalty factor 0") + "): the path is the single fit of the intercept"
                        + (pr.p == 0 ? "" : " and unpenalized features") + ", at lambda = 0");
                auto = false;
            } else if (!(lambdaMax > NO_GRADIENT * Math.sqrt(nullDevianceOf(solver)))) {
                // a gradient at rounding level (a target fitted exactly) is no gradient: a path down
                // from it would chase rounding for the whole pass budget
                throw new IllegalArgumentException("cannot build a lambda path: every penalized feature has zero gradient "
                        + "at the null model (" + (pr.n == 1 ? "a single row is fitted exactly by the intercept"
                        : ns > 0 ? "is the target constant, or fitted exactly by the features with penalty factor 0?"
                        : "is the target constant?") + "); give --lambda explicitly");
            }
        }
        if (auto) {
            int nl = s.nlambda();
            lambdas = new double[nl];
            lambdas[0] = lambdaMax;
            if (nl > 1) {
                double factor = Math.pow(lambdaMinRatio, 1.0 / (nl - 1));
                for (int l = 1; l < nl; l++) lambdas[l] = lambdas[l - 1] * factor;
            }
        }
        if (!auto) lambdas = userLambdas;

        int nl = lambdas.length;
        double[][] b0s = new double[nl][];
        double[][][] bs = new double[nl][][];
        double[] dev = new double[nl];
        long[] passes = new long[nl];
        boolean[] converged = new boolean[nl];
        double[] kkt = new double[nl];
        int[] newton = new int[nl];
        double nullDev = solver.nullDeviance();
        int fitted = 0;
        boolean saturated = false;
        // whether the last λ ended certified, its strong set's gradients current (see "Newton first")
        boolean newtonFirst = false;
        // under the certified rule, a λ whose predecessors share a support starts from the solution
        // extrapolated from them (PathPredictor)
        PathPredictor predictor = system != null ? PathPredictor.of(pr, solver) : null;
        // the features Newton steps may take in at 0 (Hessian-free steps only; see below)
        int[] candidates = java.util.stream.IntStream.range(0, p).filter(j -> !pr.excluded[j]).toArray();
        double prevLambda = Math.max(lambdaMax, lambdas[0]);
        for (int l = 0; l < nl; l++) {
            double lambda = lambdas[l];
            // sequential strong rule
            for (int j = 0; j < p; j++) {
                if (inStrong[j] || pr.excluded[j]) continue;
                if (!s.strongRules() || gradients.score(j) >= pr.alpha * pr.vp[j] * (2 * lambda - prevLambda)) {
                    inStrong[j] = true;
                    strong[ns++] = j;
                }
            }
            long spent = 0;
            boolean ok = true;
            // At λ_max of a computed path with α ≥ 1e-3 the penalized coefficients are 0 by
            // definition of λ_max; solving there would only let rounding move the feature that
            // defines it. (glmnet fits its first λ as +∞ for every α, so for ridge-like α < 1e-3 it
            // reports zeros where the exact solution at its λ_max is small but not zero; Occam solves.)
            // The same holds for any λ ≥ λ_max of a user sequence (a prefix of it: the sequence
            // decreases), whose coefficients are then exactly 0.
            boolean solve = !(pr.alpha >= 1e-3 && (auto ? l == 0 : lambda >= lambdaMax));
            double thrHere = thr;
            double target = s.kktTolerance() * kktScale(lambda, lambdaMax, pr.alpha);
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
                    solver.refreshGradients(strong, ns);
                }
                double loose = Math.max(target, ENTERING_CHECK * kktScale(lambda, lambdaMax, pr.alpha));
                boolean byNewton = entersByNewton(pr, family, ns);
                ActiveSetNewton.Result first = ActiveSetNewton.polish(pr, solver, family, lambda, loose, system, true,
                        byNewton ? entering(pr, solver, lambda, strong, ns, target, ENTERING_SLACK * kktScale(lambda, lambdaMax, pr.alpha))
                                : ActiveSetNewton.Entering.NONE);
                newton[l] += first.steps();
                if (first.reached()) {
                    ActiveSetNewton.Entering more = entering(pr, solver, lambda, strong, ns, byNewton ? target : loose);
                    if (byNewton || more.count() == 0) {
                        first = ActiveSetNewton.polish(pr, solver, family, lambda, target * NEWTON_MARGIN, system, true, more);
                        newton[l] += first.steps();
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
                    int[] set = round == 0 ? sortedCopy(strong, ns) : workingSet(strong, ns, working);
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
                    nr = 0;
                    for (int j = 0; j < p; j++) if (!pr.excluded[j] && !inStrong[j]) rest[nr++] = j;
                    // exact enough for the KKT check at λ and the strong rule at the next λ
                    double level = l + 1 < nl && s.strongRules() ? Math.min(lambda, 2 * lambdas[l + 1] - lambda) : lambda;
                    gradients.refresh(rest, nr, level);
                    int added = 0;
                    for (int m = 0; m < nr; m++) {
                        int j = rest[m];
                        if (gradients.violates(j, lambda)) {
                            working[j] = true;
                            inStrong[j] = true;
                            strong[ns++] = j;
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
                    nr = 0;
                    for (int j = 0; j < p; j++) if (!pr.excluded[j] && !inStrong[j]) rest[nr++] = j;
                }
                // Newton steps that solved the active set left its gradients current: only the zero
                // coordinates of the strong set need theirs
                violation = KktCheck.maxViolation(pr, solver, lambda, strong, ns, rest, nr, gradients, activeCurrent);
                if (s.convergence() != GlmSettings.Convergence.KKT || violation <= target || round == MAX_ROUNDS) break;
                // a zero coefficient whose gradient is within twice the current violation of its
                // threshold may well cross it once the others move: sweep it now rather than
                // discover it in another round
                markWorking(pr, solver, lambda, strong, ns, working, 2 * violation);
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
                        sweepsPerNewtonStep(pr, solver, ns, activeCount(solver), system, ridge), activeSolved);
                spentBefore = spent;
                roundCap = schedule.sweepCap();
                if (step == RefinementSchedule.Step.SWEEPS && activeSolved) {
                    // the active set is solved: only the zero coordinates that violate need moving, and
                    // the Newton steps that follow take them in
                    markEntering(pr, solver, lambda, strong, ns, working, target);
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
                ns = joinStrong(pr, solver, inStrong, strong, ns);
                newton[l] += polished.steps();
                activeSolved = polished.reached();
                sweepFirst = !polished.reached();
                activeCurrent = polished.reached();
                if (!polished.formed()) {
                    // no step could be formed: this round sweeps as long as one Newton step would have cost
                    newtonPossible = false;
                    roundCap = sweepsPerNewtonStep(pr, solver, ns, activeCount(solver), null, ridge);
                }
            }
            kkt[l] = violation / kktScale(lambda, lambdaMax, pr.alpha);
            newtonFirst = system != null && solve && ok && violation <= target;
            if (predictor != null) {
                if (newtonFirst) predictor.record(lambda, solver);
                else predictor.reset();
            }
            if (ok && s.convergence() == GlmSettings.Convergence.KKT && !(violation <= target)) {
                ok = false;
                warnings.add(String.format(java.util.Locale.ROOT, "the KKT conditions at lambda = %s (index %d) hold only "
                        + "to %.2e relative (tolerance %.1e) after %d refinements; the answer may be inexact there",
                        lambda, l, kkt[l], s.kktTolerance(), round));
            }
            used += spent;
            passes[l] = spent;
            converged[l] = ok;
            double[][] c = solver.coefficients();
            bs[l] = new double[c.length][];
            for (int k = 0; k < c.length; k++) bs[l][k] = c[k].clone();
            b0s[l] = solver.intercepts().clone();
            dev[l] = solver.deviance();
            fitted = l + 1;
            progress.update(fitted, nl);
            prevLambda = lambda;
            if (exhausted) {
                warnings.add("coordinate descent did not converge within " + s.maxPasses() + " passes at lambda = "
                        + lambda + " (index " + l + "); the path stops there. Raise the pass limit (--max-passes, "
                        + "GlmSettings.maxPasses; now " + s.maxPasses() + ") or the tolerance (--tolerance).");
                break;
            }
            if (family.hasClasses() && !saturated && nullDev > 0 && 1 - dev[l] / nullDev > DEV_MAX) {
                // glmnet stops a computed path here silently; a user sequence goes on towards λ = 0
                saturated = true;
                warnings.add(String.format(java.util.Locale.ROOT, "the classes are (almost) perfectly separable: the deviance "
                        + "ratio is %.6f at lambda = %s (index %d); as lambda falls towards 0 the coefficients grow without bound "
                        + "and no unpenalized fit exists, so %s", 1 - dev[l] / nullDev, lambda, l,
                        auto && s.earlyStop() ? "the path stops there" : "fits at smaller lambda depend on the tolerance"));
            }
            if (stopEarly(pr, family, s, auto, l, dev, nullDev, bs[l])) {
                break;
            }
        }
        if (fitted < nl) {
            lambdas = java.util.Arrays.copyOf(lambdas, fitted);
            b0s = java.util.Arrays.copyOf(b0s, fitted);
            bs = java.util.Arrays.copyOf(bs, fitted);
            dev = java.util.Arrays.copyOf(dev, fitted);
            passes = java.util.Arrays.copyOf(passes, fitted);
            converged = java.util.Arrays.copyOf(converged, fitted);
            kkt = java.util.Arrays.copyOf(kkt, fitted);
            newton = java.util.Arrays.copyOf(newton, fitted);
        }
        return new Result(lambdaMax, lambdas, b0s, bs, dev, passes, converged, nullDev, warnings, kkt, newton);
    }

    /** glmnet's early stopping of a computed path. */
    private static boolean stopEarly(Problem pr, Family family, GlmSettings s, boolean auto, int l, double[] dev,
                                     double nullDev, double[][] b) {
        int df = 0;
        for (int j = 0; j < pr.p; j++) {
            for (double[] bk : b) {
                if (bk[j] != 0) {
                    df++;
                    break;
                }
            }
        }
        if (df > s.dfmax()) return true;
        if (!auto || !s.earlyStop() || l + 1 < Math.min(MIN_LAMBDAS, s.nlambda())) return false;
        double ratio = 1 - dev[l] / nullDev;
        if (ratio > DEV_MAX) return true;
        // glmnet's R front end switches the small-change stop off when any coefficient limit is 0;
        // a one-point path has no change to measure
        if (pr.hasZeroLimit || l == 0) return false;
        double prev = 1 - dev[l - 1] / nullDev;
        double change = ratio - prev;
        return switch (family) {
            // relative to the ratio reached
            case GAUSSIAN -> change < DEV_CHANGE * ratio;
            // poisson: ten times the threshold, over the last four steps, relative to the ratio
            case POISSON -> l >= 4 && (ratio - (1 - dev[l - 4] / nullDev)) < 10 * DEV_CHANGE * ratio;
            // binomial and multinomial: absolute change
            default -> change < DEV_CHANGE;
        };
    }

    private static int[] sortedCopy(int[] a, int n) {
        int[] c = java.util.Arrays.copyOf(a, n);
        java.util.Arrays.sort(c);
        return c;
    }
}

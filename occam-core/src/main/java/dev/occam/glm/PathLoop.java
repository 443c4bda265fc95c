package dev.occam.glm;

import java.util.ArrayList;
import java.util.List;

/**
 * The path layer: walks down the λ sequence with warm starts. At each λ the sequential strong rule
 * (Tibshirani et al. 2012) proposes which features may move — those already in the {@link StrongSet}
 * and those with |g_j(λ_prev)| ≥ α f_j (2λ − λ_prev) — and {@link LambdaSolve} solves there: the
 * point solver optimizes over them, a KKT check over all other features adds any violator and solves
 * again, so the result is exact, and under the certified rule ({@link GlmSettings.Convergence#KKT})
 * refinements follow until the KKT violation on every feature is below the tolerance. This class
 * sets the path up (λ_max, the λ sequence), records each λ's fit and violation (measured and kept
 * under either rule), and stops a computed path early as glmnet does.
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

    /** The solver's null deviance, or 0 when it has none to scale by (not positive, or not finite). */
    private static double nullDevianceOf(PointSolver solver) {
        double d = solver.nullDeviance();
        return d > 0 && Double.isFinite(d) ? d : 0.0;
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
        StrongSet strongSet = new StrongSet(p);
        // Unpenalized features are always free to move; fit them first (the null model of the path).
        for (int j = 0; j < p; j++) {
            if (!pr.excluded[j] && pr.vp[j] == 0) strongSet.add(j);
        }
        // glmnet's threshold unit: the null deviance for gaussian fits (Σu(y − ȳ)²), and for the
        // likelihood families the null model's mean negative log-likelihood, half our deviance
        double thr = s.tolerance() * (family == Family.GAUSSIAN ? solver.nullDeviance() : solver.nullDeviance() / 2);
        if (!(thr > 0)) thr = s.tolerance();
        long used = 0;
        // the certified rule's Newton steps keep their Hessian and factor from one λ to the next
        NewtonSystem system = s.convergence() == GlmSettings.Convergence.KKT ? NewtonSystem.of(pr, solver, family) : null;
        if (strongSet.size() > 0) {
            long r = solver.solve(Double.MAX_VALUE, java.util.Arrays.copyOf(strongSet.order(), strongSet.size()), thr, s.maxPasses());
            used += Math.abs(r);
        }
        int[] rest = new int[p];
        int nr = strongSet.complement(pr, rest);
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
                        : strongSet.size() > 0 ? "is the target constant, or fitted exactly by the features with penalty factor 0?"
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
        // one λ's sweeps, KKT check and refinements, and what carries from one λ to the next
        LambdaSolve atLambda = new LambdaSolve(pr, solver, family, s, gradients, strongSet, system, thr, lambdaMax, used);
        double prevLambda = Math.max(lambdaMax, lambdas[0]);
        for (int l = 0; l < nl; l++) {
            double lambda = lambdas[l];
            // sequential strong rule
            for (int j = 0; j < p; j++) {
                if (strongSet.contains(j) || pr.excluded[j]) continue;
                if (!s.strongRules() || gradients.score(j) >= pr.alpha * pr.vp[j] * (2 * lambda - prevLambda)) {
                    strongSet.add(j);
                }
            }
            // At λ_max of a computed path with α ≥ 1e-3 the penalized coefficients are 0 by
            // definition of λ_max; solving there would only let rounding move the feature that
            // defines it. (glmnet fits its first λ as +∞ for every α, so for ridge-like α < 1e-3 it
            // reports zeros where the exact solution at its λ_max is small but not zero; Occam solves.)
            // The same holds for any λ ≥ λ_max of a user sequence (a prefix of it: the sequence
            // decreases), whose coefficients are then exactly 0.
            boolean solve = !(pr.alpha >= 1e-3 && (auto ? l == 0 : lambda >= lambdaMax));
            LambdaSolve.Outcome outcome = atLambda.solve(lambda, l + 1 < nl ? lambdas[l + 1] : Double.NaN, solve);
            boolean ok = outcome.ok();
            kkt[l] = outcome.violation() / kktScale(lambda, lambdaMax, pr.alpha);
            if (ok && s.convergence() == GlmSettings.Convergence.KKT && !(outcome.violation() <= outcome.target())) {
                ok = false;
                warnings.add(String.format(java.util.Locale.ROOT, "the KKT conditions at lambda = %s (index %d) hold only "
                        + "to %.2e relative (tolerance %.1e) after %d refinements; the answer may be inexact there",
                        lambda, l, kkt[l], s.kktTolerance(), outcome.rounds()));
            }
            passes[l] = outcome.passes();
            newton[l] = outcome.newtonSteps();
            converged[l] = ok;
            double[][] c = solver.coefficients();
            bs[l] = new double[c.length][];
            for (int k = 0; k < c.length; k++) bs[l][k] = c[k].clone();
            b0s[l] = solver.intercepts().clone();
            dev[l] = solver.deviance();
            fitted = l + 1;
            progress.update(fitted, nl);
            prevLambda = lambda;
            if (outcome.exhausted()) {
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
}

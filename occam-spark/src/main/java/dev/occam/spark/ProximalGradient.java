package dev.occam.spark;

import java.util.ArrayList;
import java.util.List;

/**
 * The large-p fallback of {@link SparkIrls}: when p is too large for a (p+1)² matrix on the driver,
 * each λ is solved by distributed accelerated proximal gradient (FISTA, Beck and Teboulle 2009)
 * on the same objective, in occam-core's standardized coordinates (intercept first):
 * <pre>   f(b0, b) + λ Σ_j f_j [α|b_j| + (1−α)/2 b_j²],   f = (1/Σv) Σ_i v_i ℓ_i = deviance / 2</pre>
 * The proximal step of the whole elastic-net penalty is exact (soft-threshold, then shrink), so
 * only the mean loss f is linearized.
 *
 * <p><b>Passes.</b> One pass per iteration of every λ in flight (up to {@link #IN_FLIGHT} λ share
 * each pass, see {@link #path}): it evaluates the gradient and the deviance (O(p) per row, no
 * matrix) at two points per λ, the new iterate x⁺ and the next extrapolated point
 * y⁺ = x⁺ + ((t−1)/t⁺)(x⁺ − x). x⁺'s deviance checks the backtracking condition
 * f(x⁺) ≤ f(y) + ∇f(y)ᵀ(x⁺ − y) + L/2‖x⁺ − y‖² (on failure L doubles and the λ spends another
 * pass; a new λ inherits L from the λ it starts from, so this happens about log₂(L/L₀) times along
 * a path), x⁺'s
 * gradient gives the KKT certificate, and y⁺'s gradient is the next step's. Momentum restarts
 * when (y − x⁺)ᵀ(x⁺ − x) &gt; 0 (O'Donoghue and Candès 2015), which makes the convergence linear
 * on these strongly convex problems: about √(L/μ)·log(1/ε) passes per λ, L and μ the largest
 * and smallest curvature of f on the active features (plus λ(1−α)).
 *
 * <p><b>Stopping.</b> The same certificate as IRLS and occam-core: every free feature's KKT
 * violation within the λ's goal. A λ that needs more than {@code maxPasses} passes is reported
 * unconverged with a warning (the last iterate is kept).
 */
final class ProximalGradient {
    /** Standardized coefficients with the negative gradient (intercept first) and the deviance there. */
    record Point(double b0, double[] b, double[] g, double deviance) { }

    /** λ advanced together at most: 2 gradient points each per pass, O(p) per row and point. */
    static final int IN_FLIGHT = 16;

    private final SparkIrls.Problem pr;
    private final int maxPasses;

    ProximalGradient(SparkIrls.Problem pr, int maxPasses) {
        this.pr = pr;
        this.maxPasses = maxPasses;
    }

    /** A lower bound on the Lipschitz constant to start from: a standardized feature's own curvature. */
    private double initialLipschitz() {
        return pr.family == dev.occam.glm.Family.BINOMIAL ? 0.25 : 1.0;
    }

    /**
     * Solves one λ from the warm start {@code x} (whose gradient is known) until the KKT violation
     * over {@code free} is at most {@code goal}. λ = {@code Double.MAX_VALUE} holds the penalized
     * features at 0 (the null model's unpenalized fit).
     */
    Point solve(Point x, boolean[] free, double lambda, double goal) {
        Job j = new Job(-1, lambda, goal, free, x, initialLipschitz());
        while (!j.done()) step(List.of(j));
        return j.x;
    }

    /**
     * The whole path from the null model {@code start}: up to {@link #IN_FLIGHT} λ advance
     * together, each pass evaluating the iterates of all of them. A new λ joins at every pass,
     * warm-started from the current iterate of the smallest λ in flight, so the path costs about
     * (number of λ) + (passes of the slowest λ) passes instead of their sum. Every answer is
     * certified on its own, so the result is the same as solving one λ after another.
     */
    void path(Point start, SparkIrls.Results res) {
        int nl = res.lambdas.length;
        List<Job> jobs = new ArrayList<>();
        Point latest = start;
        double latestL = initialLipschitz();
        int next = 0;
        while (true) {
            boolean spawned = false;
            boolean changed = true;
            while (changed) {
                changed = false;
                List<Job> open = new ArrayList<>();
                for (Job j : jobs) {
                    if (j.done()) {
                        res.record(j.l, j.x.b0(), j.x.b(), j.x.deviance(), j.violation(), j.passes);
                        changed = true;
                    } else {
                        open.add(j);
                    }
                }
                jobs = open;
                if (res.stopped()) return;
                if (next < nl && jobs.size() < IN_FLIGHT && (!spawned || jobs.isEmpty())) {
                    if (!jobs.isEmpty()) {
                        Job newest = jobs.get(jobs.size() - 1);
                        latest = newest.x;
                        latestL = newest.lipschitz;
                    }
                    jobs.add(new Job(next, res.lambdas[next], res.goals[next], pr.free, latest, latestL));
                    next++;
                    spawned = true;
                    changed = true;
                }
            }
            if (jobs.isEmpty()) return;
            step(jobs);
            Job newest = jobs.get(jobs.size() - 1);
            latest = newest.x;
            latestL = newest.lipschitz;
        }
    }

    /** One pass: every job's proposal evaluated, then every job advanced. */
    private void step(List<Job> jobs) {
        List<double[][]> pts = new ArrayList<>();
        int[] first = new int[jobs.size() + 1];
        for (int i = 0; i < jobs.size(); i++) {
            first[i] = pts.size();
            jobs.get(i).propose(pts);
        }
        first[jobs.size()] = pts.size();
        Point[] at = pr.gradients(pts);
        for (int i = 0; i < jobs.size(); i++) {
            jobs.get(i).advance(java.util.Arrays.copyOfRange(at, first[i], first[i + 1]));
        }
    }

    /** One λ's FISTA state: the iterate x and the extrapolated point y, both with their gradients. */
    private final class Job {
        final int l;
        final double lambda;
        final double goal;
        final boolean[] free;
        Point x;
        Point y;
        double t = 1;
        /** The Lipschitz estimate, only ever raised (inherited from the λ this one started from). */
        double lipschitz;
        int passes;
        private double nextT;
        private boolean converged;

        Job(int l, double lambda, double goal, boolean[] free, Point start, double lipschitz) {
            this.l = l;
            this.lambda = lambda;
            this.goal = goal;
            this.free = free;
            this.x = start;
            this.y = start;
            this.lipschitz = lipschitz;
            this.converged = violation() <= goal;
        }

        double violation() {
            return SparkIrls.maxViolation(x.g(), x.b(), free, pr.vp, pr.alpha, lambda, pr.intercept);
        }

        boolean done() {
            return converged || passes >= maxPasses;
        }

        /** Adds x⁺ = prox(y) and, with momentum, y⁺ to the pass's points. */
        void propose(List<double[][]> pts) {
            double[] z = new double[pr.p()];
            double z0 = proxStep(y, free, lambda, lipschitz, z);
            nextT = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
            double mom = (t - 1) / nextT;
            pts.add(new double[][] {{z0}, z});
            if (mom > 0) {
                double[] yb = new double[z.length];
                for (int j = 0; j < z.length; j++) yb[j] = z[j] + mom * (z[j] - x.b()[j]);
                pts.add(new double[][] {{z0 + mom * (z0 - x.b0())}, yb});
            }
        }

        /** Backtracks, or accepts x⁺ (certifying it if it can) and moves y, restarting the momentum when it turns. */
        void advance(Point[] at) {
            passes++;
            Point xn = at[0];
            if (!decreases(y, xn, lipschitz)) {
                lipschitz *= 2;
                return;
            }
            double turn = (y.b0() - xn.b0()) * (xn.b0() - x.b0());
            for (int j = 0; j < xn.b().length; j++) turn += (y.b()[j] - xn.b()[j]) * (xn.b()[j] - x.b()[j]);
            if (at.length == 1 || turn > 0 || !Double.isFinite(at[1].deviance())) {
                t = 1;
                y = xn;
            } else {
                t = nextT;
                y = at[1];
            }
            x = xn;
            converged = violation() <= goal;
        }
    }

    /** The proximal step from y with step 1/L into {@code z}; returns the new intercept. */
    private double proxStep(Point y, boolean[] free, double lambda, double lipschitz, double[] z) {
        double inv = 1 / lipschitz;
        for (int j = 0; j < z.length; j++) {
            if (!free[j] || (lambda == Double.MAX_VALUE && pr.vp[j] > 0)) {
                z[j] = 0.0;
                continue;
            }
            double u = y.b()[j] + inv * y.g()[j + 1];
            // penalty first: λ may be Double.MAX_VALUE, and 1/L·λ would overflow before the factor 0 cancels it
            double l1 = inv * (lambda * pr.vp[j] * pr.alpha);
            double shrink = 1 + inv * (lambda * pr.vp[j] * (1 - pr.alpha));
            z[j] = u > l1 ? (u - l1) / shrink : u < -l1 ? (u + l1) / shrink : 0.0;
        }
        return pr.intercept ? y.b0() + inv * y.g()[0] : y.b0();
    }

    /**
     * The backtracking condition f(x⁺) ≤ f(y) − gᵀ(x⁺ − y) + L/2‖x⁺ − y‖² (g the negative
     * gradient at y, f = deviance/2), with a rounding allowance: both f are sums over every row.
     */
    private static boolean decreases(Point y, Point xn, double lipschitz) {
        double lin = -y.g()[0] * (xn.b0() - y.b0());
        double sq = (xn.b0() - y.b0()) * (xn.b0() - y.b0());
        for (int j = 0; j < xn.b().length; j++) {
            double d = xn.b()[j] - y.b()[j];
            lin -= y.g()[j + 1] * d;
            sq += d * d;
        }
        double fy = y.deviance() / 2;
        double fx = xn.deviance() / 2;
        return fx <= fy + lin + lipschitz / 2 * sq + 1e-13 * Math.abs(fy);
    }
}

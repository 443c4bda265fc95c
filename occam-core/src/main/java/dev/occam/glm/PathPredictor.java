package dev.occam.glm;

/**
 * Predicts the solution at the next λ of a path from the last three certified solutions, by
 * quadratic (Lagrange) extrapolation in λ, and moves the solver there before its Newton steps.
 *
 * <p>Why: "Newton first" (see {@link LambdaSolve}) starts a λ from the previous solution, and its first
 * step is then the path's tangent, which errs by second order in the change of λ. Where the three
 * points share their support and signs the path is smooth in λ between them (for the gaussian lasso
 * even linear), and the extrapolation errs by third order: a violation far below the warm start's.
 * Across a kink of the path (a coordinate joining or leaving) it errs by first order and is not made:
 * measured on b-lasso (binomial 50 000 × 1 000, about ten features joining per λ late in the path),
 * extrapolating across joins started λ at ~3× the warm start's violation.
 *
 * <p>The prediction costs no pass over the columns: η is linear in the coefficients, so it is
 * extrapolated with the same weights (O(n)). Only for single-response solvers that keep η
 * ({@link PointSolver#linearPredictor}); the solver's gradients must be refreshed after a move.
 */
final class PathPredictor {
    /**
     * Points an extrapolation uses at most. More do not help: each point is certified only to the
     * KKT tolerance, and the extrapolation's weights (summing to 7 in absolute value for three
     * equally spaced points, 15 for four) multiply that error: measured on a binomial 50 000 × 200
     * path, the start's violation was ~8× the tolerance with three points, ~5× with four or five,
     * one Newton step in every case.
     */
    static final int MAX_POINTS = 3;
    /** Points it needs at least: through two, a line, is the tangent's order again. */
    static final int MIN_POINTS = 3;

    private final Problem pr;
    /** The last certified points, newest first: λ, intercept, coefficients, linear predictor. */
    private final double[] lambdas = new double[MAX_POINTS];
    private final double[] b0s = new double[MAX_POINTS];
    private final double[][] bs = new double[MAX_POINTS][];
    private final double[][] etas = new double[MAX_POINTS][];
    /** How many consecutive certified points are held. */
    private int count;

    private PathPredictor(Problem pr) {
        this.pr = pr;
    }

    /** A predictor for a single-response solver that keeps η; null for any other. */
    static PathPredictor of(Problem pr, PointSolver solver) {
        return solver.responses() == 1 && solver.linearPredictor() != null ? new PathPredictor(pr) : null;
    }

    /** Records the solver's solution at λ, which ended certified. */
    void record(double lambda, PointSolver solver) {
        int last = MAX_POINTS - 1;
        double[] oldB = bs[last];
        double[] oldEta = etas[last];
        for (int i = last; i > 0; i--) {
            lambdas[i] = lambdas[i - 1];
            b0s[i] = b0s[i - 1];
            bs[i] = bs[i - 1];
            etas[i] = etas[i - 1];
        }
        lambdas[0] = lambda;
        b0s[0] = solver.intercepts()[0];
        bs[0] = copyInto(oldB, solver.coefficients()[0]);
        etas[0] = copyInto(oldEta, solver.linearPredictor());
        count = Math.min(count + 1, MAX_POINTS);
    }

    /** Forgets the points held: the next λ follows one that did not end certified. */
    void reset() {
        count = 0;
    }

    /**
     * Moves the solver to the predicted solution at λ; returns whether it moved: it needs at least
     * {@link #MIN_POINTS} consecutive certified points with one support and signs, strictly inside
     * their limits, and uses up to {@link #MAX_POINTS} of them. The solver's gradients are those of
     * the new point only once refreshed.
     */
    boolean moveTo(double lambda, PointSolver solver) {
        int k = smoothPoints();
        if (k < MIN_POINTS) return false;
        double[] c = weights(lambda, k);
        int p = pr.p;
        double[] b = new double[p];
        for (int j = 0; j < p; j++) {
            double b1 = bs[0][j];
            if (b1 == 0.0) continue;
            double extrapolated = 0;
            for (int i = 0; i < k; i++) extrapolated += c[i] * bs[i][j];
            // extrapolated across zero or a limit: the path has a kink before λ, the start would be worse
            if (Math.signum(extrapolated) != Math.signum(b1) || !inside(j, extrapolated)) return false;
            b[j] = extrapolated;
        }
        double b0 = 0;
        for (int i = 0; i < k; i++) b0 += c[i] * b0s[i];
        double[] eta = solver.linearPredictor();
        double[] dEta = new double[pr.n];
        for (int i = 0; i < pr.n; i++) {
            double e = 0;
            for (int t = 0; t < k; t++) e += c[t] * etas[t][i];
            dEta[i] = e - eta[i];
        }
        solver.setSolutionAlong(new double[] {b0}, new double[][] {b}, dEta, 1.0);
        return true;
    }

    /**
     * How many of the newest points share the newest one's support and signs, with every non-zero
     * coefficient strictly inside its limits: a coordinate joining, leaving or touching a limit is
     * a kink of the path, and extrapolating across one errs by first order (measured on b-lasso,
     * binomial 50 000 × 1 000, about ten features joining per λ late in its path: ~3× the warm
     * start's violation).
     */
    private int smoothPoints() {
        int k = 0;
        while (k < count && sameSupport(bs[0], bs[k])) k++;
        return k;
    }

    private boolean sameSupport(double[] newest, double[] other) {
        for (int j = 0; j < pr.p; j++) {
            if (Math.signum(newest[j]) != Math.signum(other[j])) return false;
            if (other[j] != 0.0 && !inside(j, other[j])) return false;
        }
        return true;
    }

    /** Lagrange weights of the k newest points at λ (they sum to 1, so an intercept extrapolates consistently). */
    private double[] weights(double lambda, int k) {
        double[] c = new double[k];
        for (int i = 0; i < k; i++) {
            double w = 1;
            for (int t = 0; t < k; t++) {
                if (t != i) w *= (lambda - lambdas[t]) / (lambdas[i] - lambdas[t]);
            }
            c[i] = w;
        }
        return c;
    }

    private boolean inside(int j, double bj) {
        return bj > pr.lo[j] && bj < pr.hi[j];
    }

    private static double[] copyInto(double[] reuse, double[] from) {
        if (reuse == null || reuse.length != from.length) return from.clone();
        System.arraycopy(from, 0, reuse, 0, from.length);
        return reuse;
    }
}

package dev.occam.glm;

/**
 * Solves the problem at one λ with warm starts, and answers the questions the path loop asks
 * (gradients for the strong rule and the KKT check, deviance). One implementation per way of
 * keeping the gradient: gaussian covariance updates, gaussian naive updates, IRLS for binomial
 * and poisson, and class-by-class IRLS for multinomial. All work in the standardized scale of
 * {@link Problem}.
 */
interface PointSolver {

    /** Number of response columns (K for multinomial, else 1). */
    int responses();

    /**
     * Minimizes the objective at λ over the features in {@code strong} (others stay at 0),
     * starting from the current solution.
     *
     * @return passes over the data used; negative (−passes−1) when the budget ran out first
     */
    long solve(double lambda, int[] strong, double thr, long budget);

    /** Recomputes the gradient of the data loss at the current solution for the features in {@code which}. */
    void refreshGradients(int[] which, int count);

    /**
     * max over classes of |gradient_j| as last refreshed, for λ_max and the strong rule (only
     * features outside the strong set are kept current: the strong set never shrinks).
     */
    double gradientScore(int j);

    /** Whether feature j, currently outside the strong set, violates the KKT conditions at λ. */
    boolean violates(int j, double lambda);

    /**
     * The weighted residual r with gradient_j = x̃_jᵀr at the current solution (after {@link #solve}
     * returned), or null when the solver has no single one or keeps every gradient anyway: lets
     * {@link GradientBounds} skip features whose gradient provably stays small. The array may be
     * live: read it before the next solve.
     */
    default double[] residual() {
        return null;
    }

    /**
     * The negative gradient of the data loss in b_kj, x̃_jᵀ r_k, as last computed by
     * {@link #refreshGradients} (or kept current) for feature j; valid for any feature refreshed
     * since the last solve or {@link #setSolution}.
     */
    double gradient(int k, int j);

    /** The negative gradient of the data loss in the intercept of class k, Σ_i r_ki (0 without an intercept). */
    double interceptGradient(int k);

    /**
     * Replaces the current solution (standardized scale) and rebuilds what depends on it (residuals,
     * working weights, kept gradients), as if a solve had ended there. Arrays are copied.
     */
    void setSolution(double[] b0, double[][] b);

    /**
     * The Hessian of the data loss at the current solution over the coordinates of every response
     * k in turn: its intercept first when {@code intercept}, then {@code features[k][0..m[k])};
     * written column-major into {@code out} (size ≥ D², D = Σ_k (m[k] + (intercept ? 1 : 0))). For
     * binomial and poisson it is the Fisher information u·V(μ); for multinomial the full softmax
     * Hessian, classes coupled. Returns false when it cannot be formed (too large for memory, or no
     * rows to form it from); callers then refine by coordinate descent alone.
     */
    boolean hessian(int[][] features, int[] m, boolean intercept, double[] out);

    /**
     * The row weights W with which the Hessian of the data loss over any coordinates is Σ_i W_i
     * z_ia z_ib ({@link ActiveHessian}) at the current solution, or null when the solver forms its
     * Hessian otherwise (from kept Gram columns, or classes coupled). A fresh array when the weights
     * depend on the solution; the problem's own (never modified) when they do not (gaussian).
     */
    default double[] hessianWeights() {
        return null;
    }

    /**
     * For a solver that keeps Gram columns (covariance updates), whose Hessian is a constant
     * submatrix of that Gram: writes the columns {@code first..d) of the Hessian over [intercept,
     * {@code features[0..m)}] (d = m + (intercept ? 1 : 0)), d entries each, column after column,
     * into {@code out}, without a pass over rows, and returns true. False (nothing written) for
     * any other solver. This lets a {@link NewtonSystem} keep that Hessian's factor across Newton
     * steps and λ as it does for solvers with row weights.
     */
    default boolean gramColumns(int[] features, int m, boolean intercept, int first, double[] out) {
        return false;
    }

    /**
     * Multiply-adds of one sweep over {@code strongCount} features (a column pass each, or for
     * covariance updates p per coordinate): weighed against a Newton step's cost when the path loop
     * chooses how to refine a λ.
     */
    double sweepCost(int strongCount);

    /** Multiply-adds of forming the Hessian over d coordinates ({@link #hessian}). */
    double hessianCost(int d);

    /**
     * The data loss Σ_i u_i ℓ_i (half the deviance) at a trial solution, without changing the
     * solver's state; NaN when it cannot be evaluated.
     */
    double lossAt(double[] b0, double[][] b);

    /**
     * {@link #lossAt} for a trial solution that is the current one moved by t along a direction
     * whose linear predictor {@code dEta} (Z̃·Δ, intercept included) is known: O(n) instead of a
     * pass over the columns, for solvers that keep η. {@code dEta} may be null (then as lossAt).
     */
    default double lossAlong(double[] b0, double[][] b, double[] dEta, double t) {
        return lossAt(b0, b);
    }

    /**
     * {@link #setSolution} for a solution that is the current one moved by t along {@code dEta}
     * (as in {@link #lossAlong}); {@code dEta} may be null.
     */
    default void setSolutionAlong(double[] b0, double[][] b, double[] dEta, double t) {
        setSolution(b0, b);
    }

    /**
     * The linear predictor η at the current solution (live array: copy before keeping), for
     * single-response solvers that keep it; null for the others.
     */
    default double[] linearPredictor() {
        return null;
    }

    /** Σ_i u_i · unit deviance at the current solution. */
    double deviance();

    /** The same for the intercept-only model (η = 0 without an intercept). */
    double nullDeviance();

    /** Standardized coefficients [k][j] (live arrays: copy before keeping). */
    double[][] coefficients();

    /** Intercepts per class in the standardized parametrization (live array). */
    double[] intercepts();
}

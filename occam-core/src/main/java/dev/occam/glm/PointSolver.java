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

    /** Σ_i u_i · unit deviance at the current solution. */
    double deviance();

    /** The same for the intercept-only model (η = 0 without an intercept). */
    double nullDeviance();

    /** Standardized coefficients [k][j] (live arrays: copy before keeping). */
    double[][] coefficients();

    /** Intercepts per class in the standardized parametrization (live array). */
    double[] intercepts();
}

package dev.occam.glm;

import dev.occam.data.Dataset;
import dev.occam.linalg.Cholesky;
import dev.occam.linalg.NotPositiveDefiniteException;

import java.util.List;

/**
 * Ridge regression in closed form at one λ.
 *
 * <p>The objective (Occam's canonical form with α = 0, gaussian loss):
 * <pre>
 *   minimize over (b0, w):  (1/Σv) Σ_i v_i ½(y_i − b0 − x_iᵀw)²  +  (λ/2) Σ_j f_j w̃_j²
 * </pre>
 * with v the sample weights (all 1 when absent), f the penalty factors rescaled to sum to p as
 * glmnet does, and w̃_j = s_j·w_j the coefficient of the feature scaled to unit weighted (1/n)
 * variance under {@code standardize} (w̃ = w without). The intercept b0 is never penalized.
 * Features are centred (with an intercept) and scaled implicitly, by glmnet's rules
 * ({@link dev.occam.data.Standardization}); a constant feature is left out (coefficient 0).
 * Coefficients are reported on the original scale. Note the ½ on both terms: scikit-learn's
 * {@code Ridge(alpha)} minimizes ‖y − Xw‖² + alpha‖w‖², which is λ = alpha/n here (alpha/Σv with
 * weights) with {@code standardize} off; glmnet with α = 0 fits λ_glmnet = λ·σ_y, because glmnet
 * scales y to unit variance internally (see CONVENTIONS.md).
 *
 * <p>How it is solved. With normalized weights u = v/Σv and standardized, centred features X̃,
 * the coefficients solve the p × p system (X̃ᵀUX̃ + λF)·β̃ = X̃ᵀU(y − ȳ), whose matrix is formed
 * from the weighted Gram matrix of the raw X corrected by the means and scales (X is never copied)
 * and factored by Cholesky. When there are more features than rows (p &gt; n), λ &gt; 0 and every
 * feature is penalized, the equivalent n × n dual system is solved instead:
 * (√U X̃F⁻¹X̃ᵀ√U + λI)·a = √U(y − ȳ), β̃ = F⁻¹X̃ᵀ√U·a (the identity
 * (AᵀA + λF)⁻¹Aᵀ = F⁻¹Aᵀ(AF⁻¹Aᵀ + λI)⁻¹ with A = √U X̃), at cost O(n²p + n³) instead of O(np² + p³).
 * With unpenalized features and p &gt; n the primal system is used (it may be large).
 *
 * <p>For a whole sequence of λ with leave-one-out and GCV errors, use {@link RidgePath}.
 */
public final class Ridge {
    private Ridge() { }

    /** Which linear system is solved. */
    enum Form {
        /** Choose as documented: dual when p &gt; n, λ &gt; 0 and no penalty factor is 0. */
        AUTO,
        /** The p × p system. */
        PRIMAL,
        /** The n × n system (needs λ &gt; 0 and every feature penalized). */
        DUAL
    }

    /**
     * Fits ridge regression at one λ.
     *
     * @param data the data: numeric target, optional weights (not modified)
     * @param lambda λ ≥ 0 (0 gives least squares, which needs the features to be linearly independent)
     * @param settings standardization, intercept and penalty factors
     * @return the model on the original scale: family gaussian, α = 0
     * @throws IllegalArgumentException for invalid input, or when the system is singular (λ = 0 or
     *         unpenalized features that are linearly dependent); the message names the feature
     */
    public static LinearModel fit(Dataset data, double lambda, RidgeSettings settings) {
        return fit(data, lambda, settings, Form.AUTO);
    }

    /** {@link #fit(Dataset, double, RidgeSettings)} with a chosen system (for tests). */
    static LinearModel fit(Dataset data, double lambda, RidgeSettings settings, Form form) {
        checkLambda(lambda);
        RidgeProblem problem = RidgeProblem.of(data, settings);
        boolean dualPossible = lambda > 0 && problem.free.length == 0;
        boolean dual = switch (form) {
            case AUTO -> dualPossible && problem.active() > problem.n;
            case PRIMAL -> false;
            case DUAL -> {
                if (!dualPossible) {
                    throw new IllegalArgumentException("the dual ridge system needs lambda > 0 and every penalty factor > 0");
                }
                yield true;
            }
        };
        double[] betaStd = dual ? solveDual(problem, lambda) : solvePrimal(problem, lambda);
        return model(problem, lambda, betaStd);
    }

    /** Validates λ. */
    static void checkLambda(double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and >= 0; got " + lambda);
        }
    }

    /** β̃ from the p × p system (X̃ᵀUX̃ + λF)β̃ = X̃ᵀUỹ, unpenalized features first. */
    private static double[] solvePrimal(RidgeProblem problem, double lambda) {
        // Unpenalized features first: if they are collinear, the failing pivot names one of them.
        int[] order = RidgeProblem.concat(problem.free, problem.penalized);
        int a = order.length;
        double[] m = problem.standardizedGram(problem.centredGram(), order, order);
        for (int t = 0; t < a; t++) {
            m[t + t * a] += lambda * problem.factors[order[t]];
        }
        double[] c = problem.crossProducts();
        double[] rhs = new double[a];
        for (int t = 0; t < a; t++) rhs[t] = c[order[t]];
        try {
            Cholesky.factor(a, m, 0, a);
        } catch (NotPositiveDefiniteException e) {
            throw singular(problem, lambda, order[e.column()]);
        }
        Cholesky.solve(a, m, 0, a, rhs, 0);
        double[] beta = new double[problem.p];
        for (int t = 0; t < a; t++) beta[order[t]] = rhs[t];
        return beta;
    }

    /** The message for a singular system at the given feature. */
    static IllegalArgumentException singular(RidgeProblem problem, double lambda, int feature) {
        String why = lambda == 0 || problem.factors[feature] == 0
                ? "it is unpenalized (lambda = " + lambda + (lambda == 0 ? "" : ", penalty factor 0")
                  + ") and a linear combination of other unpenalized features"
                : "the system is numerically singular";
        return new IllegalArgumentException("ridge has no unique solution: feature '" + problem.name(feature) + "': "
                + why + "; use lambda > 0 and positive penalty factors, or drop the feature");
    }

    /** β̃ from the n × n dual system (K + λI)a = √U ỹ, β̃_j = (X̃ᵀ√U a)_j / f_j. */
    private static double[] solveDual(RidgeProblem problem, double lambda) {
        int n = problem.n;
        double[] k = problem.kernel();
        for (int i = 0; i < n; i++) k[i + i * n] += lambda;
        double[] r = new double[n];
        for (int i = 0; i < n; i++) r[i] = Math.sqrt(problem.u[i]) * (problem.y[i] - problem.yMean);
        // K is positive semi-definite, so K + λI with λ > 0 always factors.
        Cholesky.factor(n, k, 0, n);
        Cholesky.solve(n, k, 0, n, r, 0);
        double[] z = new double[n];
        double sumZ = 0;
        for (int i = 0; i < n; i++) {
            z[i] = Math.sqrt(problem.u[i]) * r[i];
            sumZ += z[i];
        }
        double[] beta = new double[problem.p];
        for (int j : problem.penalized) {
            double xz = problem.x.dotColumn(j, z) - problem.centres[j] * sumZ;
            beta[j] = xz / (problem.scales[j] * problem.factors[j]);
        }
        return beta;
    }

    /** The model on the original scale from standardized coefficients. */
    static LinearModel model(RidgeProblem problem, double lambda, double[] betaStd) {
        double[] w = new double[problem.p];
        double b0 = problem.toOriginal(betaStd, w);
        double nullDev = problem.nullDeviance();
        double dev = problem.deviance(w, b0);
        return new LinearModel(Family.GAUSSIAN, 0.0, lambda, problem.standardize, problem.data.featureNames(), null,
                new double[] {b0}, new double[][] {w},
                new LinearModel.FitSummary(problem.n, RidgeProblem.devRatio(dev, nullDev), nullDev, 0, true, List.of()));
    }
}

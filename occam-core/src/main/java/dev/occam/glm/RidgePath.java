package dev.occam.glm;

import dev.occam.data.Dataset;

/**
 * A whole ridge path (α = 0) from one eigendecomposition, with the exact leave-one-out error and
 * the GCV error at every λ.
 *
 * <p>Each λ solves the objective of {@link Ridge} (canonical scaling, glmnet's standardization
 * rules, penalty factors rescaled to sum to p):
 * <pre>
 *   minimize over (b0, w):  (1/Σv) Σ_i v_i ½(y_i − b0 − x_iᵀw)²  +  (λ/2) Σ_j f_j w̃_j²
 * </pre>
 * The p × p matrix X̃ᵀUX̃ (with unpenalized features profiled out and penalty factors folded into
 * the features) is decomposed once as VΛVᵀ; every λ then costs O(p²) for the coefficients and
 * O(np) for the errors ({@link RidgePrimalSpectrum}). When there are more features than rows and
 * every feature is penalized, the n × n matrix √U X̃F⁻¹X̃ᵀ√U is decomposed instead
 * ({@link RidgeDualSpectrum}). Penalty factors that differ are handled exactly by scaling the
 * features by 1/√f_j; features with factor 0 are projected out.
 *
 * <p><b>Leave-one-out error.</b> With ŷ = H·y the fitted values (H the hat matrix of the weighted
 * fit, intercept included) and ŷ_i^(−i) the prediction for row i of the fit without row i,
 * <pre>
 *   looMse = Σ_i u_i (y_i − ŷ_i^(−i))²,    y_i − ŷ_i^(−i) = (y_i − ŷ_i) / (1 − h_ii),    u = v/Σv
 * </pre>
 * — the plain mean over rows with unit weights. "The fit without row i" means: row i is removed
 * from the loss while the penalty stays what it is on the full data — the same λ·Σv in the
 * sum-of-squares form Σ_k v_k ½ r_k² + (λΣv/2)Σ f_j w̃_j², and the same centring and scaling of the
 * features. This is the classical PRESS identity, exact to rounding, and the convention of
 * scikit-learn's {@code RidgeCV}. (Refitting {@link Ridge#fit} on the n − 1 remaining rows is a
 * slightly different problem: Σv and the standardization would change with the data.)
 * Unpenalized features and the intercept are refitted without row i as well. Rows of weight 0
 * do not count. If a row has leverage h_ii = 1 (it alone determines an unpenalized
 * coefficient) its leave-one-out residual is undefined and looMse is NaN or infinite.
 *
 * <p><b>GCV.</b> {@code gcv = Σ_i u_i (y_i − ŷ_i)² / (1 − tr(H)/n₊)²} with n₊ the number of rows of
 * positive weight and tr(H) the effective degrees of freedom, which counts the intercept and the
 * unpenalized features (reported as {@code df}).
 *
 * <p><b>Default λ sequence</b> (as glmnet does for α = 0): λ_max = max_j |g_j| / (0.001·f_j) over
 * the penalized features, where g_j = Σ_i u_i x̃_ij r_i is the gradient at w = 0 after fitting the
 * intercept and the unpenalized features (r their residual; with all factors positive,
 * r = y − ȳ); then {@code nlambda} values log-spaced down to lambdaMinRatio·λ_max, with
 * lambdaMinRatio = 1e-4 when n ≥ p and 1e-2 when n &lt; p (glmnet's rule).
 */
public final class RidgePath {
    /** glmnet's default number of λ values. */
    public static final int DEFAULT_NLAMBDA = 100;
    /** glmnet divides by max(α, 0.001) in λ_max, so ridge's λ_max is 1000 times the lasso's. */
    static final double ALPHA_FLOOR = 1e-3;

    private RidgePath() { }

    /**
     * The path at glmnet's default sequence: 100 values from λ_max down to 1e-4·λ_max (1e-2 when n &lt; p).
     *
     * @param data the data (not modified)
     * @param settings standardization, intercept, penalty factors
     */
    public static RidgePathResult fit(Dataset data, RidgeSettings settings) {
        return fit(data, settings, DEFAULT_NLAMBDA, Double.NaN);
    }

    /**
     * The path at {@code nlambda} log-spaced values from λ_max down to lambdaMinRatio·λ_max.
     *
     * @param data the data (not modified)
     * @param settings standardization, intercept, penalty factors
     * @param nlambda number of λ values, ≥ 1
     * @param lambdaMinRatio in (0, 1), or NaN for glmnet's default (1e-4 if n ≥ p, else 1e-2)
     * @throws IllegalArgumentException for invalid input, or when λ_max is 0 (y is constant or
     *         uncorrelated with every penalized feature): then give λ values explicitly
     */
    public static RidgePathResult fit(Dataset data, RidgeSettings settings, int nlambda, double lambdaMinRatio) {
        if (nlambda < 1) {
            throw new IllegalArgumentException("nlambda must be >= 1; got " + nlambda);
        }
        if (!Double.isNaN(lambdaMinRatio) && !(lambdaMinRatio > 0 && lambdaMinRatio < 1)) {
            throw new IllegalArgumentException("lambda-min-ratio must be in (0, 1); got " + lambdaMinRatio);
        }
        RidgeProblem problem = RidgeProblem.of(data, settings);
        RidgeSpectrum spectrum = spectrum(problem, Ridge.Form.AUTO, true);
        double lambdaMax = spectrum.maxScaledGradient() / ALPHA_FLOOR;
        // With an intercept a constant target leaves only rounding noise in the gradient.
        if (!(lambdaMax > 0) || (problem.intercept && constantTarget(problem))) {
            throw new IllegalArgumentException("cannot choose a lambda sequence: the target is constant or uncorrelated"
                    + " with every penalized feature (lambda_max = 0); give lambda values explicitly");
        }
        double ratio = Double.isNaN(lambdaMinRatio) ? (problem.n < problem.p ? 1e-2 : 1e-4) : lambdaMinRatio;
        return assemble(problem, settings, sequence(lambdaMax, ratio, nlambda), spectrum);
    }

    /**
     * The path at the given λ values (any order; the result keeps it).
     *
     * @param data the data (not modified)
     * @param settings standardization, intercept, penalty factors
     * @param lambdas λ values, each finite and ≥ 0 (not modified)
     */
    public static RidgePathResult fit(Dataset data, RidgeSettings settings, double[] lambdas) {
        return fit(data, settings, lambdas, Ridge.Form.AUTO);
    }

    /** {@link #fit(Dataset, RidgeSettings, double[])} with a chosen decomposition (for tests). */
    static RidgePathResult fit(Dataset data, RidgeSettings settings, double[] lambdas, Ridge.Form form) {
        if (lambdas == null || lambdas.length == 0) {
            throw new IllegalArgumentException("lambda sequence must not be empty");
        }
        double[] ls = lambdas.clone();
        for (double l : ls) Ridge.checkLambda(l);
        RidgeProblem problem = RidgeProblem.of(data, settings);
        boolean allPositive = true;
        for (double l : ls) allPositive &= l > 0;
        return assemble(problem, settings, ls, spectrum(problem, form, allPositive));
    }

    /** Whether y is the same on every row of positive weight. */
    private static boolean constantTarget(RidgeProblem problem) {
        double first = Double.NaN;
        for (int i = 0; i < problem.n; i++) {
            if (problem.u[i] == 0) continue;
            if (Double.isNaN(first)) first = problem.y[i];
            else if (problem.y[i] != first) return false;
        }
        return true;
    }

    /** λ_max·ratio^(l/(L−1)), l = 0 … L−1 (λ_max alone when L = 1). */
    static double[] sequence(double lambdaMax, double ratio, int nlambda) {
        double[] out = new double[nlambda];
        for (int l = 0; l < nlambda; l++) {
            out[l] = nlambda == 1 ? lambdaMax : lambdaMax * Math.exp(l * Math.log(ratio) / (nlambda - 1));
        }
        return out;
    }

    /** The decomposition for this problem: dual when p &gt; n with every feature penalized and λ &gt; 0. */
    private static RidgeSpectrum spectrum(RidgeProblem problem, Ridge.Form form, boolean allLambdasPositive) {
        boolean dualPossible = problem.free.length == 0;
        boolean dual = switch (form) {
            case AUTO -> dualPossible && allLambdasPositive && problem.active() > problem.n;
            case PRIMAL -> false;
            case DUAL -> {
                if (!dualPossible) {
                    throw new IllegalArgumentException("the dual ridge path needs every penalty factor > 0");
                }
                yield true;
            }
        };
        return dual ? new RidgeDualSpectrum(problem) : new RidgePrimalSpectrum(problem);
    }

    /** Runs the path and converts it to the original scale. */
    private static RidgePathResult assemble(RidgeProblem problem, RidgeSettings settings, double[] lambdas,
                                            RidgeSpectrum spectrum) {
        Raw raw = spectrum.path(lambdas);
        int nl = lambdas.length;
        double[] b0 = new double[nl];
        double[][] w = new double[nl][problem.p];
        double[] devRatio = new double[nl];
        double[] loo = new double[nl];
        double[] gcv = new double[nl];
        double nullDev = problem.nullDeviance();
        double sumV = 0;
        double[] v = problem.data.weights();
        for (int i = 0; i < problem.n; i++) sumV += v == null ? 1.0 : v[i];
        for (int l = 0; l < nl; l++) {
            b0[l] = problem.toOriginal(raw.betaStd[l], w[l]);
            // rss is weighted by u = v/Σv; the deviance uses the user's weights.
            devRatio[l] = RidgeProblem.devRatio(raw.rss[l] * sumV, nullDev);
            loo[l] = raw.looSum[l];
            double shrink = 1.0 - raw.df[l] / problem.positiveRows;
            gcv[l] = raw.rss[l] / (shrink * shrink);
        }
        return new RidgePathResult(settings, problem.data.featureNames(), problem.n, nullDev, lambdas, b0, w,
                raw.df, devRatio, loo, gcv);
    }

    /** Path quantities in standardized coordinates, filled by a {@link RidgeSpectrum}. */
    static final class Raw {
        /** β̃[l][j] (0 for features not in the fit). */
        final double[][] betaStd;
        /** tr(H) per λ. */
        final double[] df;
        /** Σ u_i (y_i − ŷ_i)² per λ. */
        final double[] rss;
        /** Σ u_i (leave-one-out residual)² per λ. */
        final double[] looSum;

        Raw(int nl, int p) {
            betaStd = new double[nl][p];
            df = new double[nl];
            rss = new double[nl];
            looSum = new double[nl];
        }
    }
}

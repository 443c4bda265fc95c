package dev.occam.glm;

import java.util.List;

/**
 * An elastic-net path: the solutions for a decreasing sequence of λ, on the original feature scale.
 *
 * <p>Index l runs over λ values, k over response columns (K classes for multinomial, else one),
 * j over features.
 *
 * @param settings the settings it was fitted with
 * @param featureNames names of the p features
 * @param classes class labels, or null for numeric targets
 * @param n number of rows fitted
 * @param lambdas λ_l, decreasing
 * @param intercepts b0[l][k]
 * @param coefficients w[l][k][j]
 * @param df number of features non-zero in any class, per λ
 * @param devRatio 1 − deviance/null deviance, per λ
 * @param nullDeviance deviance of the intercept-only model (of η = 0 without intercept)
 * @param passes coordinate-descent passes spent on each λ
 * @param converged whether each λ met the tolerance within the pass limit
 * @param warnings what a user must know (non-convergence, early stop, saturation)
 * @param kktViolation the largest KKT violation measured at each λ's answer, relative to
 *                     max(λ, 1e-6·G) (see {@link GlmSettings.Convergence#KKT}); NaN where not measured
 */
public record GlmPath(GlmSettings settings, List<String> featureNames, List<String> classes, int n,
                      double[] lambdas, double[][] intercepts, double[][][] coefficients, int[] df,
                      double[] devRatio, double nullDeviance, long[] passes, boolean[] converged,
                      List<String> warnings, double[] kktViolation) {

    public GlmPath {
        if (kktViolation == null) {
            kktViolation = new double[lambdas.length];
            java.util.Arrays.fill(kktViolation, Double.NaN);
        }
        featureNames = List.copyOf(featureNames);
        if (classes != null) classes = List.copyOf(classes);
        warnings = List.copyOf(warnings);
    }

    /** A path whose KKT violations were not measured (built from other results). */
    public GlmPath(GlmSettings settings, List<String> featureNames, List<String> classes, int n,
                   double[] lambdas, double[][] intercepts, double[][][] coefficients, int[] df,
                   double[] devRatio, double nullDeviance, long[] passes, boolean[] converged, List<String> warnings) {
        this(settings, featureNames, classes, n, lambdas, intercepts, coefficients, df, devRatio, nullDeviance, passes,
                converged, warnings, null);
    }

    /** The largest relative KKT violation over the path (NaN when not measured). */
    public double maxKktViolation() {
        double m = 0;
        for (double v : kktViolation) {
            if (Double.isNaN(v)) return Double.NaN;
            m = Math.max(m, v);
        }
        return m;
    }

    /** Number of λ values actually fitted (glmnet may stop a path early). */
    public int size() {
        return lambdas.length;
    }

    /** Family of the fit. */
    public Family family() {
        return settings.family();
    }

    /** Whether every λ converged. */
    public boolean allConverged() {
        for (boolean c : converged) if (!c) return false;
        return true;
    }

    /** The model at the l-th λ of the path. */
    public LinearModel model(int l) {
        double[][] w = new double[coefficients[l].length][];
        for (int k = 0; k < w.length; k++) w[k] = coefficients[l][k].clone();
        return new LinearModel(family(), settings.alpha(), lambdas[l], settings.standardize(), featureNames, classes,
                intercepts[l].clone(), w,
                new LinearModel.FitSummary(n, devRatio[l], nullDeviance, passes[l], converged[l], warnings,
                        kktViolation[l], LinearModel.FitSummary.rule(settings)));
    }

    /**
     * The model at any λ = s, interpolated as glmnet's {@code coef(fit, s = s)}: linearly in λ
     * between the two path values around s; s above the first λ gives the first solution and s below
     * the last gives the last one. Exact only at the path's own λ values; use a path that ends at s
     * (as {@code fit --lambda} does) for the exact solution.
     */
    public LinearModel interpolate(double s) {
        int m = size();
        if (s >= lambdas[0] || m == 1) return model(0);
        if (s <= lambdas[m - 1]) return model(m - 1);
        int right = 1;
        while (lambdas[right] > s) right++;
        int left = right - 1;
        double frac = (lambdas[left] - s) / (lambdas[left] - lambdas[right]);
        int classesCount = coefficients[left].length;
        double[] b0 = new double[classesCount];
        double[][] w = new double[classesCount][featureNames.size()];
        for (int k = 0; k < classesCount; k++) {
            b0[k] = (1 - frac) * intercepts[left][k] + frac * intercepts[right][k];
            for (int j = 0; j < w[k].length; j++) {
                w[k][j] = (1 - frac) * coefficients[left][k][j] + frac * coefficients[right][k][j];
            }
        }
        double dev = (1 - frac) * devRatio[left] + frac * devRatio[right];
        return new LinearModel(family(), settings.alpha(), s, settings.standardize(), featureNames, classes, b0, w,
                new LinearModel.FitSummary(n, dev, nullDeviance, passes[left] + passes[right],
                        converged[left] && converged[right], warnings, Double.NaN, "interpolated"));
    }
}

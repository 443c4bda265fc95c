package dev.occam.glm;

import dev.occam.data.DesignMatrix;

import java.util.List;
import java.util.Objects;

/**
 * A fitted generalized linear model on the original feature scale: one intercept and one
 * coefficient vector per response column (one for gaussian, binomial and poisson; K for
 * multinomial). The linear predictor of class k is η_k = b0_k + xᵀ w_k.
 *
 * @param family response distribution
 * @param alpha the L1 share it was fitted with
 * @param lambda the λ it was fitted at
 * @param standardize whether the penalty applied to standardized features
 * @param featureNames names of the p features
 * @param classes class labels (binomial: 2, the second modelled; multinomial: K), else null
 * @param intercepts b0 per response column
 * @param coefficients w per response column, each of length p
 * @param summary how the fit went
 */
public record LinearModel(Family family, double alpha, double lambda, boolean standardize,
                          List<String> featureNames, List<String> classes, double[] intercepts,
                          double[][] coefficients, FitSummary summary) {

    /**
     * How a fit went: rows n, deviance ratio 1 − dev/nulldev, coordinate-descent passes,
     * whether it converged, and any warnings.
     */
    /**
     * How a fit went.
     *
     * @param kktViolation the largest KKT violation of the answer, relative to max(λ, 1e-6·G)
     *                     ({@link GlmSettings.Convergence#KKT}); NaN when not measured (closed-form fits,
     *                     interpolated models, files written before it was recorded)
     * @param convergence the rule the fit stopped by, e.g. {@code "kkt 1e-09"} or {@code "thresh 1e-07"};
     *                    {@code "exact"} for closed-form fits, {@code "interpolated"} between path points
     */
    public record FitSummary(int n, double devRatio, double nullDeviance, long passes, boolean converged, List<String> warnings,
                             double kktViolation, String convergence) {
        public FitSummary {
            warnings = List.copyOf(warnings);
            java.util.Objects.requireNonNull(convergence, "convergence");
        }

        /** A summary without a measured KKT violation. */
        public FitSummary(int n, double devRatio, double nullDeviance, long passes, boolean converged, List<String> warnings) {
            this(n, devRatio, nullDeviance, passes, converged, warnings, Double.NaN, "exact");
        }

        /** The rule of {@code s} as the summary names it: {@code "kkt <tolerance>"} or {@code "thresh <tolerance>"}. */
        public static String rule(GlmSettings s) {
            return s.convergence() == GlmSettings.Convergence.KKT
                    ? "kkt " + s.kktTolerance() : "thresh " + s.tolerance();
        }
    }

    public LinearModel {
        Objects.requireNonNull(family, "family");
        featureNames = List.copyOf(featureNames);
        if (classes != null) classes = List.copyOf(classes);
        if (intercepts.length != coefficients.length) {
            throw new IllegalArgumentException("one intercept per coefficient vector expected");
        }
        for (double[] w : coefficients) {
            if (w.length != featureNames.size()) {
                throw new IllegalArgumentException("coefficient vector has " + w.length + " values; expected " + featureNames.size());
            }
        }
    }

    /** Number of response columns: K for multinomial, else 1. */
    public int responses() {
        return intercepts.length;
    }

    /** Linear predictor η[k][i] for every response column k and row i. */
    public double[][] link(DesignMatrix x) {
        if (x.cols() != featureNames.size()) {
            throw new IllegalArgumentException("data has " + x.cols() + " features; model has " + featureNames.size());
        }
        double[][] eta = new double[responses()][x.rows()];
        for (int k = 0; k < responses(); k++) {
            x.multiply(coefficients[k], intercepts[k], eta[k]);
        }
        return eta;
    }

    /**
     * The response on the scale of y: the mean for gaussian, P(second class) for binomial, class
     * probabilities for multinomial (one array per class), the mean count for poisson.
     */
    public double[][] response(DesignMatrix x) {
        double[][] eta = link(x);
        switch (family) {
            case GAUSSIAN -> { }
            case BINOMIAL -> {
                for (int i = 0; i < eta[0].length; i++) eta[0][i] = Links.logistic(eta[0][i]);
            }
            case POISSON -> {
                for (int i = 0; i < eta[0].length; i++) eta[0][i] = Math.exp(eta[0][i]);
            }
            case MULTINOMIAL -> Links.softmaxInPlace(eta);
        }
        return eta;
    }

    /** The most probable class label of each row (binomial and multinomial only). */
    public String[] predictClass(DesignMatrix x) {
        if (!family.hasClasses()) {
            throw new IllegalArgumentException("class predictions need a binomial or multinomial model; this one is " + family.id());
        }
        double[][] eta = link(x);
        String[] out = new String[x.rows()];
        for (int i = 0; i < out.length; i++) {
            if (family == Family.BINOMIAL) {
                out[i] = classes.get(eta[0][i] > 0 ? 1 : 0);
            } else {
                int best = 0;
                for (int k = 1; k < eta.length; k++) {
                    if (eta[k][i] > eta[best][i]) best = k;
                }
                out[i] = classes.get(best);
            }
        }
        return out;
    }

    /** Number of features with a non-zero coefficient in any response column. */
    public int nonZero() {
        int df = 0;
        for (int j = 0; j < featureNames.size(); j++) {
            for (double[] w : coefficients) {
                if (w[j] != 0.0) {
                    df++;
                    break;
                }
            }
        }
        return df;
    }
}

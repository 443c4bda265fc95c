package dev.occam.penalty;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.occam.penalty.ConventionRules.num;

/**
 * LIBLINEAR's logistic regressions: {@code train -s 0|6|7 -c C [-B bias] [-R]}. The primal is
 * ½‖w‖² + C·Σ log(1 + e^(−y_i wᵀx_i)) (-s 0 and its dual -s 7) or ‖w‖₁ + C·Σ… (-s 6); instance
 * weights multiply C. Divided by C·Σv this is the canonical objective with λ = 1/(C·Σv), α = 0 or 1.
 *
 * <p>The catch is the bias: with {@code -B b} liblinear appends a feature of value b whose weight is
 * penalized like the others (½w_b², i.e. ½(b0/b)² on the intercept b0), while Occam never penalizes
 * the intercept. So it is exact only with {@code -R} (liblinear ≥ 2.40, for -s 0 and 6: bias not
 * regularized) or without a bias (Occam without intercept). scikit-learn's
 * {@code LogisticRegression(solver='liblinear')} is {@code -B intercept_scaling} without -R.
 * Confirmed by refits through scikit-learn's bundled liblinear in {@code ConventionsRefitTest}.
 *
 * @param C &gt; 0 (default 1)
 * @param solverType 0 (L2, primal; default), 6 (L1) or 7 (L2, dual)
 * @param bias the bias feature's value b; &lt;= 0 for no bias term (liblinear's default -1)
 * @param unpenalizedBias -R: the bias is not regularized (needs b &gt; 0 and -s 0 or 6)
 */
public record LibraryLiblinear(double C, int solverType, double bias, boolean unpenalizedBias) implements LibrarySetting {

    public LibraryLiblinear {
        ConventionRules.checkPositive("C", C);
        if (solverType != 0 && solverType != 6 && solverType != 7) {
            throw new IllegalArgumentException("liblinear's s must be 0, 6 or 7 (the logistic regressions); got " + solverType);
        }
        if (Double.isNaN(bias) || Double.isInfinite(bias)) throw new IllegalArgumentException("B must be finite; got " + num(bias));
        if (unpenalizedBias && bias <= 0) throw new IllegalArgumentException("R (unregularized bias) needs a bias term, B > 0; got B = " + num(bias));
        if (unpenalizedBias && solverType == 7) throw new IllegalArgumentException("R (unregularized bias) is available for s 0 and 6, not 7");
    }

    @Override
    public String id() {
        return "liblinear";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", solverType);
        m.put("c", C);
        m.put("B", bias);
        m.put("R", unpenalizedBias);
        return m;
    }

    @Override
    public String call() {
        return "train -s " + solverType + " -c " + num(C) + (bias > 0 ? " -B " + num(bias) : "") + (unpenalizedBias ? " -R" : "");
    }

    @Override
    public Conversion toCanonical(ConversionContext ctx) {
        double sum = ctx.requireSumWeights(id());
        double alpha = solverType == 6 ? 1 : 0;
        var c = new Canonical(1 / (C * sum), alpha, false, ConventionLoss.BINOMIAL);
        String objective = "liblinear minimizes " + (solverType == 6 ? "‖w‖₁" : "½‖w‖²") + " + C·Σv·ℓ; divided by C·Σv that is λ = 1/(C·Σv) = 1/("
                + num(C) + "·" + num(sum) + ") = " + num(c.lambda()) + ", α = " + num(alpha);
        if (bias <= 0) {
            return Conversion.exactIf(c, "Occam is fitted without an intercept (--no-intercept), since there is no bias term (B <= 0)",
                    objective + ", with no intercept");
        }
        if (unpenalizedBias) {
            return Conversion.exact(c, objective + "; -R leaves the bias unpenalized, like Occam's intercept");
        }
        return Conversion.none(c, "liblinear penalizes its bias like a weight (a feature of value B = " + num(bias)
                + ", so the intercept b0 costs ½(b0/B)²) and Occam never penalizes the intercept: not exactly canonical unless -R; "
                + "nearest: " + objective);
    }

    /** The liblinear setting for a canonical penalty: -s 0 (α = 0) or -s 6 (α = 1), -B 1 -R. */
    public static Conversion fromCanonical(Canonical c, ConversionContext ctx) {
        double sum = ctx.requireSumWeights("liblinear");
        Conversion conv;
        if (c.lambda() == 0) {
            conv = Conversion.none(new LibraryLiblinear(1e12, 0, 1, true),
                    "liblinear always regularizes (C must be finite): λ = 0 is only approached as C grows");
        } else if (c.alpha() == 0 || c.alpha() == 1) {
            int s = c.alpha() == 1 ? 6 : 0;
            var l = new LibraryLiblinear(1 / (c.lambda() * sum), s, 1, true);
            conv = Conversion.exact(l, "liblinear's " + (s == 6 ? "‖w‖₁" : "½‖w‖²") + " + C·Σv·ℓ is C·Σv times the canonical objective: C = 1/(λΣv) = "
                    + num(l.C) + "; -B 1 -R keeps the intercept unpenalized (needs liblinear >= 2.40; without -R the bias is penalized)");
        } else {
            boolean l1 = c.alpha() >= 0.5;
            var l = new LibraryLiblinear(1 / ((l1 ? c.l1() : c.l2()) * sum), l1 ? 6 : 0, 1, true);
            conv = Conversion.none(l, "liblinear has L1 (-s 6) or L2 (-s 0), not both (α = " + num(c.alpha())
                    + "): this keeps only the " + (l1 ? "L1" : "L2") + " part; use sklearn-logistic with penalty 'elasticnet'");
        }
        return ConventionRules.lossFor(c, ConventionRules.unstandardizedPeer(c, conv, "liblinear"),
                "liblinear's logistic regression", ConventionLoss.BINOMIAL, ConventionLoss.MULTINOMIAL);
    }
}

package dev.occam.penalty;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.occam.penalty.ConventionRules.num;

/**
 * R's glmnet: {@code glmnet(x, y, family, alpha, lambda, standardize)}.
 *
 * <p>Its objective is the canonical one, (1/Σv)Σv·ℓ + λ[(1−α)/2·Σw² + αΣ|w|] (it rescales weights
 * to sum to n and penalty factors to sum to p, as Occam does), with one exception: for gaussian
 * fits glmnet standardizes y internally and reports λ on y's scale. On the original scale its L1
 * weight stays λα but its L2 weight is λ(1−α)/σ_y, so
 *
 * <pre>   λ_occam = λ(α + (1−α)/σ_y),   α_occam = α / (α + (1−α)/σ_y)</pre>
 *
 * (same λ and α only when σ_y = 1 or α = 1). σ_y is the weighted 1/n standard deviation of y with
 * an intercept and its root mean square without one ({@link ConversionContext#sdY()}).
 * Confirmed by refits in {@code ConventionsRefitTest}.
 *
 * @param lambda λ ≥ 0
 * @param alpha α ∈ [0, 1] (glmnet's default 1)
 * @param standardize glmnet's {@code standardize} (of x; default TRUE)
 * @param family gaussian, binomial, multinomial, poisson, or any when not stated
 */
public record LibraryGlmnet(double lambda, double alpha, boolean standardize, ConventionLoss family) implements LibrarySetting {

    public LibraryGlmnet {
        ConventionRules.checkNonNegative("lambda", lambda);
        ConventionRules.checkUnit("alpha", alpha);
        if (family == null) throw new IllegalArgumentException("family must be given (ConventionLoss.ANY when not known)");
    }

    @Override
    public String id() {
        return "glmnet";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lambda", lambda);
        m.put("alpha", alpha);
        m.put("standardize", standardize);
        m.put("family", family.id());
        return m;
    }

    @Override
    public String call() {
        return "glmnet(x, y" + (family == ConventionLoss.ANY ? "" : ", family = \"" + family.id() + "\"")
                + ", alpha = " + num(alpha) + ", lambda = " + num(lambda)
                + ", standardize = " + (standardize ? "TRUE" : "FALSE") + ")";
    }

    /** True when glmnet's internal scaling of y changes the penalty: gaussian (or unknown) family and 0 ≤ α &lt; 1, λ &gt; 0. */
    private static boolean scaleOfYMatters(ConventionLoss family, double lambda, double alpha) {
        return (family == ConventionLoss.GAUSSIAN || family == ConventionLoss.ANY) && alpha < 1 && lambda > 0;
    }

    @Override
    public Conversion toCanonical(ConversionContext ctx) {
        if (!scaleOfYMatters(family, lambda, alpha)) {
            var c = new Canonical(lambda, alpha, standardize, family);
            String why = family == ConventionLoss.GAUSSIAN || family == ConventionLoss.ANY
                    ? "glmnet's objective is the canonical one; its scaling of y does not change a lasso (α = 1) or λ = 0"
                    : "glmnet's objective is the canonical one for the " + family.id() + " family: same λ, α and standardize";
            return Conversion.exact(c, why);
        }
        if (family == ConventionLoss.ANY) {
            return Conversion.exactIf(new Canonical(lambda, alpha, standardize, family),
                    "the family is not gaussian (for gaussian, state it and give σ_y)",
                    "same λ and α except for gaussian fits, where glmnet scales y by σ_y and its L2 weight becomes λ(1−α)/σ_y");
        }
        if (ctx.sdY() == null) {
            return Conversion.exactIf(new Canonical(lambda, alpha, standardize, family),
                    "σ_y = 1 (give σ_y for the exact mapping)",
                    "glmnet standardizes y for gaussian fits, so on the original scale its L2 weight is λ(1−α)/σ_y while L1 stays λα: "
                            + "λ_occam = λ(α + (1−α)/σ_y), α_occam = α/(α + (1−α)/σ_y)");
        }
        double sd = ctx.sdY();
        var c = Canonical.ofWeights(lambda * alpha, lambda * (1 - alpha) / sd, standardize, family);
        return Conversion.exact(c, "glmnet standardizes y for gaussian fits: on the original scale its L1 weight is λα = "
                + num(c.l1()) + " and its L2 weight λ(1−α)/σ_y = " + num(c.l2()) + " (σ_y = " + num(sd)
                + "), so λ = " + num(c.lambda()) + ", α = " + num(c.alpha()));
    }

    /** The glmnet setting with the canonical penalty (the inverse of {@link #toCanonical}). */
    public static Conversion fromCanonical(Canonical c, ConversionContext ctx) {
        if (!scaleOfYMatters(c.loss(), c.lambda(), c.alpha())) {
            return Conversion.exact(new LibraryGlmnet(c.lambda(), c.alpha(), c.standardize(), c.loss()),
                    "glmnet's objective is the canonical one here: same λ, α and standardize");
        }
        if (c.loss() == ConventionLoss.ANY) {
            return Conversion.exactIf(new LibraryGlmnet(c.lambda(), c.alpha(), c.standardize(), c.loss()),
                    "the family is not gaussian (for gaussian, state it and give σ_y)",
                    "same λ and α except for gaussian fits, where glmnet scales y by σ_y and needs λ(α + (1−α)σ_y), α/(α + (1−α)σ_y)");
        }
        if (ctx.sdY() == null) {
            return Conversion.exactIf(new LibraryGlmnet(c.lambda(), c.alpha(), c.standardize(), c.loss()),
                    "σ_y = 1 (give σ_y for the exact mapping)",
                    "glmnet standardizes y for gaussian fits, so its L2 weight on the original scale is λ(1−α)/σ_y: "
                            + "λ_glmnet = λ(α + (1−α)σ_y), α_glmnet = α/(α + (1−α)σ_y)");
        }
        double sd = ctx.sdY();
        double l1 = c.l1();
        double l2 = c.l2() * sd;
        double lambda = l1 + l2;
        double alpha = Math.min(1.0, l1 / lambda);
        var g = new LibraryGlmnet(lambda, alpha, c.standardize(), c.loss());
        return Conversion.exact(g, "glmnet standardizes y for gaussian fits, so its L2 weight on the original scale is λ(1−α)/σ_y: "
                + "λ_glmnet = λα + λ(1−α)σ_y = " + num(lambda) + ", α_glmnet = " + num(alpha) + " (σ_y = " + num(sd) + ")");
    }
}

package dev.occam.penalty;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.occam.penalty.ConventionRules.num;

/**
 * Smile's {@code LASSO}, {@code ElasticNet} and {@code RidgeRegression} (smile.regression). Each
 * centres y, standardizes X with 1/n standard deviations ({@code colSds}) and penalizes the sum of
 * squares (no ½, no 1/n), so λ_occam carries a 1/(2n) (L1) or 1/n (L2) and standardize is on.
 * Read from Smile's source, NOT refit here ("verify": Smile is GPL and only a benchmark peer);
 * checked by algebra in {@code ConventionsAlgebraTest}.
 */
public final class LibrarySmile {
    private LibrarySmile() { }

    static final String VERIFY = "verify: read from Smile's source, not refit here";

    private static Conversion unitWeights(Conversion conv, ConversionContext ctx, String what) {
        return ctx.unitWeights() ? conv : conv.withCondition("unit sample weights (Smile's " + what + " centres and scales X without them)");
    }

    /**
     * {@code LASSO.fit(formula, data, lambda)}: ‖y − X̃w̃‖² + λ‖w̃‖₁ on standardized X̃:
     * λ_occam = λ/(2n), α = 1, standardize on.
     *
     * @param lambda ≥ 0 (Smile's default 1)
     */
    public record Lasso(double lambda) implements LibrarySetting {
        public Lasso {
            ConventionRules.checkNonNegative("lambda", lambda);
        }

        @Override public String id() { return "smile-lasso"; }

        @Override public Map<String, Object> parameters() { return Map.of("lambda", lambda); }

        @Override public String call() { return "LASSO.fit(formula, data, " + num(lambda) + ")"; }

        @Override
        public Conversion toCanonical(ConversionContext ctx) {
            int n = ctx.requireN(id());
            var c = new Canonical(lambda / (2.0 * n), 1, true, ConventionLoss.GAUSSIAN);
            return unitWeights(Conversion.exact(c, "Smile's LASSO minimizes ‖y − X̃w̃‖² + λ‖w̃‖₁ on standardized X (" + VERIFY
                    + "): divided by 2n, λ_occam = λ/(2n) = " + num(c.lambda()) + ", α = 1, standardize on"), ctx, "LASSO");
        }

        public static Conversion fromCanonical(Canonical c, ConversionContext ctx) {
            int n = ctx.requireN("smile-lasso");
            var l = new Lasso(2.0 * n * c.l1());
            Conversion conv = Conversion.exact(l, "Smile's ‖y − X̃w̃‖² + λ‖w̃‖₁ is 2n times the canonical objective: λ = 2nλ_occam = " + num(l.lambda)
                    + " (" + VERIFY + ")");
            if (c.l2() > 0) conv = conv.notEquivalent("Smile's LASSO has no L2 term (α = " + num(c.alpha()) + " < 1): use smile-elasticnet; this keeps the L1 part");
            conv = ConventionRules.standardizingPeer(c, conv, "Smile");
            return ConventionRules.lossFor(c, unitWeights(conv, ctx, "LASSO"), "Smile's LASSO", ConventionLoss.GAUSSIAN);
        }
    }

    /**
     * {@code ElasticNet.fit(formula, data, lambda1, lambda2)}: Zou and Hastie's augmented-data lasso,
     * returned without the (1 + λ2) rescaling: the naive elastic net ‖y − X̃w̃‖² + λ1‖w̃‖₁ +
     * λ2‖w̃‖², so λα = λ1/(2n) and λ(1−α) = λ2/n. Older versions centre the padded response by
     * Σy/(n+p), which adds a term unless y has mean 0.
     *
     * @param lambda1 &gt; 0
     * @param lambda2 &gt; 0
     */
    public record ElasticNet(double lambda1, double lambda2) implements LibrarySetting {
        public ElasticNet {
            ConventionRules.checkPositive("lambda1", lambda1);
            ConventionRules.checkPositive("lambda2", lambda2);
        }

        static final String CENTRING = "y has mean 0, or your Smile centres y before padding the data (older versions centre the padded y)";

        @Override public String id() { return "smile-elasticnet"; }

        @Override
        public Map<String, Object> parameters() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lambda1", lambda1);
            m.put("lambda2", lambda2);
            return m;
        }

        @Override public String call() { return "ElasticNet.fit(formula, data, " + num(lambda1) + ", " + num(lambda2) + ")"; }

        @Override
        public Conversion toCanonical(ConversionContext ctx) {
            int n = ctx.requireN(id());
            var c = Canonical.ofWeights(lambda1 / (2.0 * n), lambda2 / n, true, ConventionLoss.GAUSSIAN);
            Conversion conv = Conversion.exactIf(c, CENTRING, "Smile's ElasticNet returns the naive elastic net ‖y − X̃w̃‖² + λ1‖w̃‖₁ + λ2‖w̃‖² on standardized X ("
                    + VERIFY + "): λα = λ1/(2n), λ(1−α) = λ2/n, so λ = " + num(c.lambda()) + ", α = " + num(c.alpha()));
            return unitWeights(conv, ctx, "ElasticNet");
        }

        public static Conversion fromCanonical(Canonical c, ConversionContext ctx) {
            int n = ctx.requireN("smile-elasticnet");
            if (c.l1() == 0 || c.l2() == 0) {
                double l1 = c.l1() > 0 ? 2.0 * n * c.l1() : 1e-300;
                double l2 = c.l2() > 0 ? n * c.l2() : 1e-300;
                return Conversion.none(new ElasticNet(l1, l2), "Smile's ElasticNet needs both lambda1 > 0 and lambda2 > 0 (α = " + num(c.alpha())
                        + "): use smile-" + (c.l2() == 0 ? "lasso" : "ridge"));
            }
            var e = new ElasticNet(2.0 * n * c.l1(), n * c.l2());
            Conversion conv = Conversion.exactIf(e, CENTRING, "the naive elastic net ‖y − X̃w̃‖² + λ1‖w̃‖₁ + λ2‖w̃‖² is 2n times the canonical objective: "
                    + "lambda1 = 2nλα = " + num(e.lambda1) + ", lambda2 = nλ(1−α) = " + num(e.lambda2) + " (" + VERIFY + ")");
            conv = ConventionRules.standardizingPeer(c, conv, "Smile");
            return ConventionRules.lossFor(c, unitWeights(conv, ctx, "ElasticNet"), "Smile's ElasticNet", ConventionLoss.GAUSSIAN);
        }
    }

    /**
     * {@code RidgeRegression.fit(formula, data, lambda)}: ‖y − X̃w̃‖² + λ‖w̃‖² on standardized X̃:
     * λ_occam = λ/n, α = 0, standardize on.
     *
     * @param lambda ≥ 0 (Smile's default 1)
     */
    public record Ridge(double lambda) implements LibrarySetting {
        public Ridge {
            ConventionRules.checkNonNegative("lambda", lambda);
        }

        @Override public String id() { return "smile-ridge"; }

        @Override public Map<String, Object> parameters() { return Map.of("lambda", lambda); }

        @Override public String call() { return "RidgeRegression.fit(formula, data, " + num(lambda) + ")"; }

        @Override
        public Conversion toCanonical(ConversionContext ctx) {
            int n = ctx.requireN(id());
            var c = new Canonical(lambda / n, 0, true, ConventionLoss.GAUSSIAN);
            return unitWeights(Conversion.exact(c, "Smile's RidgeRegression minimizes ‖y − X̃w̃‖² + λ‖w̃‖² on standardized X (" + VERIFY
                    + "): divided by 2n, λ_occam = λ/n = " + num(c.lambda()) + ", α = 0, standardize on"), ctx, "RidgeRegression");
        }

        public static Conversion fromCanonical(Canonical c, ConversionContext ctx) {
            int n = ctx.requireN("smile-ridge");
            var r = new Ridge(n * c.l2());
            Conversion conv = Conversion.exact(r, "Smile's ‖y − X̃w̃‖² + λ‖w̃‖² is 2n times the canonical objective: λ = nλ_occam = " + num(r.lambda)
                    + " (" + VERIFY + ")");
            if (c.l1() > 0) conv = conv.notEquivalent("Smile's RidgeRegression has no L1 term (α = " + num(c.alpha()) + " > 0): use smile-elasticnet; this keeps the L2 part");
            conv = ConventionRules.standardizingPeer(c, conv, "Smile");
            return ConventionRules.lossFor(c, unitWeights(conv, ctx, "RidgeRegression"), "Smile's RidgeRegression", ConventionLoss.GAUSSIAN);
        }
    }
}

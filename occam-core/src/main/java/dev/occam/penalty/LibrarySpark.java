package dev.occam.penalty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.occam.penalty.ConventionRules.num;

/**
 * Spark MLlib's {@code LinearRegression} and {@code LogisticRegression}
 * ({@code regParam} λ, {@code elasticNetParam} α, {@code standardization}): the mean loss
 * (1/Σv)Σv·ℓ (½(y−ŷ)² or log-loss) + λ[α‖β‖₁ + (1−α)/2‖β‖²], β the coefficients of the
 * standardized features under {@code standardization}. Read from Spark's source, NOT refit here
 * ("verify"); checked by algebra in {@code ConventionsAlgebraTest}. Two differences from glmnet:
 *
 * <ul>
 * <li>LinearRegression scales y by its standard deviation, as glmnet does for gaussian fits: the
 *     L2 weight on the original scale is λ(1−α)/σ_y;</li>
 * <li>the standard deviations of the L-BFGS/OWL-QN path (LogisticRegression; LinearRegression
 *     with solver l-bfgs) are the unbiased n−1 ones, c = √(n/(n−1)) times glmnet's; the normal
 *     equations (LinearRegression's solver "normal", chosen by "auto" for at most 4096 features)
 *     use 1/n ones like glmnet.</li>
 * </ul>
 * So the L1 weight is λα·k1 and the L2 weight λ(1−α)·k2 in canonical terms, with
 * (k1, k2) = (c, c/σ_y) for LinearRegression under standardization and (1, 1/(c·σ_y)) without,
 * (c, c²) and (1, 1) for LogisticRegression; c = 1 for the normal solver.
 */
public final class LibrarySpark {
    private LibrarySpark() { }

    static final String VERIFY = "verify: read from Spark's source, not refit here";

    /** The factor c and the conditions it needs, for the n−1 standard deviations of Spark's L-BFGS path. */
    private record Bessel(double c, String condition) {
        static Bessel of(ConversionContext ctx) {
            if (ctx.n() == null) {
                return new Bessel(1.0, "n is large: Spark's L-BFGS path uses n−1 standard deviations, √(n/(n−1)) times Occam's (give n for the exact mapping)");
            }
            String cond = ctx.unitWeights() ? null : "unit sample weights (Spark's weighted n−1 variance differs otherwise)";
            return new Bessel(ConventionRules.besselFactor(ctx.n()), cond);
        }
    }

    /**
     * {@code LinearRegression(regParam, elasticNetParam, standardization, solver)}.
     *
     * @param regParam λ ≥ 0
     * @param elasticNetParam α ∈ [0, 1]
     * @param standardization Spark's default true
     * @param solver auto (default), normal or l-bfgs
     */
    public record LinearRegression(double regParam, double elasticNetParam, boolean standardization, String solver) implements LibrarySetting {
        public LinearRegression {
            ConventionRules.checkNonNegative("regParam", regParam);
            ConventionRules.checkUnit("elasticNetParam", elasticNetParam);
            if (!List.of("auto", "normal", "l-bfgs").contains(solver)) {
                throw new IllegalArgumentException("solver must be one of auto, normal, l-bfgs; got '" + solver + "'");
            }
        }

        @Override public String id() { return "spark-linear"; }

        @Override
        public Map<String, Object> parameters() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("regParam", regParam);
            m.put("elasticNetParam", elasticNetParam);
            m.put("standardization", standardization);
            m.put("solver", solver);
            return m;
        }

        @Override
        public String call() {
            return "new LinearRegression().setRegParam(" + num(regParam) + ").setElasticNetParam(" + num(elasticNetParam)
                    + ").setStandardization(" + standardization + ").setSolver(\"" + solver + "\")";
        }

        /** (k1, k2) and the conditions they rest on. */
        private static double[] factors(boolean standardization, String solver, boolean needSd, ConversionContext ctx, List<String> conditions) {
            double c = 1;
            if (solver.equals("l-bfgs")) {
                Bessel b = Bessel.of(ctx);
                c = b.c();
                if (b.condition() != null) conditions.add(b.condition());
            } else if (solver.equals("auto")) {
                conditions.add("at most 4096 features (solver auto then uses the normal equations, with 1/n standard deviations)");
            }
            double sd = 1;
            if (needSd) {
                if (ctx.sdY() == null) conditions.add("σ_y = 1 (Spark scales y by its standard deviation; give σ_y for the exact mapping)");
                else sd = ctx.sdY();
            }
            return standardization ? new double[] {c, c / sd} : new double[] {1, 1 / (c * sd)};
        }

        @Override
        public Conversion toCanonical(ConversionContext ctx) {
            List<String> conditions = new java.util.ArrayList<>();
            double[] k = factors(standardization, solver, elasticNetParam < 1 && regParam > 0, ctx, conditions);
            var c = Canonical.ofWeights(regParam * elasticNetParam * k[0], regParam * (1 - elasticNetParam) * k[1], standardization, ConventionLoss.GAUSSIAN);
            Conversion conv = Conversion.exact(c, "Spark scales y by its standard deviation like glmnet (" + VERIFY + "): L1 weight λα·" + num(k[0])
                    + ", L2 weight λ(1−α)·" + num(k[1]) + ", so λ = " + num(c.lambda()) + ", α = " + num(c.alpha()));
            for (String cond : conditions) conv = conv.withCondition(cond);
            return conv;
        }

        /** The normal-equations setting (1/n standard deviations, like Occam). */
        public static Conversion fromCanonical(Canonical c, ConversionContext ctx) {
            List<String> conditions = new java.util.ArrayList<>();
            double[] k = factors(c.standardize(), "normal", c.alpha() < 1 && c.lambda() > 0, ctx, conditions);
            double l1 = c.l1() / k[0];
            double l2 = c.l2() / k[1];
            double lambda = l1 + l2;
            var s = new LinearRegression(lambda, lambda == 0 ? 0 : Math.min(1, l1 / lambda), c.standardize(), "normal");
            Conversion conv = Conversion.exact(s, "Spark scales y by its standard deviation like glmnet (" + VERIFY + "): regParam = λα + λ(1−α)·σ_y = "
                    + num(s.regParam) + ", elasticNetParam = " + num(s.elasticNetParam) + ", solver normal (1/n standard deviations)");
            for (String cond : conditions) conv = conv.withCondition(cond);
            return ConventionRules.lossFor(c, conv, "Spark's LinearRegression", ConventionLoss.GAUSSIAN);
        }
    }

    /**
     * {@code LogisticRegression(regParam, elasticNetParam, standardization)}.
     *
     * @param regParam λ ≥ 0
     * @param elasticNetParam α ∈ [0, 1]
     * @param standardization Spark's default true
     */
    public record LogisticRegression(double regParam, double elasticNetParam, boolean standardization) implements LibrarySetting {
        public LogisticRegression {
            ConventionRules.checkNonNegative("regParam", regParam);
            ConventionRules.checkUnit("elasticNetParam", elasticNetParam);
        }

        @Override public String id() { return "spark-logistic"; }

        @Override
        public Map<String, Object> parameters() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("regParam", regParam);
            m.put("elasticNetParam", elasticNetParam);
            m.put("standardization", standardization);
            return m;
        }

        @Override
        public String call() {
            return "new LogisticRegression().setRegParam(" + num(regParam) + ").setElasticNetParam(" + num(elasticNetParam)
                    + ").setStandardization(" + standardization + ")";
        }

        private static Bessel bessel(boolean standardization, double regParam, ConversionContext ctx) {
            return standardization && regParam > 0 ? Bessel.of(ctx) : new Bessel(1.0, null);
        }

        @Override
        public Conversion toCanonical(ConversionContext ctx) {
            Bessel b = bessel(standardization, regParam, ctx);
            double c = b.c();
            var can = Canonical.ofWeights(regParam * elasticNetParam * c, regParam * (1 - elasticNetParam) * c * c, standardization, ConventionLoss.BINOMIAL);
            Conversion conv = Conversion.exact(can, "Spark's mean log-loss + λ[α‖β‖₁ + (1−α)/2‖β‖²] is canonical, but with standardization β uses "
                    + "n−1 standard deviations, c = " + num(c) + " times Occam's (" + VERIFY + "): λ = " + num(can.lambda()) + ", α = " + num(can.alpha()));
            return b.condition() == null ? conv : conv.withCondition(b.condition());
        }

        public static Conversion fromCanonical(Canonical can, ConversionContext ctx) {
            Bessel b = bessel(can.standardize(), can.lambda(), ctx);
            double c = b.c();
            double l1 = can.l1() / c;
            double l2 = can.l2() / (c * c);
            double lambda = l1 + l2;
            var s = new LogisticRegression(lambda, lambda == 0 ? 0 : Math.min(1, l1 / lambda), can.standardize());
            Conversion conv = Conversion.exact(s, "Spark's penalty on standardized coefficients uses n−1 standard deviations, c = " + num(c)
                    + " times Occam's (" + VERIFY + "): regParam = " + num(s.regParam) + ", elasticNetParam = " + num(s.elasticNetParam));
            if (b.condition() != null) conv = conv.withCondition(b.condition());
            return ConventionRules.lossFor(can, conv, "Spark's LogisticRegression", ConventionLoss.BINOMIAL, ConventionLoss.MULTINOMIAL);
        }
    }
}

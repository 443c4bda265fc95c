package dev.occam.penalty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.occam.penalty.ConventionRules.num;

/**
 * scikit-learn's regularized linear models and MLP. Careful with the names: scikit-learn's
 * {@code alpha} is a strength (Occam's λ up to a scale) and its {@code l1_ratio} is Occam's α.
 * None of these estimators standardizes X, and all leave the intercept unpenalized (except
 * {@code LogisticRegression(solver='liblinear')}, see {@link LibraryLiblinear}). Every mapping
 * here is confirmed by refits in {@code ConventionsRefitTest} (golden values from scikit-learn 1.2).
 */
public final class LibrarySklearn {
    private LibrarySklearn() { }

    /**
     * {@code Ridge(alpha)}: ‖y − Xw‖² + alpha‖w‖² (a sum of squares, no ½; with sample weights
     * Σs_i(y_i − x_iᵀw)²). Divided by 2Σv this is the canonical objective with
     * λ = alpha/Σv (alpha/n for unit weights), α = 0.
     *
     * @param alpha ≥ 0 (scikit-learn's default 1)
     */
    public record Ridge(double alpha) implements LibrarySetting {
        public Ridge {
            ConventionRules.checkNonNegative("alpha", alpha);
        }

        @Override public String id() { return "sklearn-ridge"; }

        @Override public Map<String, Object> parameters() { return Map.of("alpha", alpha); }

        @Override public String call() { return "Ridge(alpha=" + num(alpha) + ")"; }

        @Override
        public Conversion toCanonical(ConversionContext ctx) {
            double sum = ctx.requireSumWeights(id());
            var c = new Canonical(alpha / sum, 0, false, ConventionLoss.GAUSSIAN);
            return Conversion.exact(c, "Ridge minimizes ‖y − Xw‖² + alpha‖w‖² (a sum, no ½); divided by 2Σv that is the canonical "
                    + "objective with λ = alpha/Σv = " + num(alpha) + "/" + num(sum) + " = " + num(c.lambda()) + ", α = 0, X not standardized");
        }

        public static Conversion fromCanonical(Canonical c, ConversionContext ctx) {
            double sum = ctx.requireSumWeights("sklearn-ridge");
            var r = new Ridge(c.l2() * sum);
            Conversion conv = Conversion.exact(r, "Ridge's ‖y − Xw‖² + alpha‖w‖² is 2Σv times the canonical objective with alpha = λΣv = "
                    + num(c.lambda()) + "·" + num(sum) + " = " + num(r.alpha));
            if (c.l1() > 0) {
                conv = conv.notEquivalent("Ridge has no L1 term (α = " + num(c.alpha()) + " > 0): use sklearn-elasticnet; this keeps only the L2 part");
            }
            return ConventionRules.lossFor(c, ConventionRules.unstandardizedPeer(c, conv, "Ridge"), "Ridge", ConventionLoss.GAUSSIAN);
        }
    }

    /**
     * {@code Lasso(alpha)}: (1/2n)‖y − Xw‖² + alpha‖w‖₁ (sample weights are rescaled to sum to n):
     * λ = alpha, α = 1.
     *
     * @param alpha ≥ 0 (default 1)
     */
    public record Lasso(double alpha) implements LibrarySetting {
        public Lasso {
            ConventionRules.checkNonNegative("alpha", alpha);
        }

        @Override public String id() { return "sklearn-lasso"; }

        @Override public Map<String, Object> parameters() { return Map.of("alpha", alpha); }

        @Override public String call() { return "Lasso(alpha=" + num(alpha) + ")"; }

        @Override
        public Conversion toCanonical(ConversionContext ctx) {
            return Conversion.exact(new Canonical(alpha, 1, false, ConventionLoss.GAUSSIAN),
                    "Lasso minimizes (1/2n)‖y − Xw‖² + alpha‖w‖₁ (weights rescaled to sum to n): the canonical objective with λ = alpha, α = 1, X not standardized");
        }

        public static Conversion fromCanonical(Canonical c, ConversionContext ctx) {
            var l = new Lasso(c.l1());
            Conversion conv = Conversion.exact(l, "Lasso's (1/2n)‖y − Xw‖² + alpha‖w‖₁ is the canonical objective with alpha = λ");
            if (c.l2() > 0) {
                conv = conv.notEquivalent("Lasso has no L2 term (α = " + num(c.alpha()) + " < 1): use sklearn-elasticnet; this keeps only the L1 part λα");
            }
            return ConventionRules.lossFor(c, ConventionRules.unstandardizedPeer(c, conv, "Lasso"), "Lasso", ConventionLoss.GAUSSIAN);
        }
    }

    /**
     * {@code ElasticNet(alpha, l1_ratio)}: (1/2n)‖y − Xw‖² + alpha·l1_ratio‖w‖₁ +
     * ½alpha(1 − l1_ratio)‖w‖²: λ = alpha, α = l1_ratio.
     *
     * @param alpha ≥ 0 (default 1)
     * @param l1Ratio ∈ [0, 1] (default 0.5)
     */
    public record ElasticNet(double alpha, double l1Ratio) implements LibrarySetting {
        public ElasticNet {
            ConventionRules.checkNonNegative("alpha", alpha);
            ConventionRules.checkUnit("l1_ratio", l1Ratio);
        }

        @Override public String id() { return "sklearn-elasticnet"; }

        @Override
        public Map<String, Object> parameters() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("alpha", alpha);
            m.put("l1_ratio", l1Ratio);
            return m;
        }

        @Override public String call() { return "ElasticNet(alpha=" + num(alpha) + ", l1_ratio=" + num(l1Ratio) + ")"; }

        @Override
        public Conversion toCanonical(ConversionContext ctx) {
            return Conversion.exact(new Canonical(alpha, l1Ratio, false, ConventionLoss.GAUSSIAN),
                    "ElasticNet minimizes (1/2n)‖y − Xw‖² + alpha·l1_ratio‖w‖₁ + ½alpha(1 − l1_ratio)‖w‖²: λ = alpha, α = l1_ratio, X not standardized");
        }

        public static Conversion fromCanonical(Canonical c, ConversionContext ctx) {
            var e = new ElasticNet(c.lambda(), c.alpha());
            Conversion conv = Conversion.exact(e, "ElasticNet's objective is the canonical one with alpha = λ and l1_ratio = α (scikit-learn's alpha is Occam's λ)");
            return ConventionRules.lossFor(c, ConventionRules.unstandardizedPeer(c, conv, "ElasticNet"), "ElasticNet", ConventionLoss.GAUSSIAN);
        }
    }

    /**
     * {@code LogisticRegression(C, penalty, l1_ratio, solver)}: C·Σs_i·ℓ_i + r(w) with r = ½‖w‖²
     * (l2), ‖w‖₁ (l1), l1_ratio‖w‖₁ + (1 − l1_ratio)/2‖w‖² (elasticnet) or 0 (none). Divided by
     * C·Σs this is the canonical objective with λ = 1/(C·Σs), α = 0, 1 or l1_ratio. The solver
     * 'liblinear' penalizes the intercept (see {@link LibraryLiblinear}) and is exact only
     * without one.
     *
     * @param C inverse strength, &gt; 0 (default 1)
     * @param penalty l2 (default), l1, elasticnet or none
     * @param l1Ratio ∈ [0, 1] with elasticnet, NaN otherwise
     * @param solver lbfgs, liblinear, newton-cg, newton-cholesky, sag or saga
     */
    public record Logistic(double C, String penalty, double l1Ratio, String solver) implements LibrarySetting {
        static final List<String> PENALTIES = List.of("l2", "l1", "elasticnet", "none");
        static final List<String> SOLVERS = List.of("lbfgs", "liblinear", "newton-cg", "newton-cholesky", "sag", "saga");

        public Logistic {
            ConventionRules.checkPositive("C", C);
            if (!PENALTIES.contains(penalty)) {
                throw new IllegalArgumentException("penalty must be one of l2, l1, elasticnet, none; got '" + penalty + "'");
            }
            if (!SOLVERS.contains(solver)) {
                throw new IllegalArgumentException("solver must be one of " + String.join(", ", SOLVERS) + "; got '" + solver + "'");
            }
            if (penalty.equals("elasticnet")) {
                ConventionRules.checkUnit("l1_ratio", l1Ratio);
                if (!solver.equals("saga")) throw new IllegalArgumentException("penalty 'elasticnet' needs solver 'saga'; got '" + solver + "'");
            } else if (!Double.isNaN(l1Ratio)) {
                throw new IllegalArgumentException("l1_ratio goes only with penalty 'elasticnet'; got penalty '" + penalty + "'");
            }
            if (penalty.equals("l1") && !(solver.equals("saga") || solver.equals("liblinear"))) {
                throw new IllegalArgumentException("penalty 'l1' needs solver 'liblinear' or 'saga'; got '" + solver + "'");
            }
            if (penalty.equals("none") && solver.equals("liblinear")) {
                throw new IllegalArgumentException("solver 'liblinear' does not support penalty 'none'");
            }
        }

        /** The default solver of scikit-learn 1.2 for a penalty: lbfgs, or saga where lbfgs cannot. */
        static String defaultSolver(String penalty) {
            return penalty.equals("l1") || penalty.equals("elasticnet") ? "saga" : "lbfgs";
        }

        @Override public String id() { return "sklearn-logistic"; }

        @Override
        public Map<String, Object> parameters() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("C", C);
            m.put("penalty", penalty);
            if (!Double.isNaN(l1Ratio)) m.put("l1_ratio", l1Ratio);
            m.put("solver", solver);
            return m;
        }

        @Override
        public String call() {
            return "LogisticRegression(C=" + num(C) + ", penalty='" + penalty + "'"
                    + (Double.isNaN(l1Ratio) ? "" : ", l1_ratio=" + num(l1Ratio)) + ", solver='" + solver + "')";
        }

        @Override
        public Conversion toCanonical(ConversionContext ctx) {
            double sum = ctx.requireSumWeights(id());
            double alpha = switch (penalty) {
                case "l1" -> 1.0;
                case "elasticnet" -> l1Ratio;
                default -> 0.0;
            };
            double lambda = penalty.equals("none") ? 0.0 : 1.0 / (C * sum);
            var c = new Canonical(lambda, alpha, false, ConventionLoss.BINOMIAL);
            String why = penalty.equals("none")
                    ? "penalty 'none': C·Σℓ alone, λ = 0"
                    : "LogisticRegression minimizes C·Σs·ℓ + r(w); divided by C·Σs that is the canonical objective with λ = 1/(C·Σs) = 1/("
                    + num(C) + "·" + num(sum) + ") = " + num(lambda) + ", α = " + num(alpha) + " (multinomial: the same)";
            Conversion conv = Conversion.exact(c, why);
            if (solver.equals("liblinear")) {
                conv = conv.withCondition("fit_intercept=False: solver 'liblinear' penalizes the intercept (see liblinear)");
            }
            return conv;
        }

        public static Conversion fromCanonical(Canonical c, ConversionContext ctx) {
            double sum = ctx.requireSumWeights("sklearn-logistic");
            Logistic l;
            if (c.lambda() == 0) {
                l = new Logistic(1.0, "none", Double.NaN, "lbfgs");
            } else if (c.alpha() == 0) {
                l = new Logistic(1 / (c.lambda() * sum), "l2", Double.NaN, "lbfgs");
            } else if (c.alpha() == 1) {
                l = new Logistic(1 / (c.lambda() * sum), "l1", Double.NaN, "saga");
            } else {
                l = new Logistic(1 / (c.lambda() * sum), "elasticnet", c.alpha(), "saga");
            }
            Conversion conv = Conversion.exact(l, c.lambda() == 0 ? "λ = 0: no penalty"
                    : "LogisticRegression's C·Σs·ℓ + r(w) is C·Σs times the canonical objective: C = 1/(λΣs) = " + num(l.C)
                    + ", penalty from α (" + l.penalty + ")");
            return ConventionRules.lossFor(c, ConventionRules.unstandardizedPeer(c, conv, "LogisticRegression"),
                    "LogisticRegression", ConventionLoss.BINOMIAL, ConventionLoss.MULTINOMIAL);
        }
    }

    /**
     * {@code SGDClassifier} / {@code SGDRegressor(alpha, penalty, l1_ratio)}: minimizes
     * (1/n)Σs_i·L_i + alpha·R(w), R = ½‖w‖² (l2), ‖w‖₁ (l1) or (1 − l1_ratio)/2‖w‖² +
     * l1_ratio‖w‖₁ (elasticnet), each step shrinking w by 1 − η·alpha(1 − l1_ratio). Divided by
     * Σs/n: λ = alpha·n/Σs (alpha for unit weights), α = 0, 1 or l1_ratio. SGDRegressor's
     * squared_error is ½(y − p)², the gaussian ℓ.
     *
     * @param alpha ≥ 0 (default 1e-4)
     * @param penalty l2 (default), l1, elasticnet or none
     * @param l1Ratio ∈ [0, 1] (default 0.15; used with elasticnet)
     */
    public record Sgd(double alpha, String penalty, double l1Ratio) implements LibrarySetting {
        public Sgd {
            ConventionRules.checkNonNegative("alpha", alpha);
            if (!Logistic.PENALTIES.contains(penalty)) {
                throw new IllegalArgumentException("penalty must be one of l2, l1, elasticnet, none; got '" + penalty + "'");
            }
            ConventionRules.checkUnit("l1_ratio", l1Ratio);
        }

        @Override public String id() { return "sklearn-sgd"; }

        @Override
        public Map<String, Object> parameters() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("alpha", alpha);
            m.put("penalty", penalty);
            m.put("l1_ratio", l1Ratio);
            return m;
        }

        @Override
        public String call() {
            return "SGDRegressor(alpha=" + num(alpha) + ", penalty='" + penalty + "'"
                    + (penalty.equals("elasticnet") ? ", l1_ratio=" + num(l1Ratio) : "") + ")";
        }

        @Override
        public Conversion toCanonical(ConversionContext ctx) {
            double alphaOcc = switch (penalty) {
                case "l1" -> 1.0;
                case "elasticnet" -> l1Ratio;
                default -> 0.0;
            };
            double scale = ctx.sumWeights() == null ? 1.0 : ctx.requireN(id()) / ctx.sumWeights();
            double lambda = penalty.equals("none") ? 0.0 : alpha * scale;
            var c = new Canonical(lambda, alphaOcc, false, ConventionLoss.ANY);
            return Conversion.exact(c, "SGD minimizes (1/n)Σs·L + alpha·R(w) with R = (1−l1_ratio)/2‖w‖² + l1_ratio‖w‖₁ "
                    + "(each step shrinks w by 1 − η·alpha·(1−l1_ratio)): λ = alpha·n/Σs = " + num(lambda) + ", α = " + num(alphaOcc)
                    + " (SGDRegressor's squared_error is the gaussian ½(y−p)²)");
        }

        public static Conversion fromCanonical(Canonical c, ConversionContext ctx) {
            double scale = ctx.sumWeights() == null ? 1.0 : ctx.sumWeights() / ctx.requireN("sklearn-sgd");
            Sgd s;
            if (c.lambda() == 0) s = new Sgd(0.0001, "none", 0.15);
            else if (c.alpha() == 0) s = new Sgd(c.lambda() * scale, "l2", 0.15);
            else if (c.alpha() == 1) s = new Sgd(c.lambda() * scale, "l1", 0.15);
            else s = new Sgd(c.lambda() * scale, "elasticnet", c.alpha());
            Conversion conv = Conversion.exact(s, "SGD's (1/n)Σs·L + alpha·R(w) is the canonical objective times Σs/n: alpha = λΣs/n = "
                    + num(s.alpha) + ", penalty and l1_ratio from α; the loss is the estimator's own (SGDRegressor: squared_error)");
            return ConventionRules.unstandardizedPeer(c, conv, "SGD");
        }
    }

    /**
     * {@code MLPClassifier} / {@code MLPRegressor(alpha, solver)}: each mini-batch of B rows
     * minimizes its mean loss + (alpha/2)‖W‖²/B over the weights (not the biases); lbfgs uses the
     * whole data, B = n, and the default batch size is min(200, n). So λ = alpha/B, α = 0 (per-step L2
     * of alpha/B: PyTorch {@code weight_decay = alpha/B}), exact when B divides n (the last, smaller
     * batch of an epoch gets alpha/(n mod B)).
     *
     * @param alpha ≥ 0 (default 1e-4)
     * @param solver adam (default), sgd or lbfgs
     */
    public record Mlp(double alpha, String solver) implements LibrarySetting {
        public Mlp {
            ConventionRules.checkNonNegative("alpha", alpha);
            if (!List.of("adam", "sgd", "lbfgs").contains(solver)) {
                throw new IllegalArgumentException("solver must be one of adam, sgd, lbfgs; got '" + solver + "'");
            }
        }

        @Override public String id() { return "sklearn-mlp"; }

        @Override
        public Map<String, Object> parameters() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("alpha", alpha);
            m.put("solver", solver);
            return m;
        }

        @Override public String call() { return "MLPClassifier(alpha=" + num(alpha) + ", solver='" + solver + "')"; }

        /** The batch size B the MLP uses: n for lbfgs, else the given one (clipped to n) or min(200, n). */
        int batchSize(ConversionContext ctx) {
            return batchSize(solver, ctx, id());
        }

        static int batchSize(String solver, ConversionContext ctx, String who) {
            if (solver.equals("lbfgs")) return ctx.requireN(who + " with solver lbfgs (one batch of n rows)");
            if (ctx.batchSize() != null) return ctx.n() == null ? ctx.batchSize() : Math.min(ctx.batchSize(), ctx.n());
            if (ctx.n() == null) {
                throw new IllegalArgumentException(who + " needs the batch size (--batch-size), or n for the default min(200, n) (--n)");
            }
            return Math.min(200, ctx.n());
        }

        /** The condition that every batch has B rows, or null when it holds. */
        static String lastBatchCondition(int b, ConversionContext ctx) {
            if (ctx.n() != null && ctx.n() % b == 0) return null;
            return "n is a multiple of B = " + b + " (the last, smaller batch of each epoch, n mod B rows, gets alpha/(n mod B))";
        }

        @Override
        public Conversion toCanonical(ConversionContext ctx) {
            int b = batchSize(ctx);
            var c = new Canonical(alpha / b, 0, false, ConventionLoss.ANY);
            Conversion conv = Conversion.exact(c, "the MLP adds (alpha/2)‖W‖²/B to each batch's mean loss, weights only, not biases: λ = alpha/B = "
                    + num(alpha) + "/" + b + " = " + num(c.lambda()) + ", α = 0, i.e. PyTorch weight_decay = alpha/B on the weights");
            String cond = lastBatchCondition(b, ctx);
            return cond == null ? conv : conv.withCondition(cond);
        }

        public static Conversion fromCanonical(Canonical c, ConversionContext ctx) {
            // without a batch size, lbfgs: one batch of n rows, so no smaller last batch
            String solver = ctx.batchSize() == null ? "lbfgs" : "adam";
            int b = batchSize(solver, ctx, "sklearn-mlp");
            var m = new Mlp(c.l2() * b, solver);
            Conversion conv = Conversion.exact(m, "the MLP's per-batch penalty (alpha/2)‖W‖²/B equals λ/2‖W‖² for alpha = λB = "
                    + num(c.l2()) + "·" + b + " = " + num(m.alpha) + " (weights only; biases are never penalized)");
            if (c.l1() > 0) conv = conv.notEquivalent("scikit-learn's MLP has no L1 term (α = " + num(c.alpha()) + " > 0); this keeps only the L2 part");
            String cond = lastBatchCondition(b, ctx);
            if (cond != null) conv = conv.withCondition(cond);
            return ConventionRules.unstandardizedPeer(c, conv, "MLP");
        }
    }
}

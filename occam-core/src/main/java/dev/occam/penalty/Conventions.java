package dev.occam.penalty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Exact translation of regularization settings between Occam's canonical form and other
 * libraries, and the catalogue of the settings it knows ({@link SettingKind}).
 *
 * <p>Occam's canonical objective (DESIGN.md), with v the sample weights and ℓ = ½(y−η)² for
 * gaussian models, the negative log-likelihood otherwise:
 *
 * <pre>   (1/Σv) Σ_i v_i ℓ_i  +  λ · Σ_j f_j [ α|w_j| + (1−α)/2 · w_j² ]</pre>
 *
 * Libraries differ by a sum instead of a mean (n, Σv or the batch size B), a missing ½ on the
 * square, C = 1/λ, standardization of X (and of y: glmnet and Spark for gaussian fits), a
 * penalized intercept (liblinear), and decay multiplied by the learning rate or applied outside
 * the gradient. Each conversion says whether it is {@link ConversionStatus#EXACT},
 * {@link ConversionStatus#EXACT_IF} a condition holds, or has no equivalent
 * ({@link ConversionStatus#NONE}), and why, in one line. Converting A to B goes through the canonical
 * form: {@code A.toCanonical(ctx).then(B.fromCanonical(...))}.
 *
 * <p>How each row is confirmed: glmnet, scikit-learn (Ridge, Lasso, ElasticNet,
 * LogisticRegression, SGD, MLP) and liblinear by refits under both conventions
 * ({@code ConventionsRefitTest}, golden values in {@code golden/conventions}); PyTorch, Keras, Spark
 * and Smile by algebra only ({@code ConventionsAlgebraTest}); Spark and Smile say "verify".
 */
public final class Conventions {
    private Conventions() { }

    private static final List<SettingKind> KINDS = List.of(
            kind("canonical", "occam", "Occam's (1/Σv)Σv·ℓ + λΣ[α|w| + (1−α)/2·w²]",
                    List.of(p("lambda", null, "λ >= 0, the strength"), p("alpha", "1", "α in [0, 1], the L1 share"),
                            p("standardize", "true", "penalize standardized coefficients"), p("family", "any", "gaussian, binomial, multinomial, poisson or any")),
                    v -> new LibrarySetting.Canonical(v.number("lambda"), v.number("alpha"), v.bool("standardize"), ConventionLoss.parse(v.text("family"))),
                    LibrarySetting.Canonical::fromCanonical),
            kind("glmnet", "glmnet", "R glmnet(x, y, family, alpha, lambda, standardize)",
                    List.of(p("lambda", null, "λ >= 0"), p("alpha", "1", "α in [0, 1]"), p("standardize", "true", "standardize x (TRUE/FALSE)"),
                            p("family", "gaussian", "gaussian, binomial, multinomial, poisson or any")),
                    v -> new LibraryGlmnet(v.number("lambda"), v.number("alpha"), v.bool("standardize"), ConventionLoss.parse(v.text("family"))),
                    LibraryGlmnet::fromCanonical),
            kind("sklearn-ridge", "sklearn", "scikit-learn Ridge(alpha): ‖y − Xw‖² + alpha‖w‖²",
                    List.of(p("alpha", "1.0", "strength >= 0")),
                    v -> new LibrarySklearn.Ridge(v.number("alpha")), LibrarySklearn.Ridge::fromCanonical),
            kind("sklearn-lasso", "sklearn", "scikit-learn Lasso(alpha): (1/2n)‖y − Xw‖² + alpha‖w‖₁",
                    List.of(p("alpha", "1.0", "strength >= 0")),
                    v -> new LibrarySklearn.Lasso(v.number("alpha")), LibrarySklearn.Lasso::fromCanonical),
            kind("sklearn-elasticnet", "sklearn", "scikit-learn ElasticNet(alpha, l1_ratio)",
                    List.of(p("alpha", "1.0", "strength >= 0 (Occam's λ)"), p("l1_ratio", "0.5", "L1 share in [0, 1] (Occam's α)")),
                    v -> new LibrarySklearn.ElasticNet(v.number("alpha"), v.number("l1_ratio")), LibrarySklearn.ElasticNet::fromCanonical),
            kind("sklearn-logistic", "sklearn", "scikit-learn LogisticRegression(C, penalty, l1_ratio, solver)",
                    List.of(p("C", "1.0", "inverse strength > 0"), p("penalty", "l2", "l2, l1, elasticnet or none"),
                            p("l1_ratio", "none", "L1 share in [0, 1], with elasticnet"), p("solver", "auto", "lbfgs (saga for l1/elasticnet), liblinear, newton-cg, newton-cholesky, sag, saga")),
                    v -> {
                        String penalty = v.choice("penalty", LibrarySklearn.Logistic.PENALTIES);
                        String solver = v.text("solver").equalsIgnoreCase("auto") ? LibrarySklearn.Logistic.defaultSolver(penalty)
                                : v.choice("solver", LibrarySklearn.Logistic.SOLVERS);
                        return new LibrarySklearn.Logistic(v.number("C"), penalty, v.optionalNumber("l1_ratio"), solver);
                    },
                    LibrarySklearn.Logistic::fromCanonical),
            kind("sklearn-sgd", "sklearn", "scikit-learn SGDClassifier / SGDRegressor(alpha, penalty, l1_ratio)",
                    List.of(p("alpha", "0.0001", "strength >= 0"), p("penalty", "l2", "l2, l1, elasticnet or none"), p("l1_ratio", "0.15", "L1 share with elasticnet")),
                    v -> new LibrarySklearn.Sgd(v.number("alpha"), v.choice("penalty", LibrarySklearn.Logistic.PENALTIES), v.number("l1_ratio")),
                    LibrarySklearn.Sgd::fromCanonical),
            kind("sklearn-mlp", "sklearn", "scikit-learn MLPClassifier / MLPRegressor(alpha, solver); batch size from --batch-size",
                    List.of(p("alpha", "0.0001", "L2 strength >= 0"), p("solver", "adam", "adam, sgd or lbfgs (one batch of n rows)")),
                    v -> new LibrarySklearn.Mlp(v.number("alpha"), v.choice("solver", List.of("adam", "sgd", "lbfgs"))),
                    LibrarySklearn.Mlp::fromCanonical),
            kind("liblinear", "liblinear", "LIBLINEAR train -s 0|6|7 -c C [-B bias] [-R]",
                    List.of(p("s", "0", "0 (L2 logistic), 6 (L1 logistic) or 7 (L2 logistic, dual)"), p("c", "1", "C > 0"),
                            p("B", "-1", "bias feature value; <= 0 for none"), p("R", "false", "true: bias not regularized (-R)")),
                    v -> new LibraryLiblinear(v.number("c"), v.integer("s"), v.number("B"), v.bool("R")),
                    LibraryLiblinear::fromCanonical),
            kind("keras", "keras", "Keras regularizers L1L2(l1, l2), L1(l1), L2(l2): l1·Σ|w| + l2·Σw²",
                    List.of(p("l1", "0", "L1 factor >= 0"), p("l2", "0", "L2 factor >= 0 (no ½)")),
                    v -> new LibraryKeras.Regularizer(v.number("l1"), v.number("l2")), LibraryKeras.Regularizer::fromCanonical),
            kind("keras-weight-decay", "keras", "Keras optimizer weight_decay (decoupled, multiplied by the learning rate)",
                    List.of(p("optimizer", "adamw", String.join(", ", LibraryKeras.OPTIMIZERS)), p("momentum", "0", "SGD momentum in [0, 1)"),
                            p("weight_decay", "0.004", "decay >= 0")),
                    v -> new LibraryKeras.WeightDecay(v.choice("optimizer", LibraryKeras.OPTIMIZERS), v.number("momentum"), v.number("weight_decay")),
                    LibraryKeras.WeightDecay::fromCanonical),
            kind("tfa-weight-decay", "tfa", "TensorFlow Addons SGDW / AdamW(weight_decay): decay not multiplied by the learning rate (needs --lr)",
                    List.of(p("optimizer", "sgdw", "sgdw or adamw"), p("momentum", "0", "SGDW momentum in [0, 1)"), p("weight_decay", null, "decay >= 0")),
                    v -> new LibraryKeras.AddonsWeightDecay(v.choice("optimizer", List.of("sgdw", "adamw")), v.number("momentum"), v.number("weight_decay")),
                    LibraryKeras.AddonsWeightDecay::fromCanonical),
            kind("torch-sgd", "torch", "PyTorch torch.optim.SGD(weight_decay): coupled L2",
                    List.of(p("weight_decay", "0", "wd >= 0")),
                    v -> new LibraryTorch.Sgd(v.number("weight_decay")), LibraryTorch.Sgd::fromCanonical),
            kind("torch-adam", "torch", "PyTorch torch.optim.Adam(weight_decay): coupled L2",
                    List.of(p("weight_decay", "0", "wd >= 0")),
                    v -> new LibraryTorch.Adam(v.number("weight_decay")), LibraryTorch.Adam::fromCanonical),
            kind("torch-adamw", "torch", "PyTorch torch.optim.AdamW(weight_decay): decoupled decay",
                    List.of(p("weight_decay", "0.01", "wd >= 0")),
                    v -> new LibraryTorch.AdamW(v.number("weight_decay")), LibraryTorch.AdamW::fromCanonical),
            kind("spark-linear", "spark", "Spark LinearRegression(regParam, elasticNetParam, standardization, solver)",
                    List.of(p("regParam", "0", "λ >= 0"), p("elasticNetParam", "0", "α in [0, 1]"), p("standardization", "true", "true or false"),
                            p("solver", "auto", "auto, normal or l-bfgs")),
                    v -> new LibrarySpark.LinearRegression(v.number("regParam"), v.number("elasticNetParam"), v.bool("standardization"),
                            v.choice("solver", List.of("auto", "normal", "l-bfgs"))),
                    LibrarySpark.LinearRegression::fromCanonical),
            kind("spark-logistic", "spark", "Spark LogisticRegression(regParam, elasticNetParam, standardization)",
                    List.of(p("regParam", "0", "λ >= 0"), p("elasticNetParam", "0", "α in [0, 1]"), p("standardization", "true", "true or false")),
                    v -> new LibrarySpark.LogisticRegression(v.number("regParam"), v.number("elasticNetParam"), v.bool("standardization")),
                    LibrarySpark.LogisticRegression::fromCanonical),
            kind("smile-lasso", "smile", "Smile LASSO.fit(formula, data, lambda): ‖y − X̃w̃‖² + λ‖w̃‖₁",
                    List.of(p("lambda", "1", "λ >= 0")),
                    v -> new LibrarySmile.Lasso(v.number("lambda")), LibrarySmile.Lasso::fromCanonical),
            kind("smile-elasticnet", "smile", "Smile ElasticNet.fit(formula, data, lambda1, lambda2)",
                    List.of(p("lambda1", null, "L1 > 0"), p("lambda2", null, "L2 > 0 (no ½)")),
                    v -> new LibrarySmile.ElasticNet(v.number("lambda1"), v.number("lambda2")), LibrarySmile.ElasticNet::fromCanonical),
            kind("smile-ridge", "smile", "Smile RidgeRegression.fit(formula, data, lambda): ‖y − X̃w̃‖² + λ‖w̃‖²",
                    List.of(p("lambda", "1", "λ >= 0")),
                    v -> new LibrarySmile.Ridge(v.number("lambda")), LibrarySmile.Ridge::fromCanonical));

    /** Other names accepted for a kind. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("occam", "canonical"),
            Map.entry("sklearn-sgdclassifier", "sklearn-sgd"), Map.entry("sklearn-sgdregressor", "sklearn-sgd"),
            Map.entry("sklearn-mlpclassifier", "sklearn-mlp"), Map.entry("sklearn-mlpregressor", "sklearn-mlp"),
            Map.entry("sklearn-logisticregression", "sklearn-logistic"),
            Map.entry("keras-l1", "keras"), Map.entry("keras-l2", "keras"), Map.entry("keras-l1l2", "keras"), Map.entry("keras-l1_l2", "keras"),
            Map.entry("spark-linearregression", "spark-linear"), Map.entry("spark-logisticregression", "spark-logistic"));

    private static SettingKind kind(String id, String library, String summary, List<SettingParameter> parameters,
                                     java.util.function.Function<SettingValues, LibrarySetting> parser,
                                     java.util.function.BiFunction<LibrarySetting.Canonical, ConversionContext, Conversion> from) {
        return new SettingKind(id, library, summary, parameters, parser, from);
    }

    private static SettingParameter p(String name, String defaultValue, String description) {
        return new SettingParameter(name, defaultValue, description);
    }

    /** Every setting kind, canonical first. */
    public static List<SettingKind> kinds() {
        return KINDS;
    }

    /** The libraries, in the order of {@link #kinds()} ("occam" for the canonical form). */
    public static List<String> libraries() {
        LinkedHashSet<String> l = new LinkedHashSet<>();
        for (SettingKind k : KINDS) l.add(k.library());
        return List.copyOf(l);
    }

    /**
     * The kind with this id or alias (any case).
     *
     * @throws IllegalArgumentException naming the known ids when there is none
     */
    public static SettingKind kind(String id) {
        String key = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        key = ALIASES.getOrDefault(key, key);
        for (SettingKind k : KINDS) {
            if (k.id().equals(key)) return k;
        }
        throw new IllegalArgumentException("unknown setting '" + id + "'; known: " + String.join(", ", ids()));
    }

    private static List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (SettingKind k : KINDS) ids.add(k.id());
        return ids;
    }

    /** The setting of kind {@code id} with the given parameter values (name → text; defaults for the rest). */
    public static LibrarySetting parse(String id, Map<String, String> values) {
        return kind(id).parse(values);
    }

    /**
     * The kind to convert to for {@code to}: a kind id or alias, or a library name, which picks
     * the library's setting that fits the canonical setting best (scikit-learn: Lasso for α = 1,
     * Ridge for α = 0, ElasticNet otherwise, LogisticRegression for log-losses, SGD for other losses).
     */
    public static SettingKind target(String to, LibrarySetting.Canonical c) {
        String key = to == null ? "" : to.strip().toLowerCase(Locale.ROOT);
        if (!libraries().contains(key) || key.equals("occam")) return kind(key);
        return switch (key) {
            case "sklearn" -> c.loss().isLogLoss() ? kind("sklearn-logistic")
                    : c.loss() != ConventionLoss.GAUSSIAN ? kind("sklearn-sgd")
                    : c.alpha() == 1 ? kind("sklearn-lasso") : c.alpha() == 0 ? kind("sklearn-ridge") : kind("sklearn-elasticnet");
            case "spark" -> c.loss().isLogLoss() ? kind("spark-logistic") : kind("spark-linear");
            case "smile" -> c.alpha() == 1 ? kind("smile-lasso") : c.alpha() == 0 ? kind("smile-ridge") : kind("smile-elasticnet");
            default -> {
                for (SettingKind k : KINDS) {
                    if (k.library().equals(key)) yield k;
                }
                throw new IllegalStateException("no kind for library " + key);
            }
        };
    }

    /** The canonical form of {@code from} followed by the setting of {@code target} for it. */
    public static Conversion convert(LibrarySetting from, SettingKind target, ConversionContext context) {
        Conversion toCanonical = from.toCanonical(context);
        LibrarySetting.Canonical c = (LibrarySetting.Canonical) toCanonical.target();
        return toCanonical.then(target.fromCanonical(c, context));
    }

    /** {@link #convert(LibrarySetting, SettingKind, ConversionContext)} to the kind or library named {@code to}. */
    public static Conversion convert(LibrarySetting from, String to, ConversionContext context) {
        Conversion toCanonical = from.toCanonical(context);
        LibrarySetting.Canonical c = (LibrarySetting.Canonical) toCanonical.target();
        return toCanonical.then(target(to, c).fromCanonical(c, context));
    }

    /** {@code x} in its shortest exact decimal form, without a trailing ".0" (as the conversions write numbers). */
    public static String number(double x) {
        return ConventionRules.num(x);
    }

    /** The parameters of a setting as text, for parsing back (numbers in their shortest exact form). */
    public static Map<String, String> parametersAsText(LibrarySetting s) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : s.parameters().entrySet()) {
            Object v = e.getValue();
            m.put(e.getKey(), v instanceof Double d ? ConventionRules.num(d) : String.valueOf(v));
        }
        return m;
    }
}

package dev.occam.cli;

import dev.occam.penalty.Conversion;
import dev.occam.penalty.ConversionContext;
import dev.occam.penalty.ConversionStatus;
import dev.occam.penalty.Conventions;
import dev.occam.penalty.LibrarySetting;
import dev.occam.penalty.SettingKind;
import dev.occam.penalty.SettingParameter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code occam convert}: a regularization setting of one library in another's terms, through Occam's
 * canonical form, with whether the translation is exact, exact under a condition, or impossible,
 * and why ({@link Conventions}).
 *
 * <p>Parameters of the {@code --from} setting are given as {@code --param NAME=VALUE} or, shorter,
 * as {@code --NAME VALUE} under the library's own names ({@code --C 0.5}, {@code --l1_ratio 0.3});
 * facts about the data and training ({@code --n}, {@code --sum-weights}, {@code --sd-y},
 * {@code --batch-size}, {@code --lr}) are asked for by the conversions that need them.
 */
@Command(name = "convert", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Translate a regularization setting between libraries, exactly, through Occam's canonical form",
                "  (1/sum v) sum_i v_i l_i + lambda * sum_j [alpha |w_j| + (1-alpha)/2 w_j^2],",
                "and say whether the result is exact, exact under a condition, or has no equivalent.",
                "Example: occam convert --from sklearn-logistic --C 0.5 --n 569 --to glmnet"},
        footer = {"", "Settings (see --list for their parameters): canonical, glmnet, sklearn-ridge, sklearn-lasso, sklearn-elasticnet,",
                "sklearn-logistic, sklearn-sgd, sklearn-mlp, liblinear, keras, keras-weight-decay, tfa-weight-decay, torch-sgd,",
                "torch-adam, torch-adamw, spark-linear, spark-logistic, smile-lasso, smile-elasticnet, smile-ridge.",
                "Libraries for --to: glmnet, sklearn, liblinear, keras, tfa, torch, spark, smile (the setting that fits best)."})
final class ConvertCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "SETTING", description = "The setting to convert, e.g. sklearn-logistic, glmnet, torch-adamw (see --list).")
    String from;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
            description = "A parameter of the --from setting, under the library's name (repeatable). Shorter: --NAME VALUE.")
    List<String> params = new ArrayList<>();

    @Option(names = "--to", paramLabel = "TARGET", defaultValue = "canonical",
            description = "A setting, a library (picks its best-fitting setting), canonical (default) or all.")
    String to;

    @Option(names = "--n", paramLabel = "N", description = "Number of rows (sums of losses to means).")
    Integer n;

    @Option(names = "--sum-weights", paramLabel = "S", description = "Sum of the sample weights (default: n, unit weights).")
    Double sumWeights;

    @Option(names = "--sd-y", paramLabel = "SD", description = "glmnet's scale of y for gaussian fits: weighted 1/n standard deviation (root mean square without intercept).")
    Double sdY;

    @Option(names = "--batch-size", paramLabel = "B", description = "Mini-batch size (scikit-learn's MLP divides its alpha by it).")
    Integer batchSize;

    @Option(names = "--lr", paramLabel = "ETA", description = "Learning rate (for decay not multiplied by it, and the per-step factor).")
    Double learningRate;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Option(names = "--list", description = "List the settings, their parameters and defaults, and exit.")
    boolean list;

    @Unmatched
    List<String> shorthand = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            printList(out);
            return 0;
        }
        if (from == null) throw new ParameterException(spec.commandLine(), "missing --from SETTING (see occam convert --list)");
        SettingKind kind = Conventions.kind(from);
        LibrarySetting setting = kind.parse(parameters(kind));
        ConversionContext context = new ConversionContext(n, sumWeights, sdY, batchSize, learningRate);

        Conversion toCanonical = setting.toCanonical(context);
        LibrarySetting.Canonical canonical = (LibrarySetting.Canonical) toCanonical.target();
        List<SettingKind> targets = to.strip().equalsIgnoreCase("all") ? Conventions.kinds() : List.of(Conventions.target(to, canonical));
        List<Conversion> steps = new ArrayList<>();
        for (SettingKind t : targets) steps.add(t.fromCanonical(canonical, context));

        if (json) {
            out.println(json(setting, context, toCanonical, steps));
        } else {
            printText(out, setting, toCanonical, steps, targets.size() > 1);
        }
        return 0;
    }

    /** The --param and --NAME VALUE pairs, as name → text. */
    private Map<String, String> parameters(SettingKind kind) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) throw new ParameterException(spec.commandLine(), "--param must be NAME=VALUE; got '" + p + "'");
            put(values, p.substring(0, eq).strip(), p.substring(eq + 1).strip());
        }
        for (int i = 0; i < shorthand.size(); i++) {
            String a = shorthand.get(i);
            if (!a.startsWith("--") || a.length() == 2) {
                throw new ParameterException(spec.commandLine(), "unexpected argument '" + a + "'; give parameters as --NAME VALUE or --param NAME=VALUE");
            }
            String name = a.substring(2);
            int eq = name.indexOf('=');
            if (eq > 0) {
                put(values, name.substring(0, eq), name.substring(eq + 1));
            } else if (i + 1 < shorthand.size()) {
                put(values, name, shorthand.get(++i));
            } else {
                throw new ParameterException(spec.commandLine(), "--" + name + " needs a value");
            }
        }
        if (values.keySet().stream().anyMatch(k -> !knows(kind, k))) {
            String unknown = values.keySet().stream().filter(k -> !knows(kind, k)).findFirst().orElseThrow();
            List<String> names = kind.parameters().stream().map(SettingParameter::name).toList();
            throw new ParameterException(spec.commandLine(), kind.id() + " has no parameter '" + unknown + "'; its parameters: "
                    + (names.isEmpty() ? "none" : String.join(", ", names)) + "; context options: --n, --sum-weights, --sd-y, --batch-size, --lr");
        }
        return values;
    }

    private void put(Map<String, String> values, String name, String value) {
        if (values.containsKey(name)) throw new ParameterException(spec.commandLine(), "parameter " + name + " is given twice");
        values.put(name, value);
    }

    private static boolean knows(SettingKind kind, String name) {
        String k = name.toLowerCase(java.util.Locale.ROOT).replace("-", "").replace("_", "");
        return kind.parameters().stream().anyMatch(p -> p.name().toLowerCase(java.util.Locale.ROOT).replace("-", "").replace("_", "").equals(k));
    }

    private static String exactness(Conversion c) {
        return switch (c.status()) {
            case EXACT -> "yes";
            case EXACT_IF -> "if " + c.condition();
            case NONE -> "no: there is no equivalent setting; the one shown is the nearest";
        };
    }

    private static void printText(PrintWriter out, LibrarySetting from, Conversion toCanonical, List<Conversion> steps, boolean all) {
        LibrarySetting.Canonical c = (LibrarySetting.Canonical) toCanonical.target();
        out.println("from       " + from.call() + "   [" + from.id() + "]");
        out.println("canonical  lambda = " + Conventions.number(c.lambda()) + ", alpha = " + Conventions.number(c.alpha()) + ", standardize " + (c.standardize() ? "on" : "off")
                + ", loss " + c.loss().id() + "   (" + c.call() + ")");
        if (!all) {
            Conversion step = steps.get(0);
            Conversion whole = toCanonical.then(step);
            if (!(step.target() instanceof LibrarySetting.Canonical)) {
                out.println("to         " + step.target().call() + "   [" + step.target().id() + "]");
            }
            out.println("exact      " + exactness(whole));
            out.println("why        " + toCanonical.explanation());
            if (!(step.target() instanceof LibrarySetting.Canonical)) out.println("           " + step.explanation());
            return;
        }
        out.println("exact      " + exactness(toCanonical) + "   (to canonical)");
        out.println("why        " + toCanonical.explanation());
        for (Conversion step : steps) {
            Conversion whole = toCanonical.then(step);
            out.println();
            out.println(step.target().id() + ": " + step.target().call());
            out.println("  exact  " + exactness(whole));
            out.println("  why    " + step.explanation());
        }
    }

    private static String json(LibrarySetting from, ConversionContext ctx, Conversion toCanonical, List<Conversion> steps) {
        JsonMapper mapper = JsonMapper.builder().build();
        ObjectNode root = mapper.createObjectNode();
        root.set("from", setting(mapper, from));
        ObjectNode context = root.putObject("context");
        if (ctx.n() != null) context.put("n", ctx.n());
        if (ctx.sumWeights() != null) context.put("sum_weights", ctx.sumWeights());
        if (ctx.sdY() != null) context.put("sd_y", ctx.sdY());
        if (ctx.batchSize() != null) context.put("batch_size", ctx.batchSize());
        if (ctx.learningRate() != null) context.put("learning_rate", ctx.learningRate());
        ObjectNode canonical = setting(mapper, toCanonical.target());
        status(canonical, toCanonical);
        canonical.put("explanation", toCanonical.explanation());
        root.set("canonical", canonical);
        ArrayNode conversions = root.putArray("conversions");
        for (Conversion step : steps) {
            ObjectNode to = setting(mapper, step.target());
            Conversion whole = toCanonical.then(step);
            status(to, whole);
            ArrayNode why = to.putArray("explanation");
            why.add(toCanonical.explanation());
            why.add(step.explanation());
            conversions.add(to);
        }
        if (steps.size() == 1) {
            ObjectNode only = (ObjectNode) conversions.get(0);
            root.set("to", only.deepCopy());
            root.put("status", only.get("status").asString());
            root.set("condition", only.get("condition"));
        }
        return mapper.writeValueAsString(root);
    }

    private static void status(ObjectNode node, Conversion c) {
        node.put("status", c.status().name());
        if (c.status() == ConversionStatus.EXACT_IF) node.put("condition", c.condition());
        else node.putNull("condition");
    }

    private static ObjectNode setting(JsonMapper mapper, LibrarySetting s) {
        ObjectNode node = mapper.createObjectNode();
        node.put("setting", s.id());
        ObjectNode p = node.putObject("parameters");
        for (Map.Entry<String, Object> e : s.parameters().entrySet()) {
            Object v = e.getValue();
            if (v instanceof Double d) p.put(e.getKey(), d);
            else if (v instanceof Integer i) p.put(e.getKey(), i);
            else if (v instanceof Boolean b) p.put(e.getKey(), b);
            else p.put(e.getKey(), String.valueOf(v));
        }
        node.put("call", s.call());
        return node;
    }

    private static void printList(PrintWriter out) {
        for (SettingKind k : Conventions.kinds()) {
            out.println(k.id() + "  —  " + k.summary());
            for (SettingParameter p : k.parameters()) {
                out.println("    --" + p.name() + (p.required() ? " (required)" : " (default " + p.defaultValue() + ")") + ": " + p.description());
            }
        }
    }
}

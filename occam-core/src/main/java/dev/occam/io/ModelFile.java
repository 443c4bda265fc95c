package dev.occam.io;

import dev.occam.data.DataFormatException;
import dev.occam.glm.Family;
import dev.occam.glm.LinearModel;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes a {@link LinearModel} as a versioned JSON file:
 * <pre>
 * {
 *   "format": "occam-model", "version": 1,
 *   "family": "binomial", "alpha": 1.0, "lambda": 0.01, "standardize": true,
 *   "features": ["age", "bmi"],
 *   "classes": ["no", "yes"],                       (binomial and multinomial only)
 *   "intercept": -0.4,                              (multinomial: {"a": 0.1, "b": -0.1, ...})
 *   "coefficients": {"age": 0.02, "bmi": 0.0},      (multinomial: {"a": {"age": ..., ...}, ...})
 *   "summary": {"n": 442, "dev_ratio": 0.51, "null_deviance": 1.3, "passes": 77,
 *               "converged": true, "warnings": [],
 *               "kkt_violation": 3.1e-13, "convergence": "kkt 1.0E-9"}
 * }
 * </pre>
 * {@code kkt_violation} is the largest KKT violation of the answer relative to max(λ, 1e-6·G)
 * ({@code null} when not measured) and {@code convergence} the rule the fit stopped by
 * ({@code "kkt <tolerance>"}, {@code "thresh <tolerance>"}, {@code "exact"}, {@code "interpolated"});
 * both are optional when reading (files written before they were recorded).
 * <pre>
 * }
 * </pre>
 * Coefficients are on the original feature scale; for binomial they model the second class. Numbers
 * are written in the shortest form that reads back to the same double. A summary number that is not
 * finite (e.g. the deviance ratio of a constant target) is written as {@code null}. Reading checks
 * everything and reports the first problem as one line: the file and what is wrong.
 */
public final class ModelFile {
    private ModelFile() { }

    /** Value of the "format" field. */
    public static final String FORMAT = "occam-model";

    /** The version this code writes and the newest it reads. */
    public static final int VERSION = 1;

    /** The mapper that writes model files; in a holder, so reading (predict) never builds one (see {@link JsonTrees}). */
    private static final class Writer {
        static final JsonMapper JSON = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
    }

    /** Writes {@code model} to {@code file} atomically (see {@link AtomicFiles}). */
    public static void write(Path file, LinearModel model) throws IOException {
        String json = toJson(model);
        AtomicFiles.writeText(file, w -> w.write(json));
    }

    /**
     * Reads a model file.
     *
     * @throws DataFormatException when the file is not a valid Occam model file (one line: file and problem)
     * @throws IOException when the file cannot be read
     */
    public static LinearModel read(Path file) throws IOException {
        String name = file.toString();
        if (Files.isDirectory(file)) throw new DataFormatException(name, "is a directory, not a model file");
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = JsonTrees.read(in, true);
        } catch (JacksonException e) {
            throw new DataFormatException(name, "not valid JSON" + where(e) + ": " + firstLine(e.getOriginalMessage()));
        }
        return fromTree(name, root);
    }

    /** The JSON text of {@code model}, as written by {@link #write}. */
    public static String toJson(LinearModel model) {
        requireUnique(model.featureNames(), "feature");
        if (model.classes() != null) requireUnique(model.classes(), "class");
        ObjectNode root = Writer.JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("family", model.family().id());
        root.put("alpha", model.alpha());
        root.put("lambda", model.lambda());
        root.put("standardize", model.standardize());
        ArrayNode features = root.putArray("features");
        model.featureNames().forEach(features::add);
        if (model.classes() != null) {
            ArrayNode classes = root.putArray("classes");
            model.classes().forEach(classes::add);
        }
        if (model.family() == Family.MULTINOMIAL) {
            ObjectNode intercept = root.putObject("intercept");
            ObjectNode coefficients = root.putObject("coefficients");
            for (int k = 0; k < model.responses(); k++) {
                String c = model.classes().get(k);
                intercept.put(c, finite(model.intercepts()[k], "intercept"));
                putCoefficients(coefficients.putObject(c), model, k);
            }
        } else {
            root.put("intercept", finite(model.intercepts()[0], "intercept"));
            putCoefficients(root.putObject("coefficients"), model, 0);
        }
        LinearModel.FitSummary s = model.summary();
        ObjectNode summary = root.putObject("summary");
        summary.put("n", s.n());
        putOrNull(summary, "dev_ratio", s.devRatio());
        putOrNull(summary, "null_deviance", s.nullDeviance());
        summary.put("passes", s.passes());
        summary.put("converged", s.converged());
        ArrayNode warnings = summary.putArray("warnings");
        s.warnings().forEach(warnings::add);
        putOrNull(summary, "kkt_violation", s.kktViolation());
        summary.put("convergence", s.convergence());
        return Writer.JSON.writeValueAsString(root) + "\n";
    }

    /** summary.convergence, optional (files written before it was recorded say "unknown"). */
    private static String convergenceRule(Reader r, JsonNode summary) {
        JsonNode v = summary.get("convergence");
        if (v == null || v.isNull()) return "unknown";
        if (!v.isString()) throw r.error("field \"summary.convergence\" must be a string; found " + describe(v));
        return v.stringValue();
    }

    /**
     * Reads a model from JSON text.
     *
     * @param fileName the name used in error messages
     * @throws DataFormatException when the text is not a valid Occam model
     */
    public static LinearModel fromJson(String json, String fileName) {
        JsonNode root;
        try {
            root = JsonTrees.read(json, true);
        } catch (JacksonException e) {
            throw new DataFormatException(fileName, "not valid JSON" + where(e) + ": " + firstLine(e.getOriginalMessage()));
        }
        return fromTree(fileName, root);
    }

    private static void putCoefficients(ObjectNode into, LinearModel model, int k) {
        double[] w = model.coefficients()[k];
        for (int j = 0; j < w.length; j++) {
            into.put(model.featureNames().get(j), finite(w[j], "coefficient"));
        }
    }

    /** Names become JSON keys, so each must be unique to read back. */
    private static void requireUnique(List<String> names, String what) {
        Set<String> seen = new HashSet<>();
        for (String s : names) {
            if (!seen.add(s)) throw new IllegalArgumentException("cannot write a model that names " + what + " \"" + s + "\" twice");
        }
    }

    /** Refuses to write a model that could not be read back (JSON has no NaN or infinity). */
    private static double finite(double v, String what) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("cannot write a model with a non-finite " + what + ": " + v);
        }
        return v;
    }

    private static void putOrNull(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) o.put(field, v); else o.putNull(field);
    }

    private static LinearModel fromTree(String file, JsonNode root) {
        Reader r = new Reader(file);
        if (root == null || !root.isObject()) {
            throw r.error("expected a JSON object with \"format\": \"" + FORMAT + "\"; found " + describe(root));
        }
        JsonNode format = root.get("format");
        if (format == null || !format.isString() || !FORMAT.equals(format.stringValue())) {
            throw r.error("not an Occam model file (expected \"format\": \"" + FORMAT + "\"; found "
                    + (format == null ? "no \"format\" field" : describe(format)) + ")");
        }
        JsonNode version = r.required(root, "version");
        if (!version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() < 1) {
            throw r.error("field \"version\" must be a whole number >= 1; found " + describe(version));
        }
        if (version.intValue() > VERSION) {
            throw r.error("model file version " + version.intValue() + " is newer than this Occam reads (version " + VERSION + ")");
        }
        Family family;
        JsonNode familyNode = r.required(root, "family");
        try {
            family = Family.parse(familyNode.isString() ? familyNode.stringValue() : "");
        } catch (IllegalArgumentException e) {
            throw r.error("field \"family\" must be one of gaussian, binomial, multinomial, poisson; found " + describe(familyNode));
        }
        double alpha = r.number(root, "alpha");
        if (!(alpha >= 0 && alpha <= 1)) throw r.error("field \"alpha\" must be in [0, 1]; found " + alpha);
        double lambda = r.number(root, "lambda");
        if (!(lambda >= 0)) throw r.error("field \"lambda\" must be >= 0; found " + lambda);
        boolean standardize = r.bool(root, "standardize");
        List<String> features = r.uniqueStrings(root, "features");
        List<String> classes = null;
        JsonNode classesNode = root.get("classes");
        if (family.hasClasses()) {
            classes = r.uniqueStrings(root, "classes");
            if (family == Family.BINOMIAL && classes.size() != 2) {
                throw r.error("a binomial model needs exactly 2 classes; found " + classes.size());
            }
            if (family == Family.MULTINOMIAL && classes.size() < 2) {
                throw r.error("a multinomial model needs at least 2 classes; found " + classes.size());
            }
        } else if (classesNode != null && !classesNode.isNull()) {
            throw r.error("a " + family.id() + " model has no classes; found field \"classes\"");
        }
        double[] intercepts;
        double[][] coefficients;
        if (family == Family.MULTINOMIAL) {
            int k = classes.size();
            intercepts = new double[k];
            coefficients = new double[k][];
            Map<String, JsonNode> interceptByClass = r.objectWithKeys(root.get("intercept"), "intercept", classes, "class");
            Map<String, JsonNode> coefficientsByClass = r.objectWithKeys(root.get("coefficients"), "coefficients", classes, "class");
            for (int c = 0; c < k; c++) {
                String label = classes.get(c);
                intercepts[c] = r.finite(interceptByClass.get(label), "intercept." + label);
                coefficients[c] = r.coefficients(coefficientsByClass.get(label), "coefficients." + label, features);
            }
        } else {
            intercepts = new double[] {r.finite(root.get("intercept"), "intercept")};
            coefficients = new double[][] {r.coefficients(root.get("coefficients"), "coefficients", features)};
        }
        JsonNode summaryNode = r.required(root, "summary");
        if (!summaryNode.isObject()) throw r.error("field \"summary\" must be an object; found " + describe(summaryNode));
        JsonNode nNode = r.required(summaryNode, "n");
        if (!nNode.isIntegralNumber() || !nNode.canConvertToInt() || nNode.intValue() < 0) {
            throw r.error("field \"summary.n\" must be a whole number >= 0; found " + describe(nNode));
        }
        JsonNode passesNode = r.required(summaryNode, "passes");
        if (!passesNode.isIntegralNumber() || !passesNode.canConvertToLong() || passesNode.longValue() < 0) {
            throw r.error("field \"summary.passes\" must be a whole number >= 0; found " + describe(passesNode));
        }
        LinearModel.FitSummary summary = new LinearModel.FitSummary(nNode.intValue(),
                r.numberOrNull(summaryNode, "dev_ratio"), r.numberOrNull(summaryNode, "null_deviance"),
                passesNode.longValue(), r.bool(summaryNode, "converged"), r.strings(summaryNode, "warnings"),
                summaryNode.has("kkt_violation") ? r.numberOrNull(summaryNode, "kkt_violation") : Double.NaN,
                convergenceRule(r, summaryNode));
        return new LinearModel(family, alpha, lambda, standardize, features, classes, intercepts, coefficients, summary);
    }

    /** Field access with one-line errors naming the file. */
    private record Reader(String file) {

        DataFormatException error(String message) {
            return new DataFormatException(file, message);
        }

        JsonNode required(JsonNode parent, String field) {
            JsonNode v = parent.get(field);
            if (v == null || v.isNull()) throw error("missing field \"" + field + "\"");
            return v;
        }

        double number(JsonNode parent, String field) {
            JsonNode v = required(parent, field);
            if (!v.isNumber()) throw error("field \"" + field + "\" must be a number; found " + describe(v));
            return v.doubleValue();
        }

        double numberOrNull(JsonNode parent, String field) {
            // (also used for optional fields, after checking that they are present)
            JsonNode v = parent.get(field);
            if (v == null) throw error("missing field \"" + field + "\"");
            if (v.isNull()) return Double.NaN;
            if (!v.isNumber()) throw error("field \"" + field + "\" must be a number or null; found " + describe(v));
            return v.doubleValue();
        }

        double finite(JsonNode v, String field) {
            if (v == null || v.isNull()) throw error("missing field \"" + field + "\"");
            if (!v.isNumber()) throw error("field \"" + field + "\" must be a number; found " + describe(v));
            double d = v.doubleValue();
            if (!Double.isFinite(d)) throw error("field \"" + field + "\" must be finite; found " + v);
            return d;
        }

        boolean bool(JsonNode parent, String field) {
            JsonNode v = required(parent, field);
            if (!v.isBoolean()) throw error("field \"" + field + "\" must be true or false; found " + describe(v));
            return v.booleanValue();
        }

        List<String> strings(JsonNode parent, String field) {
            JsonNode v = required(parent, field);
            if (!v.isArray()) throw error("field \"" + field + "\" must be an array of strings; found " + describe(v));
            List<String> out = new ArrayList<>(v.size());
            for (JsonNode e : v.values()) {
                if (!e.isString()) throw error("field \"" + field + "\" must hold only strings; found " + describe(e));
                out.add(e.stringValue());
            }
            return out;
        }

        List<String> uniqueStrings(JsonNode parent, String field) {
            List<String> out = strings(parent, field);
            Set<String> seen = new HashSet<>();
            for (String s : out) {
                if (!seen.add(s)) throw error("field \"" + field + "\" names \"" + s + "\" twice");
            }
            return out;
        }

        /** The members of an object whose keys must be exactly {@code keys} (in any order). */
        Map<String, JsonNode> objectWithKeys(JsonNode v, String field, List<String> keys, String keyKind) {
            if (v == null || v.isNull()) throw error("missing field \"" + field + "\"");
            if (!v.isObject()) throw error("field \"" + field + "\" must be an object " + keyKind + " -> value; found " + describe(v));
            Map<String, JsonNode> members = new HashMap<>();
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                members.put(e.getKey(), e.getValue());
            }
            for (String key : keys) {
                if (!members.containsKey(key)) throw error("field \"" + field + "\" has no entry for " + keyKind + " \"" + key + "\"");
            }
            for (String key : members.keySet()) {
                if (!keys.contains(key)) throw error("field \"" + field + "\" has an entry for unknown " + keyKind + " \"" + key + "\"");
            }
            return members;
        }

        /** Coefficients feature → number, one for every feature and no other. */
        double[] coefficients(JsonNode v, String field, List<String> features) {
            Map<String, JsonNode> members = objectWithKeys(v, field, features, "feature");
            double[] w = new double[features.size()];
            for (int j = 0; j < w.length; j++) {
                w[j] = finite(members.get(features.get(j)), field + "." + features.get(j));
            }
            return w;
        }
    }

    /** A short description of a JSON value for messages: its type and, for scalars, the value. */
    private static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) return "nothing";
        if (v.isNull()) return "null";
        if (v.isString()) return "\"" + (v.stringValue().length() > 40 ? v.stringValue().substring(0, 37) + "..." : v.stringValue()) + "\"";
        if (v.isNumber() || v.isBoolean()) return v.toString();
        if (v.isArray()) return "an array";
        if (v.isObject()) return "an object";
        return v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    private static String where(JacksonException e) {
        TokenStreamLocation at = e.getLocation();
        if (at == null || at.getLineNr() < 1) return "";
        return " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    private static String firstLine(String s) {
        if (s == null) return "unreadable";
        int nl = s.indexOf('\n');
        return nl >= 0 ? s.substring(0, nl) : s;
    }
}

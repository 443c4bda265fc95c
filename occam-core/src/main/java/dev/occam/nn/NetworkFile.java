package dev.occam.nn;

import dev.occam.data.DataFormatException;
import dev.occam.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes a {@link NetworkModel} as a versioned JSON file:
 * <pre>
 * {
 *   "format": "occam-network", "version": 1,
 *   "loss": "softmax_cross_entropy",              (or "binary_cross_entropy", "mse")
 *   "features": ["x1", "x2"], "target": "label",
 *   "classes": ["a", "b", "c"],                   (softmax cross-entropy only)
 *   "input": {"center": [...], "scale": [...]},   (or null: features used as given)
 *   "layers": [
 *     {"type": "dense", "name": "dense1", "inputs": 2, "outputs": 16,
 *      "weight": [...inputs×outputs, row-major...], "bias": [...]},
 *     {"type": "relu"}, {"type": "dropout", "rate": 0.2, "salt": 1}, ...],
 *   "training": {...}                             (free-form notes: optimizer, epochs, history)
 * }
 * </pre>
 * Weights are float32 written in their shortest decimal form and read back to the same float
 * (−0 reads back as 0).
 * Reading checks everything and reports the first problem as one line naming the file.
 */
public final class NetworkFile {
    private NetworkFile() {
    }

    public static final String FORMAT = "occam-network";
    public static final int VERSION = 1;

    /** Built on first use: {@link #isNetworkFile(Path)} (every predict) needs no mapper (see {@code JsonTrees}). */
    private static final class Mapper {
        static final JsonMapper JSON = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
    }

    /**
     * Writes the model atomically; {@code training} (may be null) is stored as free-form notes.
     */
    public static void write(Path file, NetworkModel model, Map<String, Object> training) throws IOException {
        String json = toJson(model, training);
        AtomicFiles.writeText(file, w -> w.write(json));
    }

    /** The JSON text {@link #write} writes. */
    public static String toJson(NetworkModel model, Map<String, Object> training) {
        ObjectNode root = Mapper.JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("loss", model.loss().name());
        ArrayNode f = root.putArray("features");
        model.features().forEach(f::add);
        if (model.target() != null) {
            root.put("target", model.target());
        }
        if (model.classes() != null) {
            ArrayNode c = root.putArray("classes");
            model.classes().forEach(c::add);
        }
        if (model.center() != null) {
            ObjectNode in = root.putObject("input");
            floats(in.putArray("center"), model.center());
            floats(in.putArray("scale"), model.scale());
        } else {
            root.putNull("input");
        }
        ArrayNode layers = root.putArray("layers");
        for (Layer l : model.network().layers()) {
            ObjectNode o = layers.addObject();
            if (l instanceof Dense d) {
                o.put("type", "dense");
                String name = d.weight().name();
                o.put("name", name.substring(0, name.length() - ".weight".length()));
                o.put("inputs", d.inputSize());
                o.put("outputs", d.outputSize());
                floats(o.putArray("weight"), d.weight().values());
                floats(o.putArray("bias"), d.bias().values());
            } else if (l instanceof Dropout d) {
                o.put("type", "dropout");
                o.put("size", d.inputSize());
                o.put("rate", d.rate());
                o.put("salt", d.salt());
            } else {
                o.put("type", l.describe());
                o.put("size", l.inputSize());
            }
        }
        if (training != null) {
            root.set("training", Mapper.JSON.valueToTree(training));
        }
        return Mapper.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    private static void floats(ArrayNode a, float[] v) {
        for (float x : v) {
            if (!Float.isFinite(x)) {
                throw new IllegalArgumentException("cannot write a network with a non-finite weight: " + x);
            }
            // Float.toString is the shortest decimal that reads back to this float
            a.add(new BigDecimal(Float.toString(x)));
        }
    }

    /**
     * Reads a network file.
     *
     * @throws DataFormatException one line naming the file and the first problem
     */
    public static NetworkModel read(Path file) throws IOException {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new DataFormatException(name, "is a directory, not a network file");
        }
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = Mapper.JSON.readTree(in);
        } catch (JacksonException e) {
            throw new DataFormatException(name, "not valid JSON: " + firstLine(e.getOriginalMessage()));
        } catch (NumberFormatException e) {
            // Jackson's number limits (e.g. a decimal exponent beyond BigDecimal's) are not JacksonExceptions
            throw new DataFormatException(name, "not valid JSON: " + firstLine(e.getMessage()));
        }
        return fromTree(name, root);
    }

    /** Reads a network from JSON text; {@code fileName} is used in messages. */
    public static NetworkModel fromJson(String json, String fileName) {
        try {
            return fromTree(fileName, Mapper.JSON.readTree(json));
        } catch (JacksonException e) {
            throw new DataFormatException(fileName, "not valid JSON: " + firstLine(e.getOriginalMessage()));
        } catch (NumberFormatException e) {
            throw new DataFormatException(fileName, "not valid JSON: " + firstLine(e.getMessage()));
        }
    }

    /**
     * True when the file is a JSON object whose "format" is a network's (for commands that accept
     * several kinds of model); false for anything else, including unreadable JSON, which the
     * other kind's reader then reports.
     */
    public static boolean isNetworkFile(Path file) {
        if (!Files.isRegularFile(file)) return false;
        try (InputStream in = Files.newInputStream(file)) {
            return isNetworkFile(dev.occam.io.JsonTrees.read(in, false));
        } catch (IOException | JacksonException e) {
            return false;
        }
    }

    /** True when the text looks like a network file (for commands that accept several kinds of model). */
    public static boolean isNetworkFile(JsonNode root) {
        JsonNode f = root == null ? null : root.get("format");
        return f != null && f.isString() && FORMAT.equals(f.stringValue());
    }

    private static NetworkModel fromTree(String file, JsonNode root) {
        if (root == null || !root.isObject() || !isNetworkFile(root)) {
            throw new DataFormatException(file, "not an Occam network file (expected \"format\": \"" + FORMAT + "\")");
        }
        JsonNode version = required(file, root, "version");
        if (!version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() < 1) {
            throw new DataFormatException(file, "field \"version\" must be a whole number >= 1");
        }
        if (version.intValue() > VERSION) {
            throw new DataFormatException(file, "network file version " + version.intValue() + " is newer than this Occam reads (version " + VERSION + ")");
        }
        Loss loss = switch (string(file, root, "loss")) {
            case "softmax_cross_entropy" -> new SoftmaxCrossEntropy();
            case "binary_cross_entropy" -> new BinaryCrossEntropy();
            case "mse" -> new MeanSquaredError();
            default -> throw new DataFormatException(file, "field \"loss\" must be softmax_cross_entropy, binary_cross_entropy or mse; found "
                    + root.get("loss"));
        };
        List<String> features = strings(file, root, "features");
        String target = root.hasNonNull("target") ? string(file, root, "target") : null;
        List<String> classes = root.has("classes") ? strings(file, root, "classes") : null;
        if (loss instanceof SoftmaxCrossEntropy && classes == null) {
            throw new DataFormatException(file, "a softmax_cross_entropy network needs a \"classes\" field");
        }
        float[] center = null;
        float[] scale = null;
        JsonNode input = root.get("input");
        if (input != null && !input.isNull()) {
            center = floats(file, input, "center", "input.center");
            scale = floats(file, input, "scale", "input.scale");
        }
        JsonNode layersNode = required(file, root, "layers");
        if (!layersNode.isArray() || layersNode.isEmpty()) {
            throw new DataFormatException(file, "field \"layers\" must be a non-empty array");
        }
        List<Layer> layers = new ArrayList<>();
        int width = features.size();
        for (int i = 0; i < layersNode.size(); i++) {
            JsonNode l = layersNode.get(i);
            String where = "layer " + (i + 1);
            String type = string(file, l, "type");
            Layer layer;
            try {
                layer = switch (type) {
                    case "dense" -> dense(file, l, where);
                    case "relu" -> new Relu(width);
                    case "tanh" -> new Tanh(width);
                    case "sigmoid" -> new Sigmoid(width);
                    case "gelu" -> new Gelu(width);
                    case "dropout" -> new Dropout(width, number(file, l, "rate", where), integer(file, l, "salt", where));
                    default -> throw new DataFormatException(file, where + ": unknown layer type \"" + type
                            + "\" (expected dense, relu, tanh, sigmoid, gelu or dropout)");
                };
            } catch (IllegalArgumentException e) {
                // a layer's own checks (sizes > 0, dropout rate in [0, 1)), said as a problem of the file
                throw new DataFormatException(file, where + ": " + e.getMessage());
            }
            if (layer.inputSize() != width) {
                throw new DataFormatException(file, where + " expects " + layer.inputSize() + " inputs; the layer before gives " + width);
            }
            width = layer.outputSize();
            layers.add(layer);
        }
        try {
            return new NetworkModel(new Sequential(layers), loss, features, target, classes, center, scale);
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(file, e.getMessage());
        }
    }

    /**
     * A dense layer. The weights in the file are counted before the layer is made, so a file that
     * declares a huge layer without holding its weights fails with a message, not an
     * OutOfMemoryError.
     */
    private static Dense dense(String file, JsonNode l, String where) {
        int in = integer(file, l, "inputs", where);
        int out = integer(file, l, "outputs", where);
        float[] weight = floats(file, l, "weight", where + " weight");
        float[] bias = floats(file, l, "bias", where + " bias");
        if (weight.length != (long) in * out) {
            throw new DataFormatException(file, where + " weight has " + weight.length + " values; expected " + (long) in * out);
        }
        Dense d = new Dense(string(file, l, "name"), in, out);
        copy(file, weight, d.weight().values(), where + " weight");
        copy(file, bias, d.bias().values(), where + " bias");
        return d;
    }

    private static JsonNode required(String file, JsonNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            throw new DataFormatException(file, "missing field \"" + field + "\"");
        }
        return n;
    }

    private static String string(String file, JsonNode o, String field) {
        JsonNode n = required(file, o, field);
        if (!n.isString()) {
            throw new DataFormatException(file, "field \"" + field + "\" must be a string; found " + n);
        }
        return n.stringValue();
    }

    private static int integer(String file, JsonNode o, String field, String where) {
        JsonNode n = required(file, o, field);
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < 0) {
            throw new DataFormatException(file, where + ": field \"" + field + "\" must be a whole number >= 0; found " + n);
        }
        return n.intValue();
    }

    private static double number(String file, JsonNode o, String field, String where) {
        JsonNode n = required(file, o, field);
        if (!n.isNumber()) {
            throw new DataFormatException(file, where + ": field \"" + field + "\" must be a number; found " + n);
        }
        return n.doubleValue();
    }

    private static List<String> strings(String file, JsonNode o, String field) {
        JsonNode n = required(file, o, field);
        if (!n.isArray()) {
            throw new DataFormatException(file, "field \"" + field + "\" must be an array of strings");
        }
        List<String> s = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode e : n) {
            if (!e.isString()) {
                throw new DataFormatException(file, "field \"" + field + "\" must be an array of strings; found " + e);
            }
            if (!seen.add(e.stringValue())) {
                throw new DataFormatException(file, "field \"" + field + "\" names \"" + e.stringValue() + "\" twice");
            }
            s.add(e.stringValue());
        }
        return s;
    }

    private static float[] floats(String file, JsonNode o, String field, String what) {
        JsonNode n = required(file, o, field);
        if (!n.isArray()) {
            throw new DataFormatException(file, what + " must be an array of numbers");
        }
        float[] v = new float[n.size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode e = n.get(i);
            if (!e.isNumber()) {
                throw new DataFormatException(file, what + "[" + i + "] must be a number; found " + e);
            }
            // parse the decimal text directly as float: no double rounding on the way
            v[i] = Float.parseFloat(e.decimalValue().toString());
            if (!Float.isFinite(v[i])) {
                throw new DataFormatException(file, what + "[" + i + "] is out of float range: " + e);
            }
        }
        return v;
    }

    private static void copy(String file, float[] src, float[] dst, String what) {
        if (src.length != dst.length) {
            throw new DataFormatException(file, what + " has " + src.length + " values; expected " + dst.length);
        }
        System.arraycopy(src, 0, dst, 0, dst.length);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}

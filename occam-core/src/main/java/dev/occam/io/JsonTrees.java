package dev.occam.io;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.InputStream;

/**
 * Reads JSON text into a {@link JsonNode} tree with Jackson's streaming parser alone, giving the
 * tree {@code JsonMapper.readTree} gives (int, long or BigInteger nodes for whole numbers, double
 * nodes for the others, a missing node for empty input, an error for trailing tokens) without
 * building a {@code JsonMapper}: building one costs about a tenth of a second at the start of a
 * process, more than reading a model file and predicting. Syntax errors are the parser's own
 * {@link JacksonException}s, with their location.
 */
public final class JsonTrees {
    private JsonTrees() { }

    private static final JsonFactory LENIENT_KEYS = new JsonFactory();
    private static final JsonFactory STRICT_KEYS = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * The tree of the JSON text in {@code in}.
     *
     * @param strictKeys whether a key repeated in one object is an error (else the last one wins)
     */
    public static JsonNode read(InputStream in, boolean strictKeys) {
        try (JsonParser p = (strictKeys ? STRICT_KEYS : LENIENT_KEYS).createParser(ObjectReadContext.empty(), in)) {
            return root(p);
        }
    }

    /** The tree of the JSON text {@code json} (see {@link #read(InputStream, boolean)}). */
    public static JsonNode read(String json, boolean strictKeys) {
        try (JsonParser p = (strictKeys ? STRICT_KEYS : LENIENT_KEYS).createParser(ObjectReadContext.empty(), json)) {
            return root(p);
        }
    }

    private static JsonNode root(JsonParser p) {
        JsonToken t = p.nextToken();
        if (t == null) return NODES.missingNode();
        JsonNode root = value(p, t);
        JsonToken trailing = p.nextToken();
        if (trailing != null) {
            throw new StreamReadException(p, "Trailing token (`JsonToken." + trailing.name()
                    + "`) found after value (bound as `" + JsonNode.class.getName()
                    + "`): not allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`");
        }
        return root;
    }

    private static JsonNode value(JsonParser p, JsonToken t) {
        switch (t) {
            case START_OBJECT: {
                ObjectNode o = NODES.objectNode();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    o.set(name, value(p, p.nextToken()));
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = NODES.arrayNode();
                for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) a.add(value(p, v));
                return a;
            }
            case VALUE_STRING:
                return NODES.stringNode(p.getString());
            case VALUE_NUMBER_INT:
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new StreamReadException(p, "Unexpected token " + t);
        }
    }
}

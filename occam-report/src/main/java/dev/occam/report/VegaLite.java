package dev.occam.report;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Small helpers for writing Vega-Lite specifications with Jackson's tree model. Specifications
 * carry their data inline ({@code "data": {"values": [...]}}), one object per row.
 */
public final class VegaLite {
    private VegaLite() { }

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The JSON schema of the bundled Vega-Lite major version, e.g. {@code .../vega-lite/v6.json}. */
    public static String schemaUrl() {
        String version = VendorScripts.load().vegaLiteVersion();
        return "https://vega.github.io/schema/vega-lite/v" + version.substring(0, version.indexOf('.')) + ".json";
    }

    /** A new top-level specification naming the schema (the page itself never fetches it). */
    public static ObjectNode spec() {
        ObjectNode spec = JSON.createObjectNode();
        spec.put("$schema", schemaUrl());
        return spec;
    }

    /** A new empty JSON object. */
    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** A new empty JSON array. */
    public static ArrayNode array() {
        return JSON.createArrayNode();
    }

    /** {@code {"field": field, "type": "quantitative", "title": title}}. */
    static ObjectNode quantitative(String field, String title) {
        ObjectNode o = object().put("field", field).put("type", "quantitative");
        if (title != null) o.put("title", title);
        return o;
    }

    /** {@code {"field": field, "type": "nominal", "title": title}}; a null title hides it. */
    static ObjectNode nominal(String field, String title) {
        ObjectNode o = object().put("field", field).put("type", "nominal");
        if (title == null) o.putNull("title"); else o.put("title", title);
        return o;
    }

    /** {@code {"type": "log"}}, reversed when asked (largest value on the left). */
    static ObjectNode logScale(boolean reverse) {
        ObjectNode o = object().put("type", "log");
        if (reverse) o.put("reverse", true);
        return o;
    }

    /** {@code {"values": rows}}. */
    static ObjectNode inline(ArrayNode rows) {
        ObjectNode data = object();
        data.set("values", rows);
        return data;
    }

    /** A JSON array of strings. */
    static ArrayNode strings(Iterable<String> values) {
        ArrayNode a = array();
        for (String v : values) a.add(v);
        return a;
    }

    /** A JSON array of numbers, which must be finite. */
    static ArrayNode numbers(double... values) {
        ArrayNode a = array();
        for (double v : values) a.add(DataRows.finite("value", v));
        return a;
    }
}

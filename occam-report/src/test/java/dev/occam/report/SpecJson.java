package dev.occam.report;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reading specifications back in tests: they are checked as the JSON the page receives. */
final class SpecJson {
    private SpecJson() { }

    /** The specification of a plot, parsed back from the JSON text the page embeds. */
    static JsonNode parse(Plot plot) {
        return VegaLite.JSON.readTree(plot.specJson());
    }

    /** The inline rows of a (layer of a) specification. */
    static List<JsonNode> rows(JsonNode spec) {
        List<JsonNode> out = new ArrayList<>();
        spec.get("data").get("values").forEach(out::add);
        return out;
    }

    /** The values of one numeric field over rows. */
    static double[] numbers(List<JsonNode> rows, String field) {
        return rows.stream().mapToDouble(r -> r.get(field).asDouble()).toArray();
    }

    /** The layers whose mark has this type. */
    static List<JsonNode> layers(JsonNode spec, String markType) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode layer : spec.get("layer")) {
            JsonNode mark = layer.get("mark"); // absent on a nested layer
            if (mark != null && mark.get("type").asString().equals(markType)) out.add(layer);
        }
        return out;
    }
}

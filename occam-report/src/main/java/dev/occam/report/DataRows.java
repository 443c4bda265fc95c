package dev.occam.report;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rows of inline data for a specification, one JSON object per row. Numbers must be finite: JSON
 * has no NaN or infinity, and Vega would silently drop or misplace such points.
 */
final class DataRows {
    private final ArrayNode rows = VegaLite.array();

    /** Starts a new row. */
    Row row() {
        return new Row(rows.addObject());
    }

    /** The rows so far (live: later rows are added to the same array). */
    ArrayNode values() {
        return rows;
    }

    int size() {
        return rows.size();
    }

    static double finite(String field, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("plot data must be finite; got " + v + " for \"" + field + "\"");
        }
        return v;
    }

    /** One row being filled in. */
    static final class Row {
        private final ObjectNode node;

        private Row(ObjectNode node) {
            this.node = node;
        }

        Row num(String field, double v) {
            node.put(field, finite(field, v));
            return this;
        }

        Row text(String field, String v) {
            node.put(field, v);
            return this;
        }

        Row flag(String field, boolean v) {
            node.put(field, v);
            return this;
        }
    }
}

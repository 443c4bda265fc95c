package dev.occam.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A small table of text cells (a summary of fits, the chosen λ, ...). Numbers are formatted by
 * {@link Builder#row(Object...)} to 4 significant digits.
 *
 * @param title heading of the table
 * @param caption what the table shows, or null for none
 * @param columns column headers
 * @param rows cells, each row as wide as {@code columns}
 */
public record Table(String title, String caption, List<String> columns, List<List<String>> rows) implements Section {

    public Table {
        title = Checks.text("table title", title);
        if (caption != null) caption = Checks.text("table caption", caption);
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException("table \"" + title + "\" must have at least one column");
        }
        columns = List.copyOf(columns);
        if (rows == null) throw new IllegalArgumentException("table \"" + title + "\" rows must be given; got null");
        List<List<String>> copy = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row == null || row.size() != columns.size()) {
                throw new IllegalArgumentException("table \"" + title + "\" row " + (i + 1) + " must have " + columns.size()
                        + " cells; got " + (row == null ? "null" : row.size()));
            }
            copy.add(List.copyOf(row));
        }
        rows = List.copyOf(copy);
    }

    /** Starts a table with these column headers. */
    public static Builder builder(String title, String... columns) {
        return new Builder(title, List.of(columns));
    }

    /** Collects rows; {@link #build()} validates. */
    public static final class Builder {
        private final String title;
        private final List<String> columns;
        private final List<List<String>> rows = new ArrayList<>();
        private String caption;

        private Builder(String title, List<String> columns) {
            this.title = title;
            this.columns = columns;
        }

        /** Sets the caption. */
        public Builder caption(String text) {
            this.caption = text;
            return this;
        }

        /**
         * Adds a row. Doubles and floats are written with 4 significant digits (NaN as "NaN", which
         * a table may show, unlike a plot); other values with {@code String.valueOf}.
         */
        public Builder row(Object... cells) {
            List<String> row = new ArrayList<>(cells.length);
            for (Object c : cells) {
                if (c instanceof Double || c instanceof Float) {
                    double v = ((Number) c).doubleValue();
                    row.add(Double.isFinite(v) ? Checks.format(v) : String.valueOf(v));
                } else {
                    row.add(String.valueOf(c));
                }
            }
            rows.add(row);
            return this;
        }

        public Table build() {
            return new Table(title, caption, columns, rows);
        }
    }
}

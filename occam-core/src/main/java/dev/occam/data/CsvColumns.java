package dev.occam.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The header of a CSV file, the positions of the columns to read, and the checks of one data row
 * with the messages of {@link CsvReader}. Shared by its two ways of reading (the parallel byte
 * reader and FastCSV for quoted files), so both report exactly the same errors.
 */
record CsvColumns(List<String> header, int target, int weights, int[] features) {

    /** At most this many column names are listed in an "unknown column" message. */
    private static final int MAX_LISTED = 20;

    /** The values of one row: features in read order, then the target (number or label) and weight. */
    static final class RowValues {
        final double[] features;
        double y;
        String label;
        double weight;

        RowValues(int p) {
            features = new double[p];
        }
    }

    /** Resolves the columns named by {@code o} in the header fields (line 1 in messages). */
    static CsvColumns resolve(String file, List<String> headerFields, ReadOptions o) {
        List<String> header = new ArrayList<>(headerFields.size());
        Map<String, Integer> position = new HashMap<>();
        for (int c = 0; c < headerFields.size(); c++) {
            String h = headerFields.get(c).strip();
            if (h.isEmpty()) {
                throw new DataFormatException(file, 1, c + 1, null, "a column name", "an empty field");
            }
            Integer first = position.putIfAbsent(h, c);
            if (first != null) {
                throw new DataFormatException(file, 1, c + 1, h, "a unique column name",
                        "a second " + DataFormatException.quote(h) + " (first in column " + (first + 1) + ")");
            }
            header.add(h);
        }
        int target = o.target() == null ? -1 : find(file, header, position, o.target(), "the target");
        int weights = o.weights() == null ? -1 : find(file, header, position, o.weights(), "the weights");
        int[] features;
        if (o.features() == null) {
            features = new int[header.size() - (target >= 0 ? 1 : 0) - (weights >= 0 ? 1 : 0)];
            int k = 0;
            for (int c = 0; c < header.size(); c++) {
                if (c != target && c != weights) features[k++] = c;
            }
        } else {
            features = new int[o.features().size()];
            for (int k = 0; k < features.length; k++) {
                features[k] = find(file, header, position, o.features().get(k), "a feature");
            }
        }
        return new CsvColumns(List.copyOf(header), target, weights, features);
    }

    private static int find(String file, List<String> header, Map<String, Integer> position, String column, String role) {
        Integer c = position.get(column);
        if (c == null) {
            StringBuilder available = new StringBuilder();
            for (int k = 0; k < Math.min(header.size(), MAX_LISTED); k++) {
                if (k > 0) available.append(", ");
                available.append(header.get(k));
            }
            if (header.size() > MAX_LISTED) available.append(", ... (").append(header.size()).append(" in all)");
            throw new DataFormatException(file, "no column named " + DataFormatException.quote(column)
                    + " (" + role + "); the columns are: " + available);
        }
        return c;
    }

    List<String> featureNames() {
        List<String> names = new ArrayList<>(features.length);
        for (int c : features) names.add(header.get(c));
        return names;
    }

    int width() {
        return header.size();
    }

    /**
     * Checks and parses one data row given as text fields, in a fixed order: the field count, the
     * features (in read order), the target, the weight. The first problem is thrown as one line.
     *
     * @param count the number of fields on the line
     * @param field the text of field c (0-based), as in the file
     */
    void parseRow(String file, long line, TargetKind kind, int count, IntFunction<String> field, RowValues out) {
        if (count != width()) {
            throw new DataFormatException(file, line, 0, null, width() + " fields", String.valueOf(count));
        }
        for (int k = 0; k < features.length; k++) {
            out.features[k] = number(file, line, features[k], field);
        }
        if (kind == TargetKind.NUMERIC) {
            out.y = number(file, line, target, field);
        } else if (kind == TargetKind.CLASS) {
            out.label = label(file, line, target, field);
        }
        if (weights >= 0) {
            double v = number(file, line, weights, field);
            if (v < 0) {
                throw new DataFormatException(file, line, weights + 1, header.get(weights),
                        "a weight >= 0", DataFormatException.quote(field.apply(weights).strip()));
            }
            out.weight = v;
        }
    }

    /** The finite number in field c, or a one-line error. */
    private double number(String file, long line, int c, IntFunction<String> field) {
        String s = field.apply(c);
        double v = Cells.parse(s);
        if (Double.isNaN(v)) {
            throw new DataFormatException(file, line, c + 1, header.get(c), Cells.expectation(s), Cells.problem(s));
        }
        return v;
    }

    /** The class label in field c (surrounding spaces dropped), or a one-line error for a missing one. */
    String label(String file, long line, int c, IntFunction<String> field) {
        String s = field.apply(c).strip();
        if (s.isEmpty() || Cells.isMissing(s)) {
            throw new DataFormatException(file, line, c + 1, header.get(c), "a class label", Cells.problem(s));
        }
        return s;
    }
}

package dev.occam.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the class labels of a target column into class indices. Labels are sorted numerically when
 * every label is a decimal number ("2" before "10"), else as strings; y[i] is the index of row i's
 * label in that order, so the same labels always give the same coding whatever the row order.
 */
final class LabelCoder {
    private final Map<String, Integer> firstSeen = new HashMap<>();
    private final List<String> labels = new ArrayList<>();
    private int[] codes = new int[1024];
    private int size;
    private List<String> sorted;

    /** Records the label of the next row. */
    void add(String label) {
        Integer code = firstSeen.get(label);
        if (code == null) {
            code = labels.size();
            firstSeen.put(label, code);
            labels.add(label);
        }
        if (size == codes.length) codes = Arrays.copyOf(codes, DoubleList.grow(codes.length));
        codes[size++] = code;
        sorted = null;
    }

    /** The distinct labels in sorted order. */
    List<String> sortedLabels() {
        if (sorted == null) {
            boolean numeric = labels.stream().allMatch(Cells::isDecimal);
            Comparator<String> order = numeric
                    ? Comparator.<String>comparingDouble(Double::parseDouble).thenComparing(Comparator.naturalOrder())
                    : Comparator.naturalOrder();
            List<String> s = new ArrayList<>(labels);
            s.sort(order);
            sorted = List.copyOf(s);
        }
        return sorted;
    }

    /** y[i] = index of row i's label in {@link #sortedLabels()}. */
    double[] codes() {
        List<String> s = sortedLabels();
        int[] rank = new int[labels.size()];
        for (int k = 0; k < labels.size(); k++) rank[k] = s.indexOf(labels.get(k));
        double[] y = new double[size];
        for (int i = 0; i < size; i++) y[i] = rank[codes[i]];
        return y;
    }
}

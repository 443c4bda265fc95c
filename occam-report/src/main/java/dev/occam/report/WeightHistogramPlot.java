package dev.occam.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.node.ObjectNode;

/**
 * Histograms of weights side by side — typically the same model fitted with no penalty, with L1
 * and with L2 — on common bins, so the panels compare directly. Exact zeros are counted apart and
 * drawn as a red bar stacked on the bin around 0: under L1 many weights are exactly 0 (a spike),
 * under L2 they are small but not zero (no red bar).
 *
 * <p>Bins have equal width h and are centred on multiples of h, so 0 is the centre of a bin; they
 * cover 0 and every non-zero weight of every panel with about {@code bins} bins.
 *
 * @param panels the weights to show, one panel each, in order; names must differ
 * @param bins about how many bins span the range of the non-zero weights (≥ 1)
 */
public record WeightHistogramPlot(List<Weights> panels, int bins) {

    /** Name of the bars of exact zeros, as shown in the legend. */
    public static final String EXACT_ZERO = "exactly 0";
    /** Name of the bars of non-zero weights, as shown in the legend. */
    public static final String NON_ZERO = "non-zero";

    /** One panel: a name and its weights (finite). */
    public record Weights(String name, double[] values) {
        public Weights {
            name = Checks.text("panel name", name);
            values = Checks.nonEmpty("weights of \"" + name + "\"", values);
            Checks.finite("weights of \"" + name + "\"", values);
        }

        @Override public double[] values() { return values.clone(); }

        /** Number of weights exactly 0 (either sign). */
        public int exactZeros() {
            int z = 0;
            for (double v : values) if (v == 0) z++;
            return z;
        }
    }

    public WeightHistogramPlot {
        if (panels == null || panels.isEmpty()) throw new IllegalArgumentException("at least one panel of weights must be given");
        panels = List.copyOf(panels);
        Set<String> names = new LinkedHashSet<>();
        for (Weights w : panels) {
            if (!names.add(w.name())) throw new IllegalArgumentException("panel names must differ; got \"" + w.name() + "\" twice");
        }
        if (bins < 1) throw new IllegalArgumentException("bins must be >= 1; got " + bins);
    }

    /** Panels from named weight arrays in the map's iteration order (use a LinkedHashMap), 30 bins. */
    public static WeightHistogramPlot of(Map<String, double[]> named) {
        if (named == null) throw new IllegalArgumentException("weights must be given; got null");
        List<Weights> panels = new ArrayList<>();
        named.forEach((name, values) -> panels.add(new Weights(name, values)));
        return new WeightHistogramPlot(panels, 30);
    }

    /** Bin width h: the range spanned by 0 and the non-zero weights over {@code bins}; 1 when all weights are 0. */
    double binWidth() {
        double lo = 0;
        double hi = 0;
        for (Weights w : panels) {
            for (double v : w.values) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return hi > lo ? (hi - lo) / bins : 1.0;
    }

    /** Index k of the bin [(k − ½)h, (k + ½)h) holding v. */
    static long binIndex(double v, double h) {
        return (long) Math.floor(v / h + 0.5);
    }

    /** The plot, titled "Weights". */
    public Plot plot() {
        double h = binWidth();
        DataRows rows = new DataRows();
        for (Weights w : panels) {
            TreeMap<Long, Integer> counts = new TreeMap<>();
            for (double v : w.values) if (v != 0) counts.merge(binIndex(v, h), 1, Integer::sum);
            counts.forEach((k, count) -> rows.row().text("panel", w.name()).text("kind", NON_ZERO)
                    .num("start", (k - 0.5) * h).num("end", (k + 0.5) * h)
                    .num("lower", 0).num("upper", count).num("count", count));
            int zeros = w.exactZeros();
            if (zeros > 0) {
                int below = counts.getOrDefault(0L, 0);
                rows.row().text("panel", w.name()).text("kind", EXACT_ZERO)
                        .num("start", -0.5 * h).num("end", 0.5 * h)
                        .num("lower", below).num("upper", below + zeros).num("count", zeros);
            }
        }

        ObjectNode spec = VegaLite.spec();
        spec.set("data", VegaLite.inline(rows.values()));
        ObjectNode column = VegaLite.nominal("panel", null);
        column.set("sort", VegaLite.strings(panels.stream().map(Weights::name).toList()));
        column.putObject("header").put("labelFontSize", 13).put("labelFontWeight", "bold");
        spec.putObject("facet").set("column", column);
        ObjectNode inner = spec.putObject("spec").put("width", 250).put("height", 220);
        inner.putObject("mark").put("type", "bar").put("stroke", "white").put("strokeWidth", 0.5);
        ObjectNode enc = inner.putObject("encoding");
        enc.set("x", VegaLite.quantitative("start", "weight"));
        enc.putObject("x2").put("field", "end");
        enc.set("y", VegaLite.quantitative("lower", "number of weights"));
        enc.putObject("y2").put("field", "upper");
        ObjectNode color = VegaLite.nominal("kind", null);
        ObjectNode scale = color.putObject("scale");
        scale.set("domain", VegaLite.strings(List.of(NON_ZERO, EXACT_ZERO)));
        scale.set("range", VegaLite.strings(List.of("#4c78a8", "#e45756")));
        enc.set("color", color);
        enc.putArray("tooltip")
                .add(VegaLite.nominal("kind", "weights"))
                .add(VegaLite.quantitative("count", "count"))
                .add(VegaLite.quantitative("start", "from").put("format", ".3g"))
                .add(VegaLite.quantitative("end", "to").put("format", ".3g"));

        StringBuilder zeros = new StringBuilder();
        for (Weights w : panels) {
            if (zeros.length() > 0) zeros.append("; ");
            zeros.append(w.name()).append(' ').append(w.exactZeros()).append(" of ").append(w.values.length);
        }
        String caption = "Histograms of the fitted weights on common bins (width " + Checks.format(h) + "). "
                + "Exact zeros are counted apart and drawn in red on the bin around 0: an L1 penalty sets many weights "
                + "exactly to 0 — a spike — while an L2 penalty only shrinks them towards 0, so they pile up near 0 but "
                + "none is exactly 0. Exact zeros: " + zeros + ".";
        return new Plot("Weights: " + String.join(" vs ", panels.stream().map(Weights::name).toList()), caption, spec);
    }
}

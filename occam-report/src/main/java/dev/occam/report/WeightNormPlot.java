package dev.occam.report;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two panels over training, one line per run: the L2 norm of the weights at the end of each epoch
 * (weight decay and L2 keep it small), and the share of those weights that are exactly 0 (only an
 * L1 proximal step makes exact zeros; decay alone leaves the share at 0 %). Runs without these
 * measurements are left out; non-finite values are left out and counted in the caption.
 *
 * @param runs the runs, in legend order; names must differ, and at least one must have weight norms
 */
public record WeightNormPlot(List<TrainingRun> runs) {

    public WeightNormPlot {
        runs = Runs.check(runs);
        if (runs.stream().allMatch(r -> r.weightNorm() == null)) {
            throw new IllegalArgumentException("at least one run must have weight norms; got none");
        }
    }

    public static WeightNormPlot of(TrainingRun... runs) {
        return new WeightNormPlot(List.of(runs));
    }

    /** The plot, titled "Weight norm and exact zeros during training". */
    public Plot plot() {
        DataRows norms = new DataRows();
        DataRows zeros = new DataRows();
        int leftOut = 0;
        for (TrainingRun run : runs) {
            double[] norm = run.weightNorm();
            double[] share = run.zeroShare();
            for (int i = 0; norm != null && i < norm.length; i++) {
                if (Double.isFinite(norm[i])) norms.row().text("run", run.name()).num("epoch", i + 1).num("norm", norm[i]);
                else leftOut++;
            }
            for (int i = 0; share != null && i < share.length; i++) {
                if (Double.isFinite(share[i])) zeros.row().text("run", run.name()).num("epoch", i + 1).num("zeros", share[i]);
                else leftOut++;
            }
        }
        List<String> names = runs.stream().filter(r -> r.weightNorm() != null || r.zeroShare() != null)
                .map(TrainingRun::name).toList();

        ObjectNode spec = VegaLite.spec();
        spec.put("spacing", 40);
        var panels = spec.putArray("hconcat");
        panels.add(panel(norms, "norm", "L2 norm of the weights", VegaLite.object().put("zero", true), null, names));
        if (zeros.size() > 0) {
            panels.add(panel(zeros, "zeros", "share of weights exactly 0",
                    VegaLite.object().set("domain", VegaLite.numbers(0, 1)), ".0%", names));
        }

        String caption = "Left: the L2 norm of the weights (biases excluded unless stated) at the end of each epoch — "
                + "weight decay and an L2 penalty hold it down, while an unpenalized network's weights keep growing. "
                + (zeros.size() > 0
                    ? "Right: the share of those weights that are exactly 0 — only an L1 penalty applied by a proximal step "
                      + "makes exact zeros; weight decay and L2 make weights small but leave this at 0 %."
                    : "No run recorded the share of exact zeros.")
                + (leftOut > 0 ? " " + leftOut + " non-finite values left out (e.g. a diverged epoch)." : "");
        return new Plot("Weight norm and exact zeros during training", caption, spec);
    }

    private static ObjectNode panel(DataRows rows, String field, String title, ObjectNode scale, String format,
                                    List<String> names) {
        ObjectNode chart = VegaLite.object().put("width", 340).put("height", 260);
        chart.set("data", VegaLite.inline(rows.values()));
        chart.putObject("mark").put("type", "line").put("strokeWidth", 2).put("point", true);
        ObjectNode enc = chart.putObject("encoding");
        enc.set("x", VegaLite.quantitative("epoch", "epoch").set("axis", VegaLite.object().put("tickMinStep", 1)));
        ObjectNode y = VegaLite.quantitative(field, title);
        y.set("scale", scale);
        if (format != null) y.putObject("axis").put("format", format);
        enc.set("y", y);
        enc.set("color", Runs.color(names));
        ObjectNode value = VegaLite.quantitative(field, title);
        value.put("format", format == null ? ".4g" : format);
        enc.putArray("tooltip").add(VegaLite.nominal("run", "run")).add(VegaLite.quantitative("epoch", "epoch")).add(value);
        return chart;
    }
}

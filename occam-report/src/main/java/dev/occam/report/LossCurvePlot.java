package dev.occam.report;

import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Training loss (solid) and validation loss (dashed) per epoch for one or more runs, coloured by
 * run; a circle marks each run's lowest validation loss. Non-finite losses (a diverged epoch) are
 * left out and counted in the caption.
 *
 * @param runs the runs, in legend order; names must differ
 * @param logScale whether the loss axis is logarithmic (losses must then be &gt; 0; others are left out)
 */
public record LossCurvePlot(List<TrainingRun> runs, boolean logScale) {

    public LossCurvePlot {
        runs = Runs.check(runs);
    }

    /** Runs on a linear loss axis. */
    public static LossCurvePlot of(TrainingRun... runs) {
        return new LossCurvePlot(List.of(runs), false);
    }

    /** The plot, titled "Training and validation loss". */
    public Plot plot() {
        DataRows lines = new DataRows();
        DataRows best = new DataRows();
        int leftOut = 0;
        boolean anyValid = false;
        for (TrainingRun run : runs) {
            double[] train = run.trainLoss();
            double[] valid = run.validLoss();
            int bestEpoch = -1;
            for (int i = 0; i < train.length; i++) {
                if (usable(train[i])) {
                    lines.row().text("run", run.name()).text("set", "training").num("epoch", i + 1).num("loss", train[i]);
                } else {
                    leftOut++;
                }
                if (valid == null || Double.isNaN(valid[i])) continue;
                if (usable(valid[i])) {
                    anyValid = true;
                    lines.row().text("run", run.name()).text("set", "validation").num("epoch", i + 1).num("loss", valid[i]);
                    if (bestEpoch < 0 || valid[i] < valid[bestEpoch]) bestEpoch = i;
                } else {
                    leftOut++;
                }
            }
            if (bestEpoch >= 0) {
                best.row().text("run", run.name()).num("epoch", bestEpoch + 1).num("loss", valid[bestEpoch]);
            }
        }
        if (lines.size() == 0) {
            throw new IllegalArgumentException("no finite" + (logScale ? ", positive" : "") + " loss to plot");
        }

        List<String> names = runs.stream().map(TrainingRun::name).toList();
        ObjectNode spec = VegaLite.spec().put("width", 560).put("height", 300);
        ArrayNode layers = spec.putArray("layer");
        ObjectNode curves = layers.addObject();
        curves.set("data", VegaLite.inline(lines.values()));
        curves.putObject("mark").put("type", "line").put("strokeWidth", 2);
        ObjectNode enc = curves.putObject("encoding");
        enc.set("x", epochAxis());
        enc.set("y", lossAxis());
        enc.set("color", Runs.color(names));
        ObjectNode dash = VegaLite.nominal("set", "loss on");
        ObjectNode dashScale = dash.putObject("scale");
        dashScale.set("domain", VegaLite.strings(List.of("training", "validation")));
        dashScale.set("range", VegaLite.array().add(VegaLite.numbers(1, 0)).add(VegaLite.numbers(6, 4)));
        enc.set("strokeDash", dash);
        enc.putArray("tooltip").add(VegaLite.nominal("run", "run")).add(VegaLite.nominal("set", "loss on"))
                .add(VegaLite.quantitative("epoch", "epoch")).add(VegaLite.quantitative("loss", "loss").put("format", ".4g"));

        if (best.size() > 0) {
            ObjectNode marks = layers.addObject();
            marks.set("data", VegaLite.inline(best.values()));
            marks.putObject("mark").put("type", "point").put("size", 80).put("strokeWidth", 2);
            ObjectNode bestEnc = marks.putObject("encoding");
            bestEnc.set("x", epochAxis());
            bestEnc.set("y", lossAxis());
            bestEnc.set("color", Runs.color(names));
            bestEnc.putArray("tooltip").add(VegaLite.nominal("run", "lowest validation loss of"))
                    .add(VegaLite.quantitative("epoch", "epoch")).add(VegaLite.quantitative("loss", "loss").put("format", ".4g"));
        }

        StringBuilder caption = new StringBuilder("Mean training loss (solid)");
        if (anyValid) {
            caption.append(" and validation loss (dashed) per epoch; a circle marks each run's lowest validation loss. ")
                    .append("Where validation loss turns up while training loss keeps falling, the network has started to fit ")
                    .append("noise; a penalty (weight decay, L1, L2) or early stopping keeps the two curves close.");
        } else {
            caption.append(" per epoch (no validation data).");
        }
        if (logScale) caption.append(" Loss on a log scale.");
        if (leftOut > 0) {
            caption.append(' ').append(leftOut).append(leftOut == 1 ? " loss" : " losses").append(" left out (")
                    .append(logScale ? "not finite and positive" : "not finite").append(", e.g. a diverged epoch).");
        }
        return new Plot("Training and validation loss", caption.toString(), spec);
    }

    private boolean usable(double loss) {
        return Double.isFinite(loss) && (!logScale || loss > 0);
    }

    private static ObjectNode epochAxis() {
        return VegaLite.quantitative("epoch", "epoch").set("axis", VegaLite.object().put("tickMinStep", 1));
    }

    private ObjectNode lossAxis() {
        ObjectNode y = VegaLite.quantitative("loss", "loss");
        if (logScale) y.set("scale", VegaLite.logScale(false));
        else y.set("scale", VegaLite.object().put("zero", false));
        return y;
    }
}

package dev.occam.report;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The cross-validation curve, as glmnet's {@code plot(cv.glmnet(...))}: the mean cross-validated
 * error at each λ with ±1 standard error bars, and vertical lines at λ.min (lowest mean error) and
 * λ.1se (largest λ whose mean error is within one standard error of that minimum). λ is on a log
 * axis. Takes plain arrays, so it does not depend on how cross-validation was run.
 *
 * @param lambda the λ values (&gt; 0), in any order
 * @param cvm mean cross-validated error per λ
 * @param cvsd its standard error per λ (≥ 0)
 * @param lambdaMin the chosen λ.min
 * @param lambda1se the chosen λ.1se
 * @param measure name of the error measure for the axis and caption, e.g. "mean squared error"
 */
public record CvCurvePlot(double[] lambda, double[] cvm, double[] cvsd, double lambdaMin, double lambda1se,
                          String measure) {

    public CvCurvePlot {
        lambda = Checks.nonEmpty("lambda", lambda);
        Checks.positive("lambda", lambda);
        cvm = Checks.nonEmpty("cvm", cvm);
        Checks.sameLength("cvm", cvm, "lambda", lambda.length);
        Checks.finite("cvm", cvm);
        cvsd = Checks.nonEmpty("cvsd", cvsd);
        Checks.sameLength("cvsd", cvsd, "lambda", lambda.length);
        for (int i = 0; i < cvsd.length; i++) {
            if (!(cvsd[i] >= 0 && Double.isFinite(cvsd[i]))) {
                throw new IllegalArgumentException("cvsd must be finite and >= 0; got " + cvsd[i] + " at index " + i);
            }
        }
        Checks.positive("lambdaMin", lambdaMin);
        Checks.positive("lambda1se", lambda1se);
        measure = Checks.text("measure", measure);
    }

    @Override public double[] lambda() { return lambda.clone(); }
    @Override public double[] cvm() { return cvm.clone(); }
    @Override public double[] cvsd() { return cvsd.clone(); }

    /** Index of the lowest mean error (the first one on ties). */
    int argmin() {
        int best = 0;
        for (int i = 1; i < cvm.length; i++) if (cvm[i] < cvm[best]) best = i;
        return best;
    }

    /** The plot, titled "Cross-validation" with a caption stating both λ. */
    public Plot plot() {
        int best = argmin();
        double threshold = cvm[best] + cvsd[best];

        DataRows points = new DataRows();
        for (int i = 0; i < lambda.length; i++) {
            points.row().num("lambda", lambda[i]).num("cvm", cvm[i]).num("cvsd", cvsd[i])
                    .num("lower", cvm[i] - cvsd[i]).num("upper", cvm[i] + cvsd[i]);
        }
        ObjectNode spec = VegaLite.spec().put("width", 560).put("height", 320);
        ArrayNode layers = spec.putArray("layer");

        ObjectNode bars = layers.addObject();
        bars.set("data", VegaLite.inline(points.values()));
        bars.putObject("mark").put("type", "rule").put("color", "#9e9e9e");
        ObjectNode barEnc = bars.putObject("encoding");
        barEnc.set("x", lambdaAxis());
        barEnc.set("y", VegaLite.quantitative("lower", measure).set("scale", VegaLite.object().put("zero", false)));
        barEnc.set("y2", VegaLite.object().put("field", "upper"));

        ObjectNode means = layers.addObject();
        means.set("data", VegaLite.inline(points.values().deepCopy()));
        means.putObject("mark").put("type", "point").put("filled", true).put("color", "#d62728").put("size", 36);
        ObjectNode meanEnc = means.putObject("encoding");
        meanEnc.set("x", lambdaAxis());
        meanEnc.set("y", VegaLite.quantitative("cvm", measure));
        ArrayNode tooltip = meanEnc.putArray("tooltip");
        tooltip.add(VegaLite.quantitative("lambda", "λ").put("format", ".4g"));
        tooltip.add(VegaLite.quantitative("cvm", "mean " + measure).put("format", ".4g"));
        tooltip.add(VegaLite.quantitative("cvsd", "standard error").put("format", ".4g"));

        DataRows thresholdRow = new DataRows();
        thresholdRow.row().num("threshold", threshold);
        ObjectNode oneSe = layers.addObject();
        oneSe.set("data", VegaLite.inline(thresholdRow.values()));
        oneSe.putObject("mark").put("type", "rule").put("color", "#555").set("strokeDash", VegaLite.numbers(2, 3));
        oneSe.putObject("encoding").set("y", VegaLite.quantitative("threshold", measure));

        addChoice(layers, "λ.min", lambdaMin, "#1f77b4", 10);
        addChoice(layers, "λ.1se", lambda1se, "#2ca02c", 24);

        String caption = "Mean cross-validated " + measure + " at each λ (red points) with ±1 standard error bars (grey). "
                + "Dashed lines: λ.min = " + Checks.format(lambdaMin) + ", where the mean error is lowest, and λ.1se = "
                + Checks.format(lambda1se) + ", the largest λ whose mean error stays below the minimum plus one standard error "
                + "(dotted line, " + Checks.format(threshold) + "). To the right the penalty is too strong and the error rises; "
                + "λ.1se picks the simplest model the data cannot tell apart from the best one.";
        return new Plot("Cross-validation: " + measure + " against λ", caption, spec);
    }

    private static ObjectNode lambdaAxis() {
        return VegaLite.quantitative("lambda", "λ (log scale)").set("scale", VegaLite.logScale(false).put("nice", false).put("padding", 8));
    }

    /** A dashed vertical line at a chosen λ and its label near the top, at pixel height labelY. */
    private static void addChoice(ArrayNode layers, String name, double value, String color, int labelY) {
        DataRows row = new DataRows();
        row.row().num("lambda", value).text("choice", name).text("label", name + " = " + Checks.format(value));

        ObjectNode rule = layers.addObject();
        rule.set("data", VegaLite.inline(row.values()));
        rule.putObject("mark").put("type", "rule").put("color", color).put("strokeWidth", 1.5)
                .set("strokeDash", VegaLite.numbers(6, 4));
        rule.putObject("encoding").set("x", lambdaAxis());

        ObjectNode label = layers.addObject();
        label.set("data", VegaLite.inline(row.values().deepCopy()));
        label.putObject("mark").put("type", "text").put("align", "left").put("dx", 4).put("color", color).put("fontSize", 11);
        ObjectNode enc = label.putObject("encoding");
        enc.set("x", lambdaAxis());
        enc.putObject("y").put("value", labelY);
        enc.putObject("text").put("field", "label");
    }
}

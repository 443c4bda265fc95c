package dev.occam.report;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Overfitting and its cure in one picture: the sample points and fitted curves over them —
 * typically a high-degree polynomial fitted without a penalty (wiggly: it chases the noise) and
 * with one (smooth), and perhaps the true function. The vertical axis spans the sample's range
 * plus half of it on either side; curves leaving it are clipped, so one wild fit cannot flatten
 * the rest.
 *
 * @param x sample inputs
 * @param y sample targets
 * @param curves fitted curves, each evaluated on its own grid of x values; names must differ
 */
public record PolynomialFitPlot(double[] x, double[] y, List<Curve> curves) {

    /** A fitted curve: y values at x values (drawn as a line joining them in x order). */
    public record Curve(String name, double[] x, double[] y) {
        public Curve {
            name = Checks.text("curve name", name);
            x = Checks.nonEmpty("x of curve \"" + name + "\"", x);
            Checks.finite("x of curve \"" + name + "\"", x);
            y = Checks.nonEmpty("y of curve \"" + name + "\"", y);
            Checks.sameLength("y of curve \"" + name + "\"", y, "its x", x.length);
            Checks.finite("y of curve \"" + name + "\"", y);
        }

        @Override public double[] x() { return x.clone(); }
        @Override public double[] y() { return y.clone(); }
    }

    public PolynomialFitPlot {
        x = Checks.nonEmpty("sample x", x);
        Checks.finite("sample x", x);
        y = Checks.nonEmpty("sample y", y);
        Checks.sameLength("sample y", y, "sample x", x.length);
        Checks.finite("sample y", y);
        if (curves == null || curves.isEmpty()) throw new IllegalArgumentException("at least one fitted curve must be given");
        curves = List.copyOf(curves);
        Set<String> names = new HashSet<>();
        for (Curve c : curves) {
            if (!names.add(c.name())) throw new IllegalArgumentException("curve names must differ; got \"" + c.name() + "\" twice");
        }
    }

    @Override public double[] x() { return x.clone(); }
    @Override public double[] y() { return y.clone(); }

    /** The visible y range: the sample's range widened by half of it on each side ([y − 1, y + 1] if all y are equal). */
    double[] yDomain() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double pad = hi > lo ? 0.5 * (hi - lo) : 1.0;
        return new double[] {lo - pad, hi + pad};
    }

    /** The plot, titled "Polynomial fit with and without a penalty". */
    public Plot plot() {
        double[] domain = yDomain();
        ObjectNode yScale = VegaLite.object().put("nice", false);
        yScale.set("domain", VegaLite.numbers(domain));

        DataRows lines = new DataRows();
        for (Curve c : curves) {
            for (int i = 0; i < c.x.length; i++) lines.row().text("curve", c.name()).num("x", c.x[i]).num("y", c.y[i]);
        }
        DataRows points = new DataRows();
        for (int i = 0; i < x.length; i++) points.row().num("x", x[i]).num("y", y[i]);

        ObjectNode spec = VegaLite.spec().put("width", 560).put("height", 340);
        ArrayNode layers = spec.putArray("layer");
        ObjectNode fits = layers.addObject();
        fits.set("data", VegaLite.inline(lines.values()));
        fits.putObject("mark").put("type", "line").put("strokeWidth", 2).put("clip", true);
        ObjectNode enc = fits.putObject("encoding");
        enc.set("x", VegaLite.quantitative("x", "x"));
        enc.set("y", VegaLite.quantitative("y", "y").set("scale", yScale));
        List<String> names = curves.stream().map(Curve::name).toList();
        ObjectNode color = VegaLite.nominal("curve", "fit");
        color.set("sort", VegaLite.strings(names));
        color.putObject("scale").set("domain", VegaLite.strings(names));
        enc.set("color", color);

        ObjectNode sample = layers.addObject();
        sample.set("data", VegaLite.inline(points.values()));
        sample.putObject("mark").put("type", "point").put("filled", true).put("color", "black").put("size", 40).put("clip", true);
        ObjectNode sampleEnc = sample.putObject("encoding");
        sampleEnc.set("x", VegaLite.quantitative("x", "x"));
        sampleEnc.set("y", VegaLite.quantitative("y", "y").set("scale", yScale.deepCopy()));
        sampleEnc.putArray("tooltip").add(VegaLite.quantitative("x", "x").put("format", ".3g"))
                .add(VegaLite.quantitative("y", "y").put("format", ".3g"));

        String caption = "Black points: the " + x.length + " training samples. Lines: " + String.join("; ", names) + ". "
                + "Without a penalty a flexible model bends through the noise in the points and swings wildly between "
                + "and beyond them — it fits the sample, not the function. A penalty on the size of the coefficients "
                + "keeps the same model smooth. The vertical axis is cut at half the sample's range beyond it; "
                + "curves leaving the frame are clipped.";
        return new Plot("Polynomial fit with and without a penalty", caption, spec);
    }
}

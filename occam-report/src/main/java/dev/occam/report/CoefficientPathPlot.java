package dev.occam.report;

import dev.occam.glm.GlmPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Coefficient paths: each feature's coefficient (original scale) against λ on a log axis, with λ
 * decreasing to the right so the path reads as it is computed — from the empty model at λ_max to
 * the least penalized fit. The {@code labelled} features with the largest |coefficient| at the
 * smallest λ are drawn in colour and named at the right end; the others are grey. Features that
 * stay zero along the whole path are not drawn; at most {@link #MAX_LINES} features are (those
 * with the largest |coefficient| anywhere on the path), and the caption says when some are left out.
 *
 * @param path a fitted path; its λ must be &gt; 0 for the log axis
 * @param response which response column to draw (the class index for multinomial, else 0)
 * @param labelled how many of the largest features to colour and name (≥ 0)
 */
public record CoefficientPathPlot(GlmPath path, int response, int labelled) {

    /** Most feature lines drawn: beyond this the picture is a grey blur and the page grows large. */
    public static final int MAX_LINES = 100;

    public CoefficientPathPlot {
        if (path == null) throw new IllegalArgumentException("path must be given; got null");
        if (path.size() == 0) throw new IllegalArgumentException("path must have at least one λ; got none");
        Checks.positive("path lambda (log axis)", path.lambdas());
        int responses = path.coefficients()[0].length;
        if (response < 0 || response >= responses) {
            throw new IllegalArgumentException("response must be in [0, " + (responses - 1) + "]; got " + response);
        }
        if (labelled < 0) throw new IllegalArgumentException("labelled must be >= 0; got " + labelled);
    }

    /** The path's first response, with the 6 largest features labelled. */
    public static CoefficientPathPlot of(GlmPath path) {
        return new CoefficientPathPlot(path, 0, 6);
    }

    /** Indices of the features that are non-zero somewhere on the path, largest |coefficient| anywhere first. */
    List<Integer> activeFeatures() {
        double[] peak = new double[path.featureNames().size()];
        for (double[][] atLambda : path.coefficients()) {
            double[] w = atLambda[response];
            for (int j = 0; j < peak.length; j++) peak[j] = Math.max(peak[j], Math.abs(w[j]));
        }
        List<Integer> active = new ArrayList<>();
        for (int j = 0; j < peak.length; j++) if (peak[j] > 0) active.add(j);
        active.sort(Comparator.comparingDouble((Integer j) -> -peak[j]).thenComparingInt(j -> j));
        return active;
    }

    /** Indices of the labelled features: the largest |coefficient| at the smallest λ, largest first. */
    List<Integer> labelledFeatures() {
        double[] last = lastCoefficients();
        List<Integer> active = new ArrayList<>(activeFeatures());
        active.removeIf(j -> last[j] == 0);
        active.sort(Comparator.comparingDouble((Integer j) -> -Math.abs(last[j])).thenComparingInt(j -> j));
        return active.subList(0, Math.min(labelled, active.size()));
    }

    private double[] lastCoefficients() {
        return path.coefficients()[path.size() - 1][response];
    }

    /** The plot, titled "Coefficient paths" (with the class for multinomial fits). */
    public Plot plot() {
        List<String> names = path.featureNames();
        List<Integer> active = activeFeatures();
        List<Integer> drawn = active.subList(0, Math.min(MAX_LINES, active.size()));
        List<Integer> named = labelledFeatures();
        List<Integer> grey = new ArrayList<>(drawn);
        grey.removeAll(named);

        double[] lambdas = path.lambdas();
        ObjectNode spec = VegaLite.spec().put("width", 560).put("height", 340);
        ArrayNode layers = spec.putArray("layer");

        ObjectNode zero = layers.addObject();
        DataRows zeroRow = new DataRows();
        zeroRow.row().num("zero", 0);
        zero.set("data", VegaLite.inline(zeroRow.values()));
        zero.putObject("mark").put("type", "rule").put("color", "#999");
        zero.putObject("encoding").set("y", VegaLite.quantitative("zero", "coefficient"));

        if (!grey.isEmpty()) {
            ObjectNode others = layers.addObject();
            others.set("data", VegaLite.inline(pathRows(grey, names, lambdas)));
            others.putObject("mark").put("type", "line").put("color", "#bdbdbd").put("strokeWidth", 1).put("clip", true);
            ObjectNode enc = others.putObject("encoding");
            enc.set("x", lambdaAxis());
            enc.set("y", coefficientAxis());
            enc.set("detail", VegaLite.nominal("feature", null));
            enc.set("tooltip", VegaLite.nominal("feature", "feature"));
        }
        if (!named.isEmpty()) {
            List<String> namedNames = named.stream().map(names::get).toList();
            ObjectNode color = VegaLite.nominal("feature", null);
            color.putNull("legend");
            color.set("sort", VegaLite.strings(namedNames));

            ObjectNode largest = layers.addObject();
            largest.set("data", VegaLite.inline(pathRows(named, names, lambdas)));
            largest.putObject("mark").put("type", "line").put("strokeWidth", 2).put("clip", true);
            ObjectNode enc = largest.putObject("encoding");
            enc.set("x", lambdaAxis());
            enc.set("y", coefficientAxis());
            enc.set("color", color);
            enc.set("tooltip", VegaLite.nominal("feature", "feature"));

            DataRows ends = new DataRows();
            double[] last = lastCoefficients();
            for (int j : named) {
                ends.row().num("lambda", lambdas[lambdas.length - 1]).num("coefficient", last[j]).text("feature", names.get(j));
            }
            ObjectNode labels = layers.addObject();
            labels.set("data", VegaLite.inline(ends.values()));
            labels.putObject("mark").put("type", "text").put("align", "left").put("dx", 5).put("fontSize", 11);
            ObjectNode labelEnc = labels.putObject("encoding");
            labelEnc.set("x", lambdaAxis());
            labelEnc.set("y", coefficientAxis());
            labelEnc.putObject("text").put("field", "feature");
            labelEnc.set("color", color.deepCopy());
        }

        int p = names.size();
        StringBuilder caption = new StringBuilder()
                .append("Each line is one feature's coefficient (original scale) as λ decreases from left to right (log scale). ")
                .append("A strong penalty keeps every coefficient at 0; as λ falls, features enter one by one");
        if (path.settings().alpha() > 0) caption.append(" — the lasso's exact zeros give the staggered entry");
        caption.append(". ").append(active.size()).append(" of ").append(p).append(" features become non-zero on this path");
        if (drawn.size() < active.size()) {
            caption.append("; the ").append(drawn.size()).append(" with the largest coefficients are drawn");
        }
        caption.append(". ");
        if (!named.isEmpty()) {
            caption.append("Coloured and named: the ").append(named.size()).append(named.size() == 1 ? " feature" : " features")
                    .append(" with the largest |coefficient| at the smallest λ (")
                    .append(String.join(", ", named.stream().map(names::get).toList())).append(").");
        }
        String title = "Coefficient paths (α = " + Checks.format(path.settings().alpha()) + ")";
        if (path.classes() != null && path.coefficients()[0].length > 1) {
            title += ", class " + path.classes().get(response);
        }
        return new Plot(title, caption.toString().strip(), spec);
    }

    private ArrayNode pathRows(List<Integer> features, List<String> names, double[] lambdas) {
        DataRows rows = new DataRows();
        double[][][] w = path.coefficients();
        for (int j : features) {
            for (int l = 0; l < lambdas.length; l++) {
                rows.row().num("lambda", lambdas[l]).num("coefficient", w[l][response][j]).text("feature", names.get(j));
            }
        }
        return rows.values();
    }

    private static ObjectNode lambdaAxis() {
        return VegaLite.quantitative("lambda", "λ (log scale, decreasing →)").set("scale", VegaLite.logScale(true).put("nice", false));
    }

    private static ObjectNode coefficientAxis() {
        return VegaLite.quantitative("coefficient", "coefficient");
    }
}

package dev.occam.report;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The L1 diamond and the L2 circle, side by side, each with the loss contours of a
 * {@link ConstraintGeometry} and the contour that touches the region at the constrained minimum.
 * Both panels use the same square frame and equal axis scales, so circles look round.
 *
 * @param geometry the loss and the budget t
 */
public record ConstraintPlot(ConstraintGeometry geometry) {

    /** Contour levels drawn inside the touching one, as fractions of its loss. */
    static final double[] INNER_LEVELS = {0.04, 0.2, 0.5};
    private static final int ELLIPSE_POINTS = 120;
    private static final int CIRCLE_POINTS = 120;
    private static final int SIDE = 300;

    public ConstraintPlot {
        if (geometry == null) throw new IllegalArgumentException("geometry must be given; got null");
    }

    /**
     * Half-width of the square frame centred on 0: the balls, c, and the touching contours of both
     * panels with a small margin — but at most 3 times the larger of t and c's largest coordinate,
     * so that a far-away, flat loss does not shrink the balls to a dot.
     */
    double extent() {
        ConstraintGeometry g = geometry;
        double base = Math.max(g.budget(), Math.max(Math.abs(g.c1()), Math.abs(g.c2())));
        double e = base;
        double det = g.a11() * g.a22() - g.a12() * g.a12();
        for (double[] w : new double[][] {g.l1Optimum(), g.l2Optimum()}) {
            double level = g.loss(w[0], w[1]);
            // Half-widths of the ellipse L = level along each axis: √(2·level·(A⁻¹)ᵢᵢ).
            double hx = Math.sqrt(2 * level * g.a22() / det);
            double hy = Math.sqrt(2 * level * g.a11() / det);
            e = Math.max(e, Math.max(Math.abs(g.c1()) + hx, Math.abs(g.c2()) + hy));
        }
        return 1.05 * Math.min(e, 3 * base);
    }

    /** The plot, titled "L1 diamond and L2 circle". */
    public Plot plot() {
        ConstraintGeometry g = geometry;
        double t = g.budget();
        double[] l1 = g.l1Optimum();
        double[] l2 = g.l2Optimum();
        double[] domain = {-extent(), extent()};

        double[][] diamond = {{t, 0}, {0, t}, {-t, 0}, {0, -t}, {t, 0}};
        double[][] circle = new double[CIRCLE_POINTS + 1][];
        for (int i = 0; i <= CIRCLE_POINTS; i++) {
            double theta = 2 * Math.PI * (i % CIRCLE_POINTS) / CIRCLE_POINTS;
            circle[i] = new double[] {t * Math.cos(theta), t * Math.sin(theta)};
        }

        ObjectNode spec = VegaLite.spec();
        spec.put("spacing", 40);
        ArrayNode panels = spec.putArray("hconcat");
        panels.add(panel("L1: ‖w‖₁ ≤ " + Checks.format(t), "diamond", diamond, l1, "L1 optimum", domain));
        panels.add(panel("L2: ‖w‖₂ ≤ " + Checks.format(t), "circle", circle, l2, "L2 optimum", domain));

        String caption = "Grey ellipses: contours of a squared-error loss of two weights, centred on its unpenalized minimum ŵ = ("
                + Checks.format(g.c1()) + ", " + Checks.format(g.c2()) + "). Each penalty is a budget on the weights: the "
                + "diamond |w₁| + |w₂| ≤ " + Checks.format(t) + " (L1) or the circle w₁² + w₂² ≤ " + Checks.format(t * t)
                + " (L2). The solution is where the lowest contour that reaches the region touches it (red ellipse). "
                + "The diamond's corners stick out towards the contours, so the L1 solution often lands on a corner where a "
                + "weight is exactly 0 — here w = " + point(l1) + describe(l1) + ". The circle has no corners: the L2 solution "
                + "shrinks both weights but keeps them non-zero — here w = " + point(l2) + ".";
        return new Plot("Why L1 gives exact zeros: the diamond and the circle", caption, spec);
    }

    private static String describe(double[] w) {
        if (w[0] == 0 || w[1] == 0) return ", a corner: one weight is exactly 0";
        return ", on an edge: both weights non-zero for this loss (a larger penalty, i.e. smaller budget, reaches a corner)";
    }

    private static String point(double[] w) {
        return "(" + Checks.format(w[0]) + ", " + Checks.format(w[1]) + ")";
    }

    private ObjectNode panel(String title, String regionName, double[][] regionPoints, double[] optimum, String optimumName,
                             double[] domain) {
        ConstraintGeometry g = geometry;
        double touching = g.loss(optimum[0], optimum[1]);

        DataRows region = new DataRows();
        addPath(region, regionName, regionPoints);
        DataRows contours = new DataRows();
        DataRows touchingRows = new DataRows();
        if (touching > 0) {
            for (int k = 0; k < INNER_LEVELS.length; k++) {
                addPath(contours, "contour " + (k + 1), g.contour(touching * INNER_LEVELS[k], ELLIPSE_POINTS));
            }
            addPath(touchingRows, "touching contour", g.contour(touching, ELLIPSE_POINTS));
        }

        DataRows points = new DataRows();
        points.row().text("label", "ŵ (no penalty)").num("w1", g.c1()).num("w2", g.c2());
        points.row().text("label", optimumName).num("w1", optimum[0]).num("w2", optimum[1]);

        ObjectNode chart = VegaLite.object().put("width", SIDE).put("height", SIDE).put("title", title);
        ArrayNode layers = chart.putArray("layer");

        ObjectNode axes = layers.addObject();
        DataRows origin = new DataRows();
        origin.row().num("zero", 0);
        axes.set("data", VegaLite.inline(origin.values()));
        ArrayNode axisLayers = axes.putArray("layer");
        for (String channel : new String[] {"x", "y"}) {
            ObjectNode rule = axisLayers.addObject();
            rule.putObject("mark").put("type", "rule").put("color", "#ccc");
            rule.putObject("encoding").set(channel, VegaLite.quantitative("zero", channel.equals("x") ? "w₁" : "w₂")
                    .set("scale", scale(domain)));
        }

        // One layer per kind of outline, each with its own colour and width.
        layers.add(outline(region, "#1f77b4", 2.5, domain));
        layers.add(outline(contours, "#b0b0b0", 1, domain));
        if (touchingRows.size() > 0) layers.add(outline(touchingRows, "#d62728", 2, domain));

        ObjectNode dots = layers.addObject();
        dots.set("data", VegaLite.inline(points.values()));
        ArrayNode dotLayers = dots.putArray("layer");
        ObjectNode dot = dotLayers.addObject();
        dot.putObject("mark").put("type", "point").put("filled", true).put("size", 60).put("color", "black").put("clip", true);
        ObjectNode dotEnc = dot.putObject("encoding");
        dotEnc.set("x", VegaLite.quantitative("w1", "w₁").set("scale", scale(domain)));
        dotEnc.set("y", VegaLite.quantitative("w2", "w₂").set("scale", scale(domain)));
        dotEnc.putArray("tooltip").add(VegaLite.nominal("label", "point"))
                .add(VegaLite.quantitative("w1", "w₁").put("format", ".4g"))
                .add(VegaLite.quantitative("w2", "w₂").put("format", ".4g"));
        // ŵ labelled above its point, the optimum below its own, so that close points keep readable labels.
        dotLayers.add(label("ŵ (no penalty)", -9, domain));
        dotLayers.add(label(optimumName, 15, domain));
        return chart;
    }

    /** The text of one point's label, offset dy pixels vertically; takes the point from the layer's data. */
    private static ObjectNode label(String which, int dy, double[] domain) {
        ObjectNode text = VegaLite.object();
        text.putArray("transform").addObject().put("filter", "datum.label === '" + which + "'");
        text.putObject("mark").put("type", "text").put("align", "left").put("dx", 7).put("dy", dy).put("fontSize", 11);
        ObjectNode enc = text.putObject("encoding");
        enc.set("x", VegaLite.quantitative("w1", "w₁").set("scale", scale(domain)));
        enc.set("y", VegaLite.quantitative("w2", "w₂").set("scale", scale(domain)));
        enc.putObject("text").put("field", "label");
        return text;
    }

    private static void addPath(DataRows rows, String shape, double[][] points) {
        for (int i = 0; i < points.length; i++) {
            rows.row().text("shape", shape).num("order", i).num("w1", points[i][0]).num("w2", points[i][1]);
        }
    }

    /** Closed outlines drawn in point order, one per shape. */
    private static ObjectNode outline(DataRows rows, String color, double width, double[] domain) {
        ObjectNode layer = VegaLite.object();
        layer.set("data", VegaLite.inline(rows.values()));
        layer.putObject("mark").put("type", "line").put("clip", true).put("color", color).put("strokeWidth", width);
        ObjectNode enc = layer.putObject("encoding");
        enc.set("x", VegaLite.quantitative("w1", "w₁").set("scale", scale(domain)));
        enc.set("y", VegaLite.quantitative("w2", "w₂").set("scale", scale(domain)));
        enc.putObject("order").put("field", "order").put("type", "quantitative");
        enc.set("detail", VegaLite.nominal("shape", null));
        return layer;
    }

    private static ObjectNode scale(double[] domain) {
        ObjectNode s = VegaLite.object().put("nice", false).put("zero", false);
        s.set("domain", VegaLite.numbers(domain));
        return s;
    }
}

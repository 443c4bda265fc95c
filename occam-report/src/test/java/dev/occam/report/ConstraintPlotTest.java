package dev.occam.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ConstraintPlotTest {

    private final ConstraintGeometry geometry = ExampleReports.geometry();
    private final Plot plot = new ConstraintPlot(geometry).plot();
    private final JsonNode panels = SpecJson.parse(plot).get("hconcat");

    /** The line layers of a panel: region, inner contours, touching contour. */
    private List<JsonNode> outlines(int panel) {
        return SpecJson.layers(panels.get(panel), "line");
    }

    @Test
    void diamondAndCircleHaveRadiusT() {
        List<JsonNode> diamond = SpecJson.rows(outlines(0).get(0));
        assertThat(diamond).extracting(r -> r.get("w1").asDouble() + "," + r.get("w2").asDouble())
                .containsExactly("1.0,0.0", "0.0,1.0", "-1.0,0.0", "0.0,-1.0", "1.0,0.0");
        for (JsonNode p : SpecJson.rows(outlines(1).get(0))) {
            assertThat(Math.hypot(p.get("w1").asDouble(), p.get("w2").asDouble())).isCloseTo(1.0, within(1e-12));
        }
        assertThat(outlines(0).get(0).get("encoding").get("order").get("field").asString()).isEqualTo("order");
    }

    @Test
    void theTouchingContourPassesThroughTheOptimum() {
        double[][] optima = {geometry.l1Optimum(), geometry.l2Optimum()};
        for (int panel = 0; panel < 2; panel++) {
            double level = geometry.loss(optima[panel][0], optima[panel][1]);
            List<JsonNode> touching = SpecJson.rows(outlines(panel).get(2));
            for (JsonNode p : touching) {
                assertThat(geometry.loss(p.get("w1").asDouble(), p.get("w2").asDouble())).isCloseTo(level, within(1e-9));
            }
            List<JsonNode> inner = SpecJson.rows(outlines(panel).get(1));
            assertThat(inner.stream().map(r -> r.get("shape").asString()).distinct()).hasSize(ConstraintPlot.INNER_LEVELS.length);
            JsonNode layers = panels.get(panel).get("layer");
            List<JsonNode> points = SpecJson.rows(layers.get(layers.size() - 1)); // ŵ and the optimum, with their labels
            assertThat(points.get(1).get("w1").asDouble()).isEqualTo(optima[panel][0]);
            assertThat(points.get(1).get("w2").asDouble()).isEqualTo(optima[panel][1]);
            assertThat(points.get(0).get("w1").asDouble()).isEqualTo(geometry.c1());
        }
    }

    @Test
    void bothPanelsShareOneSquareFrameHoldingEverything() {
        double extent = new ConstraintPlot(geometry).extent();
        assertThat(extent).isGreaterThan(Math.max(geometry.c1(), geometry.c2())).isGreaterThan(geometry.budget());
        for (int panel = 0; panel < 2; panel++) {
            JsonNode enc = outlines(panel).get(0).get("encoding");
            for (String axis : new String[] {"x", "y"}) {
                JsonNode domain = enc.get(axis).get("scale").get("domain");
                assertThat(domain.get(0).asDouble()).isEqualTo(-extent);
                assertThat(domain.get(1).asDouble()).isEqualTo(extent);
            }
            assertThat(panels.get(panel).get("width").asInt()).isEqualTo(panels.get(panel).get("height").asInt());
        }
    }

    @Test
    void captionGivesBothSolutionsAndSaysTheL1OneIsACorner() {
        assertThat(plot.caption()).contains("w = (1, 0), a corner: one weight is exactly 0", "ŵ = (1.6, 0.7)");
        double[] l2 = geometry.l2Optimum();
        assertThat(plot.caption()).contains("(" + Checks.format(l2[0]) + ", " + Checks.format(l2[1]) + ")");
    }
}

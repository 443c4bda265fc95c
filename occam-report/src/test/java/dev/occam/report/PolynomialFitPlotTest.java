package dev.occam.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PolynomialFitPlotTest {

    private static final double[] X = {-1, 0, 1, 2};
    private static final double[] Y = {1, 0, 1, 4};

    private static PolynomialFitPlot fit() {
        return new PolynomialFitPlot(X, Y, List.of(
                new PolynomialFitPlot.Curve("wiggly", new double[] {-1, 0.5, 2}, new double[] {1, -40, 4}),
                new PolynomialFitPlot.Curve("smooth", new double[] {-1, 0.5, 2}, new double[] {1, 0.3, 4})));
    }

    @Test
    void samplePointsAndCurvesAreInTheSpec() {
        JsonNode spec = SpecJson.parse(fit().plot());
        List<JsonNode> points = SpecJson.rows(SpecJson.layers(spec, "point").get(0));
        assertThat(SpecJson.numbers(points, "x")).containsExactly(X);
        assertThat(SpecJson.numbers(points, "y")).containsExactly(Y);
        JsonNode lines = SpecJson.layers(spec, "line").get(0);
        List<JsonNode> rows = SpecJson.rows(lines);
        assertThat(rows).extracting(r -> r.get("curve").asString())
                .containsExactly("wiggly", "wiggly", "wiggly", "smooth", "smooth", "smooth");
        assertThat(SpecJson.numbers(rows, "y")).containsExactly(1, -40, 4, 1, 0.3, 4);
        assertThat(lines.get("mark").get("clip").asBoolean()).isTrue();
        assertThat(lines.get("encoding").get("color").get("scale").get("domain")).extracting(JsonNode::asString)
                .containsExactly("wiggly", "smooth");
    }

    @Test
    void theVerticalAxisFollowsTheSampleNotAWildCurve() {
        assertThat(fit().yDomain()).containsExactly(-2.0, 6.0); // [0, 4] widened by half its range
        JsonNode y = SpecJson.layers(SpecJson.parse(fit().plot()), "line").get(0).get("encoding").get("y");
        assertThat(y.get("scale").get("domain")).extracting(JsonNode::asDouble).containsExactly(-2.0, 6.0);
        assertThat(new PolynomialFitPlot(new double[] {1, 2}, new double[] {3, 3}, fit().curves()).yDomain())
                .containsExactly(2.0, 4.0);
    }

    @Test
    void captionCountsSamplesAndNamesCurves() {
        assertThat(fit().plot().caption()).contains("the 4 training samples", "wiggly; smooth");
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> new PolynomialFitPlot(X, new double[] {1}, fit().curves()))
                .hasMessage("sample y must have as many values as sample x (4); got 1");
        assertThatThrownBy(() -> new PolynomialFitPlot.Curve("c", new double[] {0, 1}, new double[] {0, Double.POSITIVE_INFINITY}))
                .hasMessage("y of curve \"c\" must be finite; got Infinity at index 1");
        assertThatThrownBy(() -> new PolynomialFitPlot(X, Y, List.of()))
                .hasMessage("at least one fitted curve must be given");
        PolynomialFitPlot.Curve c = new PolynomialFitPlot.Curve("c", new double[] {0}, new double[] {0});
        assertThatThrownBy(() -> new PolynomialFitPlot(X, Y, List.of(c, c)))
                .hasMessage("curve names must differ; got \"c\" twice");
    }
}

package dev.occam.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CvCurvePlotTest {

    private static final double[] LAMBDA = {1.0, 0.5, 0.25, 0.125};
    private static final double[] CVM = {4.0, 2.5, 2.0, 2.2};
    private static final double[] CVSD = {0.3, 0.2, 0.4, 0.5};

    private static Plot plot() {
        return new CvCurvePlot(LAMBDA, CVM, CVSD, 0.25, 0.5, "mean squared error").plot();
    }

    @Test
    void meansAndErrorBarsCarryEveryLambda() {
        JsonNode spec = SpecJson.parse(plot());
        JsonNode points = SpecJson.layers(spec, "point").get(0);
        List<JsonNode> rows = SpecJson.rows(points);
        assertThat(SpecJson.numbers(rows, "lambda")).containsExactly(LAMBDA);
        assertThat(SpecJson.numbers(rows, "cvm")).containsExactly(CVM);
        assertThat(points.get("encoding").get("y").get("field").asString()).isEqualTo("cvm");

        JsonNode bars = SpecJson.layers(spec, "rule").get(0);
        List<JsonNode> barRows = SpecJson.rows(bars);
        for (int i = 0; i < LAMBDA.length; i++) {
            assertThat(barRows.get(i).get("lower").asDouble()).isCloseTo(CVM[i] - CVSD[i], within(1e-15));
            assertThat(barRows.get(i).get("upper").asDouble()).isCloseTo(CVM[i] + CVSD[i], within(1e-15));
        }
        assertThat(bars.get("encoding").get("y").get("field").asString()).isEqualTo("lower");
        assertThat(bars.get("encoding").get("y2").get("field").asString()).isEqualTo("upper");
        assertThat(bars.get("encoding").get("x").get("scale").get("type").asString()).isEqualTo("log");
        assertThat(bars.get("encoding").get("y").get("title").asString()).isEqualTo("mean squared error");
    }

    @Test
    void bothChosenLambdasAndTheOneSeLineAreMarked() {
        JsonNode spec = SpecJson.parse(plot());
        List<JsonNode> rules = SpecJson.layers(spec, "rule");
        // error bars, the min + 1 SE line, λ.min, λ.1se
        assertThat(rules).hasSize(4);
        assertThat(SpecJson.rows(rules.get(1)).get(0).get("threshold").asDouble()).isEqualTo(2.0 + 0.4);
        assertThat(SpecJson.rows(rules.get(2)).get(0).get("lambda").asDouble()).isEqualTo(0.25);
        assertThat(SpecJson.rows(rules.get(2)).get(0).get("choice").asString()).isEqualTo("λ.min");
        assertThat(SpecJson.rows(rules.get(3)).get(0).get("lambda").asDouble()).isEqualTo(0.5);
        assertThat(SpecJson.rows(rules.get(3)).get(0).get("choice").asString()).isEqualTo("λ.1se");
        List<String> labels = SpecJson.layers(spec, "text").stream()
                .map(l -> SpecJson.rows(l).get(0).get("label").asString()).toList();
        assertThat(labels).containsExactly("λ.min = 0.25", "λ.1se = 0.5");
        assertThat(spec.get("$schema").asString()).isEqualTo(VegaLite.schemaUrl());
    }

    @Test
    void captionStatesBothLambdas() {
        assertThat(plot().caption()).contains("λ.min = 0.25", "λ.1se = 0.5", "standard error", "2.4");
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> new CvCurvePlot(new double[] {1, 0}, new double[] {1, 2}, new double[] {0, 0}, 1, 1, "mse"))
                .hasMessage("lambda must be finite and > 0; got 0.0 at index 1");
        assertThatThrownBy(() -> new CvCurvePlot(LAMBDA, new double[] {1, 2}, CVSD, 0.25, 0.5, "mse"))
                .hasMessage("cvm must have as many values as lambda (4); got 2");
        assertThatThrownBy(() -> new CvCurvePlot(LAMBDA, new double[] {1, Double.NaN, 1, 1}, CVSD, 0.25, 0.5, "mse"))
                .hasMessage("cvm must be finite; got NaN at index 1");
        assertThatThrownBy(() -> new CvCurvePlot(LAMBDA, CVM, new double[] {0, -1, 0, 0}, 0.25, 0.5, "mse"))
                .hasMessage("cvsd must be finite and >= 0; got -1.0 at index 1");
        assertThatThrownBy(() -> new CvCurvePlot(LAMBDA, CVM, CVSD, -1, 0.5, "mse"))
                .hasMessage("lambdaMin must be finite and > 0; got -1.0");
        assertThatThrownBy(() -> new CvCurvePlot(LAMBDA, CVM, CVSD, 0.25, 0.5, " "))
                .hasMessage("measure must be a non-blank text; got \" \"");
    }

    @Test
    void inputsAreCopied() {
        double[] cvm = CVM.clone();
        CvCurvePlot cv = new CvCurvePlot(LAMBDA, cvm, CVSD, 0.25, 0.5, "mse");
        cvm[0] = 100;
        cv.cvm()[1] = 100;
        assertThat(cv.cvm()).containsExactly(CVM);
    }
}

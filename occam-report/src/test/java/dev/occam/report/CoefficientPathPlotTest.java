package dev.occam.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.occam.glm.Family;
import dev.occam.glm.GlmPath;
import dev.occam.glm.GlmSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CoefficientPathPlotTest {

    /** Features a, b, c, d over λ = 1, 0.5, 0.1: c never enters; at the smallest λ |b| > |a| > |d|. */
    static GlmPath smallPath(double... lambdas) {
        double[][][] w = {
                {{0, 0, 0, 0}},
                {{0.5, 0, 0, 0.1}},
                {{2, -3, 0, 0.2}}};
        int m = lambdas.length;
        return new GlmPath(GlmSettings.of(Family.GAUSSIAN), List.of("a", "b", "c", "d"), null, 10, lambdas,
                new double[m][1], w, new int[m], new double[m], 1.0, new long[m], new boolean[m], List.of());
    }

    @Test
    void featuresThatNeverEnterAreLeftOutAndTheLargestAreLabelled() {
        CoefficientPathPlot cp = new CoefficientPathPlot(smallPath(1, 0.5, 0.1), 0, 2);
        assertThat(cp.activeFeatures()).containsExactly(1, 0, 3);
        assertThat(cp.labelledFeatures()).containsExactly(1, 0);

        JsonNode spec = SpecJson.parse(cp.plot());
        List<JsonNode> lines = SpecJson.layers(spec, "line");
        assertThat(lines).hasSize(2);
        List<JsonNode> grey = SpecJson.rows(lines.get(0));
        assertThat(grey).extracting(r -> r.get("feature").asString()).containsOnly("d");
        assertThat(SpecJson.numbers(grey, "coefficient")).containsExactly(0, 0.1, 0.2);
        assertThat(SpecJson.numbers(grey, "lambda")).containsExactly(1, 0.5, 0.1);
        List<JsonNode> coloured = SpecJson.rows(lines.get(1));
        assertThat(coloured).extracting(r -> r.get("feature").asString()).containsExactly("b", "b", "b", "a", "a", "a");
        assertThat(SpecJson.numbers(coloured, "coefficient")).containsExactly(0, 0, -3, 0, 0.5, 2);

        List<JsonNode> labels = SpecJson.rows(SpecJson.layers(spec, "text").get(0));
        assertThat(labels).extracting(r -> r.get("feature").asString()).containsExactly("b", "a");
        assertThat(SpecJson.numbers(labels, "lambda")).containsExactly(0.1, 0.1);
        assertThat(SpecJson.numbers(labels, "coefficient")).containsExactly(-3, 2);

        JsonNode x = lines.get(0).get("encoding").get("x");
        assertThat(x.get("scale").get("type").asString()).isEqualTo("log");
        assertThat(x.get("scale").get("reverse").asBoolean()).isTrue();
        assertThat(cp.plot().caption()).contains("3 of 4 features", "(b, a)");
    }

    @Test
    void aRealLassoPathLabelsItsLargestCoefficients() {
        GlmPath path = ExampleReports.lassoPath();
        CoefficientPathPlot cp = CoefficientPathPlot.of(path);
        double[] last = path.coefficients()[path.size() - 1][0];
        double sixth = cp.labelledFeatures().stream().mapToDouble(j -> Math.abs(last[j])).min().orElseThrow();
        Set<Integer> labelled = Set.copyOf(cp.labelledFeatures());
        for (int j = 0; j < last.length; j++) {
            if (!labelled.contains(j)) assertThat(Math.abs(last[j])).isLessThanOrEqualTo(sixth);
        }
        assertThat(labelled).hasSize(6);
    }

    @Test
    void manyFeaturesAreCappedAndTheCaptionSaysSo() {
        int p = CoefficientPathPlot.MAX_LINES + 20;
        List<String> names = new ArrayList<>();
        double[][][] w = new double[2][1][p];
        for (int j = 0; j < p; j++) {
            names.add("f" + j);
            w[1][0][j] = j + 1;
        }
        GlmPath path = new GlmPath(GlmSettings.of(Family.GAUSSIAN), names, null, 10, new double[] {1, 0.1},
                new double[2][1], w, new int[2], new double[2], 1.0, new long[2], new boolean[2], List.of());
        Plot plot = CoefficientPathPlot.of(path).plot();
        JsonNode spec = SpecJson.parse(plot);
        Set<String> drawn = SpecJson.layers(spec, "line").stream().flatMap(l -> SpecJson.rows(l).stream())
                .map(r -> r.get("feature").asString()).collect(Collectors.toSet());
        assertThat(drawn).hasSize(CoefficientPathPlot.MAX_LINES).contains("f" + (p - 1)).doesNotContain("f0");
        assertThat(plot.caption()).contains(p + " of " + p + " features", "the " + CoefficientPathPlot.MAX_LINES + " with the largest");
    }

    @Test
    void rejectsWhatALogAxisOrThePathCannotShow() {
        assertThatThrownBy(() -> CoefficientPathPlot.of(smallPath(1, 0.5, 0)))
                .hasMessage("path lambda (log axis) must be finite and > 0; got 0.0 at index 2");
        assertThatThrownBy(() -> new CoefficientPathPlot(smallPath(1, 0.5, 0.1), 1, 3))
                .hasMessage("response must be in [0, 0]; got 1");
        assertThatThrownBy(() -> new CoefficientPathPlot(smallPath(1, 0.5, 0.1), 0, -1))
                .hasMessage("labelled must be >= 0; got -1");
    }
}

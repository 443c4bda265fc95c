package dev.occam.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WeightHistogramPlotTest {

    private static Map<String, double[]> named() {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("no penalty", new double[] {-1.0, -0.4, 0.05, 0.3, 1.0});
        m.put("L1", new double[] {0, 0, -0.0, 0.02, 0.9});
        m.put("L2", new double[] {-0.5, -0.1, 0.01, 0.2, 0.6});
        return m;
    }

    @Test
    void exactZerosGetTheirOwnBarStackedOnTheBinAroundZero() {
        WeightHistogramPlot h = new WeightHistogramPlot(WeightHistogramPlot.of(named()).panels(), 10);
        double width = h.binWidth();
        assertThat(width).isCloseTo(0.2, within(1e-15)); // range [-1, 1] over 10 bins

        List<JsonNode> rows = SpecJson.rows(SpecJson.parse(h.plot()));
        List<JsonNode> zeros = rows.stream().filter(r -> r.get("kind").asString().equals(WeightHistogramPlot.EXACT_ZERO)).toList();
        assertThat(zeros).hasSize(1);
        JsonNode spike = zeros.get(0);
        assertThat(spike.get("panel").asString()).isEqualTo("L1");
        assertThat(spike.get("count").asInt()).as("0, 0 and -0.0").isEqualTo(3);
        assertThat(spike.get("start").asDouble()).isCloseTo(-width / 2, within(1e-15));
        assertThat(spike.get("end").asDouble()).isCloseTo(width / 2, within(1e-15));
        // 0.02 is in the bin around 0 too: the red bar sits on top of it.
        assertThat(spike.get("lower").asDouble()).isEqualTo(1);
        assertThat(spike.get("upper").asDouble()).isEqualTo(4);
    }

    @Test
    void everyNonZeroWeightIsCountedOnceInTheBinHoldingIt() {
        WeightHistogramPlot h = new WeightHistogramPlot(WeightHistogramPlot.of(named()).panels(), 7);
        List<JsonNode> rows = SpecJson.rows(SpecJson.parse(h.plot()));
        for (WeightHistogramPlot.Weights w : h.panels()) {
            List<JsonNode> bars = rows.stream().filter(r -> r.get("panel").asString().equals(w.name())
                    && r.get("kind").asString().equals(WeightHistogramPlot.NON_ZERO)).toList();
            int total = 0;
            for (JsonNode bar : bars) {
                double start = bar.get("start").asDouble();
                double end = bar.get("end").asDouble();
                int inside = 0;
                for (double v : w.values()) if (v != 0 && v >= start - 1e-12 && v < end - 1e-12) inside++;
                assertThat(bar.get("count").asInt()).as("%s bar [%s, %s)", w.name(), start, end).isEqualTo(inside);
                assertThat(bar.get("lower").asDouble()).isZero();
                assertThat(bar.get("upper").asDouble()).isEqualTo(inside);
                total += inside;
            }
            assertThat(total + w.exactZeros()).isEqualTo(w.values().length);
        }
    }

    @Test
    void panelsKeepTheirOrderAndTheCaptionCountsZeros() {
        Plot plot = WeightHistogramPlot.of(named()).plot();
        JsonNode column = SpecJson.parse(plot).get("facet").get("column");
        assertThat(column.get("field").asString()).isEqualTo("panel");
        assertThat(column.get("sort")).extracting(JsonNode::asString).containsExactly("no penalty", "L1", "L2");
        assertThat(plot.caption()).contains("no penalty 0 of 5; L1 3 of 5; L2 0 of 5");
        JsonNode encoding = SpecJson.parse(plot).get("spec").get("encoding");
        assertThat(encoding.get("color").get("scale").get("domain")).extracting(JsonNode::asString)
                .containsExactly(WeightHistogramPlot.NON_ZERO, WeightHistogramPlot.EXACT_ZERO);
        assertThat(encoding.get("y").get("field").asString()).isEqualTo("lower");
        assertThat(encoding.get("y2").get("field").asString()).isEqualTo("upper");
    }

    @Test
    void allZeroWeightsMakeOneRedBar() {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("L1, large λ", new double[] {0, 0, 0});
        List<JsonNode> rows = SpecJson.rows(SpecJson.parse(WeightHistogramPlot.of(m).plot()));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("count").asInt()).isEqualTo(3);
    }

    @Test
    void rejectsBadInput() {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("L2", new double[] {1, Double.NaN});
        assertThatThrownBy(() -> WeightHistogramPlot.of(m)).hasMessage("weights of \"L2\" must be finite; got NaN at index 1");
        assertThatThrownBy(() -> new WeightHistogramPlot(List.of(new WeightHistogramPlot.Weights("a", new double[] {1}),
                new WeightHistogramPlot.Weights("a", new double[] {2})), 10)).hasMessage("panel names must differ; got \"a\" twice");
        assertThatThrownBy(() -> new WeightHistogramPlot(List.of(new WeightHistogramPlot.Weights("a", new double[] {1})), 0))
                .hasMessage("bins must be >= 1; got 0");
        assertThatThrownBy(() -> WeightHistogramPlot.of(Map.of())).hasMessage("at least one panel of weights must be given");
    }
}

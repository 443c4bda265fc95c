package dev.occam.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.occam.nn.EpochRecord;
import dev.occam.nn.ParameterStats;
import dev.occam.nn.TrainingResult;
import dev.occam.optim.Mask;
import dev.occam.optim.ParameterRole;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TrainingPlotsTest {

    private static final TrainingRun PLAIN = new TrainingRun("plain", new double[] {1.0, 0.6, 0.4, 0.3},
            new double[] {1.1, 0.8, 0.7, 0.75}, new double[] {1, 2, 3, 4}, new double[] {0, 0, 0, 0});
    private static final TrainingRun SPARSE = new TrainingRun("L1", new double[] {1.0, 0.7, Double.NaN, 0.5},
            new double[] {1.0, 0.8, 0.72, 0.7}, new double[] {1, 1.5, 1.7, 1.8}, new double[] {0, 0.2, 0.4, 0.5});

    @Test
    void lossRowsPerRunAndSetLeaveOutNonFiniteLosses() {
        Plot plot = LossCurvePlot.of(PLAIN, SPARSE).plot();
        JsonNode spec = SpecJson.parse(plot);
        List<JsonNode> rows = SpecJson.rows(SpecJson.layers(spec, "line").get(0));
        assertThat(rows).hasSize(4 + 4 + 3 + 4);
        List<JsonNode> plainValid = rows.stream().filter(r -> r.get("run").asString().equals("plain")
                && r.get("set").asString().equals("validation")).toList();
        assertThat(SpecJson.numbers(plainValid, "epoch")).containsExactly(1, 2, 3, 4);
        assertThat(SpecJson.numbers(plainValid, "loss")).containsExactly(1.1, 0.8, 0.7, 0.75);
        assertThat(rows.stream().filter(r -> r.get("run").asString().equals("L1") && r.get("set").asString().equals("training"))
                .map(r -> r.get("epoch").asInt()).toList()).containsExactly(1, 2, 4);
        assertThat(plot.caption()).contains("1 loss left out");

        List<JsonNode> best = SpecJson.rows(SpecJson.layers(spec, "point").get(0));
        assertThat(best).extracting(r -> r.get("run").asString() + "@" + r.get("epoch").asInt()).containsExactly("plain@3", "L1@4");
        JsonNode enc = SpecJson.layers(spec, "line").get(0).get("encoding");
        assertThat(enc.get("strokeDash").get("field").asString()).isEqualTo("set");
        assertThat(enc.get("color").get("scale").get("domain")).extracting(JsonNode::asString).containsExactly("plain", "L1");
    }

    @Test
    void withoutValidationOnlyTrainingIsDrawn() {
        Plot plot = LossCurvePlot.of(TrainingRun.ofLosses("only", new double[] {3, 2, 1}, null)).plot();
        JsonNode spec = SpecJson.parse(plot);
        assertThat(SpecJson.rows(SpecJson.layers(spec, "line").get(0))).extracting(r -> r.get("set").asString())
                .containsOnly("training");
        assertThat(SpecJson.layers(spec, "point")).isEmpty();
        assertThat(plot.caption()).contains("no validation data");
    }

    @Test
    void logScaleLeavesOutLossesThatAreNotPositive() {
        TrainingRun run = TrainingRun.ofLosses("r", new double[] {1, 0, 0.5}, null);
        Plot plot = new LossCurvePlot(List.of(run), true).plot();
        JsonNode line = SpecJson.layers(SpecJson.parse(plot), "line").get(0);
        assertThat(SpecJson.numbers(SpecJson.rows(line), "loss")).containsExactly(1, 0.5);
        assertThat(line.get("encoding").get("y").get("scale").get("type").asString()).isEqualTo("log");
        assertThat(plot.caption()).contains("1 loss left out (not finite and positive");
    }

    @Test
    void weightNormAndZeroSharePanels() {
        Plot plot = WeightNormPlot.of(PLAIN, SPARSE).plot();
        JsonNode panels = SpecJson.parse(plot).get("hconcat");
        assertThat(panels).hasSize(2);
        List<JsonNode> norms = SpecJson.rows(panels.get(0));
        assertThat(SpecJson.numbers(norms, "norm")).containsExactly(1, 2, 3, 4, 1, 1.5, 1.7, 1.8);
        List<JsonNode> zeros = SpecJson.rows(panels.get(1));
        assertThat(SpecJson.numbers(zeros, "zeros")).containsExactly(0, 0, 0, 0, 0, 0.2, 0.4, 0.5);
        assertThat(panels.get(1).get("encoding").get("y").get("scale").get("domain")).extracting(JsonNode::asDouble)
                .containsExactly(0.0, 1.0);
        assertThat(panels.get(1).get("encoding").get("y").get("axis").get("format").asString()).isEqualTo(".0%");
    }

    @Test
    void aRunFromTrainingHistoryMeasuresTheWeightsWithoutBiases() {
        List<ParameterStats> epoch1 = List.of(new ParameterStats("dense.w", ParameterRole.WEIGHT, 4, 3.0, 1),
                new ParameterStats("dense.b", ParameterRole.BIAS, 2, 10.0, 0),
                new ParameterStats("out.w", ParameterRole.WEIGHT, 4, 4.0, 3));
        List<ParameterStats> epoch2 = List.of(new ParameterStats("dense.w", ParameterRole.WEIGHT, 4, 0.0, 4),
                new ParameterStats("dense.b", ParameterRole.BIAS, 2, 1.0, 0),
                new ParameterStats("out.w", ParameterRole.WEIGHT, 4, 2.0, 2));
        TrainingResult result = new TrainingResult(List.of(
                new EpochRecord(1, 0.9, Double.NaN, 0.0, 1.2, Double.NaN, 0.1, epoch1),
                new EpochRecord(2, 0.5, Double.NaN, 0.0, 0.8, Double.NaN, 0.1, epoch2)),
                TrainingResult.StopReason.COMPLETED, 2, 0, "done", null);
        TrainingRun run = TrainingRun.from("net", result, Mask.WEIGHTS);
        assertThat(run.trainLoss()).containsExactly(0.9, 0.5);
        assertThat(run.validLoss()).containsExactly(1.2, 0.8);
        assertThat(run.weightNorm()[0]).isCloseTo(5.0, within(1e-15)); // √(3² + 4²), bias excluded
        assertThat(run.weightNorm()[1]).isCloseTo(2.0, within(1e-15));
        assertThat(run.zeroShare()).containsExactly(4.0 / 8, 6.0 / 8);

        TrainingResult noValidation = new TrainingResult(List.of(
                new EpochRecord(1, 0.9, Double.NaN, 0.0, Double.NaN, Double.NaN, 0.1, epoch1)),
                TrainingResult.StopReason.COMPLETED, 1, 0, "done", null);
        assertThat(TrainingRun.from("net", noValidation, Mask.WEIGHTS).validLoss()).isNull();
    }

    @Test
    void rejectsBadRuns() {
        assertThatThrownBy(() -> new TrainingRun("r", new double[] {1, 2}, new double[] {1}, null, null))
                .hasMessage("validLoss of \"r\" must have as many values as trainLoss (2); got 1");
        assertThatThrownBy(() -> new TrainingRun("r", new double[] {1}, null, null, new double[] {1.5}))
                .hasMessage("zeroShare of \"r\" must be in [0, 1]; got 1.5 at epoch 1");
        assertThatThrownBy(() -> LossCurvePlot.of(PLAIN, PLAIN)).hasMessage("run names must differ; got \"plain\" twice");
        assertThatThrownBy(() -> WeightNormPlot.of(TrainingRun.ofLosses("r", new double[] {1}, null)))
                .hasMessage("at least one run must have weight norms; got none");
        assertThatThrownBy(() -> LossCurvePlot.of(TrainingRun.ofLosses("r", new double[] {Double.NaN}, null)).plot())
                .hasMessage("no finite loss to plot");
    }
}

package dev.occam.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.occam.data.DataFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkFileTest {
    @TempDir
    Path dir;

    private static NetworkModel model() {
        Sequential net = Sequential.mlp(3, new int[]{4}, 3, Activation.GELU, 0.25, Regularizer.NONE, 7);
        float[] w = net.parameters().get(0).values();
        // values whose decimal forms are awkward: they must still come back bit for bit
        w[0] = Float.MIN_VALUE;
        w[1] = -Float.MAX_VALUE;
        w[2] = 0.1f;
        w[3] = 1.00000012f;
        w[4] = -0f;
        return new NetworkModel(net, new SoftmaxCrossEntropy(), List.of("a", "b", "c"), "kind", List.of("x", "y", "z"),
                new float[]{1, 2, 3}, new float[]{0.5f, 1, 4});
    }

    @Test
    void roundTripKeepsEveryWeightAndPrediction() throws IOException {
        NetworkModel m = model();
        Path f = dir.resolve("net.json");
        NetworkFile.write(f, m, Map.of("optimizer", "adamw(lr=0.001)", "epochs", 3));
        NetworkModel back = NetworkFile.read(f);
        for (int i = 0; i < m.network().parameters().size(); i++) {
            float[] a = m.network().parameters().get(i).values();
            float[] b = back.network().parameters().get(i).values();
            for (int j = 0; j < a.length; j++) {
                // bit for bit, except that −0 reads back as 0 (JSON decimals have no signed zero)
                int expected = a[j] == 0f ? 0 : Float.floatToRawIntBits(a[j]);
                assertThat(Float.floatToRawIntBits(b[j])).as("parameter %d value %d", i, j).isEqualTo(expected);
            }
        }
        assertThat(back.network().describe()).isEqualTo(m.network().describe());
        assertThat(back.classes()).containsExactly("x", "y", "z");
        assertThat(back.features()).containsExactly("a", "b", "c");
        assertThat(back.scale()).containsExactly(0.5f, 1, 4);
        float[] x = {1, 2, 3, 0.5f, -1, 7};
        assertThat(back.outputs(x, 2)).containsExactly(m.outputs(x, 2));
        assertThat(Files.readString(f)).contains("\"optimizer\" : \"adamw(lr=0.001)\"");
    }

    @Test
    void responsesAreProbabilitiesAndScalingIsApplied() {
        NetworkModel m = model();
        float[] x = {1, 2, 3, 0.5f, -1, 7};
        double[] p = m.response(x, 2);
        assertThat(p[0] + p[1] + p[2]).isCloseTo(1, within(1e-12));
        assertThat(m.prepare(x, 2)).containsExactly(0, 0, 0, -1, -3, 1);
        int[] c = m.predictClass(x, 2);
        float[] out = m.outputs(x, 2);
        assertThat(out[c[0]]).isGreaterThanOrEqualTo(Math.max(out[0], Math.max(out[1], out[2])));
    }

    @Test
    void rowsOfADatasetFeedTheNetwork() {
        NetworkModel m = model();
        dev.occam.data.Dataset d = dev.occam.data.Dataset.numeric(
                dev.occam.data.DenseMatrix.ofRows(new double[][]{{1, 2, 3}, {0.5, -1, 7}}), null, List.of("a", "b", "c"));
        assertThat(m.rows(d)).containsExactly(1, 2, 3, 0.5f, -1, 7);
    }

    @Test
    void badFilesGiveOneLine() throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"format\": \"occam-model\"}");
        assertThatThrownBy(() -> NetworkFile.read(f)).isInstanceOf(DataFormatException.class)
                .hasMessage(f + ": not an Occam network file (expected \"format\": \"occam-network\")");
        Files.writeString(f, "{ nope");
        assertThatThrownBy(() -> NetworkFile.read(f)).hasMessageStartingWith(f + ": not valid JSON: ");

        String good = NetworkFile.toJson(model(), null);
        Files.writeString(f, good.replace("\"outputs\" : 4", "\"outputs\" : 5"));
        assertThatThrownBy(() -> NetworkFile.read(f)).hasMessage(f + ": layer 1 weight has 12 values; expected 15");
        Files.writeString(f, good.replace("\"type\" : \"gelu\"", "\"type\" : \"swish\""));
        assertThatThrownBy(() -> NetworkFile.read(f))
                .hasMessage(f + ": layer 2: unknown layer type \"swish\" (expected dense, relu, tanh, sigmoid, gelu or dropout)");
        Files.writeString(f, good.replace("\"version\" : 1", "\"version\" : 9"));
        assertThatThrownBy(() -> NetworkFile.read(f)).hasMessage(f + ": network file version 9 is newer than this Occam reads (version 1)");
    }
}

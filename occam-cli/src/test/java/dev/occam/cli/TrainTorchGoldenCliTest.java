package dev.occam.cli;

import dev.occam.nn.NetworkFile;
import dev.occam.nn.NetworkModel;
import dev.occam.nn.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code occam train --no-standardize --optimizer sgd --l1 L} reproduces PyTorch's SGD with a
 * soft-threshold after every step: the "cli" case of occam-core's golden/torch/l1_proximal.txt
 * (made by make_l1_proximal.py from Occam's own seeded initial weights and batch order, which
 * occam-core's TorchL1ProximalTest checks bit for bit). NET.json holds the same weights to float
 * precision, exactly the same zeros, and no input standardization.
 */
class TrainTorchGoldenCliTest {
    private static final Path GOLDEN = Path.of("..", "occam-core", "src", "test", "resources", "golden", "torch");

    @TempDir
    Path dir;

    @Test
    void trainWithL1MatchesPyTorch() throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        Map<String, float[]> last = new LinkedHashMap<>();
        String l1 = null;
        boolean cli = false;
        for (String line : Files.readAllLines(GOLDEN.resolve("l1_proximal.txt"))) {
            String[] f = line.split(" ");
            if (f[0].equals("setting")) settings.put(f[1], f[2]);
            if (f[0].equals("case")) cli = f[1].equals("cli");
            if (!cli) continue;
            if (f[0].equals("l1")) l1 = f[1];
            if (f[0].equals("param") && f[1].equals(settings.get("epochs"))) {
                float[] v = new float[f.length - 3];
                for (int i = 3; i < f.length; i++) v[i - 3] = (float) Double.parseDouble(f[i]);
                last.put(f[2], v);
            }
        }
        assertThat(last).containsOnlyKeys("dense1.weight", "dense1.bias", "dense2.weight", "dense2.bias");

        Path net = dir.resolve("net.json");
        CliRun.of("train", "--data", GOLDEN.resolve("l1_proximal_data.csv"), "--target", "y", "--no-standardize",
                "--layers", settings.get("hidden"), "--activation", "tanh", "--optimizer", "sgd", "--lr", settings.get("lr"),
                "--l1", l1, "--epochs", settings.get("epochs"), "--batch-size", settings.get("batch"),
                "--seed", settings.get("seed"), "--quiet", "--out", net).ok();

        NetworkModel model = NetworkFile.read(net);
        assertThat(model.center()).as("input.center with --no-standardize").isNull();
        assertThat(model.scale()).isNull();
        List<Parameter> params = model.network().parameters();
        assertThat(params).extracting(Parameter::name).containsExactlyElementsOf(last.keySet());
        int zeros = 0;
        for (Parameter p : params) {
            float[] want = last.get(p.name());
            assertThat(p.values()).hasSameSizeAs(want);
            for (int i = 0; i < want.length; i++) {
                float got = p.values()[i];
                assertThat(got == 0f).as("%s[%d] is zero (PyTorch: %s, Occam: %s)", p.name(), i, want[i], got).isEqualTo(want[i] == 0f);
                assertThat((double) got).as("%s[%d]", p.name(), i).isCloseTo(want[i], within(1e-6 + 1e-6 * Math.abs(want[i])));
                if (want[i] == 0f) zeros++;
            }
        }
        assertThat(zeros).as("exact zeros").isPositive();
    }
}

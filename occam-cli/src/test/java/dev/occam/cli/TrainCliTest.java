package dev.occam.cli;

import static dev.occam.cli.TestData.Target.NUMERIC;
import static dev.occam.cli.TestData.Target.THREE_CLASSES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.occam.nn.NetworkFile;
import dev.occam.nn.NetworkModel;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code occam train} end to end. */
class TrainCliTest {
    @TempDir
    Path dir;

    /** Runs {@code occam train ...} in-process. */
    private static CliRun train(Object... args) {
        return CliRun.of(prepend("train", args));
    }

    private static Object[] prepend(String command, Object[] args) {
        Object[] a = new Object[args.length + 1];
        a[0] = command;
        System.arraycopy(args, 0, a, 1, args.length);
        return a;
    }

    /**
     * Base options for a small run; {@code more} are option/value pairs that add or replace options,
     * or flags (an option directly followed by another option or the end) such as --resume.
     */
    private Object[] common(Path data, Path net, Object... more) {
        java.util.Map<String, Object> o = new java.util.LinkedHashMap<>();
        Object[] base = {"--data", data, "--layers", "8", "--optimizer", "adam", "--lr", "0.05", "--epochs", 3,
                "--batch-size", 16, "--seed", 1, "--out", net};
        for (int i = 0; i < base.length; i += 2) o.put((String) base[i], base[i + 1]);
        for (int i = 0; i < more.length; i++) {
            String key = (String) more[i];
            boolean flag = i + 1 == more.length || String.valueOf(more[i + 1]).startsWith("--");
            o.put(key, flag ? null : more[++i]);
        }
        List<Object> args = new java.util.ArrayList<>();
        o.forEach((k, v) -> {
            args.add(k);
            if (v != null) args.add(v);
        });
        return args.toArray();
    }

    @Test
    void predictReadsANetworkFileWithTheLinearModelsColumns() throws IOException {
        Path data = TestData.csv(dir, 300, THREE_CLASSES, false);
        Path net = dir.resolve("net.json");
        train(common(data, net, "--target", "kind", "--epochs", 20)).ok();
        Path classes = dir.resolve("classes.csv");
        CliRun.of("predict", "--model", net, "--data", data, "--type", "class", "--out", classes).ok();
        List<String> lines = Files.readAllLines(classes);
        assertThat(lines).hasSize(301);
        assertThat(lines.get(0)).isEqualTo("class");
        assertThat(lines.subList(1, 301)).allSatisfy(l -> assertThat(l).isIn("high", "low", "mid"));
        Path probs = dir.resolve("probs.csv");
        CliRun.of("predict", "--model", net, "--data", data, "--type", "response", "--out", probs).ok();
        List<String> p = Files.readAllLines(probs);
        assertThat(p.get(0)).isEqualTo("response_high,response_low,response_mid");
        double sum = 0;
        for (String v : p.get(1).split(",")) sum += Double.parseDouble(v);
        assertThat(sum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void trainsAClassifierWithValidationAndWritesNetworkAndHistory() throws IOException {
        Path data = TestData.csv(dir, 300, THREE_CLASSES, false);
        Path net = dir.resolve("net.json");
        Path hist = dir.resolve("history.csv");
        CliRun r = train(common(data, net, "--target", "kind", "--valid", data, "--weight-decay", "0.01", "--history", hist,
                "--epochs", 20)).ok();
        assertThat(r.err()).contains("occam: epoch 1/20: train loss ").contains("occam: wrote " + net);
        NetworkModel m = NetworkFile.read(net);
        assertThat(m.classes()).containsExactly("high", "low", "mid");
        assertThat(m.features()).containsExactly("a", "b", "c");
        assertThat(m.center()).hasSize(3);
        List<String> lines = Files.readAllLines(hist);
        assertThat(lines).hasSize(21);
        assertThat(lines.get(0)).startsWith("epoch,train_loss,train_accuracy,penalty,valid_loss,valid_accuracy,learning_rate,dense1.weight_norm");
        String[] last = lines.get(20).split(",", -1);
        assertThat(Double.parseDouble(last[5])).as("validation accuracy").isGreaterThan(0.9);
    }

    @Test
    void l1GivesExactZerosAndMseTrainsANumericTarget() throws IOException {
        Path data = TestData.csv(dir, 200, NUMERIC, false);
        Path net = dir.resolve("net.json");
        Path hist = dir.resolve("h.csv");
        train(common(data, net, "--target", "y", "--loss", "mse", "--layers", "none", "--optimizer", "sgd", "--lr", "0.1",
                "--l1", "0.3", "--epochs", 30, "--history", hist)).ok();
        NetworkModel m = NetworkFile.read(net);
        assertThat(m.loss().name()).isEqualTo("mse");
        float[] w = m.network().parameters().get(0).values();
        // y = 1 + 2a − b + noise: c is irrelevant and the L1 step zeroes it exactly
        assertThat(w[2]).isEqualTo(0f);
        assertThat(w[0]).isGreaterThan(1f);
        List<String> lines = Files.readAllLines(hist);
        assertThat(lines.get(lines.size() - 1).split(",", -1)[8]).isEqualTo(Double.toString(1.0 / 3));
    }

    @Test
    void helpStatesThePreprocessing() {
        String help = CliRun.of("train", "--help").ok().out().replaceAll("\\s+", " ");
        assertThat(help).contains("CSV and LibSVM features are standardized by default",
                "centred by its mean over the training rows and divided by its standard deviation (1/n",
                "stored in NET.json (input.center, input.scale) and predict applies them",
                "--no-standardize", "IDX images: pixels are divided by 255",
                "w <- sign(w)*max(|w| - lr*L, 0)");
    }

    /**
     * The default standardization: NET.json stores each column's training mean and 1/n standard
     * deviation (computed here independently), and predict applies them; with --no-standardize
     * nothing is stored and predict feeds the features as given.
     */
    @Test
    void standardizationIsStoredAndAppliedByPredict() throws IOException {
        Path data = TestData.csv(dir, 60, NUMERIC, false);
        dev.occam.data.Dataset d = dev.occam.data.CsvReader.read(data,
                new dev.occam.data.ReadOptions("y", dev.occam.data.TargetKind.NUMERIC, null, null));
        int n = d.rows();
        int p = d.cols();
        for (boolean standardize : new boolean[] {true, false}) {
            Path net = dir.resolve("net-" + standardize + ".json");
            Path pred = dir.resolve("pred-" + standardize + ".csv");
            Object[] args = common(data, net, "--target", "y", "--loss", "mse", "--layers", "4", "--quiet");
            if (!standardize) args = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--no-standardize")).toArray();
            train(args).ok();
            NetworkModel m = NetworkFile.read(net);
            float[] x = new float[n * p];
            if (standardize) {
                assertThat(m.center()).hasSize(p);
                for (int j = 0; j < p; j++) {
                    double mean = 0;
                    double ss = 0;
                    for (int i = 0; i < n; i++) mean += d.x().get(i, j) / n;
                    for (int i = 0; i < n; i++) ss += (d.x().get(i, j) - mean) * (d.x().get(i, j) - mean);
                    assertThat((double) m.center()[j]).as("centre of column %d", j).isCloseTo(mean, org.assertj.core.api.Assertions.within(1e-6));
                    assertThat((double) m.scale()[j]).as("scale of column %d", j).isCloseTo(Math.sqrt(ss / n), org.assertj.core.api.Assertions.within(1e-6));
                    for (int i = 0; i < n; i++) x[i * p + j] = ((float) d.x().get(i, j) - m.center()[j]) / m.scale()[j];
                }
            } else {
                assertThat(m.center()).isNull();
                assertThat(m.scale()).isNull();
                for (int j = 0; j < p; j++) for (int i = 0; i < n; i++) x[i * p + j] = (float) d.x().get(i, j);
            }
            float[] expected = m.network().predict(x, n);
            CliRun.of("predict", "--model", net, "--data", data, "--type", "link", "--quiet", "--out", pred).ok();
            List<String> lines = Files.readAllLines(pred);
            assertThat(lines).hasSize(n + 1);
            for (int i = 0; i < n; i++) {
                assertThat(Float.parseFloat(lines.get(i + 1))).as("prediction %d (standardize %s)", i, standardize).isEqualTo(expected[i]);
            }
        }
    }

    @Test
    void readsIdxImagesWithTheirLabelFile() throws IOException {
        int n = 40;
        byte[] px = new byte[n * 4];
        byte[] lb = new byte[n];
        for (int i = 0; i < n; i++) {
            lb[i] = (byte) (i % 2);
            for (int j = 0; j < 4; j++) px[i * 4 + j] = (byte) (lb[i] == 1 ? 200 + j : 10 + j);
        }
        Path images = dir.resolve("train-images-idx3-ubyte");
        Files.write(images, idx(new int[]{n, 2, 2}, px));
        Files.write(dir.resolve("train-labels-idx1-ubyte"), idx(new int[]{n}, lb));
        Path net = dir.resolve("net.json");
        train(common(images, net, "--epochs", 10)).ok();
        NetworkModel m = NetworkFile.read(net);
        assertThat(m.classes()).containsExactly("0", "1");
        assertThat(m.center()).isNull();
        assertThat(m.predictClass(new float[]{1f, 1f, 1f, 1f, 0f, 0f, 0f, 0f}, 2)).containsExactly(1, 0);
    }

    @Test
    void resumingFromACheckpointGivesTheSameNetwork() throws IOException {
        Path data = TestData.csv(dir, 120, THREE_CLASSES, false);
        Path straight = dir.resolve("straight.json");
        Path resumed = dir.resolve("resumed.json");
        Path ckpt = dir.resolve("run.ckpt");
        train(common(data, straight, "--target", "kind", "--epochs", 4, "--dropout", "0.2")).ok();
        train(common(data, dir.resolve("half.json"), "--target", "kind", "--epochs", 2, "--dropout", "0.2", "--checkpoint", ckpt)).ok();
        train(common(data, resumed, "--target", "kind", "--epochs", 4, "--dropout", "0.2", "--checkpoint", ckpt, "--resume")).ok();
        assertThat(Files.readString(resumed)).isEqualTo(Files.readString(straight));
    }

    @Test
    void divergenceIsOneLineNamingTheSettingAndWritesNothing() throws IOException {
        Path data = TestData.csv(dir, 100, NUMERIC, false);
        Path net = dir.resolve("net.json");
        String msg = train(common(data, net, "--target", "y", "--loss", "mse", "--optimizer", "sgd", "--lr", "1e6",
                "--no-standardize", "--quiet")).userError();
        assertThat(msg).startsWith("training diverged in epoch ").endsWith("Lower the learning rate (now 1000000.0) (--lr); no network written");
        assertThat(net).doesNotExist();
    }

    @Test
    void badOptionsAndDataAreOneLine() throws IOException {
        Path data = TestData.csv(dir, 50, THREE_CLASSES, false);
        Path net = dir.resolve("net.json");
        assertThat(train(common(data, net, "--target", "kind", "--optimizer", "rmsprop")).userError())
                .isEqualTo("optimizer must be one of sgd, momentum, nesterov, adam, adamw; got rmsprop");
        assertThat(train(common(data, net, "--target", "kind", "--layers", "8,x")).userError())
                .isEqualTo("--layers must be widths >= 1 separated by commas (or 'none'); got \"8,x\"");
        assertThat(train(common(data, net, "--target", "kind", "--resume")).userError()).isEqualTo("--resume needs --checkpoint FILE");
        assertThat(train(common(data, net, "--target", "nope")).userError()).contains("nope");
        assertThat(train(common(data, net, "--target", "kind", "--lr", "-1")).userError()).isEqualTo("--lr must be finite and > 0; got -1.0");
        Path images = dir.resolve("x-images-idx3-ubyte");
        Files.write(images, idx(new int[]{1, 1, 1}, new byte[]{1}));
        assertThat(train(common(images, net)).userError())
                .isEqualTo("--labels is needed: no label file " + dir.resolve("x-labels-idx1-ubyte") + " exists");
        assertThat(net).doesNotExist();
    }

    private static byte[] idx(int[] dims, byte[] payload) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.writeShort(0);
        out.writeByte(0x08);
        out.writeByte(dims.length);
        for (int d : dims) out.writeInt(d);
        out.write(payload);
        return b.toByteArray();
    }
}

package dev.occam.cli.robust;

import dev.occam.cli.Occam;
import dev.occam.nn.NetworkFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code occam train --checkpoint F} killed with SIGKILL at random moments and restarted with
 * {@code --resume} each time ends with the network an uninterrupted {@code occam train} writes,
 * bit for bit; NET.json is never left half-written. Each run is a child JVM.
 */
class TrainKillResumeCliTest {
    private static final int KILLS = 6;

    @TempDir
    Path dir;

    private Path data() throws IOException {
        Random r = new Random(8);
        StringBuilder s = new StringBuilder("y");
        for (int j = 1; j <= 12; j++) s.append(",x").append(j);
        s.append('\n');
        for (int i = 0; i < 2500; i++) {
            double[] x = new double[12];
            double y = 0;
            for (int j = 0; j < 12; j++) {
                x[j] = r.nextGaussian();
                y += Math.sin(x[j]) * (j % 3 == 0 ? 1 : 0.2);
            }
            s.append(y + 0.1 * r.nextGaussian());
            for (double v : x) s.append(',').append(v);
            s.append('\n');
        }
        Path f = dir.resolve("train.csv");
        Files.writeString(f, s);
        return f;
    }

    private static Process train(Path data, Path out, Path checkpoint, boolean resume, Path stderr) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Occam.class.getName(),
                "train", "--data", data.toString(), "--target", "y", "--loss", "mse", "--layers", "32,32", "--activation", "tanh",
                "--dropout", "0.1", "--optimizer", "adamw", "--lr", "0.005", "--schedule", "cosine", "--epochs", "40",
                "--batch-size", "16", "--seed", "3", "--quiet", "--out", out.toString()));
        if (checkpoint != null) {
            command.addAll(List.of("--checkpoint", checkpoint.toString()));
            if (resume) command.add("--resume");
        }
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        return p;
    }

    @Test
    void killedAndResumedTrainingWritesTheUninterruptedNetwork() throws Exception {
        Path data = data();
        Path stderr = dir.resolve("stderr.txt");
        Path reference = dir.resolve("reference.json");
        // the uninterrupted run, with its own checkpoint: when that first appears tells how long
        // start-up and the first epoch take here
        Path referenceCheckpoint = dir.resolve("reference.ckpt");
        long t0 = System.nanoTime();
        Process whole = train(data, reference, referenceCheckpoint, false, stderr);
        long firstMillis = -1;
        while (whole.isAlive()) {
            if (firstMillis < 0 && Files.exists(referenceCheckpoint)) firstMillis = (System.nanoTime() - t0) / 1_000_000;
            Thread.sleep(10);
        }
        assertThat(whole.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(whole.exitValue()).as(Files.readString(stderr)).isZero();
        long wholeMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(firstMillis).as("first checkpoint seen").isPositive();

        Path checkpoint = dir.resolve("run.ckpt");
        Path out = dir.resolve("net.json");
        Random random = new Random(77);
        int kills = 0;
        int killsWithCheckpoint = 0;
        while (true) {
            boolean resume = Files.exists(checkpoint);
            java.nio.file.attribute.FileTime before = resume ? Files.getLastModifiedTime(checkpoint) : null;
            Process p = train(data, out, checkpoint, resume, stderr);
            if (kills >= KILLS) {
                assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).as(Files.readString(stderr)).isZero();
                break;
            }
            // the kill comes after this run has written a checkpoint of its own (whatever the
            // machine's load makes of the timing), then up to four epochs later
            while (p.isAlive() && !(Files.exists(checkpoint) && !Files.getLastModifiedTime(checkpoint).equals(before))) {
                Thread.sleep(5);
            }
            long wait = (long) (random.nextDouble() * (wholeMillis - firstMillis) / 10);
            if (p.waitFor(wait, TimeUnit.MILLISECONDS)) {
                assertThat(p.exitValue()).as(Files.readString(stderr)).isZero();
                break;
            }
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            kills++;
            if (Files.exists(checkpoint)) killsWithCheckpoint++;
            // NET.json is written once, at the end, atomically: absent or whole
            if (Files.exists(out)) NetworkFile.read(out);
        }
        assertThat(killsWithCheckpoint).as("kills after the first checkpoint (uninterrupted run %d ms)", wholeMillis)
                .isGreaterThanOrEqualTo(3);
        float[][] expected = NetworkFile.read(reference).network().values();
        float[][] actual = NetworkFile.read(out).network().values();
        assertThat(actual.length).isEqualTo(expected.length);
        for (int k = 0; k < expected.length; k++) {
            int[] e = new int[expected[k].length];
            int[] a = new int[actual[k].length];
            for (int i = 0; i < e.length; i++) e[i] = Float.floatToRawIntBits(expected[k][i]);
            for (int i = 0; i < a.length; i++) a[i] = Float.floatToRawIntBits(actual[k][i]);
            assertThat(a).as("parameter %d after %d kills", k, kills).isEqualTo(e);
        }
        System.out.println("TrainKillResumeCliTest: " + kills + " kills (" + killsWithCheckpoint + " with a checkpoint); uninterrupted "
                + wholeMillis + " ms, first checkpoint at " + firstMillis + " ms");
    }
}

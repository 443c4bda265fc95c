package dev.occam.cli.robust;

import dev.occam.cli.Occam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data larger than the heap: {@code occam} in a child JVM with -Xmx64m gets one line on stderr
 * naming the setting to raise and the estimated need, and exit status 3 — both when the estimate
 * made before reading sees it coming and when the estimate is fooled and an OutOfMemoryError
 * happens anyway (the top-level fallback).
 */
class MemoryCliTest {
    private static final String HEAP = "64m";

    @TempDir
    Path dir;

    /** A CSV with a target and p features: n rows of short cells, after {@code wide} rows of very long ones. */
    private Path csv(String name, int wide, int n, int p) throws IOException {
        Path f = dir.resolve(name);
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.US_ASCII)) {
            StringBuilder header = new StringBuilder("y");
            for (int j = 1; j <= p; j++) header.append(",x").append(j);
            w.write(header.append('\n').toString());
            String longCell = "1." + "0".repeat(200) + "1";
            for (int i = 0; i < wide + n; i++) {
                StringBuilder row = new StringBuilder().append(i % 7);
                for (int j = 0; j < p; j++) row.append(',').append(i < wide ? longCell : Integer.toString((i + j) % 10));
                w.write(row.append('\n').toString());
            }
        }
        return f;
    }

    private record Child(int status, String out, String err) { }

    private static Child occam(Object... args) throws Exception {
        return occamWithHeap(HEAP, args);
    }

    private static Child occamWithHeap(String heap, Object... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Occam.class.getName()));
        for (Object a : args) command.add(String.valueOf(a));
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        var out = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("child finished").isTrue();
        return new Child(p.exitValue(), out.join(), err.join());
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void assertOneMemoryLine(Child c, Path out) {
        assertThat(c.status()).as("status; stderr: %s", c.err()).isEqualTo(Occam.NO_MEMORY);
        List<String> lines = c.err().lines().toList();
        assertThat(lines).as("stderr").hasSize(1);
        assertThat(lines.get(0)).startsWith("occam: not enough memory: ").contains("OCCAM_JAVA_OPTS=-Xmx")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void theEstimateRefusesDataLargerThanTheHeapBeforeReadingIt() throws Exception {
        // 12 000 rows x 800 features: X is 73 MB as doubles, the file 19 MB
        Path data = csv("big.csv", 0, 12_000, 800);
        for (String command : new String[] {"fit", "path", "cv"}) {
            Path out = dir.resolve(command + ".out");
            Child c = occam(command, "--data", data, "--target", "y", "--out", out);
            assertOneMemoryLine(c, out);
            // the estimate: rows and features close to the truth, and the need at least X
            assertThat(c.err()).contains("about 12,000 rows x 800 features").contains("X alone is 73.2 MB").contains("limited to");
        }
        Path model = dir.resolve("net.json");
        Child train = occam("train", "--data", data, "--target", "y", "--loss", "mse", "--layers", "none", "--optimizer", "sgd",
                "--lr", "0.01", "--epochs", "1", "--batch-size", "32", "--seed", "1", "--out", model);
        assertOneMemoryLine(train, model);
    }

    @Test
    void sparseDataAreEstimatedByTheirStoredEntries() throws Exception {
        // 60 000 LibSVM lines of 40 entries: 2.4 million entries, 27.5 MB as the reader stores them (12 bytes each)
        Path data = dir.resolve("big.svm");
        try (BufferedWriter w = Files.newBufferedWriter(data, StandardCharsets.US_ASCII)) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < 60_000; i++) {
                line.setLength(0);
                line.append(i % 3);
                for (int k = 0; k < 40; k++) line.append(' ').append(1 + 12 * k + i % 12).append(":1");
                w.write(line.append('\n').toString());
            }
        }
        Path out = dir.resolve("path.csv");
        Child c = occamWithHeap("24m", "path", "--data", data, "--out", out);
        assertOneMemoryLine(c, out);
        // rows from the mean line length of the first MiB (lines differ a little in length), features from the largest index seen
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("about ([0-9,]+) rows x 480 features").matcher(c.err());
        assertThat(m.find()).as(c.err()).isTrue();
        assertThat(Long.parseLong(m.group(1).replace(",", ""))).isBetween(59_000L, 61_000L);
        assertThat(c.err()).containsPattern("X alone is 27\\.[345] MB");
    }

        @Test
    void idxImagesAreEstimatedFromTheirHeader() throws Exception {
        // 20 000 images of 28 x 28 unsigned bytes: 15 MB on disk, 60 MB as floats
        Path images = dir.resolve("train-images-idx3-ubyte");
        Path labels = dir.resolve("train-labels-idx1-ubyte");
        java.nio.ByteBuffer h = java.nio.ByteBuffer.allocate(16).putInt(0x00000803).putInt(20_000).putInt(28).putInt(28);
        Files.write(images, h.array());
        Files.write(images, new byte[20_000 * 28 * 28], java.nio.file.StandardOpenOption.APPEND);
        java.nio.ByteBuffer l = java.nio.ByteBuffer.allocate(8).putInt(0x00000801).putInt(20_000);
        Files.write(labels, l.array());
        Files.write(labels, new byte[20_000], java.nio.file.StandardOpenOption.APPEND);
        Path model = dir.resolve("net.json");
        Child c = occam("train", "--data", images, "--format", "idx", "--layers", "none", "--optimizer", "sgd", "--lr", "0.01",
                "--epochs", "1", "--batch-size", "32", "--seed", "1", "--out", model);
        assertOneMemoryLine(c, model);
        assertThat(c.err()).contains("holds 20,000 images of 784 pixels").contains("the images as floats are 59.8 MB");
    }

        @Test
    void anOutOfMemoryErrorAfterAFooledEstimateIsTheSameKindOfLine() throws Exception {
        // the first MiB holds very long lines, so the estimate sees few rows; the rest are short
        Path data = csv("tricky.csv", 20, 40_000, 300);
        Path out = dir.resolve("model.json");
        Child c = occam("fit", "--data", data, "--target", "y", "--lambda", "0.1", "--out", out);
        assertOneMemoryLine(c, out);
        assertThat(c.err()).contains("ran out");
    }
}

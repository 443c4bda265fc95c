package dev.occam.bench.read;

import dev.occam.data.CsvReader;
import dev.occam.data.Dataset;
import dev.occam.data.ReadOptions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse speed of {@link CsvReader} on a numeric file of n rows × p features + a target, cells
 * printed with 9 decimals (≈ 12 bytes, as a typical export): {@code plain} is the file as written
 * (the parallel byte reader), {@code quoted} the same file with its header's first name in quotes,
 * which sends the whole file through FastCSV and {@code Double.parseDouble} (the reader before the
 * parallel one). MB/s = the file's size (printed at set-up) / the time per read.
 *
 * <p>Run on 1 processor as well ({@code -jvmArgsAppend -XX:ActiveProcessorCount=1}) to separate the
 * parser's speed from the chunks' parallelism.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx3g", "--add-modules", "jdk.incubator.vector"})
public class CsvReadBench {
    @Param({"20000"})
    int n;

    @Param({"100"})
    int p;

    Path plain;
    Path quoted;

    @Setup(Level.Trial)
    public void write() throws IOException {
        Path dir = Files.createTempDirectory("occam-read-bench");
        plain = dir.resolve("plain.csv");
        quoted = dir.resolve("quoted.csv");
        write(plain, false);
        write(quoted, true);
        System.out.printf(Locale.ROOT, "%nfile: %d rows x %d features, %.1f MB%n", n, p, Files.size(plain) / 1e6);
    }

    private void write(Path file, boolean quoteHeader) throws IOException {
        SplittableRandom r = new SplittableRandom(1);
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (int j = 0; j < p; j++) w.write((j == 0 && quoteHeader ? "\"x1\"" : "x" + (j + 1)) + ",");
            w.write("y\n");
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < n; i++) {
                s.setLength(0);
                for (int j = 0; j <= p; j++) {
                    if (j > 0) s.append(',');
                    s.append(String.format(Locale.ROOT, "%.9f", (r.nextDouble() - 0.5) * 4));
                }
                w.write(s.append('\n').toString());
            }
        }
    }

    @TearDown(Level.Trial)
    public void delete() {
        try {
            Files.deleteIfExists(plain);
            Files.deleteIfExists(quoted);
            Files.deleteIfExists(plain.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    public Dataset plain() throws IOException {
        return CsvReader.read(plain, ReadOptions.numeric("y"));
    }

    @Benchmark
    public Dataset quoted() throws IOException {
        return CsvReader.read(quoted, ReadOptions.numeric("y"));
    }
}

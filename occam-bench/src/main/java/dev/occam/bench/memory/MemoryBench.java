package dev.occam.bench.memory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Peak RSS of {@code occam} commands on CSVs of a few sizes, beside the formula of docs/memory.md.
 *
 * <p>Usage: {@code MemoryBench JAR WORKDIR [commands=path,cv,train,predict] [n×p ...]} (default sizes 20000x50 100000x100 20000x1000
 * 5000x2000). Each command runs as its own process, {@code java -Xmx<heap> -XX:+UseParallelGC
 * -jar JAR …} as bin/occam starts it, with a heap large enough not to be the limit; a run on 100
 * rows gives the JVM's own baseline. Each command then runs a second time with -Xmx at 1.5 × the
 * formula (what the not-enough-memory line suggests) to see whether that suffices. Prints a
 * markdown table: the formula's live bytes, the peak RSS at -Xmx8g, (peak − baseline)/formula, and
 * the outcome and peak RSS at the suggested heap.
 */
public final class MemoryBench {
    private static final String[] COMMANDS = {"path", "cv", "train", "predict"};
    private static final int FOLDS = 5;
    private static final int HIDDEN = 32;

    private MemoryBench() { }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path work = Files.createDirectories(Path.of(args[1]));
        List<long[]> sizes = new ArrayList<>();
        String[] commands = COMMANDS;
        for (int i = 2; i < args.length; i++) {
            if (args[i].startsWith("commands=")) {
                commands = args[i].substring("commands=".length()).split(",");
                continue;
            }
            String[] s = args[i].toLowerCase(Locale.ROOT).split("x");
            sizes.add(new long[] {Long.parseLong(s[0]), Long.parseLong(s[1])});
        }
        if (sizes.isEmpty()) {
            sizes = List.of(new long[] {200_000, 50}, new long[] {100_000, 100}, new long[] {20_000, 1000}, new long[] {5_000, 2000});
        }
        int processors = Runtime.getRuntime().availableProcessors();
        Path tiny = csv(work, 100, 10);
        long[] baseline = new long[commands.length];
        for (int c = 0; c < commands.length; c++) baseline[c] = run(jar, work, commands[c], tiny, "4g");
        StringBuilder base = new StringBuilder("JVM baseline (100 x 10):");
        for (int c = 0; c < commands.length; c++) base.append(' ').append(commands[c]).append(' ').append(mb(baseline[c]));
        System.out.println(base.append('\n'));
        System.out.println("| command | n | p | X (8np) | formula (live bytes) | peak RSS, -Xmx8g | (peak − baseline) / formula "
                + "| -Xmx = 1.5 × formula | peak RSS there |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (long[] np : sizes) {
            Path data = csv(work, np[0], np[1]);
            for (int c = 0; c < commands.length; c++) {
                String command = commands[c];
                long formula = MemoryFormula.bytes(command, np[0], np[1], FOLDS, processors, HIDDEN);
                long peak = run(jar, work, command, data, "8g");
                // the heap the error line suggests: does the command run within it, and with what RSS
                long suggestedMb = (long) Math.ceil(formula * 1.5 / (1 << 20));
                long tight = run(jar, work, command, data, suggestedMb + "m");
                System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %s | %s | %s | %.2f | %d MB: %s | %s |%n", command, np[0], np[1],
                        mb(8 * np[0] * np[1]), mb(formula), mb(peak), (peak - baseline[c]) / (double) formula, suggestedMb,
                        tight >= 0 ? "ran" : "failed", tight >= 0 ? mb(tight) : "-");
            }
            Files.deleteIfExists(data);
        }
    }

    /** Runs one command and returns its peak RSS; fails on a non-zero exit. */
    private static long run(Path jar, Path work, String command, Path data, String heap) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseParallelGC", "--add-modules", "jdk.incubator.vector", "-jar", jar.toString(), command,
                "--data", data.toString(), "--quiet"));
        Path model = work.resolve("model.json");
        switch (command) {
            case "path" -> cmd.addAll(List.of("--target", "y", "--out", work.resolve("PATH.csv").toString()));
            case "cv" -> cmd.addAll(List.of("--target", "y", "--folds", Integer.toString(FOLDS)));
            case "train" -> cmd.addAll(List.of("--target", "y", "--loss", "mse", "--layers", Integer.toString(HIDDEN), "--optimizer",
                    "adam", "--lr", "0.001", "--epochs", "1", "--batch-size", "256", "--seed", "1", "--out", work.resolve("net.json").toString()));
            case "predict" -> {
                // the model to predict with: a fit on the same data (not measured)
                List<String> fit = new ArrayList<>(cmd.subList(0, 7));
                fit.addAll(List.of("fit", "--data", data.toString(), "--target", "y", "--lambda", "0.1", "--quiet", "--out", model.toString()));
                Process f = new ProcessBuilder(fit).inheritIO().start();
                if (f.waitFor() != 0) throw new IllegalStateException("fit failed");
                cmd.addAll(List.of("--model", model.toString(), "--out", work.resolve("pred.csv").toString()));
            }
            default -> throw new IllegalArgumentException(command);
        }
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long peak = PeakRss.follow(p);
        if (p.exitValue() == 3) return -1; // not enough memory (the tight-heap run)
        if (p.exitValue() != 0) throw new IllegalStateException(command + " failed with status " + p.exitValue());
        return peak;
    }

    /** A seeded gaussian CSV: y = x1 − x2 + noise, 6 significant digits per cell. */
    static Path csv(Path dir, long n, long p) throws IOException {
        Path f = dir.resolve("data_" + n + "x" + p + ".csv");
        SplittableRandom r = new SplittableRandom(n * 31 + p);
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.US_ASCII, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
            StringBuilder s = new StringBuilder("y");
            for (long j = 1; j <= p; j++) s.append(",x").append(j);
            w.write(s.append('\n').toString());
            double[] x = new double[(int) p];
            for (long i = 0; i < n; i++) {
                s.setLength(0);
                for (int j = 0; j < p; j++) x[j] = Math.round(r.nextGaussian() * 1e5) / 1e5;
                s.append(Math.round((x[0] - (p > 1 ? x[1] : 0) + r.nextGaussian()) * 1e5) / 1e5);
                for (int j = 0; j < p; j++) s.append(',').append(x[j]);
                w.write(s.append('\n').toString());
            }
        }
        return f;
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MB", bytes / 1048576.0);
    }
}

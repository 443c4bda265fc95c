package dev.occam.bench;

import dev.occam.glm.Family;
import dev.occam.glm.GlmSettings;
import dev.occam.select.CrossValidation;
import dev.occam.select.CvResult;
import dev.occam.select.CvSettings;
import dev.occam.select.FoldLambdas;
import dev.occam.select.Folds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Times 10-fold cross-validation of the elastic-net path, the Occam side of
 * {@code occam-bench/scripts/cv/run_cv.sh}:
 * <pre>
 *   CrossValidation.elasticNet(data, GlmSettings.of(GAUSSIAN).withAlpha(α), Folds.given(foldIds), CvSettings.defaults())
 * </pre>
 * i.e. glmnet's defaults (100 λ from the data's λ_max down to 1e-4·λ_max, standardize, intercept,
 * tolerance 1e-7) and cv.glmnet's scheme (every fold on its own λ sequence, predicted at the full
 * data's λ by interpolation; mean squared error), the folds fitted in parallel on all available
 * processors (the JVM's {@code -XX:ActiveProcessorCount}). The timed call includes turning the fold
 * ids into {@link Folds}, the full-data path and the refit, as {@code cv.glmnet} does.
 *
 * <p>The first CV run (JIT compilation included) is reported as {@code first_seconds};
 * {@code seconds} is the best of the later runs; runs stop once their total passes {@code --budget}
 * seconds. Memory: resident size once the data are loaded, and the peak from then on
 * ({@link ProcessMemory}).
 *
 * <p>Usage: {@code CvBench --data DIR --folds FILE [--alpha A] [--runs R] [--budget S]
 * [--tolerance T] [--fold-lambdas own|full] [--curve-out FILE.csv] [--label NAME]}. Prints one
 * JSON line on standard output; writes the CV curve ({@code lambda,cvm,cvsd,nzero}, one row per λ,
 * 17 significant digits) to {@code --curve-out}, the format every tool of the benchmark writes.
 */
public final class CvBench {
    private CvBench() { }

    public static void main(String[] args) {
        Options o = BenchArgs.exitOnError("CvBench", () -> Options.parse(args));
        BenchData data = BenchData.load(o.data);
        if (data.family() != Family.GAUSSIAN) {
            System.err.println("CvBench: the CV benchmark is for gaussian data; " + o.data + " is " + data.family().id());
            System.exit(2);
        }
        int[] foldIds = BenchFiles.readInts(o.folds, data.dataset().rows());
        System.gc();
        long rssAfterLoad = ProcessMemory.residentKb();
        boolean peakReset = ProcessMemory.resetPeak();

        GlmSettings settings = GlmSettings.of(Family.GAUSSIAN).withAlpha(o.alpha);
        if (o.tolerance != null) settings = settings.withTolerance(o.tolerance);
        CvSettings cv = CvSettings.defaults().withFoldLambdas(o.foldLambdas);

        List<Double> times = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        CvResult result = null;
        double total = 0;
        for (int run = 0; run < o.runs && (run == 0 || total < o.budget); run++) {
            long c0 = processCpuNanos();
            long t0 = System.nanoTime();
            result = CrossValidation.elasticNet(data.dataset(), settings, Folds.given(foldIds), cv);
            double seconds = (System.nanoTime() - t0) / 1e9;
            times.add(seconds);
            cpu.add((processCpuNanos() - c0) / 1e9);
            total += seconds;
            System.err.printf(Locale.ROOT, "occam cv run %d: %.3f s%n", run + 1, seconds);
        }
        if (o.curveOut != null) writeCurve(result, o.curveOut);

        ObjectNode line = JsonMapper.shared().createObjectNode();
        line.put("tool", o.label);
        line.put("alpha", o.alpha);
        line.put("folds", result.folds());
        line.put("fold_lambdas", o.foldLambdas.name().toLowerCase(Locale.ROOT));
        line.put("tolerance", settings.tolerance());
        line.put("first_seconds", times.get(0));
        int best = times.size() > 1 ? 1 : 0;
        for (int k = best; k < times.size(); k++) if (times.get(k) < times.get(best)) best = k;
        line.put("seconds", times.get(best));
        line.put("cpu_seconds", cpu.get(best));
        ArrayNode all = line.putArray("runs");
        times.forEach(all::add);
        line.put("n_lambda", result.size());
        line.put("lambda_min", result.lambdaMin());
        line.put("lambda_1se", result.lambda1se());
        line.put("index_min", result.indexMin() + 1);
        line.put("index_1se", result.index1se() + 1);
        line.put("cvm_min", result.bestCvm());
        line.put("nzero_min", result.nzero()[result.indexMin()]);
        line.put("nzero_1se", result.nzero()[result.index1se()]);
        line.put("warnings", String.join("; ", result.warnings()));
        line.put("rss_after_load_mb", rssAfterLoad / 1024.0);
        line.put("peak_rss_mb", ProcessMemory.peakKb() / 1024.0);
        line.put("peak_reset", peakReset);
        line.put("threads", Runtime.getRuntime().availableProcessors());
        line.put("java", Runtime.version().toString());
        System.out.println(JsonMapper.shared().writeValueAsString(line));
    }

    /** The curve as {@code lambda,cvm,cvsd,nzero}, one row per λ, written atomically. */
    static void writeCurve(CvResult r, Path file) {
        StringBuilder sb = new StringBuilder("lambda,cvm,cvsd,nzero\n");
        for (int l = 0; l < r.size(); l++) {
            sb.append(String.format(Locale.ROOT, "%.17g,%.17g,%.17g,%d%n", r.lambdas()[l], r.cvm()[l], r.cvsd()[l], r.nzero()[l]));
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(tmp, sb);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** CPU time of the whole process (all threads, JIT and GC included), as R and Python report it. */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    /** Command-line options. */
    record Options(Path data, Path folds, double alpha, int runs, double budget, Double tolerance,
                   FoldLambdas foldLambdas, Path curveOut, String label) {
        static Options parse(String[] args) {
            BenchArgs a = BenchArgs.parse(args, java.util.Set.of("data", "folds", "alpha", "runs", "budget", "tolerance",
                    "fold-lambdas", "curve-out", "label"));
            int runs = a.integer("runs", 3);
            if (runs < 1) throw new IllegalArgumentException("--runs must be >= 1; got " + runs);
            String mode = a.text("fold-lambdas", "own");
            FoldLambdas foldLambdas = switch (mode) {
                case "own" -> FoldLambdas.OWN;
                case "full" -> FoldLambdas.FULL;
                default -> throw new IllegalArgumentException("--fold-lambdas must be own or full; got " + mode);
            };
            String tol = a.text("tolerance", null);
            return new Options(a.dataDirectory(), a.foldsFile(), a.number("alpha", 0.5), runs, a.number("budget", 120),
                    tol == null ? null : Double.valueOf(tol), foldLambdas, a.path("curve-out"), a.text("label", "occam"));
        }
    }
}

package dev.occam.bench;

import dev.occam.glm.ElasticNet;
import dev.occam.glm.GlmPath;
import dev.occam.glm.GlmSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Times {@link ElasticNet#path} on one benchmark task, the Occam side of {@code run.sh}.
 *
 * <p>The fit is the canonical objective with an unpenalized intercept and no standardization
 * (the dense data are already standardized, and the peers cannot standardize a sparse matrix
 * implicitly), on the λ sequence stored with the data. Only {@code ElasticNet.path} is timed, with
 * the data already in memory. The JVM compiles the solver while the first fit runs, so the first
 * fit is reported on its own ({@code first_seconds}) and {@code seconds} is the best of the later
 * fits; runs stop once their total passes {@code --budget} seconds (at least one run always).
 * Memory: resident size once the data are loaded, and the peak from then on (see
 * {@link ProcessMemory}).
 *
 * <p>The convergence rule is Occam's default, the certified one ({@code --convergence kkt}: every λ
 * ends when its KKT conditions hold to 1e-9 relative, with {@code --tolerance} where coordinate
 * descent starts), or glmnet's threshold rule ({@code --convergence thresh}: {@code --tolerance} is
 * the stopping threshold, as glmnet's {@code thresh}), which the benchmark uses to show what the
 * certificate costs.
 *
 * <p>Usage: {@code PathBench --data DIR --task NAME --alpha A --tolerance T --runs R
 * [--convergence kkt|thresh] [--kkt-tolerance K] [--budget S] [--coef-out FILE] [--trace FILE]}. Prints one JSON
 * line on standard output; writes the path as float64 little-endian rows [b0, w_1 … w_p], one per λ, to
 * {@code --coef-out}, and per λ its non-zero count, passes and KKT violation as CSV to {@code --trace}.
 */
public final class PathBench {
    private PathBench() { }

    public static void main(String[] args) throws Exception {
        Options o = BenchArgs.exitOnError("PathBench", () -> Options.parse(args));
        BenchData data = BenchData.load(o.data);
        double[] lambdas = data.lambdas(o.alpha);
        System.gc();
        long rssAfterLoad = ProcessMemory.residentKb();
        boolean peakReset = ProcessMemory.resetPeak();
        GlmSettings settings = GlmSettings.of(data.family()).withAlpha(o.alpha).withLambdas(lambdas)
                .withStandardize(false).withIntercept(true).withTolerance(o.tolerance).withConvergence(o.convergence);
        if (!Double.isNaN(o.kktTolerance)) settings = settings.withKktTolerance(o.kktTolerance);

        List<Double> times = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        GlmPath path = null;
        double total = 0;
        for (int run = 0; run < o.runs && (run == 0 || total < o.budget); run++) {
            long c0 = processCpuNanos();
            long t0 = System.nanoTime();
            path = ElasticNet.path(data.dataset(), settings);
            double seconds = (System.nanoTime() - t0) / 1e9;
            times.add(seconds);
            cpu.add((processCpuNanos() - c0) / 1e9);
            total += seconds;
            System.err.printf(Locale.ROOT, "occam %s run %d: %.3f s%n", o.task, run + 1, seconds);
        }
        if (o.coefOut != null) writeCoefficients(path, o.coefOut);
        if (o.trace != null) writeTrace(path, o.trace);

        ObjectNode line = JsonMapper.shared().createObjectNode();
        line.put("tool", "occam");
        line.put("task", o.task);
        line.put("tolerance", o.tolerance);
        line.put("convergence", o.convergence.id());
        line.put("kkt_tolerance", settings.kktTolerance());
        line.put("max_kkt_violation", path.maxKktViolation());
        line.put("first_seconds", times.get(0));
        int best = times.size() > 1 ? 1 : 0;
        for (int k = best; k < times.size(); k++) if (times.get(k) < times.get(best)) best = k;
        line.put("seconds", times.get(best));
        line.put("cpu_seconds", cpu.get(best));
        ArrayNode all = line.putArray("runs");
        times.forEach(all::add);
        line.put("lambdas", path.size());
        line.put("complete", path.size() == lambdas.length);
        long passes = 0;
        for (long ps : path.passes()) passes += ps;
        line.put("passes", passes);
        line.put("converged", path.allConverged());
        line.put("warnings", String.join("; ", path.warnings()));
        line.put("rss_after_load_mb", rssAfterLoad / 1024.0);
        line.put("peak_rss_mb", ProcessMemory.peakKb() / 1024.0);
        line.put("peak_reset", peakReset);
        line.put("blas", blasName());
        line.put("simd", dev.occam.linalg.Simd.describe());
        line.put("threads", Runtime.getRuntime().availableProcessors());
        System.out.println(JsonMapper.shared().writeValueAsString(line));
    }

    /** Rows [b0, w_1 … w_p] per λ, float64 little-endian (the format every tool writes). */
    static void writeCoefficients(GlmPath path, Path file) {
        int p = path.featureNames().size();
        double[] rows = new double[path.size() * (p + 1)];
        for (int l = 0; l < path.size(); l++) {
            rows[l * (p + 1)] = path.intercepts()[l][0];
            System.arraycopy(path.coefficients()[l][0], 0, rows, l * (p + 1) + 1, p);
        }
        BenchFiles.writeDoubles(file, rows);
    }

    /** One line per λ: index, λ, non-zero coefficients, passes, relative KKT violation (where a path's time goes). */
    static void writeTrace(GlmPath path, Path file) throws java.io.IOException {
        StringBuilder sb = new StringBuilder("index,lambda,df,passes,kkt\n");
        for (int l = 0; l < path.size(); l++) {
            sb.append(String.format(Locale.ROOT, "%d,%.6g,%d,%d,%.3g%n", l, path.lambdas()[l], path.df()[l],
                    path.passes()[l], path.kktViolation()[l]));
        }
        java.nio.file.Files.writeString(file, sb);
    }

    /** CPU time of the whole process (all threads, JIT and GC included), as R and Python report it. */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    private static String blasName() {
        return dev.occam.linalg.NativeBlas.blas().getClass().getSimpleName();
    }

    /** Command-line options. */
    record Options(Path data, String task, double alpha, double tolerance, int runs, double budget, Path coefOut,
                   GlmSettings.Convergence convergence, double kktTolerance, Path trace) {
        static Options parse(String[] args) {
            BenchArgs a = BenchArgs.parse(args, java.util.Set.of("data", "task", "alpha", "tolerance", "runs", "budget", "coef-out",
                    "convergence", "kkt-tolerance", "trace"));
            String rule = a.text("convergence", "kkt");
            GlmSettings.Convergence convergence = switch (rule) {
                case "kkt" -> GlmSettings.Convergence.KKT;
                case "thresh" -> GlmSettings.Convergence.THRESH;
                default -> throw new IllegalArgumentException("--convergence must be kkt or thresh; got " + rule);
            };
            Path data = a.dataDirectory();
            int runs = a.integer("runs", 3);
            if (runs < 1) throw new IllegalArgumentException("--runs must be >= 1; got " + runs);
            return new Options(data, a.text("task", data.getFileName().toString()), a.number("alpha", 1),
                    a.number("tolerance", 1e-7), runs, a.number("budget", 120), a.path("coef-out"), convergence,
                    a.number("kkt-tolerance", Double.NaN), a.path("trace"));
        }
    }
}

package dev.occam.bench;

import dev.occam.glm.Family;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the benchmark data sets once, seeded, in the layout of {@link BenchFiles}.
 *
 * <p>Dense data sets (a, b, c): features follow an AR(1) process across columns with correlation
 * ρ, and every column is then centred and scaled to unit variance (1/n formula). A gaussian
 * response is y = Xβ + ε with the noise chosen for the requested R², then centred and scaled to
 * unit variance. So ȳ = 0, σ_y = 1 and every column has mean 0 and variance 1: the intercept of
 * every fit is 0, glmnet's internal standardization of y changes nothing (it matters for α < 1),
 * and standardize on or off gives the same objective — all tools fit exactly the same problem.
 * Binomial labels are drawn from P(y = 1) = 1/(1 + e^−Xβ).
 *
 * <p>The sparse data set (d) has exactly round(density·n) non-zeros per column at distinct
 * uniformly drawn rows, with values uniform in [0.5, 1.5) (positive like counts, so the columns
 * are not centred and the solvers' implicit centring is exercised).
 *
 * <p>Usage: {@code DataGenerator OUT_DIR [--force] [a b c d]} — a data set whose
 * {@code meta.json} exists is skipped unless {@code --force}.
 */
public final class DataGenerator {
    private DataGenerator() { }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: DataGenerator OUT_DIR [--force] [a b c d]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        boolean force = false;
        List<DatasetSpec> specs = new ArrayList<>();
        for (int k = 1; k < args.length; k++) {
            if (args[k].equals("--force")) {
                force = true;
            } else {
                try {
                    specs.add(DatasetSpec.byName(args[k]));
                } catch (IllegalArgumentException e) {
                    System.err.println("DataGenerator: " + e.getMessage());
                    System.exit(2);
                }
            }
        }
        if (specs.isEmpty()) specs.addAll(Arrays.asList(DatasetSpec.all()));
        for (DatasetSpec spec : specs) {
            Path dir = out.resolve(spec.name());
            if (!force && Files.exists(dir.resolve("meta.json"))) {
                System.err.println("data set " + spec.name() + ": present, kept (" + dir + ")");
                continue;
            }
            long t0 = System.nanoTime();
            generate(spec, dir);
            System.err.printf(Locale.ROOT, "data set %s: written to %s in %.1f s%n", spec.name(), dir, (System.nanoTime() - t0) / 1e9);
        }
    }

    /** Generates one data set into {@code dir}; meta.json is written last. */
    static void generate(DatasetSpec spec, Path dir) {
        GaussianSampler rng = new GaussianSampler(new java.util.SplittableRandom(spec.seed()));
        int n = spec.n();
        int p = spec.p();
        ObjectNode meta = JsonMapper.shared().createObjectNode();
        meta.put("name", spec.name());
        meta.put("family", spec.family().id());
        meta.put("n", n);
        meta.put("p", p);
        meta.put("seed", spec.seed());
        meta.put("true_nonzeros", spec.trueNonzeros());
        // Remove a stale meta first so an interrupted run never leaves a complete-looking directory.
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(dir.resolve("meta.json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot prepare " + dir, e);
        }

        int[] support = distinctSorted(rng, spec.trueNonzeros(), p);
        double[] beta = new double[p];
        for (int j : support) {
            double sign = rng.uniform() < 0.5 ? -1 : 1;
            beta[j] = spec.sparse() ? sign * spec.signal() : sign * (0.5 + rng.uniform());
        }

        double[] eta = new double[n];
        double[] gradient;   // Σ_i x_ij (y_i − ȳ)/n, for λ_max
        double[] y;
        if (spec.sparse()) {
            int perColumn = (int) Math.round(spec.density() * n);
            int[] colPtr = new int[p + 1];
            int[] rowIndex = new int[perColumn * p];
            double[] values = new double[perColumn * p];
            for (int j = 0; j < p; j++) {
                int[] rows = distinctSorted(rng, perColumn, n);
                int base = j * perColumn;
                for (int k = 0; k < perColumn; k++) {
                    rowIndex[base + k] = rows[k];
                    values[base + k] = 0.5 + rng.uniform();
                    if (beta[j] != 0) eta[rows[k]] += beta[j] * values[base + k];
                }
                colPtr[j + 1] = base + perColumn;
            }
            y = binomialLabels(rng, eta);
            gradient = new double[p];
            double ybar = mean(y);
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int k = colPtr[j]; k < colPtr[j + 1]; k++) s += values[k] * (y[rowIndex[k]] - ybar);
                gradient[j] = s / n;
            }
            BenchFiles.writeInts(dir.resolve("colptr.i32"), colPtr);
            BenchFiles.writeInts(dir.resolve("rowind.i32"), rowIndex);
            BenchFiles.writeDoubles(dir.resolve("values.f64"), values);
            meta.put("kind", "sparse");
            meta.put("nnz", (long) colPtr[p]);
            meta.put("values", "uniform in [0.5, 1.5)");
        } else {
            double[] x = new double[Math.multiplyExact(n, p)];
            double[] raw = new double[n];
            double innovation = Math.sqrt(1 - spec.rho() * spec.rho());
            for (int j = 0; j < p; j++) {
                for (int i = 0; i < n; i++) {
                    double z = rng.next();
                    raw[i] = j == 0 ? z : spec.rho() * raw[i] + innovation * z;
                }
                double m = mean(raw);
                double sd = Math.sqrt(variance(raw, m));
                int off = j * n;
                for (int i = 0; i < n; i++) x[off + i] = (raw[i] - m) / sd;
            }
            for (int j : support) {
                for (int i = 0, off = j * n; i < n; i++) eta[i] += beta[j] * x[off + i];
            }
            double etaVar = variance(eta, mean(eta));
            if (spec.family() == Family.GAUSSIAN) {
                double noiseSd = Math.sqrt(etaVar * (1 - spec.signal()) / spec.signal());
                y = new double[n];
                for (int i = 0; i < n; i++) y[i] = eta[i] + noiseSd * rng.next();
                double m = mean(y);
                double sd = Math.sqrt(variance(y, m));
                for (int i = 0; i < n; i++) y[i] = (y[i] - m) / sd;
                for (int j : support) beta[j] /= sd;
                meta.put("noise_sd_before_scaling", noiseSd);
                meta.put("r2_population", spec.signal());
            } else {
                double scale = spec.signal() / Math.sqrt(etaVar);
                for (int i = 0; i < n; i++) eta[i] *= scale;
                for (int j : support) beta[j] *= scale;
                y = binomialLabels(rng, eta);
                meta.put("eta_sd", spec.signal());
            }
            gradient = new double[p];
            double ybar = mean(y);
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int i = 0, off = j * n; i < n; i++) s += x[off + i] * (y[i] - ybar);
                gradient[j] = s / n;
            }
            BenchFiles.writeDoubles(dir.resolve("X.f64"), x);
            meta.put("kind", "dense");
            meta.put("rho", spec.rho());
            meta.put("columns", "AR(1) across columns, each centred and scaled to variance 1 (1/n)");
        }
        BenchFiles.writeDoubles(dir.resolve("y.f64"), y);
        BenchFiles.writeDoubles(dir.resolve("beta.f64"), beta);

        double ratio = LambdaSequence.defaultMinRatio(n, p);
        ObjectNode lambdaMax = meta.putObject("lambda_max");
        for (double alpha : spec.alphas()) {
            double lmax = LambdaSequence.lambdaMax(gradient, alpha);
            BenchFiles.writeDoubles(dir.resolve(DatasetSpec.lambdaFile(alpha)),
                    LambdaSequence.logSpaced(lmax, ratio, DatasetSpec.NLAMBDA));
            lambdaMax.put(DatasetSpec.formatAlpha(alpha), lmax);
        }
        meta.put("y_mean", mean(y));
        meta.put("y_sd", Math.sqrt(variance(y, mean(y))));
        meta.put("nlambda", DatasetSpec.NLAMBDA);
        meta.put("lambda_min_ratio", ratio);
        ArrayNode alphas = meta.putArray("alphas");
        for (double a : spec.alphas()) alphas.add(a);
        BenchFiles.writeString(dir.resolve("meta.json"),
                JsonMapper.shared().writerWithDefaultPrettyPrinter().writeValueAsString(meta) + "\n");
    }

    private static double[] binomialLabels(GaussianSampler rng, double[] eta) {
        double[] y = new double[eta.length];
        for (int i = 0; i < eta.length; i++) {
            double prob = 1.0 / (1.0 + StrictMath.exp(-eta[i]));
            y[i] = rng.uniform() < prob ? 1.0 : 0.0;
        }
        return y;
    }

    /** count distinct integers drawn uniformly from [0, bound), sorted. */
    private static int[] distinctSorted(GaussianSampler rng, int count, int bound) {
        if (count > bound) throw new IllegalArgumentException("cannot draw " + count + " distinct values below " + bound);
        java.util.BitSet taken = new java.util.BitSet(bound);
        int[] out = new int[count];
        int k = 0;
        while (k < count) {
            int v = rng.random().nextInt(bound);
            if (!taken.get(v)) {
                taken.set(v);
                out[k++] = v;
            }
        }
        Arrays.sort(out);
        return out;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    /** Variance with the 1/n formula (two-pass, so a centred column has variance exactly as computed). */
    private static double variance(double[] v, double mean) {
        double s = 0;
        for (double x : v) s += (x - mean) * (x - mean);
        return s / v.length;
    }
}

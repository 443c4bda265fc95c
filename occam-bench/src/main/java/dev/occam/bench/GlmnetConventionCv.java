package dev.occam.bench;

import dev.occam.data.Dataset;
import dev.occam.data.DenseMatrix;
import dev.occam.glm.ElasticNet;
import dev.occam.glm.Family;
import dev.occam.glm.GaussianMoments;
import dev.occam.glm.GlmPath;
import dev.occam.glm.GlmSettings;
import dev.occam.glm.LinearModel;
import dev.occam.select.Folds;
import dev.occam.select.LambdaChoice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An agreement check of the CV benchmark, not a timed tool: cross-validation of the gaussian
 * elastic-net path under glmnet's convention of standardizing y inside every fit, built from Occam's
 * path solver, to show where Occam's {@code CrossValidation} and {@code cv.glmnet} differ and why.
 *
 * <p>For a gaussian fit glmnet divides y by its standard deviation s (1/n formula, over the rows
 * being fitted), fits at λ/s and multiplies the coefficients back by s. Its objective at λ is then
 * the canonical one with the L2 part λ(1−α)/s instead of λ(1−α) (see {@code ElasticNet}'s
 * javadoc). The benchmark's y has s = 1 over all rows, so the full-data paths agree; but the
 * training rows of a fold have s ≠ 1 (here within about 2e-3), so for α &lt; 1 every fold of
 * {@code cv.glmnet} fits a slightly different objective than Occam's canonical one. This class
 * does exactly what cv.glmnet does, with Occam's solver:
 * <ol>
 *   <li>the full-data path (its λ sequence is the curve's), fitted on y/s at λ/s;</li>
 *   <li>for each fold: the training rows' moments (the full data's minus the held-out rows', around
 *       the column means, as {@code CrossValidation} computes them), y divided by the training rows'
 *       s_f, the fold's own λ sequence on that scale, and the held-out rows predicted at the full λ
 *       values by linear interpolation in λ ({@code GlmPath.interpolate(λ/s_f)}, times s_f);</li>
 *   <li>mean squared error per fold and λ, the mean over folds weighted by fold size and glmnet's
 *       standard error, {@code lambda.min} and {@code lambda.1se} ({@link LambdaChoice}).</li>
 * </ol>
 * If this curve matches {@code cv.glmnet}'s to 1e-6 while Occam's canonical curve does not, the
 * difference is the y convention alone, not the solver or the CV scheme.
 *
 * <p>Usage: {@code GlmnetConventionCv --data DIR --folds FILE [--alpha A] [--tolerance T]
 * [--curve-out FILE.csv]}. Prints one JSON line; the curve file has the format of {@link CvBench}.
 */
public final class GlmnetConventionCv {
    private GlmnetConventionCv() { }

    public static void main(String[] args) {
        Options o = BenchArgs.exitOnError("GlmnetConventionCv", () -> Options.parse(args));
        Path dataDir = o.data();
        Path foldsFile = o.folds();
        double alpha = o.alpha();
        double tolerance = o.tolerance();
        Path curveOut = o.curveOut();
        BenchData bench = BenchData.load(dataDir);
        Dataset data = bench.dataset();
        Folds folds = Folds.given(BenchFiles.readInts(foldsFile, data.rows()));
        GlmSettings settings = GlmSettings.of(Family.GAUSSIAN).withAlpha(alpha).withTolerance(tolerance);

        long t0 = System.nanoTime();
        Curve curve = crossValidate(data, folds, settings);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (curveOut != null) writeCurve(curve, curveOut);

        int min = LambdaChoice.MIN.index(curve.lambdas, curve.cvm, curve.cvsd, false);
        int oneSe = LambdaChoice.ONE_SE.index(curve.lambdas, curve.cvm, curve.cvsd, false);
        ObjectNode line = JsonMapper.shared().createObjectNode();
        line.put("tool", "occam-glmnet-y");
        line.put("alpha", alpha);
        line.put("folds", folds.k());
        line.put("fold_lambdas", "own");
        line.put("tolerance", tolerance);
        line.put("untimed_seconds", seconds);
        line.put("n_lambda", curve.lambdas.length);
        line.put("lambda_min", curve.lambdas[min]);
        line.put("lambda_1se", curve.lambdas[oneSe]);
        line.put("index_min", min + 1);
        line.put("index_1se", oneSe + 1);
        line.put("cvm_min", curve.cvm[min]);
        line.put("nzero_min", curve.nzero[min]);
        line.put("nzero_1se", curve.nzero[oneSe]);
        line.put("fold_y_sd", Arrays.toString(curve.foldSd));
        System.out.println(JsonMapper.shared().writeValueAsString(line));
    }

    /** The CV curve: λ of the full path, mean and standard error of the MSE, non-zeros of the full fit. */
    record Curve(double[] lambdas, double[] cvm, double[] cvsd, int[] nzero, double[] foldSd) { }

    static Curve crossValidate(Dataset data, Folds folds, GlmSettings settings) {
        int n = data.rows();
        int p = data.cols();
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0 / n);
        double[] shift = new double[p];
        for (int j = 0; j < p; j++) shift[j] = data.x().dotColumn(j, ones);
        GaussianMoments all = GaussianMoments.of(data.x(), data.y(), null, null, shift);

        Scaled full = fitStandardizedY(all, data, settings);
        // the full path's λ on y's own scale, as glmnet reports them
        double[] lambdas = full.path.lambdas();
        for (int l = 0; l < lambdas.length; l++) lambdas[l] *= full.sd;
        int k = folds.k();
        double[][] mse = new double[k][lambdas.length];
        double[] size = new double[k];
        double[] foldSd = new double[k];
        for (int f = 0; f < k; f++) {
            int[] test = folds.testRows(f);
            GaussianMoments train = all.minus(GaussianMoments.of(data.x(), data.y(), null, test, shift));
            Scaled fit = fitStandardizedY(train, data, settings);
            foldSd[f] = fit.sd;
            DenseMatrix xTest = rows((DenseMatrix) data.x(), test);
            size[f] = test.length;
            for (int l = 0; l < lambdas.length; l++) {
                LinearModel m = fit.path.interpolate(lambdas[l] / fit.sd);
                double[] eta = m.link(xTest)[0];
                double s = 0;
                for (int i = 0; i < test.length; i++) {
                    double r = data.y()[test[i]] - fit.sd * eta[i];
                    s += r * r;
                }
                mse[f][l] = s / test.length;
            }
        }
        double[] cvm = new double[lambdas.length];
        double[] cvsd = new double[lambdas.length];
        double total = Arrays.stream(size).sum();
        for (int l = 0; l < lambdas.length; l++) {
            double s = 0;
            for (int f = 0; f < k; f++) s += size[f] * mse[f][l];
            double mean = s / total;
            double v = 0;
            for (int f = 0; f < k; f++) v += size[f] * (mse[f][l] - mean) * (mse[f][l] - mean);
            cvm[l] = mean;
            cvsd[l] = Math.sqrt(v / total / (k - 1));
        }
        return new Curve(lambdas, cvm, cvsd, full.path.df(), foldSd);
    }

    /** A path fitted on y/s, with s the standard deviation of y over the moments' rows. */
    private record Scaled(GlmPath path, double sd) { }

    /**
     * glmnet's gaussian fit: y divided by s, the path fitted on that scale (its λ values are the
     * original scale's divided by s, its coefficients too); callers multiply back by {@code sd}.
     */
    private static Scaled fitStandardizedY(GaussianMoments m, Dataset data, GlmSettings settings) {
        double v = m.weightSum();
        double mean = m.sy() / v;
        double sd = Math.sqrt(m.syy() / v - mean * mean);
        double[] sxy = m.sxy().clone();
        for (int j = 0; j < sxy.length; j++) sxy[j] /= sd;
        GaussianMoments scaled = new GaussianMoments(m.n(), v, m.shift(), m.sx(), m.sxx(), m.sy() / sd, m.syy() / (sd * sd), sxy);
        GlmPath path = ElasticNet.path(scaled, data.featureNames(), settings);
        return new Scaled(path, sd);
    }

    private static DenseMatrix rows(DenseMatrix x, int[] rows) {
        int n = x.rows();
        int p = x.cols();
        double[] all = x.values();
        double[] out = new double[rows.length * p];
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < rows.length; i++) out[j * rows.length + i] = all[j * n + rows[i]];
        }
        return new DenseMatrix(rows.length, p, out);
    }

    private static void writeCurve(Curve c, Path file) {
        StringBuilder sb = new StringBuilder("lambda,cvm,cvsd,nzero\n");
        for (int l = 0; l < c.lambdas.length; l++) {
            sb.append(String.format(Locale.ROOT, "%.17g,%.17g,%.17g,%d%n", c.lambdas[l], c.cvm[l], c.cvsd[l], c.nzero[l]));
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

    /** Command-line options. */
    record Options(Path data, Path folds, double alpha, double tolerance, Path curveOut) {
        static Options parse(String[] args) {
            BenchArgs a = BenchArgs.parse(args, java.util.Set.of("data", "folds", "alpha", "tolerance", "curve-out"));
            return new Options(a.dataDirectory(), a.foldsFile(), a.number("alpha", 0.5), a.number("tolerance", 1e-7),
                    a.path("curve-out"));
        }
    }
}

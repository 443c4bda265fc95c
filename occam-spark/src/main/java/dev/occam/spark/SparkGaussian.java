package dev.occam.spark;

import dev.occam.glm.ElasticNet;
import dev.occam.glm.Family;
import dev.occam.glm.GaussianMoments;
import dev.occam.glm.GlmPath;
import dev.occam.glm.GlmSettings;
import dev.occam.glm.LinearModel;
import dev.occam.select.CvResult;
import dev.occam.select.CvSettings;
import dev.occam.select.CvStats;
import dev.occam.select.FoldLambdas;
import dev.occam.select.Measure;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Gaussian elastic-net paths on Spark in one pass over the data: a {@code treeReduce} of the
 * weighted sufficient statistics ({@link MomentSums}; per fold when there is a fold column), then
 * occam-core's covariance path ({@link ElasticNet#path(GaussianMoments, List, GlmSettings)}) on the
 * driver. Cross-validation fits fold f from the total minus fold f's statistics and scores its
 * held-out rows from their statistics alone (the squared error is a quadratic form in them), so
 * the whole cross-validated path also costs one pass.
 *
 * <p>Driver memory and time: one p × p matrix per fold, and occam-core's covariance updates
 * (O(p) per coordinate update): meant for p up to a few thousand.
 */
public final class SparkGaussian {
    private SparkGaussian() { }

    /** Tree depth of the reduction: enough that the driver receives a handful of p × p matrices. */
    static final int DEPTH = 2;

    /** The per-fold sums of the named columns: one Spark job, one pass. */
    static FoldedSums sums(Dataset<?> data, Columns cols, RowParser.Target target) {
        Dataset<Row> sel = cols.select(data);
        RowParser parser = new RowParser(cols, target);
        return Passes.run(() -> sel.javaRDD().mapPartitions((Iterator<Row> it) -> {
            FoldedSums s = new FoldedSums();
            int part = TaskContext.getPartitionId();
            RowParser.Where where = new RowParser.Where(part);
            while (it.hasNext()) {
                Row r = it.next();
                where.row++;
                s.add(parser.fold(r, where), parser.features(r, where), parser.label(r, where), parser.weight(r, where));
            }
            return List.of(s).iterator();
        }).treeReduce(FoldedSums::merge, DEPTH));
    }

    /** The moments of all rows (around their means) and the feature names: what a gaussian fit needs. */
    public record Moments(GaussianMoments moments, List<String> names) {
        /** The target's weighted standard deviation (1/n formula). */
        public double sdY() {
            double v = moments.weightSum();
            double mean = moments.sy() / v;
            return Math.sqrt(Math.max(moments.syy() / v - mean * mean, 0.0));
        }
    }

    /** One pass: the moments of the rows of {@code data}. */
    public static Moments moments(Dataset<?> data, Columns cols) {
        FoldedSums sums = sums(data, cols.withFold(null), RowParser.Target.REAL);
        MomentSums total = sums.total();
        if (total.cols() < 0) throw new OccamSparkException("the data have no rows");
        if (!(total.weightSum() > 0)) throw new OccamSparkException("the sample weights must not all be 0");
        return new Moments(total.toMoments(total.means()), cols.featureNames(data.schema(), total.cols()));
    }

    /** The whole gaussian path of {@code s} on the rows of {@code data} (one pass). */
    public static GlmPath path(Dataset<?> data, Columns cols, GlmSettings s) {
        requireGaussian(s);
        Moments m = moments(data, cols);
        return ElasticNet.path(m.moments(), m.names(), s);
    }

    /**
     * The path that ends exactly at {@code lambda}, as occam-core's {@code ElasticNet.fitAt} walks it
     * (driver only: the moments are already taken).
     */
    public static GlmPath pathTo(Moments m, GlmSettings s, double lambda) {
        requireGaussian(s);
        GlmSettings probe = s.withLambdas((double[]) null).withEarlyStop(false).withNlambda(1);
        double lambdaMax = ElasticNet.path(m.moments(), m.names(), probe).lambdas()[0];
        int n = m.moments().n();
        int p = m.moments().cols();
        double ratio = !Double.isNaN(s.lambdaMinRatio()) ? s.lambdaMinRatio() : (n < p ? 1e-2 : 1e-4);
        return ElasticNet.path(m.moments(), m.names(), s.withLambdas(ElasticNet.lambdasEndingAt(lambdaMax, ratio, s.nlambda(), lambda)));
    }

    /**
     * Cross-validates the gaussian path of {@code s} with the folds of {@code cols.fold()} (ids 1..K,
     * glmnet's {@code foldid}) in one pass: the same result as occam-core's
     * {@code CrossValidation.elasticNet} with {@code Folds.given} of the same ids.
     */
    public static CvResult cv(Dataset<?> data, Columns cols, GlmSettings s, CvSettings cv) {
        requireGaussian(s);
        if (cols.fold() == null) throw new OccamSparkException("cross-validation on Spark needs a fold column (fold ids 1..K)");
        FoldedSums sums = sums(data, cols, RowParser.Target.REAL);
        if (sums.k() == 0) throw new OccamSparkException("the data have no rows");
        return cv(sums, cols.featureNames(data.schema(), sums.fold(0).cols() < 0 ? sums.total().cols() : sums.fold(0).cols()), s, cv);
    }

    /** The cross-validation from per-fold sums (driver only). */
    static CvResult cv(FoldedSums sums, List<String> names, GlmSettings s, CvSettings cv) {
        Measure measure = cv.measure() != null ? cv.measure() : Measure.defaultFor(Family.GAUSSIAN);
        measure.checkFor(Family.GAUSSIAN);
        if (measure == Measure.MAE) {
            throw new OccamSparkException("measure mae needs every held-out row; on Spark use mse or deviance (one pass)");
        }
        int k = sums.k();
        long n = 0;
        for (int f = 0; f < k; f++) {
            if (sums.fold(f).rows() == 0) {
                throw new OccamSparkException("fold ids must use every value 1.." + k + " (K is the largest id); " + (f + 1) + " does not occur");
            }
            n += sums.fold(f).rows();
        }
        if (k < 3) throw new OccamSparkException("cross-validation needs at least 3 folds; got " + k);
        if (n < 3L * k) {
            throw new OccamSparkException("cross-validation needs at least 3 rows per fold on average; got " + n + " rows for " + k + " folds");
        }
        double[] lambdasGiven = s.lambdas();
        if (lambdasGiven != null && lambdasGiven.length < 2) {
            throw new OccamSparkException("cross-validation needs at least 2 lambda values; got " + lambdasGiven.length);
        }
        MomentSums total = sums.total();
        double[] shift = total.means();
        GaussianMoments full = total.toMoments(shift);
        GlmPath path = ElasticNet.path(full, names, s);
        double[] lambdas = path.lambdas();
        if (lambdas.length < 2) {
            throw new OccamSparkException("cross-validation needs a path of at least 2 lambda values; the full fit has "
                    + lambdas.length + " (raise nlambda)");
        }
        GlmSettings foldSettings = cv.foldLambdas() == FoldLambdas.FULL && s.lambdas() == null ? s.withLambdas(lambdas) : s;
        double[][] m = new double[k][];
        double[] weights = new double[k];
        List<String> warnings = new ArrayList<>(path.warnings());
        if (!path.allConverged() && path.warnings().isEmpty()) {
            warnings.add("the full-data path did not converge at every lambda; its coefficients are approximate");
        }
        for (int f = 0; f < k; f++) {
            GaussianMoments held = sums.fold(f).copy().toMoments(shift);
            GaussianMoments train = full.minus(held);
            if (!(train.weightSum() > 0)) {
                throw new OccamSparkException("the training rows of fold " + (f + 1) + " all have weight 0");
            }
            GlmPath fp;
            try {
                fp = ElasticNet.path(train, names, foldSettings);
            } catch (IllegalArgumentException e) {
                throw new OccamSparkException("fold " + (f + 1) + " of " + k + ": " + e.getMessage());
            }
            m[f] = new double[lambdas.length];
            for (int l = 0; l < lambdas.length; l++) m[f][l] = heldOutMse(held, fp.interpolate(lambdas[l]));
            weights[f] = held.weightSum();
            List<String> fw = new ArrayList<>(fp.warnings());
            if (!fp.allConverged() && fp.warnings().isEmpty()) fw.add("the path did not converge at every lambda");
            for (String w : fw) warnings.add("fold " + (f + 1) + ": " + w);
        }
        return result(s, measure, path, m, weights, warnings);
    }

    /** cv.glmnet's summary of per-fold measures, as occam-core's {@code CrossValidation} forms it. */
    static CvResult result(GlmSettings s, Measure measure, GlmPath path, double[][] m, double[] weights, List<String> warnings) {
        double[] lambdas = path.lambdas();
        double[][] stats = CvStats.combine(m, weights);
        double[] cvm = stats[0];
        double[] cvsd = stats[1];
        try {
            return CvResult.ofCurve(s.alpha(), measure, lambdas, cvm, cvsd, path.df().clone(), m, weights, path, warnings);
        } catch (IllegalArgumentException e) {
            throw new OccamSparkException(e.getMessage());
        }
    }

    /**
     * The weighted mean squared error of a model on the rows of {@code m}, from their moments:
     * with a = b0 + wᵀc, Σv(y − a − wᵀ(x − c))² = Syy − 2a·Sy − 2wᵀSxy + a²V + 2a·wᵀSx + wᵀSxx·w.
     */
    static double heldOutMse(GaussianMoments m, LinearModel model) {
        double[] w = model.coefficients()[0];
        double[] c = m.shift();
        int p = w.length;
        double a = model.intercepts()[0];
        for (int j = 0; j < p; j++) a += w[j] * c[j];
        double wSxy = 0;
        double wSx = 0;
        double quad = 0;
        for (int k = 0; k < p; k++) {
            if (w[k] == 0) continue;
            wSxy += w[k] * m.sxy()[k];
            wSx += w[k] * m.sx()[k];
            double[] col = m.sxx()[k];
            double s = 0;
            for (int j = 0; j < p; j++) s += col[j] * w[j];
            quad += w[k] * s;
        }
        double sse = m.syy() - 2 * a * m.sy() - 2 * wSxy + a * a * m.weightSum() + 2 * a * wSx + quad;
        return Math.max(sse, 0.0) / m.weightSum();
    }

    private static void requireGaussian(GlmSettings s) {
        if (s.family() != Family.GAUSSIAN) {
            throw new OccamSparkException("SparkGaussian fits the gaussian family; got " + s.family().id() + " (use SparkIrls)");
        }
    }
}

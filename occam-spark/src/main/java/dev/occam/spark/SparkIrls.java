package dev.occam.spark;

import dev.occam.glm.Family;
import dev.occam.glm.GaussianMoments;
import dev.occam.glm.GlmPath;
import dev.occam.glm.GlmSettings;
import dev.occam.penalty.PenaltyFactors;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Binomial and poisson elastic-net paths on Spark by distributed IRLS: each pass over the data
 * ({@code treeReduce} of {@link IrlsSums}) gives, at the current coefficients, the deviance, the
 * exact negative gradient and the Fisher information XᵀWX; the driver checks the KKT conditions
 * from that gradient and, if the λ is not yet certified, takes one Newton step by coordinate
 * descent on the quadratic ({@link QuadraticCd}). Warm starts run down the λ path, and the pass that
 * certifies one λ is the first quadratic of the next, so a λ costs as many passes as Newton steps
 * (often 1–3). Plus one pass for the standardization and one at the null model.
 *
 * <p>The λ grid, strong-rule-free KKT certificate (every feature, every λ, at occam-core's
 * {@code kktTolerance} relative to max(λ, 1e-6·G)), glmnet's early stop and the reported path are
 * those of occam-core's {@code ElasticNet.path}, so the two agree to the certificate's accuracy.
 *
 * <p>The driver holds one (p+1)² matrix: for p beyond a few thousand see the proximal-gradient
 * fallback described in docs/architecture.md.
 */
public final class SparkIrls {
    private SparkIrls() { }

    /** Newton steps per λ at most before the λ is reported unconverged. */
    static final int MAX_NEWTON = 50;

    /** The result and the number of passes it took. */
    public record Fit(GlmPath path, int passes) { }

    public static GlmPath path(Dataset<?> data, Columns cols, GlmSettings s) {
        return fit(data, cols, s).path();
    }

    /** The whole path of {@code s} (binomial or poisson) and its pass count. */
    public static Fit fit(Dataset<?> data, Columns cols, GlmSettings s) {
        return fit(data, cols, s, End.NONE);
    }

    /**
     * Where a path should end instead of the default grid's end: at Occam's λ, or at the λ and α
     * that MLlib's regParam and elasticNetParam mean ({@link MllibPenalty}; known after the first pass).
     *
     * @param lambda Occam's λ, or NaN
     * @param regParam MLlib's regParam, or NaN
     */
    public record End(double lambda, double regParam) {
        public static final End NONE = new End(Double.NaN, Double.NaN);

        boolean given() {
            return !Double.isNaN(lambda) || !Double.isNaN(regParam);
        }
    }

    /** The path of {@code s}, ending at {@code end} when given (then without glmnet's early stop). */
    public static Fit fit(Dataset<?> data, Columns cols, GlmSettings s, End end) {
        Family family = s.family();
        if (family != Family.BINOMIAL && family != Family.POISSON) {
            throw new OccamSparkException("distributed IRLS fits binomial and poisson; got " + family.id());
        }
        if (s.lowerLimits() != null || s.upperLimits() != null) {
            throw new OccamSparkException("coefficient limits are not supported on Spark yet");
        }
        Columns c = cols.withFold(null);
        RowParser.Target target = family == Family.BINOMIAL ? RowParser.Target.BINARY : RowParser.Target.COUNT;
        Dataset<Row> sel = c.select(data);
        boolean cache = data.storageLevel().equals(StorageLevel.NONE());
        if (cache) sel = sel.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            return run(sel, c, target, s, data.schema(), end);
        } finally {
            if (cache) sel.unpersist(false);
        }
    }

    private static Fit run(Dataset<Row> sel, Columns cols, RowParser.Target target, GlmSettings s,
                           org.apache.spark.sql.types.StructType schema, End end) {
        Family family = s.family();
        // pass 1: the standardization and the mean target
        MomentSums first = SparkGaussian.sums(sel, Columns.of(sel.columns()[0], sel.columns()[1])
                .withWeight(cols.weight() == null ? null : sel.columns()[2]), target).total();
        int p = first.cols();
        if (p < 0) throw new OccamSparkException("the data have no rows");
        if (!(first.weightSum() > 0)) throw new OccamSparkException("the sample weights must not all be 0");
        GaussianMoments m = first.toMoments(first.means());
        double vs = m.weightSum();
        double ybar = m.sy() / vs;
        if (family == Family.BINOMIAL && !(ybar > 0 && ybar < 1)) {
            throw new OccamSparkException("binomial needs both labels 0 and 1 (with positive weight); every row has " + (ybar >= 1 ? 1 : 0));
        }
        if (family == Family.POISSON && !(ybar > 0)) {
            throw new OccamSparkException("poisson needs a count above 0 in some row");
        }
        double endLambda = end.lambda();
        if (!Double.isNaN(end.regParam())) {
            double[] la = MllibPenalty.toOccam(family, end.regParam(), s.alpha(), s.standardize(), first.rows(), Double.NaN);
            endLambda = la[0];
            s = s.withAlpha(la[1]);
        }
        double[] centres = new double[p];
        double[] scales = new double[p];
        boolean[] excluded = new boolean[p];
        for (int j = 0; j < p; j++) {
            double mean = m.shift()[j];
            double var = Math.max(m.sxx()[j][j] / vs - Math.pow(m.sx()[j] / vs, 2), 0.0);
            excluded[j] = var <= 1e-24 * Math.max(1.0, mean * mean);
            centres[j] = s.intercept() ? mean : 0.0;
            scales[j] = s.standardize() && !excluded[j] ? Math.sqrt(var) : 1.0;
        }
        double[] vp = PenaltyFactors.rescaled(s.penaltyFactors(), p);
        Driver drv = new Driver(sel, cols, target, family, centres, scales, vs, s.intercept());

        double[] b0 = {s.intercept() ? (family == Family.BINOMIAL ? Math.log(ybar / (1 - ybar)) : Math.log(ybar)) : 0.0};
        double[] b = new double[p];
        Quadratic q = drv.at(b0[0], b);
        double nullDev = q.deviance();
        boolean[] free = new boolean[p];
        boolean anyUnpenalized = false;
        for (int j = 0; j < p; j++) {
            free[j] = !excluded[j];
            anyUnpenalized |= free[j] && vp[j] == 0;
        }
        if (anyUnpenalized) {
            // the null model holds the unpenalized features too (occam-core solves them at λ = ∞ first)
            boolean[] unpen = new boolean[p];
            for (int j = 0; j < p; j++) unpen[j] = free[j] && vp[j] == 0;
            for (int it = 0; it < MAX_NEWTON; it++) {
                double v = maxViolation(q, b, unpen, vp, s.alpha(), Double.MAX_VALUE, s.intercept());
                if (v <= 1e-12 * Math.max(1.0, Math.abs(q.g()[0]) + 1e-300)) break;
                QuadraticCd.solve(q, b0, b, unpen, vp, s.alpha(), Double.MAX_VALUE, s.intercept(), 1e-3 * 1e-12);
                q = drv.at(b0[0], b);
            }
        }
        double alphaEff = Math.max(s.alpha(), 1e-3);
        double lambdaMax = 0;
        for (int j = 0; j < p; j++) {
            if (!free[j] || vp[j] <= 0) continue;
            lambdaMax = Math.max(lambdaMax, Math.abs(q.g()[j + 1]) / vp[j]);
        }
        lambdaMax /= alphaEff;
        double[] lambdas = s.lambdas();
        boolean auto = lambdas == null;
        if (end.given()) {
            double ratio = !Double.isNaN(s.lambdaMinRatio()) ? s.lambdaMinRatio() : (first.rows() < p ? 1e-2 : 1e-4);
            lambdas = dev.occam.glm.ElasticNet.lambdasEndingAt(lambdaMax, ratio, s.nlambda(), endLambda);
            auto = false;
        } else if (auto) {
            if (!(lambdaMax > 0)) throw new OccamSparkException("cannot build a lambda path: every penalized feature has zero gradient at the null model");
            int nl = s.nlambda();
            double ratio = !Double.isNaN(s.lambdaMinRatio()) ? s.lambdaMinRatio() : (first.rows() < p ? 1e-2 : 1e-4);
            lambdas = new double[nl];
            lambdas[0] = lambdaMax;
            double factor = nl > 1 ? Math.pow(ratio, 1.0 / (nl - 1)) : 1;
            for (int l = 1; l < nl; l++) lambdas[l] = lambdas[l - 1] * factor;
        }
        int nl = lambdas.length;
        double[][] b0s = new double[nl][];
        double[][] bs = new double[nl][];
        double[] dev = new double[nl];
        long[] passes = new long[nl];
        boolean[] converged = new boolean[nl];
        double[] kkt = new double[nl];
        List<String> warnings = new ArrayList<>();
        int fitted = 0;
        for (int l = 0; l < nl; l++) {
            double lambda = lambdas[l];
            double scale = Math.max(lambda, 1e-6 * lambdaMax * alphaEff);
            if (!(scale > 0)) scale = Double.MIN_NORMAL;
            double goal = s.kktTolerance() * scale;
            int steps = 0;
            double v = maxViolation(q, b, free, vp, s.alpha(), lambda, s.intercept());
            while (v > goal && steps < MAX_NEWTON) {
                QuadraticCd.solve(q, b0, b, free, vp, s.alpha(), lambda, s.intercept(), 1e-3 * goal);
                q = drv.at(b0[0], b);
                steps++;
                v = maxViolation(q, b, free, vp, s.alpha(), lambda, s.intercept());
            }
            if (!Double.isFinite(q.deviance())) {
                throw new OccamSparkException("the " + family.id() + " fit diverged (non-finite fitted values) at lambda " + lambda);
            }
            kkt[l] = v / scale;
            converged[l] = v <= goal;
            if (!converged[l]) {
                warnings.add(String.format(Locale.ROOT, "the KKT conditions at lambda = %s (index %d) hold only to %.2e relative "
                        + "(tolerance %.1e) after %d Newton steps", lambda, l, kkt[l], s.kktTolerance(), steps));
            }
            passes[l] = steps;
            b0s[l] = b0.clone();
            bs[l] = b.clone();
            dev[l] = q.deviance();
            fitted = l + 1;
            if (stopEarly(family, s, auto, l, dev, nullDev, b)) break;
        }
        List<String> names = cols.featureNames(schema, p);
        GlmPath path = toPath(s, names, first, java.util.Arrays.copyOf(lambdas, fitted), b0s, bs, dev, nullDev, passes, converged,
                kkt, warnings, centres, scales, fitted, vs);
        return new Fit(path, drv.passes + 1);
    }

    /** occam-core's {@code KktCheck}: the largest violation over the free features and the intercept. */
    static double maxViolation(Quadratic q, double[] b, boolean[] free, double[] vp, double alpha, double lambda, boolean intercept) {
        double max = intercept ? Math.abs(q.g()[0]) : 0.0;
        for (int j = 0; j < b.length; j++) {
            if (!free[j]) continue;
            double g = q.g()[j + 1];
            if (lambda == Double.MAX_VALUE && vp[j] > 0) continue;
            double l1 = lambda * alpha * vp[j];
            double sres = g - lambda * (1 - alpha) * vp[j] * b[j];
            double v = b[j] == 0.0 ? Math.max(0.0, Math.abs(sres) - l1) : Math.abs(sres - l1 * Math.signum(b[j]));
            if (Double.isNaN(v)) return Double.NaN;
            max = Math.max(max, v);
        }
        return max;
    }

    /** glmnet's early stop, as occam-core's path loop applies it. */
    private static boolean stopEarly(Family family, GlmSettings s, boolean auto, int l, double[] dev, double nullDev, double[] b) {
        int df = 0;
        for (double v : b) if (v != 0) df++;
        if (df > s.dfmax()) return true;
        if (!auto || !s.earlyStop() || l + 1 < Math.min(5, s.nlambda())) return false;
        double ratio = 1 - dev[l] / nullDev;
        if (ratio > 0.999) return true;
        double change = ratio - (1 - dev[l - 1] / nullDev);
        return family == Family.POISSON ? l >= 4 && (ratio - (1 - dev[l - 4] / nullDev)) < 10 * 1e-5 * ratio : change < 1e-5;
    }

    private static GlmPath toPath(GlmSettings s, List<String> names, MomentSums first, double[] lambdas, double[][] b0s, double[][] bs,
                                  double[] dev, double nullDev, long[] passes, boolean[] converged, double[] kkt, List<String> warnings,
                                  double[] centres, double[] scales, int nl, double vs) {
        int p = centres.length;
        double[][] b0 = new double[nl][1];
        double[][][] w = new double[nl][1][p];
        int[] df = new int[nl];
        double[] devRatio = new double[nl];
        for (int l = 0; l < nl; l++) {
            double shift = 0;
            for (int j = 0; j < p; j++) {
                if (bs[l][j] != 0) {
                    w[l][0][j] = bs[l][j] / scales[j];
                    shift += w[l][0][j] * centres[j];
                    df[l]++;
                }
            }
            b0[l][0] = b0s[l][0] - shift;
            devRatio[l] = nullDev > 0 ? 1 - dev[l] / nullDev : 0.0;
        }
        List<String> classes = s.family() == Family.BINOMIAL ? List.of("0", "1") : null;
        int n = (int) Math.min(first.rows(), Integer.MAX_VALUE);
        return new GlmPath(s, names, classes, n, lambdas, b0, w, df, devRatio, nullDev * vs,
                java.util.Arrays.copyOf(passes, nl), java.util.Arrays.copyOf(converged, nl), warnings,
                java.util.Arrays.copyOf(kkt, nl));
    }

    /** Runs the passes: one Spark job per call of {@link #at}. */
    private static final class Driver {
        private final Dataset<Row> sel;
        private final RowParser parser;
        private final Family family;
        private final double[] centres;
        private final double[] scales;
        private final double weightSum;
        int passes;

        Driver(Dataset<Row> sel, Columns cols, RowParser.Target target, Family family, double[] centres, double[] scales,
               double weightSum, boolean intercept) {
            this.sel = sel;
            this.parser = new RowParser(new Columns(sel.columns()[0], sel.columns()[1],
                    cols.weight() == null ? null : sel.columns()[2], null), target);
            this.family = family;
            this.centres = centres;
            this.scales = scales;
            this.weightSum = weightSum;
        }

        /** One pass at standardized (b0, b): the quadratic model there. */
        Quadratic at(double b0, double[] b) {
            int p = b.length;
            double[] beta = new double[p];
            double a = b0;
            for (int j = 0; j < p; j++) {
                beta[j] = b[j] / scales[j];
                a -= beta[j] * centres[j];
            }
            IrlsPoint point = new IrlsPoint(family, a, beta, weightSum);
            RowParser rp = parser;
            IrlsSums sums = Passes.run(() -> sel.javaRDD().mapPartitions((Iterator<Row> it) -> {
                IrlsSums s = new IrlsSums();
                int part = TaskContext.getPartitionId();
                RowParser.Where where = new RowParser.Where(part);
                while (it.hasNext()) {
                    Row r = it.next();
                    where.row++;
                    point.add(s, rp.features(r, where), rp.label(r, where), rp.weight(r, where));
                }
                return List.of(s).iterator();
            }).treeReduce(IrlsSums::merge, SparkGaussian.DEPTH));
            passes++;
            if (sums.moments.cols() < 0) throw new OccamSparkException("the data have no rows");
            return Quadratic.of(sums, centres, scales);
        }
    }
}

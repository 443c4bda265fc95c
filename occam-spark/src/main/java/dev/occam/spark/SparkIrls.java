package dev.occam.spark;

import dev.occam.glm.Family;
import dev.occam.glm.GlmPath;
import dev.occam.glm.GlmSettings;
import dev.occam.penalty.PenaltyFactors;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Binomial and poisson elastic-net paths on Spark. The objective, in occam-core's canonical form:
 * <pre>   (1/Σv) Σ_i v_i ℓ(y_i, b0 + x_iᵀw) + λ Σ_j f_j [α|w_j| + (1−α)/2 w_j²]</pre>
 * ℓ the negative log-likelihood (deviance / 2), the penalty on the coefficients of features scaled
 * to unit variance (weighted, 1/n formula) when {@code standardize}, the intercept unpenalized,
 * the reported coefficients on the original scale.
 *
 * <p><b>Distributed IRLS</b> (p ≤ {@link IrlsOptions#maxGramFeatures()}): pass 1 gives the
 * standardization and, because every row has the same IRLS weight at the null model, the null
 * model's gradient, deviance and Fisher information too ({@link StartSums}). Each later pass
 * ({@code treeReduce} of {@link FisherPass}) gives, at up to {@link IrlsOptions#pointsPerPass()}
 * coefficient vectors at once, the deviance, the exact negative gradient and the Fisher information
 * XᵀWX (single precision per block, {@link BlockGram}; only at a λ's first iterates, later steps
 * reuse it: {@link Curvature}); on the driver each vector's λ is either certified by the KKT check
 * on its exact gradient or takes one Newton step by coordinate descent on its quadratic
 * ({@link QuadraticCd}). Several λ are in flight: when one
 * is certified, the next λ starts from the newest quadratic (the warm start of the path), so the
 * Newton steps of neighbouring λ share passes and the path costs about one pass per λ, not one per
 * Newton step (2–3 per λ).
 *
 * <p><b>Large p</b> (p &gt; {@code maxGramFeatures}): no matrix at all; the first pass gathers
 * means and variances only and each λ is solved by distributed proximal gradient
 * ({@link ProximalGradient}), O(p) memory and work per row, many more passes.
 *
 * <p>Either way the λ grid, the strong-rule-free KKT certificate (every feature, every λ, at
 * occam-core's {@code kktTolerance} relative to max(λ, 1e-6·G)), glmnet's early stop and the
 * reported path are those of occam-core's {@code ElasticNet.path}, so the two agree to the
 * certificate's accuracy.
 */
public final class SparkIrls {
    private SparkIrls() { }

    /** Newton steps per λ at most before the λ is reported unconverged. */
    static final int MAX_NEWTON = 50;

    /**
     * Largest condition estimate of the Fisher information at the null model (over the intercept and
     * the free features) for which it is formed in single precision blocks ({@link BlockGram});
     * above, in double for the whole path. The same bound as occam-core's NewtonSystem.
     */
    static final double MAX_SINGLE_CONDITION = 1e4;

    /**
     * The result, the number of passes over the data it took, and whether the large-p fallback
     * (distributed proximal gradient) computed it instead of IRLS.
     */
    public record Fit(GlmPath path, int passes, boolean proximalGradient) { }

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
        return fit(data, cols, s, end, IrlsOptions.defaults());
    }

    /** The path of {@code s}, ending at {@code end} when given, computed as {@code o} says. */
    public static Fit fit(Dataset<?> data, Columns cols, GlmSettings s, End end, IrlsOptions o) {
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
            return run(sel, c, target, s, data.schema(), end, o);
        } finally {
            if (cache) sel.unpersist(false);
        }
    }

    private static Fit run(Dataset<Row> sel, Columns cols, RowParser.Target target, GlmSettings s,
                           org.apache.spark.sql.types.StructType schema, End end, IrlsOptions o) {
        Family family = s.family();
        RowParser parser = new RowParser(new Columns(sel.columns()[0], sel.columns()[1],
                cols.weight() == null ? null : sel.columns()[2], null), target);
        // pass 1: the standardization, and (for IRLS) the Gram that is the Fisher information at the null model
        StartSums first = startPass(sel, parser, o.maxGramFeatures());
        int p = first.p;
        if (p < 0) throw new OccamSparkException("the data have no rows");
        if (!(first.v > 0)) throw new OccamSparkException("the sample weights must not all be 0");
        double vs = first.v;
        double ybar = first.sy / vs;
        if (family == Family.BINOMIAL && !(ybar > 0 && ybar < 1)) {
            throw new OccamSparkException("binomial needs both labels 0 and 1 (with positive weight); every row has " + (ybar >= 1 ? 1 : 0));
        }
        if (family == Family.POISSON && !(ybar > 0)) {
            throw new OccamSparkException("poisson needs a count above 0 in some row");
        }
        if (first.n > Integer.MAX_VALUE) {
            throw new OccamSparkException("occam-core counts rows in an int; got " + first.n + " rows");
        }
        double endLambda = end.lambda();
        if (!Double.isNaN(end.regParam())) {
            double[] la = MllibPenalty.toOccam(family, end.regParam(), s.alpha(), s.standardize(), first.n, Double.NaN);
            endLambda = la[0];
            s = s.withAlpha(la[1]);
        }
        double[] centres = new double[p];
        double[] scales = new double[p];
        boolean[] excluded = new boolean[p];
        for (int j = 0; j < p; j++) {
            double mean = first.mean(j);
            double var = first.variance(j);
            excluded[j] = var <= 1e-24 * Math.max(1.0, mean * mean);
            centres[j] = s.intercept() ? mean : 0.0;
            scales[j] = s.standardize() && !excluded[j] ? Math.sqrt(var) : 1.0;
        }
        double[] vp = PenaltyFactors.rescaled(s.penaltyFactors(), p);
        boolean[] free = new boolean[p];
        boolean anyUnpenalized = false;
        for (int j = 0; j < p; j++) {
            free[j] = !excluded[j];
            anyUnpenalized |= free[j] && vp[j] == 0;
        }
        Problem pr = new Problem(sel, parser, family, centres, scales, vs, s.intercept(), free, vp, s.alpha());

        // the null model (β = 0, intercept at the mean target) from the first pass: every row has the same
        // IRLS weight there, so its gradient, deviance and (with the Gram) Fisher information cost no pass
        double[] b0 = {s.intercept() ? (family == Family.BINOMIAL ? Math.log(ybar / (1 - ybar)) : Math.log(ybar)) : 0.0};
        double[] b = new double[p];
        double mu0 = family == Family.BINOMIAL ? 1 / (1 + Math.exp(-b0[0])) : Math.exp(b0[0]);
        double[] g = new double[p + 1];
        g[0] = ybar - mu0;
        for (int j = 0; j < p; j++) {
            g[j + 1] = (first.crossMean(j, centres[j]) - mu0 * (first.mean(j) - centres[j])) / scales[j];
        }
        double nullDeviance = family == Family.BINOMIAL
                ? 2 * (softplus(-b0[0]) + (1 - ybar) * b0[0])
                : 2 * (first.syLogY / vs - ybar * b0[0] - ybar + mu0);
        boolean irls = first.gram != null;
        Quadratic q = irls
                ? Quadratic.atConstantWeight(first.gram.toMoments(centres), IrlsPoint.variance(family, mu0), scales, g, nullDeviance)
                : new Quadratic(p + 1, null, g, nullDeviance);
        ProximalGradient prox = irls ? null : new ProximalGradient(pr, o.maxPassesPerLambda());
        // nearly collinear columns: float entries (relative error ~1e-7) cannot resolve the Fisher
        // information's small eigenvalues, and Newton steps would be wrong in exactly their directions
        if (irls) pr.doubleFisher = q.conditionEstimate(free, s.intercept()) > MAX_SINGLE_CONDITION;
        if (anyUnpenalized) {
            // the null model holds the unpenalized features too (occam-core solves them at λ = ∞ first)
            boolean[] unpen = new boolean[p];
            for (int j = 0; j < p; j++) unpen[j] = free[j] && vp[j] == 0;
            double goal = 1e-12;
            if (irls) {
                for (int it = 0; it < MAX_NEWTON; it++) {
                    double v = maxViolation(q.g(), b, unpen, vp, s.alpha(), Double.MAX_VALUE, s.intercept());
                    if (v <= goal) break;
                    QuadraticCd.solve(q, b0, b, unpen, vp, s.alpha(), Double.MAX_VALUE, s.intercept(), 1e-3 * goal, pr.doubleFisher);
                    // one point at a time: no pass to save, so a fresh Fisher information at every iterate
                    Curvature[] fresh = {it + 1 >= Curvature.DOUBLE_FROM ? Curvature.DOUBLE : Curvature.SINGLE};
                    q = pr.quadratics(List.<double[][]>of(new double[][] {b0.clone(), b.clone()}), fresh, new Quadratic[1])[0];
                }
            } else {
                ProximalGradient.Point at = prox.solve(new ProximalGradient.Point(b0[0], b, q.g(), q.deviance()), unpen,
                        Double.MAX_VALUE, goal);
                b0[0] = at.b0();
                System.arraycopy(at.b(), 0, b, 0, p);
                q = new Quadratic(p + 1, null, at.g(), at.deviance());
            }
        }
        // glmnet's null deviance is the intercept-only model's, before the unpenalized features are fitted
        double nullDev = nullDeviance;
        double alphaEff = Math.max(s.alpha(), 1e-3);
        double lambdaMax = 0;
        for (int j = 0; j < p; j++) {
            if (!free[j] || vp[j] <= 0) continue;
            lambdaMax = Math.max(lambdaMax, Math.abs(q.g()[j + 1]) / vp[j]);
        }
        lambdaMax /= alphaEff;
        double[] lambdas = s.lambdas();
        boolean auto = lambdas == null;
        double ratio = !Double.isNaN(s.lambdaMinRatio()) ? s.lambdaMinRatio() : (first.n < p ? 1e-2 : 1e-4);
        if (end.given()) {
            lambdas = dev.occam.glm.ElasticNet.lambdasEndingAt(lambdaMax, ratio, s.nlambda(), endLambda);
            auto = false;
        } else if (auto) {
            if (!(lambdaMax > 0)) throw new OccamSparkException("cannot build a lambda path: every penalized feature has zero gradient at the null model");
            int nl = s.nlambda();
            lambdas = new double[nl];
            lambdas[0] = lambdaMax;
            double factor = nl > 1 ? Math.pow(ratio, 1.0 / (nl - 1)) : 1;
            for (int l = 1; l < nl; l++) lambdas[l] = lambdas[l - 1] * factor;
        }
        double[] goals = new double[lambdas.length];
        for (int l = 0; l < lambdas.length; l++) {
            double scale = Math.max(lambdas[l], 1e-6 * lambdaMax * alphaEff);
            if (!(scale > 0)) scale = Double.MIN_NORMAL;
            goals[l] = s.kktTolerance() * scale;
        }
        Results res = new Results(family, s, auto, lambdas, goals, nullDev);
        if (irls) {
            newtonPath(pr, res, o.pointsAt(p), b0[0], b, q);
        } else {
            prox.path(new ProximalGradient.Point(b0[0], b, q.g(), q.deviance()), res);
        }
        int fitted = res.fitted();
        List<String> names = cols.featureNames(schema, p);
        GlmPath path = toPath(s, names, (int) first.n, java.util.Arrays.copyOf(lambdas, fitted), res, nullDev, centres, scales, fitted, vs);
        return new Fit(path, pr.passes + 1, !irls);
    }

    private static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    /** Pass 1: {@link StartSums} of every row. */
    private static StartSums startPass(Dataset<Row> sel, RowParser parser, int maxGram) {
        return Passes.run(() -> sel.javaRDD().mapPartitions((Iterator<Row> it) -> {
            StartSums s = new StartSums(maxGram);
            RowParser.Where where = new RowParser.Where(TaskContext.getPartitionId());
            while (it.hasNext()) {
                Row r = it.next();
                where.row++;
                s.add(parser.features(r, where), parser.label(r, where), parser.weight(r, where));
            }
            return List.of(s).iterator();
        }).treeReduce(StartSums::merge, SparkGaussian.DEPTH));
    }

    /** A λ whose Newton iterates are in flight. */
    private static final class Job {
        final int l;
        final double[] b0;
        final double[] b;
        /** The quadratic at (b0, b), or null until the next pass evaluates it. */
        Quadratic q;
        /** The quadratic whose Fisher information took the latest Newton step (reused by a chord step). */
        Quadratic curvature;
        int steps;

        Job(int l, double b0, double[] b) {
            this.l = l;
            this.b0 = new double[] {b0};
            this.b = b.clone();
        }
    }

    /**
     * Distributed IRLS down the path with up to {@code k} λ in flight: every pass evaluates the
     * quadratic at the current iterate of each λ in flight; on the driver each one is then either
     * certified by the KKT check (its gradient is exact at that iterate) or takes its Newton step,
     * and free places are filled by the next λ, whose first Newton step starts from the newest
     * quadratic of the smallest λ in flight (a warm start: the quadratic at the previous λ's
     * iterate is what IRLS at the next λ needs first). A λ still costs the Newton steps it needs,
     * but they overlap, so the path costs about one pass per λ. The answers are the certified
     * ones, as with one λ at a time; λ beyond glmnet's early stop are computed and dropped.
     */
    private static void newtonPath(Problem pr, Results res, int k, double b0, double[] b, Quadratic q) {
        int nl = res.lambdas.length;
        Job start = new Job(0, b0, b);
        start.q = q;
        List<Job> live = new ArrayList<>(List.of(start));
        int next = 1;
        while (true) {
            Job newest = live.get(live.size() - 1);
            double[] srcB0 = newest.b0.clone();
            double[] srcB = newest.b.clone();
            Quadratic src = newest.q;
            List<Job> open = new ArrayList<>();
            for (Job j : live) {
                double v = pr.violation(j.q.g(), j.b, res.lambdas[j.l]);
                // a non-finite fit is recorded too: it is an error only if the path reaches it before glmnet's
                // early stop (λ computed ahead of the stop must not fail a path that one λ at a time would finish)
                if (v <= res.goals[j.l] || j.steps >= MAX_NEWTON || !Double.isFinite(j.q.deviance())) {
                    res.record(j.l, j.b0[0], j.b, j.q.deviance(), v, j.steps);
                } else {
                    pr.newtonStep(j.q, j.b0, j.b, res.lambdas[j.l], res.goals[j.l]);
                    j.curvature = j.q;
                    j.q = null;
                    j.steps++;
                    open.add(j);
                }
            }
            if (res.stopped()) return;
            while (open.size() < k && next < nl) {
                Job j = new Job(next, srcB0[0], srcB);
                pr.newtonStep(src, j.b0, j.b, res.lambdas[next], res.goals[next]);
                j.curvature = src;
                j.steps = 1;
                open.add(j);
                next++;
            }
            if (open.isEmpty()) return;
            List<double[][]> points = new ArrayList<>();
            Curvature[] curvature = new Curvature[open.size()];
            Quadratic[] earlier = new Quadratic[open.size()];
            for (int i = 0; i < curvature.length; i++) {
                Job j = open.get(i);
                points.add(new double[][] {j.b0, j.b});
                curvature[i] = Curvature.atIterate(j.steps);
                earlier[i] = j.curvature;
            }
            Quadratic[] qs = pr.quadratics(points, curvature, earlier);
            for (int i = 0; i < open.size(); i++) open.get(i).q = qs[i];
            live = open;
        }
    }

    /** The path's answers as they are certified (in any order), with glmnet's stops applied in λ order. */
    static final class Results {
        final Family family;
        final GlmSettings s;
        final boolean auto;
        final double[] lambdas;
        final double[] goals;
        final double nullDev;
        final double[][] b0s;
        final double[][] bs;
        final double[] dev;
        final long[] passes;
        final boolean[] converged;
        final double[] kkt;
        final List<String> warnings = new ArrayList<>();
        /** λ 0..prefix−1 are recorded and were checked for the stops. */
        private int prefix;
        private boolean stopped;

        Results(Family family, GlmSettings s, boolean auto, double[] lambdas, double[] goals, double nullDev) {
            this.family = family;
            this.s = s;
            this.auto = auto;
            this.lambdas = lambdas;
            this.goals = goals;
            this.nullDev = nullDev;
            int nl = lambdas.length;
            b0s = new double[nl][];
            bs = new double[nl][];
            dev = new double[nl];
            passes = new long[nl];
            converged = new boolean[nl];
            kkt = new double[nl];
        }

        /** λ index l's answer, its largest KKT violation {@code v} and the steps (or passes) it took. */
        void record(int l, double b0, double[] b, double deviance, double v, int steps) {
            if (stopped || b0s[l] != null) return;
            double scale = goals[l] / s.kktTolerance();
            b0s[l] = new double[] {b0};
            bs[l] = b.clone();
            dev[l] = deviance;
            kkt[l] = v / scale;
            converged[l] = v <= goals[l];
            passes[l] = steps;
            while (!stopped && prefix < lambdas.length && b0s[prefix] != null) {
                int m = prefix++;
                if (!Double.isFinite(dev[m])) {
                    throw new OccamSparkException("the " + family.id() + " fit diverged (non-finite fitted values) at lambda " + lambdas[m]);
                }
                if (!converged[m]) {
                    warnings.add(String.format(Locale.ROOT, "the KKT conditions at lambda = %s (index %d) hold only to %.2e relative "
                            + "(tolerance %.1e) after %d steps", lambdas[m], m, kkt[m], s.kktTolerance(), passes[m]));
                }
                stopped = stopEarly(family, s, auto, m, dev, nullDev, bs[m]);
            }
        }

        boolean stopped() {
            return stopped || prefix == lambdas.length;
        }

        int fitted() {
            return prefix;
        }
    }

    /**
     * occam-core's {@code KktCheck}: the largest violation over the free features and the intercept,
     * from the negative gradient {@code grad} (intercept first) in standardized coordinates.
     */
    static double maxViolation(double[] grad, double[] b, boolean[] free, double[] vp, double alpha, double lambda, boolean intercept) {
        double max = intercept ? Math.abs(grad[0]) : 0.0;
        for (int j = 0; j < b.length; j++) {
            if (!free[j]) continue;
            double g = grad[j + 1];
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

    private static GlmPath toPath(GlmSettings s, List<String> names, int n, double[] lambdas, Results res, double nullDev,
                                  double[] centres, double[] scales, int nl, double vs) {
        int p = centres.length;
        double[][] b0 = new double[nl][1];
        double[][][] w = new double[nl][1][p];
        int[] df = new int[nl];
        double[] devRatio = new double[nl];
        for (int l = 0; l < nl; l++) {
            double shift = 0;
            for (int j = 0; j < p; j++) {
                if (res.bs[l][j] != 0) {
                    w[l][0][j] = res.bs[l][j] / scales[j];
                    shift += w[l][0][j] * centres[j];
                    df[l]++;
                }
            }
            b0[l][0] = res.b0s[l][0] - shift;
            devRatio[l] = nullDev > 0 ? 1 - res.dev[l] / nullDev : 0.0;
        }
        List<String> classes = s.family() == Family.BINOMIAL ? List.of("0", "1") : null;
        return new GlmPath(s, names, classes, n, lambdas, b0, w, df, devRatio, nullDev * vs,
                java.util.Arrays.copyOf(res.passes, nl), java.util.Arrays.copyOf(res.converged, nl), res.warnings,
                java.util.Arrays.copyOf(res.kkt, nl));
    }

    /** The standardized problem on the driver and its passes over the data (one Spark job each). */
    static final class Problem {
        private final Dataset<Row> sel;
        private final RowParser parser;
        final Family family;
        private final double[] centres;
        private final double[] scales;
        private final double weightSum;
        final boolean intercept;
        final boolean[] free;
        final double[] vp;
        final double alpha;
        int passes;

        Problem(Dataset<Row> sel, RowParser parser, Family family, double[] centres, double[] scales, double weightSum,
                boolean intercept, boolean[] free, double[] vp, double alpha) {
            this.sel = sel;
            this.parser = parser;
            this.family = family;
            this.centres = centres;
            this.scales = scales;
            this.weightSum = weightSum;
            this.intercept = intercept;
            this.free = free;
            this.vp = vp;
            this.alpha = alpha;
        }

        /**
         * Whether every Fisher information is formed in double precision: set when the one at the null
         * model is too ill-conditioned for single-precision blocks ({@link #MAX_SINGLE_CONDITION}).
         */
        boolean doubleFisher;

        int p() {
            return centres.length;
        }

        /** The largest KKT violation at standardized b with negative gradient g, over all free features. */
        double violation(double[] g, double[] b, double lambda) {
            return maxViolation(g, b, free, vp, alpha, lambda, intercept);
        }

        /** One Newton step at λ from (b0, b) with the quadratic q there, solved to the certificate's accuracy. */
        void newtonStep(Quadratic q, double[] b0, double[] b, double lambda, double goal) {
            QuadraticCd.solve(q, b0, b, free, vp, alpha, lambda, intercept, 1e-3 * goal, doubleFisher);
        }

        /** Standardized (b0, b) as the executors evaluate it: η = a + βᵀx on the original scale. */
        private IrlsPoint point(double b0, double[] b) {
            int p = b.length;
            double[] beta = new double[p];
            double a = b0;
            for (int j = 0; j < p; j++) {
                beta[j] = b[j] / scales[j];
                a -= beta[j] * centres[j];
            }
            return new IrlsPoint(family, a, beta, weightSum);
        }

        /**
         * One pass that sums what {@code add} takes from each row (x, label, weight) into the
         * accumulator {@code fresh} makes for each partition; the partitions' accumulators are
         * merged by {@code merge} in a tree.
         */
        private <S> S pass(FreshSums<S> fresh, RowAdder<S> add, Function2<S, S, S> merge) {
            RowParser rp = parser;
            S sums = Passes.run(() -> sel.javaRDD().mapPartitions((Iterator<Row> it) -> {
                S s = fresh.make();
                RowParser.Where where = new RowParser.Where(TaskContext.getPartitionId());
                while (it.hasNext()) {
                    Row r = it.next();
                    where.row++;
                    double[] x = rp.features(r, where);
                    double y = rp.label(r, where);
                    double v = rp.weight(r, where);
                    add.add(s, x, y, v);
                }
                return List.of(s).iterator();
            }).treeReduce(merge, SparkGaussian.DEPTH));
            passes++;
            return sums;
        }

        /**
         * One pass: the quadratic model at each point {b0 (length 1), b} (standardized), all
         * points sharing each buffered block of rows ({@link FisherPass}); {@code curvature[i]}
         * says which Fisher information point i gets: with {@link Curvature#NONE} its quadratic
         * takes the curvature of {@code earlier[i]} (a chord step) and only the gradient and
         * deviance are new.
         */
        Quadratic[] quadratics(List<double[][]> at, Curvature[] curvature, Quadratic[] earlier) {
            IrlsPoint[] pts = new IrlsPoint[at.size()];
            for (int i = 0; i < pts.length; i++) pts[i] = point(at.get(i)[0][0], at.get(i)[1]);
            for (int i = 0; i < pts.length; i++) {
                if (doubleFisher && curvature[i] == Curvature.SINGLE) curvature[i] = Curvature.DOUBLE;
            }
            double[] c = centres;
            FisherPass sums = pass(() -> new FisherPass(pts, curvature, c), FisherPass::add, FisherPass::merge);
            Quadratic[] q = new Quadratic[pts.length];
            for (int i = 0; i < q.length; i++) {
                q[i] = curvature[i] == Curvature.NONE
                        ? Quadratic.withCurvature(sums.sums[i], scales, earlier[i])
                        : Quadratic.of(sums.sums[i], scales);
            }
            return q;
        }

        /**
         * One pass: the negative gradient (intercept first, standardized coordinates) and the
         * deviance at each point {b0 (length 1), b}, without the Fisher information: O(p) per row
         * and point.
         */
        ProximalGradient.Point[] gradients(List<double[][]> at) {
            IrlsPoint[] pts = new IrlsPoint[at.size()];
            for (int i = 0; i < pts.length; i++) pts[i] = point(at.get(i)[0][0], at.get(i)[1]);
            double[] c = centres;
            int k = pts.length;
            GradientSums[] sums = pass(() -> {
                GradientSums[] s = new GradientSums[k];
                for (int i = 0; i < k; i++) s[i] = new GradientSums();
                return s;
            }, (s, x, y, v) -> {
                for (int i = 0; i < k; i++) pts[i].addGradient(s[i], x, c, y, v);
            }, SparkIrls::mergeAll);
            int p = p();
            ProximalGradient.Point[] out = new ProximalGradient.Point[sums.length];
            for (int i = 0; i < out.length; i++) {
                if (sums[i].srx == null) throw new OccamSparkException("the data have no rows");
                double[] g = new double[p + 1];
                g[0] = sums[i].sr;
                for (int j = 0; j < p; j++) g[j + 1] = sums[i].srx[j] / scales[j];
                out[i] = new ProximalGradient.Point(at.get(i)[0][0], at.get(i)[1].clone(), g, sums[i].deviance);
            }
            return out;
        }
    }

    /** One partition's sums, made on the executor (serializable: it travels there). */
    interface FreshSums<S> extends java.io.Serializable {
        S make();
    }

    /** Adds one row to a partition's sums (serializable: it travels to the executors). */
    interface RowAdder<S> extends java.io.Serializable {
        void add(S sums, double[] x, double y, double v);
    }

    private static GradientSums[] mergeAll(GradientSums[] a, GradientSums[] b) {
        for (int i = 0; i < a.length; i++) a[i].merge(b[i]);
        return a;
    }
}

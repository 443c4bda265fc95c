package dev.occam.select;

import dev.occam.data.Dataset;
import dev.occam.glm.ElasticNet;
import dev.occam.glm.GaussianMoments;
import dev.occam.glm.Family;
import dev.occam.glm.GlmPath;
import dev.occam.glm.GlmSettings;
import dev.occam.glm.LinearModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * K-fold cross-validation of the elastic-net path, glmnet's {@code cv.glmnet} scheme:
 * <ol>
 *   <li>fit the path on all rows: its λ sequence is the one the curve is reported on, and its
 *       points are the final models (the refit on all data);</li>
 *   <li>for each fold f, fit the path on the other rows — at its own λ sequence and predicted at the
 *       full λ values by interpolation (cv.glmnet's default, {@link FoldLambdas#OWN}), or at exactly the
 *       full λ sequence ({@link FoldLambdas#FULL}) — and predict the held-out rows at every λ;</li>
 *   <li>per λ, the {@link Measure} on each fold's held-out rows (a weighted mean over them with
 *       the sample weights, or the fold's AUC), then the mean over folds weighted by each fold's total
 *       sample weight and its standard error (see {@link CvResult});</li>
 *   <li>{@code lambda.min} and {@code lambda.1se} by {@link LambdaChoice}.</li>
 * </ol>
 * Each fit minimizes the canonical objective of {@link ElasticNet} on its rows. The full fit and the
 * folds run in parallel on a fixed pool of {@link CvSettings#threads()} threads; every fold is
 * computed independently and combined in fold order, so the result does not depend on the number
 * of threads. Each running fold holds a copy of its training rows.
 *
 * <p>glmnet's rules kept as errors: at least 3 folds; at least 3 rows per fold on average (where
 * glmnet would switch to ungrouped statistics); for AUC at least 10 rows per fold on average (where
 * glmnet would switch to the deviance); for class targets, at least 2 rows of every class in every
 * fold's training rows.
 */
public final class CrossValidation {
    private CrossValidation() { }

    /** Told after each fit (the full path or one fold) has finished; called by one thread at a time. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param done fits finished so far
         * @param total fits in all
         */
        void update(int done, int total);

        /** Tells nobody. */
        Progress NONE = (done, total) -> { };
    }

    /** Cross-validates the path of {@code settings} on {@code data} with the given folds. */
    public static CvResult elasticNet(Dataset data, GlmSettings settings, Folds folds, CvSettings cv) {
        return elasticNet(data, settings, folds, cv, Progress.NONE);
    }

    /** As {@link #elasticNet(Dataset, GlmSettings, Folds, CvSettings)}, telling {@code progress} after every fit. */
    public static CvResult elasticNet(Dataset data, GlmSettings settings, Folds folds, CvSettings cv, Progress progress) {
        return alphaGrid(data, settings, new double[] {settings.alpha()}, folds, cv, progress).results().get(0);
    }

    /**
     * Cross-validates one path per α in {@code alphas} (the other settings as in {@code settings})
     * with the same folds, and picks the α with the best mean CV measure at its {@code lambda.min}.
     */
    public static AlphaGrid alphaGrid(Dataset data, GlmSettings settings, double[] alphas, Folds folds, CvSettings cv,
                                      Progress progress) {
        if (alphas.length == 0) throw new IllegalArgumentException("at least one alpha must be given");
        GlmSettings[] perAlpha = new GlmSettings[alphas.length];
        for (int a = 0; a < alphas.length; a++) perAlpha[a] = settings.withAlpha(alphas[a]);
        Measure measure = measureOf(settings, cv);
        check(data, settings, folds, cv);

        int k = folds.k();
        Tracker tracker = new Tracker(alphas.length * (k + 1), progress);
        ExecutorService pool = Executors.newFixedThreadPool(cv.threadsFor(alphas.length * (k + 1)), daemonThreads());
        try {
            List<Run> runs = new ArrayList<>();
            for (GlmSettings s : perAlpha) runs.add(Run.start(data, s, folds, measure, cv.foldLambdas(), pool, tracker));
            List<CvResult> results = new ArrayList<>();
            for (Run r : runs) results.add(r.finish());
            return AlphaGrid.of(alphas, results);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Measure measureOf(GlmSettings settings, CvSettings cv) {
        return cv.measure() != null ? cv.measure() : Measure.defaultFor(settings.family());
    }

    /**
     * Checks everything that can be checked before any fit (the runs check it too): the folds against
     * the data, glmnet's rules listed above, the measure against the family, the sample weights.
     *
     * @throws IllegalArgumentException with a one-line message on the first problem
     */
    public static void check(Dataset data, GlmSettings settings, Folds folds, CvSettings cv) {
        Measure measure = measureOf(settings, cv);
        int n = data.rows();
        int k = folds.k();
        if (folds.n() != n) {
            throw new IllegalArgumentException("the folds cover " + folds.n() + " rows; the data have " + n);
        }
        if (k < 3) throw new IllegalArgumentException("cross-validation needs at least 3 folds; got " + k);
        if (n < 3L * k) {
            throw new IllegalArgumentException("cross-validation needs at least 3 rows per fold on average; got "
                    + n + " rows for " + k + " folds");
        }
        Family family = settings.family();
        measure.checkFor(family);
        if (measure == Measure.AUC && n < 10L * k) {
            throw new IllegalArgumentException("measure auc needs at least 10 rows per fold on average; got " + n
                    + " rows for " + k + " folds (use fewer folds or another measure)");
        }
        double[] lambdas = settings.lambdas();
        if (lambdas != null && lambdas.length < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 lambda values; got " + lambdas.length);
        }
        double[] w = data.weights();
        for (int f = 0; f < k; f++) {
            if (w != null) {
                double train = 0;
                for (int i = 0; i < n; i++) if (folds.foldOf(i) != f) train += w[i];
                if (!(train > 0)) {
                    throw new IllegalArgumentException("the training rows of fold " + (f + 1) + " all have weight 0");
                }
            }
        }
        if (family.hasClasses() && data.classes() != null && data.y() != null) {
            int classes = data.classes().size();
            int[][] count = new int[k][classes];
            int[] total = new int[classes];
            double[] y = data.y();
            for (int i = 0; i < n; i++) {
                count[folds.foldOf(i)][(int) y[i]]++;
                total[(int) y[i]]++;
            }
            for (int f = 0; f < k; f++) {
                for (int c = 0; c < classes; c++) {
                    int train = total[c] - count[f][c];
                    if (train < 2) {
                        throw new IllegalArgumentException("the training rows of fold " + (f + 1) + " hold " + train
                                + " row(s) of class \"" + data.classes().get(c) + "\"; every class needs at least 2"
                                + " (use stratified folds or fewer folds)");
                    }
                }
            }
        }
    }

    /** One cross-validation in flight: the full path and the folds' measures as futures. */
    private record Run(GlmSettings settings, Measure measure, Folds folds, CompletableFuture<GlmPath> full,
                       List<CompletableFuture<FoldOutcome>> outcomes) {

        static Run start(Dataset data, GlmSettings s, Folds folds, Measure measure, FoldLambdas mode,
                         ExecutorService pool, Tracker tracker) {
            FullMoments moments = new FullMoments(data);
            CompletableFuture<GlmPath> full = CompletableFuture.supplyAsync(() -> tracker.done(
                    moments.applies(data, s, data.rows()) ? ElasticNet.path(moments.get(), data.featureNames(), s)
                            : ElasticNet.path(data, s)), pool);
            List<CompletableFuture<FoldOutcome>> outcomes = new ArrayList<>();
            for (int f = 0; f < folds.k(); f++) {
                int fold = f;
                CompletableFuture<FoldOutcome> outcome;
                if (mode == FoldLambdas.FULL && s.lambdas() == null) {
                    // The fold's λ sequence is the full path's: wait for it, then fit.
                    outcome = full.thenApplyAsync(p -> {
                        GlmPath fp = tracker.done(fitFold(data, s.withLambdas(p.lambdas()), folds, fold, moments));
                        return evaluate(data, folds, fold, fp, p.lambdas(), s.family(), measure);
                    }, pool);
                } else {
                    CompletableFuture<GlmPath> fp = CompletableFuture.supplyAsync(
                            () -> tracker.done(fitFold(data, s, folds, fold, moments)), pool);
                    outcome = fp.thenCombineAsync(full,
                            (foldPath, p) -> evaluate(data, folds, fold, foldPath, p.lambdas(), s.family(), measure), pool);
                }
                outcomes.add(outcome);
            }
            return new Run(s, measure, folds, full, outcomes);
        }

        CvResult finish() {
            GlmPath path = join(full);
            double[] lambdas = path.lambdas();
            if (lambdas.length < 2) {
                throw new IllegalArgumentException("cross-validation needs a path of at least 2 lambda values; the full fit has "
                        + lambdas.length + " (raise nlambda)");
            }
            int k = folds.k();
            double[][] m = new double[k][];
            double[] weights = new double[k];
            List<String> warnings = new ArrayList<>(path.warnings());
            if (!path.allConverged() && path.warnings().isEmpty()) {
                warnings.add("the full-data path did not converge at every lambda; its coefficients are approximate");
            }
            for (int f = 0; f < k; f++) {
                FoldOutcome o = join(outcomes.get(f));
                m[f] = o.measures();
                weights[f] = o.weight();
                for (String w : o.warnings()) warnings.add("fold " + (f + 1) + ": " + w);
            }
            double[][] stats = CvStats.combine(m, weights);
            double[] cvm = stats[0];
            double[] cvsd = stats[1];
            return CvResult.ofCurve(settings.alpha(), measure, lambdas, cvm, cvsd, nonZero(path), m, weights, path, warnings);
        }
    }

    /**
     * The full data's gaussian moments, computed once by the first fold that needs them (around the
     * column means, so that subtracting a fold's held-out rows loses no accuracy).
     */
    private static final class FullMoments {
        private final Dataset data;
        private GaussianMoments value;

        FullMoments(Dataset data) {
            this.data = data;
        }

        /** Whether a fold of this many training rows is fitted by covariance updates from moments. */
        boolean applies(Dataset d, GlmSettings s, int trainRows) {
            return s.family() == Family.GAUSSIAN && ElasticNet.useCovariance(s, trainRows, d.cols());
        }

        synchronized GaussianMoments get() {
            if (value == null) {
                int p = data.cols();
                double[] shift = new double[p];
                double[] ones = new double[data.rows()];
                java.util.Arrays.fill(ones, 1.0 / data.rows());
                for (int j = 0; j < p; j++) shift[j] = data.x().dotColumn(j, ones);
                value = GaussianMoments.of(data.x(), data.y(), data.weights(), null, shift);
            }
            return value;
        }
    }

    /** What one fold contributes: its measure per λ, its held-out weight, its fit's warnings. */
    private record FoldOutcome(double[] measures, double weight, List<String> warnings) { }

    private static GlmPath fitFold(Dataset data, GlmSettings s, Folds folds, int fold, FullMoments moments) {
        try {
            int[] trainRows = folds.trainRows(fold);
            if (moments.applies(data, s, trainRows.length)) {
                // covariance updates need only the training rows' moments: the full data's minus the
                // held-out rows', instead of a cross-product over 9/10 of the data per fold
                GaussianMoments train = moments.get().minus(
                        GaussianMoments.of(data.x(), data.y(), data.weights(), folds.testRows(fold), moments.get().shift()));
                return ElasticNet.path(train, data.featureNames(), s);
            }
            return ElasticNet.path(Rows.subset(data, trainRows), s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fold " + (fold + 1) + " of " + folds.k() + ": " + e.getMessage(), e);
        }
    }

    /** The fold's measure at every full-data λ, predicting its held-out rows as glmnet's {@code predict(fit, s = lambda)}. */
    private static FoldOutcome evaluate(Dataset data, Folds folds, int fold, GlmPath foldPath, double[] lambdas,
                                        Family family, Measure measure) {
        Dataset test = Rows.subset(data, folds.testRows(fold));
        double[] y = test.y();
        double[] w = test.weights();
        double weight = 0;
        for (int i = 0; i < test.rows(); i++) weight += w == null ? 1.0 : w[i];
        double[] loss = new double[test.rows()];
        double[] out = new double[lambdas.length];
        LinearModel[] models = new LinearModel[lambdas.length];
        for (int l = 0; l < lambdas.length; l++) models[l] = foldPath.interpolate(lambdas[l]);
        double[][][] links = Links.all(test.x(), models);
        for (int l = 0; l < lambdas.length; l++) {
            out[l] = FoldLosses.value(family, measure, y, links[l], w, loss);
        }
        List<String> warnings = new ArrayList<>(foldPath.warnings());
        if (!foldPath.allConverged() && foldPath.warnings().isEmpty()) {
            warnings.add("the path did not converge at every lambda");
        }
        return new FoldOutcome(out, weight, warnings);
    }

    /**
     * Non-zero features per λ of the full path, as cv.glmnet's {@code nzero}: for multinomial the
     * median over classes of each class's count, rounded up (glmnet's ungrouped multinomial).
     */
    static int[] nonZero(GlmPath path) {
        int[] nz = new int[path.size()];
        for (int l = 0; l < path.size(); l++) {
            double[][] w = path.coefficients()[l];
            if (path.family() != Family.MULTINOMIAL) {
                nz[l] = path.df()[l];
                continue;
            }
            double[] counts = new double[w.length];
            for (int c = 0; c < w.length; c++) {
                for (double v : w[c]) if (v != 0) counts[c]++;
            }
            Arrays.sort(counts);
            int m = counts.length;
            double median = m % 2 == 1 ? counts[m / 2] : (counts[m / 2 - 1] + counts[m / 2]) / 2;
            nz[l] = (int) Math.ceil(median);
        }
        return nz;
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw e;
        }
    }

    /** Counts finished fits and tells the listener, one call at a time. */
    private static final class Tracker {
        private final int total;
        private final Progress progress;
        private int done;

        Tracker(int total, Progress progress) {
            this.total = total;
            this.progress = progress;
        }

        synchronized <T> T done(T result) {
            done++;
            progress.update(done, total);
            return result;
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "occam-cv-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}

package dev.occam.select;

/**
 * How cross-validation is run (which folds is a separate argument, {@link Folds}).
 *
 * @param measure what to average over held-out rows, or null for the family's default
 *                ({@link Measure#defaultFor})
 * @param foldLambdas at which λ values the folds are fitted (default {@link FoldLambdas#OWN}, cv.glmnet's)
 * @param threads number of folds fitted at the same time; 0 means one per available processor.
 *                The result does not depend on it.
 */
public record CvSettings(Measure measure, FoldLambdas foldLambdas, int threads) {

    public CvSettings {
        if (foldLambdas == null) throw new IllegalArgumentException("foldLambdas must be given");
        if (threads < 0) throw new IllegalArgumentException("threads must be >= 0 (0 = one per processor); got " + threads);
    }

    /** The family's default measure, cv.glmnet's fold λ values, one thread per processor. */
    public static CvSettings defaults() {
        return new CvSettings(null, FoldLambdas.OWN, 0);
    }

    public CvSettings withMeasure(Measure m) {
        return new CvSettings(m, foldLambdas, threads);
    }

    public CvSettings withFoldLambdas(FoldLambdas f) {
        return new CvSettings(measure, f, threads);
    }

    public CvSettings withThreads(int t) {
        return new CvSettings(measure, foldLambdas, t);
    }

    /** The number of threads to use for {@code tasks} independent tasks. */
    int threadsFor(int tasks) {
        int t = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        return Math.max(1, Math.min(t, tasks));
    }
}

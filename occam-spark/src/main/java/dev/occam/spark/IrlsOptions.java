package dev.occam.spark;

/**
 * How a binomial or poisson path is computed on Spark (what it computes is fixed by occam-core's
 * {@code GlmSettings}: the same objective and KKT certificate either way). Validated here, once.
 *
 * @param pointsPerPass how many coefficient vectors one pass of distributed IRLS evaluates (the
 *                      Fisher information, gradient and deviance at each): the iterates of up to
 *                      this many λ advance together, so the path needs about one pass per λ
 *                      instead of one per Newton step. Each costs up to p²/2 multiply-adds per row
 *                      (3p when the point reuses its λ's Fisher information: {@code Curvature})
 *                      and a (p+1)² matrix on the driver and in each task; the number actually used is
 *                      also capped so that these matrices stay under {@link #MATRIX_BUDGET_BYTES}
 *                      (but at least 1). Default {@value #DEFAULT_POINTS_PER_PASS}.
 * @param maxGramFeatures the largest p solved by IRLS, whose driver holds (p+1)² doubles per
 *                        point; above it the path runs by distributed proximal gradient (FISTA),
 *                        which needs O(p) memory and O(p) work per row but many more passes.
 *                        Default {@value #DEFAULT_MAX_GRAM_FEATURES} (a 134 MB matrix).
 * @param maxPassesPerLambda passes the proximal-gradient fallback may spend on one λ before it
 *                           reports that λ unconverged with a warning (IRLS stops after
 *                           {@code SparkIrls.MAX_NEWTON} Newton steps). Default {@value #DEFAULT_MAX_PASSES_PER_LAMBDA}.
 */
public record IrlsOptions(int pointsPerPass, int maxGramFeatures, int maxPassesPerLambda) {
    public static final int DEFAULT_POINTS_PER_PASS = 4;
    public static final int DEFAULT_MAX_GRAM_FEATURES = 4096;
    public static final int DEFAULT_MAX_PASSES_PER_LAMBDA = 1000;
    /** Bound on the bytes of the (p+1)² matrices one pass carries per task (and the driver keeps). */
    public static final long MATRIX_BUDGET_BYTES = 256L << 20;

    public IrlsOptions {
        if (pointsPerPass < 1) throw new IllegalArgumentException("pointsPerPass must be >= 1; got " + pointsPerPass);
        if (maxGramFeatures < 0) throw new IllegalArgumentException("maxGramFeatures must be >= 0; got " + maxGramFeatures);
        if (maxPassesPerLambda < 1) throw new IllegalArgumentException("maxPassesPerLambda must be >= 1; got " + maxPassesPerLambda);
    }

    public static IrlsOptions defaults() {
        return new IrlsOptions(DEFAULT_POINTS_PER_PASS, DEFAULT_MAX_GRAM_FEATURES, DEFAULT_MAX_PASSES_PER_LAMBDA);
    }

    public IrlsOptions withPointsPerPass(int k) {
        return new IrlsOptions(k, maxGramFeatures, maxPassesPerLambda);
    }

    public IrlsOptions withMaxGramFeatures(int p) {
        return new IrlsOptions(pointsPerPass, p, maxPassesPerLambda);
    }

    public IrlsOptions withMaxPassesPerLambda(int n) {
        return new IrlsOptions(pointsPerPass, maxGramFeatures, n);
    }

    /** Whether p features are solved by IRLS (else by the proximal-gradient fallback). */
    boolean irls(int p) {
        return p <= maxGramFeatures;
    }

    /** The points one IRLS pass evaluates at p features: {@code pointsPerPass} within the matrix budget. */
    int pointsAt(int p) {
        long bytes = 8L * (p + 1) * (p + 1);
        return (int) Math.max(1, Math.min(pointsPerPass, MATRIX_BUDGET_BYTES / bytes));
    }
}

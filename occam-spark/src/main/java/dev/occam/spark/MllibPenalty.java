package dev.occam.spark;

import dev.occam.glm.Family;

/**
 * Spark MLlib's penalty (regParam, elasticNetParam) as Occam's canonical (λ, α), so that
 * {@code OccamRegression.setRegParam} fits what MLlib's estimator would (see
 * {@code dev.occam.penalty.LibrarySpark} and CONVENTIONS.md for where the factors come from):
 * <ul>
 *   <li>{@code LinearRegression} (normal-equations solver): MLlib divides y by σ_y (1/n formula)
 *       before penalizing, so its L1 weight is regParam·α and its L2 weight regParam·(1−α)/σ_y on
 *       Occam's scale;</li>
 *   <li>{@code LogisticRegression}: with {@code standardization} MLlib scales features by the
 *       unbiased (n−1) standard deviation, c = √(n/(n−1)) times Occam's, so the L1 weight is
 *       regParam·α·c and the L2 weight regParam·(1−α)·c² (exact for unit weights).</li>
 * </ul>
 * Then λ = L1 + L2 and α = L1/λ. MLlib's poisson GLM takes only an L2 penalty and is not mapped.
 */
public final class MllibPenalty {
    private MllibPenalty() { }

    /**
     * @param n rows (for the n−1 standard deviations of LogisticRegression)
     * @param sdY the target's weighted standard deviation, 1/n formula (LinearRegression)
     * @return {λ, α}
     */
    public static double[] toOccam(Family family, double regParam, double elasticNetParam, boolean standardization, long n, double sdY) {
        if (!(regParam >= 0) || Double.isInfinite(regParam)) throw new OccamSparkException("regParam must be finite and >= 0; got " + regParam);
        double l1;
        double l2;
        switch (family) {
            case GAUSSIAN -> {
                if (!(sdY > 0)) throw new OccamSparkException("regParam needs a target that varies (MLlib divides by its standard deviation)");
                l1 = regParam * elasticNetParam;
                l2 = regParam * (1 - elasticNetParam) / sdY;
            }
            case BINOMIAL -> {
                double c2 = standardization && n > 1 ? n / (n - 1.0) : 1.0;
                l1 = regParam * elasticNetParam * Math.sqrt(c2);
                l2 = regParam * (1 - elasticNetParam) * c2;
            }
            default -> throw new OccamSparkException("regParam is MLlib's LinearRegression/LogisticRegression penalty; for "
                    + family.id() + " set lambda (Occam's λ) instead");
        }
        double lambda = l1 + l2;
        return new double[] {lambda, lambda == 0 ? elasticNetParam : l1 / lambda};
    }
}

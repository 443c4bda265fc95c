package dev.occam.penalty;

import java.util.Arrays;

/**
 * Per-feature penalty factors f_j ≥ 0 (0 = unpenalized), by glmnet's convention: the factors a
 * user gives are rescaled to sum to p, the number of features, so that λ keeps its meaning
 * whatever their overall size. Only their ratios matter.
 */
public final class PenaltyFactors {
    private PenaltyFactors() { }

    /**
     * The factors rescaled to sum to p; all 1 when {@code f} is null. {@code f} not modified.
     *
     * @throws IllegalArgumentException when the length is not p or every factor is 0
     */
    public static double[] rescaled(double[] f, int p) {
        double[] out = new double[p];
        if (f == null) {
            Arrays.fill(out, 1.0);
            return out;
        }
        if (f.length != p) {
            throw new IllegalArgumentException("penalty factors must have one value per feature (" + p + "); got " + f.length);
        }
        double sum = 0;
        for (double v : f) sum += v;
        if (!(sum > 0)) {
            throw new IllegalArgumentException("penalty factors must not all be 0 (use lambda = 0 for an unpenalized fit)");
        }
        for (int j = 0; j < p; j++) out[j] = f[j] * p / sum;
        return out;
    }
}

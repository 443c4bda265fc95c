package dev.occam.select;

/**
 * glmnet's {@code cvstats} for grouped measures: per λ, the mean over folds weighted by each fold's
 * total sample weight W_f, and its standard error
 * <pre>
 *   cvm_l  = Σ_f W_f m_fl / Σ_f W_f
 *   cvsd_l = sqrt( Σ_f W_f (m_fl − cvm_l)² / Σ_f W_f / (K − 1) )
 * </pre>
 * Folds whose measure is NaN at a λ are left out of both weighted means (R's {@code na.rm = TRUE});
 * K stays the number of folds.
 */
public final class CvStats {
    private CvStats() { }

    /** The mean and standard error per λ: {@code {cvm, cvsd}}. {@code m} is K × nλ; nothing is modified. */
    public static double[][] combine(double[][] m, double[] weights) {
        int k = m.length;
        int nl = m[0].length;
        double[] cvm = new double[nl];
        double[] cvsd = new double[nl];
        for (int l = 0; l < nl; l++) {
            double s = 0;
            double sw = 0;
            for (int f = 0; f < k; f++) {
                if (Double.isNaN(m[f][l])) continue;
                s += weights[f] * m[f][l];
                sw += weights[f];
            }
            double mean = s / sw;
            double v = 0;
            for (int f = 0; f < k; f++) {
                if (Double.isNaN(m[f][l])) continue;
                double d = m[f][l] - mean;
                v += weights[f] * d * d;
            }
            cvm[l] = mean;
            cvsd[l] = Math.sqrt(v / sw / (k - 1));
        }
        return new double[][] {cvm, cvsd};
    }
}

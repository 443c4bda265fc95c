package dev.occam.glm;

import dev.occam.data.DenseMatrix;
import dev.occam.data.DesignMatrix;
import dev.occam.data.SparseMatrix;
import dev.occam.data.Standardization;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the driver checks in the features before a fit, from the {@link Standardization} it has
 * computed anyway (so a good feature costs nothing more):
 * <ul>
 * <li>a value that is NaN or infinite (data built through the API; the readers already refuse such
 *     cells with file, line and column) is an error naming the feature and the row;</li>
 * <li>a feature whose spread is beyond double precision — its centred squares overflow (values
 *     near 1e+200 and above) or underflow (non-constant values all below about 1e-154) — is an
 *     error naming the feature and what to do, where it would otherwise be left out of the fit
 *     silently (an infinite or zero scale makes its standardized column 0);</li>
 * <li>constant features, which every fit leaves out with coefficient 0 (glmnet's rule), are named
 *     in a warning.</li>
 * </ul>
 */
final class FeatureChecks {
    private FeatureChecks() { }

    /**
     * @throws IllegalArgumentException with a one-line message for the first bad feature
     * @return warnings to attach to the result (constant features), possibly none
     */
    static List<String> check(DesignMatrix x, Standardization std, List<String> names) {
        List<String> constant = new ArrayList<>();
        for (int j = 0; j < x.cols(); j++) {
            double var = std.variances()[j];
            if (Double.isFinite(std.means()[j]) && Double.isFinite(var) && (var >= Double.MIN_NORMAL || std.constant()[j])) {
                if (std.constant()[j]) constant.add(names.get(j));
                continue;
            }
            int bad = firstNonFinite(x, j);
            String feature = "feature \"" + names.get(j) + "\"";
            if (bad >= 0) {
                throw new IllegalArgumentException(feature + " has " + x.get(bad, j) + " in row " + (bad + 1)
                        + ": every feature value must be a finite number");
            }
            double big = maxAbs(x, j);
            if (!Double.isFinite(var) || !Double.isFinite(std.means()[j])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s has values up to %.3g, too large to standardize in "
                        + "double precision (their squares overflow); divide it by a power of ten (e.g. 1e%d) and fit again",
                        feature, big, (int) Math.floor(Math.log10(big))));
            }
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s varies only by about %.3g, too little to standardize "
                    + "in double precision (its squared deviations underflow); multiply it by a power of ten (e.g. 1e%d) and fit again",
                    feature, Math.sqrt(var) > 0 ? Math.sqrt(var) : big, -(int) Math.floor(Math.log10(big))));
        }
        if (constant.isEmpty()) return List.of();
        String shown = String.join(", ", constant.subList(0, Math.min(5, constant.size())))
                + (constant.size() > 5 ? " and " + (constant.size() - 5) + " more" : "");
        return List.of(constant.size() + (constant.size() == 1 ? " feature is" : " features are") + " constant and left out of "
                + "the fit (coefficient 0): " + shown);
    }

    /** The first row whose value of feature j is NaN or infinite, or -1. */
    private static int firstNonFinite(DesignMatrix x, int j) {
        if (x instanceof DenseMatrix d) {
            double[] v = d.values();
            int n = d.rows();
            for (int i = 0; i < n; i++) if (!Double.isFinite(v[j * n + i])) return i;
            return -1;
        }
        SparseMatrix s = (SparseMatrix) x;
        for (int k = s.colPtr()[j]; k < s.colPtr()[j + 1]; k++) {
            if (!Double.isFinite(s.values()[k])) return s.rowIndex()[k];
        }
        return -1;
    }

    private static double maxAbs(DesignMatrix x, int j) {
        double m = 0;
        for (int i = 0; i < x.rows(); i++) m = Math.max(m, Math.abs(x.get(i, j)));
        return m;
    }
}

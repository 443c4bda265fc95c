package dev.occam.data;

/**
 * The implicit centring and scaling of X used by the solvers, by glmnet's rules: with weights u
 * normalized to sum to 1,
 * <pre>
 *   mean_j  = Σ_i u_i x_ij                        (used to centre only when there is an intercept)
 *   scale_j = sqrt(Σ_i u_i (x_ij − mean_j)²)      (the weighted 1/n standard deviation; 1 without standardize)
 * </pre>
 * The standardized feature is x̃_ij = (x_ij − centre_j)/scale_j with centre_j = mean_j when
 * there is an intercept and 0 otherwise. X itself is never modified or copied. The variance is
 * computed around the mean (two passes), so a large mean costs no accuracy.
 *
 * @param means mean_j per feature (whether or not it is used to centre)
 * @param centres centre_j per feature (0 without intercept)
 * @param scales scale_j per feature (1 without standardize)
 * @param variances the weighted 1/n variance of each feature
 * @param constant true where every value of the feature is the same (glmnet's test): such a
 *                 feature is left out of every fit (coefficient 0), with or without an intercept
 */
public record Standardization(double[] means, double[] centres, double[] scales, double[] variances, boolean[] constant) {
    /** Below this many stored entries one thread reads X faster than several. */
    private static final double PARALLEL_MIN_ENTRIES = 4e6;

    /**
     * Computes the centring and scaling of every column of X.
     *
     * @param x the design matrix (not modified)
     * @param u weights normalized to sum to 1 (not modified)
     * @param intercept centre the features
     * @param standardize scale the features to unit weighted variance
     */
    public static Standardization of(DesignMatrix x, double[] u, boolean intercept, boolean standardize) {
        int p = x.cols();
        double[] means = new double[p];
        double[] centres = new double[p];
        double[] scales = new double[p];
        double[] variances = new double[p];
        boolean[] constant = new boolean[p];
        // columns are independent: large dense matrices are read on all cores (two passes each)
        java.util.stream.IntStream columns = java.util.stream.IntStream.range(0, p);
        if ((double) x.storedEntries() >= PARALLEL_MIN_ENTRIES) columns = columns.parallel();
        columns.forEach(j -> {
            double mean = x.dotColumn(j, u);
            double var = centredSecondMoment(x, j, u, mean);
            means[j] = mean;
            variances[j] = var;
            constant[j] = allEqual(x, j);
            centres[j] = intercept ? mean : 0.0;
            scales[j] = standardize && !constant[j] && var > 0 ? Math.sqrt(var) : 1.0;
        });
        return new Standardization(means, centres, scales, variances, constant);
    }

    /** Σ_i u_i (x_ij − m)². */
    private static double centredSecondMoment(DesignMatrix x, int j, double[] u, double m) {
        if (x instanceof DenseMatrix d) {
            return dev.occam.linalg.CoordinateKernels.weightedSquaredDeviation(d.rows(), d.values(), j * d.rows(), u, m);
        }
        SparseMatrix s = (SparseMatrix) x;
        // stored entries contribute u(x − m)², implicit zeros u·m²: Σ_zeros u = 1 − Σ_stored u
        double stored = 0;
        double storedWeight = 0;
        int[] rows = s.rowIndex();
        double[] vals = s.values();
        for (int k = s.colPtr()[j]; k < s.colPtr()[j + 1]; k++) {
            double c = vals[k] - m;
            stored += u[rows[k]] * c * c;
            storedWeight += u[rows[k]];
        }
        return stored + Math.max(1.0 - storedWeight, 0.0) * m * m;
    }

    /** glmnet's test for a constant column: every value equals the first. */
    private static boolean allEqual(DesignMatrix x, int j) {
        int n = x.rows();
        if (n == 0) return true;
        if (x instanceof DenseMatrix d) {
            double[] v = d.values();
            int off = j * n;
            double first = v[off];
            for (int i = 1; i < n; i++) {
                if (v[off + i] != first) return false;
            }
            return true;
        }
        SparseMatrix s = (SparseMatrix) x;
        int start = s.colPtr()[j];
        int nnz = s.colPtr()[j + 1] - start;
        double[] vals = s.values();
        if (nnz < n) {
            // some implicit zeros: constant only if every stored value is 0 too
            for (int k = start; k < start + nnz; k++) {
                if (vals[k] != 0.0) return false;
            }
            return true;
        }
        for (int k = start + 1; k < start + nnz; k++) {
            if (vals[k] != vals[start]) return false;
        }
        return true;
    }

    /** Weights v normalized to sum to 1 (all 1/n when v is null). */
    public static double[] normalizedWeights(double[] v, int n) {
        double[] u = new double[n];
        if (v == null) {
            java.util.Arrays.fill(u, 1.0 / n);
            return u;
        }
        double total = 0;
        for (double w : v) total += w;
        for (int i = 0; i < n; i++) u[i] = v[i] / total;
        return u;
    }
}

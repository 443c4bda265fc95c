package dev.occam.glm;

import dev.occam.data.DenseMatrix;
import dev.occam.data.SparseMatrix;
import dev.occam.linalg.CoordinateKernels;

/**
 * The gradients the path loop needs outside the strong set — for the KKT check at λ and the
 * strong rule at the next λ — without recomputing every one of them at every λ.
 *
 * <p>A feature's gradient is g_j = x̃_jᵀr for the solver's weighted residual r, so by
 * Cauchy–Schwarz |g_j(r)| ≤ |g_j(r₀)| + ‖x̃_j‖₂·‖r − r₀‖₂ for any earlier residual r₀. After one
 * full pass at a reference residual r₀, a later check computes only the features whose bound
 * reaches their threshold; for the others the bound proves that they do not violate the KKT
 * conditions and are not strong, so the path is exactly the one of full passes (the strong set can
 * only be larger by features whose bound, not gradient, passes the strong rule). When more than
 * half the features need computing, a full pass sets a new reference. Solvers that keep every
 * gradient anyway, or have several residuals (multinomial), give no residual and get full passes.
 */
final class GradientBounds {
    private final Problem pr;
    private final PointSolver solver;
    /** ‖x̃_j‖₂, computed at the first bounded check. */
    private double[] norms;
    /** The residual of the last full pass (null before it). */
    private double[] reference;
    /** |g_j| at the reference residual. */
    private final double[] referenceScore;
    /** |g_j| computed at the last check, or its bound. */
    private final double[] score;
    private final boolean[] computed;
    private final int[] subset;

    GradientBounds(Problem pr, PointSolver solver) {
        this.pr = pr;
        this.solver = solver;
        this.referenceScore = new double[pr.p];
        this.score = new double[pr.p];
        this.computed = new boolean[pr.p];
        this.subset = new int[pr.p];
    }

    /**
     * Brings the scores of {@code which[0..count)} up to date at the solver's current solution:
     * exactly, or as a bound when the bound is below α f_j · level (then the feature neither
     * violates the KKT conditions at any λ ≥ level nor passes a strong-rule threshold ≥ α f_j level).
     */
    void refresh(int[] which, int count, double level) {
        double[] r = solver.residual();
        if (r == null || reference == null || !(level > 0)) {
            full(which, count, r);
            return;
        }
        if (norms == null) norms = columnNorms(pr);
        double d2 = 0;
        for (int i = 0; i < r.length; i++) {
            double t = r[i] - reference[i];
            d2 += t * t;
        }
        double delta = Math.sqrt(d2);
        int m = 0;
        for (int k = 0; k < count; k++) {
            int j = which[k];
            double bound = referenceScore[j] + norms[j] * delta;
            if (bound > pr.alpha * pr.vp[j] * level) {
                subset[m++] = j;
            } else {
                score[j] = bound;
                computed[j] = false;
            }
        }
        if (2 * m > count) {
            full(which, count, r);
            return;
        }
        solver.refreshGradients(subset, m);
        for (int k = 0; k < m; k++) {
            int j = subset[k];
            score[j] = solver.gradientScore(j);
            computed[j] = true;
        }
    }

    private void full(int[] which, int count, double[] r) {
        solver.refreshGradients(which, count);
        for (int k = 0; k < count; k++) {
            int j = which[k];
            score[j] = referenceScore[j] = solver.gradientScore(j);
            computed[j] = true;
        }
        reference = r == null ? null : r.clone();
    }

    /** |g_j| or an upper bound of it, for the strong rule and λ_max. */
    double score(int j) {
        return score[j];
    }

    /**
     * Whether feature j's gradient was computed at the last refresh (else only bounded, below
     * α f_j times that refresh's level).
     */
    boolean isComputed(int j) {
        return computed[j];
    }

    /** Whether feature j (refreshed at λ or above) violates the KKT conditions at λ. */
    boolean violates(int j, double lambda) {
        // a bounded feature's bound is below α f_j λ: it cannot violate
        return computed[j] && solver.violates(j, lambda);
    }

    /** ‖x̃_j‖₂ = sqrt(Σ_i (x_ij − c_j)²)/s_j for every feature. */
    static double[] columnNorms(Problem pr) {
        double[] norms = new double[pr.p];
        if (pr.x instanceof DenseMatrix d) {
            double[] ones = new double[pr.n];
            java.util.Arrays.fill(ones, 1.0);
            ParallelColumns.forEach(java.util.stream.IntStream.range(0, pr.p).toArray(), pr.p, pr.n, j ->
                    norms[j] = Math.sqrt(CoordinateKernels.weightedSquaredDeviation(pr.n, d.values(), j * pr.n, ones,
                            pr.centres[j])) / pr.scales[j]);
        } else {
            SparseMatrix s = (SparseMatrix) pr.x;
            int[] ptr = s.colPtr();
            double[] v = s.values();
            for (int j = 0; j < pr.p; j++) {
                double c = pr.centres[j];
                double q = 0;
                for (int k = ptr[j]; k < ptr[j + 1]; k++) q += (v[k] - c) * (v[k] - c);
                q += (pr.n - (ptr[j + 1] - ptr[j])) * c * c;
                norms[j] = Math.sqrt(q) / pr.scales[j];
            }
        }
        return norms;
    }
}

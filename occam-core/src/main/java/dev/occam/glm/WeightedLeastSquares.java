package dev.occam.glm;

import dev.occam.data.DenseMatrix;
import dev.occam.linalg.Blas1;
import dev.occam.linalg.CoordinateKernels;
import dev.occam.data.SparseMatrix;

import java.util.Arrays;

/**
 * Coordinate descent on one penalized weighted least-squares problem (the "point" layer):
 * <pre>   ½ Σ_i W_i (z_i − b0 − x̃_iᵀb)² + λ Σ_j f_j [α|b_j| + (1−α)/2 b_j²]</pre>
 * with x̃ the implicitly standardized features of a {@link Problem}. Gaussian fits use it once with
 * W = u and z = y; IRLS fits (binomial, poisson, each class of multinomial) once per Newton step.
 *
 * <p>The weighted residual W∘(z − η) is kept in place. For dense X a move of b_j updates it along
 * the centred column directly (one pass that also re-sums it). For sparse X it is stored as
 * {@code wr + o·W}: the constant part c_j/s_j of x̃_j only changes the scalar o, so an update
 * touches only the stored entries of column j and X stays sparse.
 *
 * <p>A feature's curvature Σ W x̃_j² is computed only when the feature can move (it is non-zero,
 * or its gradient exceeds the L1 threshold); most strong-set features never need it.
 */
final class WeightedLeastSquares {
    private final Problem pr;
    private final boolean dense;
    private final double[] xd;
    private final int n;
    /** Working weights W (owned by the caller, set by {@link #reset}). */
    private double[] w;
    private double sumW;
    /** Stored weighted residual; the true one is wr + o·W (o stays 0 for dense X). */
    final double[] wr;
    private double o;
    /** Σ_i wr_i. */
    private double sumWr;
    /** Per-column caches valid for the current W. */
    private final double[] colSumW;
    private final double[] xv;
    private final boolean[] hasSum;
    private final boolean[] hasCurvature;
    /** Scratch for the three sums of one column pass. */
    private final double[] moments = new double[3];

    WeightedLeastSquares(Problem pr) {
        this.pr = pr;
        this.n = pr.n;
        this.dense = pr.x instanceof DenseMatrix;
        this.xd = dense ? ((DenseMatrix) pr.x).values() : null;
        this.wr = new double[pr.n];
        this.colSumW = new double[pr.p];
        this.xv = new double[pr.p];
        this.hasSum = new boolean[pr.p];
        this.hasCurvature = new boolean[pr.p];
    }

    /**
     * Starts a new quadratic problem: weights W and weighted residual W∘(z − η) at the current
     * coefficients. {@code weights} is kept by reference (not modified); {@code weightedResidual} is copied.
     */
    void reset(double[] weights, double[] weightedResidual) {
        this.w = weights;
        double s = 0;
        for (double v : weights) s += v;
        this.sumW = s;
        System.arraycopy(weightedResidual, 0, wr, 0, n);
        double t = 0;
        for (double v : wr) t += v;
        this.sumWr = t;
        this.o = 0;
        Arrays.fill(hasSum, false);
        Arrays.fill(hasCurvature, false);
    }

    /** Σ W, the total working weight. */
    double sumWeights() {
        return sumW;
    }

    /** The true weighted residual W∘(z − η) at entry i. */
    double residual(int i) {
        return wr[i] + o * w[i];
    }

    /** Σ_i W_i x̃_ij², the curvature of coordinate j. */
    double curvature(int j) {
        if (!hasCurvature[j]) {
            if (dense) {
                gradientFillingCurvature(j, true);
            } else {
                storeCurvature(j, columnSum(j), pr.x.weightedSumOfSquares(j, w));
            }
        }
        return xv[j];
    }

    private double columnSum(int j) {
        if (!hasSum[j]) {
            colSumW[j] = pr.x.dotColumn(j, w);
            hasSum[j] = true;
        }
        return colSumW[j];
    }

    /** Σ_i x̃_ij · (true weighted residual)_i: the negative gradient of the quadratic in b_j. */
    double gradient(int j) {
        double c = pr.centres[j];
        if (dense) {
            double s = Blas1.dot(n, xd, j * n, wr, 0);
            return (s - c * sumWr) / pr.scales[j];
        }
        double dot = pr.x.dotColumn(j, wr);
        if (o == 0.0) return (dot - c * sumWr) / pr.scales[j];
        return (dot + o * columnSum(j) - c * (sumWr + o * sumW)) / pr.scales[j];
    }

    /** Applies a change d of coefficient j to the residual. */
    void move(int j, double d) {
        double a = d / pr.scales[j];
        double c = pr.centres[j];
        if (dense) {
            // no running sum in the pass (it would serialize it); the residual's sum moves by −a·Σ W (x_j − c_j), known from the column's cached sum
            CoordinateKernels.weightedShift(n, a, c, xd, j * n, w, wr);
            sumWr -= a * (columnSum(j) - c * sumW);
        } else {
            pr.x.axpyColumnWeighted(j, -a, w, wr);
            sumWr -= a * columnSum(j);
            o += a * c;
        }
    }

    /** The optimal change of the intercept given the coefficients, applied to the residual. */
    double moveIntercept() {
        double d = (sumWr + o * sumW) / sumW;
        if (dense) {
            Blas1.axpy(n, -d, w, 0, wr, 0);
            sumWr -= d * sumW;
        } else {
            o -= d;
        }
        return d;
    }

    /**
     * Coordinate descent at λ over the features in {@code strong}, updating b and b0 in place, on
     * the schedule of {@link ActiveSetSweeps}.
     *
     * @param b standardized coefficients (modified)
     * @param b0 intercept in a one-element array (modified; ignored without an intercept)
     * @param lambda λ
     * @param strong features allowed to move (not modified)
     * @param thr convergence threshold on max_j xv_j·Δb_j²
     * @param budget remaining passes
     * @return passes used, negative (−passes−1) when the budget ran out before convergence
     */
    long solve(double[] b, double[] b0, double lambda, int[] strong, double thr, long budget) {
        return ActiveSetSweeps.run(new ActiveSetSweeps.Coordinates() {
            @Override public double step(int j, double l) { return WeightedLeastSquares.this.step(j, b, l); }
            @Override public double interceptStep() { return WeightedLeastSquares.this.interceptStep(b0); }
            @Override public boolean nonZero(int j) { return b[j] != 0.0; }
        }, lambda, strong, thr, budget);
    }

    /**
     * The gradient of coordinate j, and for dense X without a cached curvature the curvature too,
     * in the same pass over the column (a non-zero coefficient needs both every Newton step).
     */
    private double gradientFillingCurvature(int j, boolean needCurvature) {
        if (!dense || hasCurvature[j] || !needCurvature) return gradient(j);
        double[] sums = moments;
        CoordinateKernels.dotWeightedMoments(n, xd, j * n, wr, w, sums);
        storeCurvature(j, sums[1], sums[2]);
        double c = pr.centres[j];
        return (sums[0] - c * sumWr) / pr.scales[j];
    }

    private void storeCurvature(int j, double sw, double sq) {
        colSumW[j] = sw;
        hasSum[j] = true;
        double c = pr.centres[j];
        double s = pr.scales[j];
        xv[j] = Math.max((sq - 2 * c * sw + c * c * sumW) / (s * s), 0.0);
        hasCurvature[j] = true;
    }

    private double step(int j, double[] b, double lambda) {
        double bj = b[j];
        double g = gradientFillingCurvature(j, bj != 0.0);
        if (bj == 0.0 && !pr.canLeaveZero(j, g, lambda)) return 0.0;
        double xvj = curvature(j);
        if (xvj == 0.0) return 0.0;
        double nb = pr.update(j, bj, g, xvj, lambda);
        double d = nb - bj;
        if (d == 0.0) return 0.0;
        b[j] = nb;
        move(j, d);
        return xvj * d * d;
    }

    private double interceptStep(double[] b0) {
        if (!pr.intercept) return 0.0;
        double d = moveIntercept();
        b0[0] += d;
        return sumW * d * d;
    }
}

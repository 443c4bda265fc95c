package dev.occam.glm;

import java.util.Arrays;

/**
 * Coordinate descent on one penalized weighted least-squares problem (the "point" layer):
 * <pre>   ½ Σ_i W_i (z_i − b0 − x̃_iᵀb)² + λ Σ_j f_j [α|b_j| + (1−α)/2 b_j²]</pre>
 * with x̃ the implicitly standardized features of a {@link Problem}. Gaussian fits use it once with
 * W = u and z = y; IRLS fits (binomial, poisson, each class of multinomial) once per Newton step.
 *
 * <p>The weighted residual W∘(z − η) is stored as {@code wr + o·W}: moving b_j moves η along
 * x̃_j = (x_j − c_j)/s_j, whose constant part c_j/s_j only changes the scalar o. So an update
 * touches only the stored entries of column j and a sparse X stays sparse.
 */
final class WeightedLeastSquares {
    private final Problem pr;
    /** Working weights W (owned by the caller, set by {@link #reset}). */
    private double[] w;
    private double sumW;
    /** Stored part of the weighted residual; the true one is wr + o·W. */
    final double[] wr;
    private double o;
    /** Σ_i wr_i. */
    private double sumWr;
    /** Per-column caches valid for the current W: Σ W x_j and Σ W x̃_j². */
    private final double[] colSumW;
    private final double[] xv;
    private final boolean[] cached;

    WeightedLeastSquares(Problem pr) {
        this.pr = pr;
        this.wr = new double[pr.n];
        this.colSumW = new double[pr.p];
        this.xv = new double[pr.p];
        this.cached = new boolean[pr.p];
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
        System.arraycopy(weightedResidual, 0, wr, 0, pr.n);
        double t = 0;
        for (double v : wr) t += v;
        this.sumWr = t;
        this.o = 0;
        Arrays.fill(cached, false);
    }

    /** Σ W, the total working weight. */
    double sumWeights() {
        return sumW;
    }

    private void fill(int j) {
        double sw = pr.x.dotColumn(j, w);
        double sq = pr.x.weightedSumOfSquares(j, w);
        double c = pr.centres[j];
        double s = pr.scales[j];
        colSumW[j] = sw;
        xv[j] = Math.max((sq - 2 * c * sw + c * c * sumW) / (s * s), 0.0);
        cached[j] = true;
    }

    /** Σ_i W_i x̃_ij², the curvature of coordinate j. */
    double curvature(int j) {
        if (!cached[j]) fill(j);
        return xv[j];
    }

    /** Σ_i x̃_ij · (true weighted residual)_i: the negative gradient of the quadratic in b_j. */
    double gradient(int j) {
        if (!cached[j]) fill(j);
        double c = pr.centres[j];
        return (pr.x.dotColumn(j, wr) + o * colSumW[j] - c * (sumWr + o * sumW)) / pr.scales[j];
    }

    /** Applies a change d of coefficient j to the residual. */
    void move(int j, double d) {
        double a = d / pr.scales[j];
        pr.x.axpyColumnWeighted(j, -a, w, wr);
        sumWr -= a * colSumW[j];
        o += a * pr.centres[j];
    }

    /** The optimal change of the intercept given the coefficients, applied to the residual. */
    double moveIntercept() {
        double d = (sumWr + o * sumW) / sumW;
        o -= d;
        return d;
    }

    /**
     * Coordinate descent at λ over the features marked in {@code strong}, updating b and b0 in place
     * (glmnet's scheme: a sweep over the strong set, then sweeps over the non-zero ones until they
     * settle, then again the strong set until a sweep changes nothing above the threshold).
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
        long passes = 0;
        int[] active = new int[strong.length];
        while (true) {
            // full sweep over the strong set
            double dlx = 0;
            int na = 0;
            for (int j : strong) {
                double dl = step(j, b, lambda);
                dlx = Math.max(dlx, dl);
                if (b[j] != 0.0) active[na++] = j;
            }
            dlx = Math.max(dlx, interceptStep(b0));
            passes++;
            if (dlx < thr) return passes;
            if (passes >= budget) return -passes - 1;
            // sweeps over the non-zero coefficients only
            while (true) {
                dlx = 0;
                for (int k = 0; k < na; k++) {
                    dlx = Math.max(dlx, step(active[k], b, lambda));
                }
                dlx = Math.max(dlx, interceptStep(b0));
                passes++;
                if (dlx < thr) break;
                if (passes >= budget) return -passes - 1;
            }
        }
    }

    private double step(int j, double[] b, double lambda) {
        double bj = b[j];
        double xvj = curvature(j);
        if (xvj == 0.0) return 0.0;
        double nb = pr.update(j, bj, gradient(j), xvj, lambda);
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

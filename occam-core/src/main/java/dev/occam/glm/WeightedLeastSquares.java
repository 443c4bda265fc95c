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
 * <p>The weighted residual W∘(z − η) is kept in place. For sparse X it is stored as
 * {@code wr + o·W}: the constant part c_j/s_j of x̃_j only changes the scalar o, so an update
 * touches only the stored entries of column j and X stays sparse.
 *
 * <p>For dense X a move is lazy: a change of b_j (and of the intercept after it) is remembered as
 * a pending shift wr += W∘(β − α·x_j) and applied by the next column pass, in the same sweep over
 * the rows that reads the next coordinate's sums. Coordinate descent is memory-bound on large n,
 * and this reads the residual and weights once per coordinate instead of twice. Whatever reads the
 * residual (residual, gradient, a curvature pass, the next move) applies the pending shift first,
 * and {@link #solve} applies it before it returns, so the class behaves as if every move were
 * applied at once; after a solve nothing is pending and gradients may be read concurrently.
 *
 * <p>From {@link #SPLIT_ROWS} rows on, each dense column pass is cut into blocks of rows; during
 * {@link #solve} the shared {@link RowSplitWorker} runs part of them when it is free. The blocks'
 * partial sums are always added in block order, whoever ran them, so the result does not depend
 * on the number of processors or on whether the worker was free.
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
    /** Stored weighted residual; the true one is wr + o·W (o stays 0 for dense X) after any pending shift. */
    private final double[] wr;
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

    /** From this many rows on, dense column passes are cut into blocks shared by two threads. */
    static final int SPLIT_ROWS = 16_384;
    private final boolean split;
    /** Row blocks of a split pass, and their partial sums (combined in block order). */
    private final int[] blockBounds;
    private final double[][] partials;
    private final RowSplitWorker.Pass blockPass = (block, from, to, out) -> passRows(from, to, out);
    /** The worker leased for the current solve, or null. */
    private RowSplitWorker worker;

    // The pending shift of the dense residual: wr_i += W_i·(pendingB − pendingA·x_{pendingCol,i}),
    // with pendingCol −1 for a constant-only shift (an intercept move).
    private boolean pending;
    private int pendingCol;
    private double pendingA;
    private double pendingB;
    // The current column pass, read by every block (on either thread): column passCol (−1: only apply the shift),
    // with its weighted moments or not.
    private int passCol;
    private boolean passMoments;

    WeightedLeastSquares(Problem pr) {
        this(pr, SPLIT_ROWS);
    }

    /** A solver that cuts dense column passes into blocks from {@code splitRows} rows on (tests compare both ways). */
    WeightedLeastSquares(Problem pr, int splitRows) {
        this.pr = pr;
        this.n = pr.n;
        this.dense = pr.x instanceof DenseMatrix;
        this.xd = dense ? ((DenseMatrix) pr.x).values() : null;
        this.wr = new double[pr.n];
        this.colSumW = new double[pr.p];
        this.xv = new double[pr.p];
        this.hasSum = new boolean[pr.p];
        this.hasCurvature = new boolean[pr.p];
        this.split = dense && n >= splitRows;
        this.blockBounds = split ? RowSplitWorker.blockBounds(n) : null;
        this.partials = split ? new double[RowSplitWorker.BLOCKS][3] : null;
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
        // a shift pending on the old residual is void: the residual is replaced as a whole
        this.pending = false;
        Arrays.fill(hasSum, false);
        Arrays.fill(hasCurvature, false);
    }

    /** Σ W, the total working weight. */
    double sumWeights() {
        return sumW;
    }

    /** Σ_i of the true weighted residual: the negative gradient of the quadratic in the intercept. */
    double residualSum() {
        return sumWr + o * sumW;
    }

    /** The true weighted residual W∘(z − η) at entry i. */
    double residual(int i) {
        if (pending) flush();
        return wr[i] + o * w[i];
    }

    /** Σ_i W_i x̃_ij², the curvature of coordinate j. */
    double curvature(int j) {
        if (!hasCurvature[j]) {
            if (dense) {
                gradientFillingCurvature(j, true);
            } else if (hasSum[j]) {
                storeCurvature(j, colSumW[j], pr.x.weightedSumOfSquares(j, w));
            } else {
                // Σ W x and Σ W x² in one pass over the column's entries
                double[] m = new double[2];
                ((SparseMatrix) pr.x).weightedMoments(j, w, m);
                storeCurvature(j, m[0], m[1]);
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

    /**
     * Σ_i x̃_ij · (true weighted residual)_i: the negative gradient of the quadratic in b_j.
     *
     * <p>May be called from several threads at once when nothing is pending (after {@link #solve}
     * returned, or after {@link #reset}); it then only reads.
     */
    double gradient(int j) {
        double c = pr.centres[j];
        if (dense) {
            if (pending) flush();
            double s = Blas1.dot(n, xd, j * n, wr, 0);
            return (s - c * sumWr) / pr.scales[j];
        }
        if (o == 0.0) return (pr.x.dotColumn(j, wr) - c * sumWr) / pr.scales[j];
        double dot;
        if (hasSum[j]) {
            dot = pr.x.dotColumn(j, wr);
        } else {
            // the column's Σ W x comes with the inner product, in the same pass (each thread of a
            // parallel refresh writes only its own columns' entries)
            double[] two = new double[2];
            ((SparseMatrix) pr.x).dotColumnTwo(j, wr, w, two);
            dot = two[0];
            colSumW[j] = two[1];
            hasSum[j] = true;
        }
        return (dot + o * colSumW[j] - c * (sumWr + o * sumW)) / pr.scales[j];
    }

    /** Applies a change d of coefficient j to the residual (for dense X lazily: see the class comment). */
    void move(int j, double d) {
        double a = d / pr.scales[j];
        double c = pr.centres[j];
        if (dense) {
            // in a solve the gradient pass of j just applied any earlier shift; otherwise apply it now
            if (pending) flush();
            // the residual's sum moves by −a·Σ W (x_j − c_j), known from the column's cached sum
            sumWr -= a * (columnSum(j) - c * sumW);
            pending = true;
            pendingCol = j;
            pendingA = a;
            pendingB = a * c;
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
            // wr −= d·W joins the pending shift's constant (usually the last move of a sweep)
            if (pending) {
                pendingB -= d;
            } else {
                pending = true;
                pendingCol = -1;
                pendingA = 0.0;
                pendingB = -d;
            }
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
        RowSplitWorker lease = split ? RowSplitWorker.tryAcquire() : null;
        worker = lease;
        try {
            return ActiveSetSweeps.run(new ActiveSetSweeps.Coordinates() {
                @Override public double step(int j, double l) { return WeightedLeastSquares.this.step(j, b, l); }
                @Override public double interceptStep() { return WeightedLeastSquares.this.interceptStep(b0); }
                @Override public boolean nonZero(int j) { return b[j] != 0.0; }
            }, lambda, strong, thr, budget);
        } finally {
            // callers read the residual and gradients (from several threads) after the solve
            if (pending) flush();
            worker = null;
            if (lease != null) lease.release();
        }
    }

    /** Applies the pending shift to the residual (one pass over rows, nothing else read). */
    private void flush() {
        columnPass(-1, false, moments);
    }

    /**
     * One dense column pass: applies the pending shift, if any, and then (for k ≥ 0) writes
     * Σ x_k·wr, and with {@code withMoments} Σ W x_k and Σ W x_k², to sums[0..3) (raw column,
     * no centring). Afterwards nothing is pending.
     */
    private void columnPass(int k, boolean withMoments, double[] sums) {
        passCol = k;
        passMoments = withMoments;
        if (!split) {
            passRows(0, n, sums);
        } else {
            if (worker != null) worker.run(blockPass, blockBounds, partials);
            else RowSplitWorker.runAlone(blockPass, blockBounds, partials);
            // always in block order: the same sums whoever ran the blocks
            int m = k < 0 ? 0 : withMoments ? 3 : 1;
            for (int q = 0; q < m; q++) {
                double t = 0;
                for (double[] part : partials) t += part[q];
                sums[q] = t;
            }
        }
        pending = false;
    }

    /** The current column pass ({@link #passCol}, {@link #passMoments}, pending shift) on rows [from, to). */
    private void passRows(int from, int to, double[] out) {
        int k = passCol;
        if (pending) {
            if (k < 0) {
                if (pendingCol >= 0) CoordinateKernels.weightedShiftRows(from, to, pendingA, pendingB, xd, pendingCol * n, w, wr);
                else Blas1.axpy(to - from, pendingB, w, from, wr, from);
                return;
            }
            // a constant-only shift reads column k as its (zero-slope) shifted column: no extra stream
            int sOff = (pendingCol >= 0 ? pendingCol : k) * n;
            if (passMoments) {
                CoordinateKernels.shiftThenDotWeightedMomentsRows(from, to, pendingA, pendingB, xd, sOff, xd, k * n, w, wr, out);
            } else {
                out[0] = CoordinateKernels.shiftThenDotRows(from, to, pendingA, pendingB, xd, sOff, xd, k * n, w, wr);
            }
        } else if (k >= 0) {
            if (passMoments) CoordinateKernels.dotWeightedMomentsRows(from, to, xd, k * n, wr, w, out);
            else out[0] = Blas1.dot(to - from, xd, k * n + from, wr, from);
        }
    }

    /** Σ_i x̃_ij · (true weighted residual)_i inside a solve: the column pass also applies the pending shift. */
    private double passGradient(int j) {
        if (!dense) return gradient(j);
        double[] sums = moments;
        columnPass(j, false, sums);
        return (sums[0] - pr.centres[j] * sumWr) / pr.scales[j];
    }

    /**
     * The gradient of coordinate j, and for dense X without a cached curvature the curvature too,
     * in the same pass over the column (a non-zero coefficient needs both every Newton step).
     */
    private double gradientFillingCurvature(int j, boolean needCurvature) {
        if (!dense || hasCurvature[j] || !needCurvature) return passGradient(j);
        double[] sums = moments;
        columnPass(j, true, sums);
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

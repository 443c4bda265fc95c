package dev.occam.glm;

import dev.occam.data.DenseMatrix;
import dev.occam.data.DesignMatrix;
import dev.occam.data.Standardization;
import dev.occam.linalg.ColumnDots;

/**
 * One elastic-net problem after the driver's validation, in the solvers' internal scale:
 * weights normalized to sum to 1, features standardized implicitly
 * (x̃_j = (x_j − centre_j)/scale_j, never materialized), penalty factors rescaled to sum to p,
 * coefficient limits moved to the standardized scale (limit·scale_j).
 *
 * <p>In this scale every solver minimizes, for each λ,
 * <pre>   Σ_i u_i ℓ(y_i, b0 + x̃_iᵀb) + λ Σ_j f_j [α|b_j| + (1−α)/2 b_j²],   lo_j ≤ b_j ≤ hi_j</pre>
 * and the driver maps b back to the original scale (w_j = b_j/scale_j).
 */
final class Problem {
    final DesignMatrix x;
    final int n;
    final int p;
    /** Observation weights normalized to Σu = 1. */
    final double[] u;
    /** Σ_i u_i x_ij, the weighted column means (whether or not they are used to centre). */
    final double[] means;
    final double[] centres;
    /** Σ_i u_i (x_ij − mean_j)², the weighted 1/n variances. */
    final double[] variances;
    final double[] scales;
    /** Features left out of the fit (constant columns). */
    final boolean[] excluded;
    /** Penalty factors f_j, rescaled to sum to p (glmnet's rule). */
    final double[] vp;
    final double[] lo;
    final double[] hi;
    final boolean hasLimits;
    /** Some coefficient is bounded at exactly 0 (glmnet then disables its small-change early stop). */
    final boolean hasZeroLimit;
    final double alpha;
    final boolean intercept;

    Problem(DesignMatrix x, double[] u, Standardization std, double[] vp, double[] lo, double[] hi,
            double alpha, boolean intercept) {
        this(x, x.rows(), x.cols(), u, std, vp, lo, hi, alpha, intercept);
    }

    /**
     * A problem known by its rows (x and u given) or only by its standardization and sufficient
     * statistics (x and u null: gaussian covariance updates from {@link GaussianMoments}).
     */
    Problem(DesignMatrix x, int n, int p, double[] u, Standardization std, double[] vp, double[] lo, double[] hi,
            double alpha, boolean intercept) {
        this.x = x;
        this.n = n;
        this.p = p;
        this.u = u;
        this.centres = std.centres();
        this.variances = std.variances();
        this.scales = std.scales();
        this.excluded = std.constant();
        this.means = std.means();
        this.vp = vp;
        this.lo = lo;
        this.hi = hi;
        boolean limits = false;
        for (int j = 0; j < p; j++) {
            if (lo[j] != Double.NEGATIVE_INFINITY || hi[j] != Double.POSITIVE_INFINITY) limits = true;
        }
        this.hasLimits = limits;
        boolean zero = false;
        for (int j = 0; j < p; j++) zero |= lo[j] == 0.0 || hi[j] == 0.0;
        this.hasZeroLimit = zero;
        this.alpha = alpha;
        this.intercept = intercept;
    }

    /** Average stored entries per column: the cost of one column operation. */
    double entriesPerColumn() {
        return p == 0 || x == null ? 0 : (double) x.storedEntries() / p;
    }

    /**
     * The coordinate-descent update of one coefficient: the minimizer over b_j of
     * ½ xv·(b_j − b)² − grad·(b_j − b) + λ f [α|b_j| + (1−α)/2 b_j²], clipped to the limits.
     *
     * @param j feature
     * @param b current coefficient
     * @param grad Σ_i W_i x̃_ij r_i, the negative gradient of the quadratic loss at b
     * @param xv Σ_i W_i x̃_ij², the curvature
     * @param lambda λ
     */
    double update(int j, double b, double grad, double xv, double lambda) {
        double z = grad + xv * b;
        double l1 = lambda * alpha * vp[j];
        double num;
        if (z > l1) {
            num = z - l1;
        } else if (z < -l1) {
            num = z + l1;
        } else {
            return 0.0 < lo[j] ? lo[j] : (0.0 > hi[j] ? hi[j] : 0.0);
        }
        double v = num / (xv + lambda * (1 - alpha) * vp[j]);
        if (v < lo[j]) return lo[j];
        if (v > hi[j]) return hi[j];
        return v;
    }

    /**
     * Whether a coefficient at 0 with negative gradient grad would move: |grad| above the L1
     * threshold, or a limit that excludes 0. Exactly the condition under which {@link #update}
     * returns non-zero for b = 0, without needing the curvature.
     */
    boolean canLeaveZero(int j, double grad, double lambda) {
        return Math.abs(grad) > lambda * alpha * vp[j] || lo[j] > 0 || hi[j] < 0;
    }

    /**
     * Whether feature j, at b_j = 0 with negative gradient grad, violates the optimality (KKT)
     * conditions at λ: |grad| > λαf_j in a direction the limits allow.
     */
    boolean violates(int j, double grad, double lambda) {
        double l1 = lambda * alpha * vp[j];
        // a relative slack keeps rounding in the gradient from adding features that sit exactly on the boundary
        double bound = l1 * (1 + 1e-9) + 1e-300;
        if (grad > bound) return hi[j] > 0;
        if (grad < -bound) return lo[j] < 0;
        return false;
    }

    /**
     * Σ_i x̃_ij r_i for a residual r with Σ_i r_i = sumR: the negative gradient of the loss in b_j
     * when r = u∘(y − μ). {@code r} not modified.
     */
    double gradient(int j, double[] r, double sumR) {
        return gradientOf(j, x.dotColumn(j, r), sumR);
    }

    /** {@link #gradient} from the raw column's inner product x_jᵀr with the residual. */
    double gradientOf(int j, double rawDot, double sumR) {
        return (rawDot - centres[j] * sumR) / scales[j];
    }

    /** Whether X is dense in memory, so that {@link #columnDots} reads each column once for several vectors. */
    boolean denseColumns() {
        return x instanceof DenseMatrix;
    }

    /**
     * x_jᵀv_b for the columns j = {@code which[0..count)} of a dense X and the q vectors v_b in
     * {@code v} (column-major, n rows each), into {@code out[b·count + t]}: X's columns read once,
     * in place ({@link ColumnDots}).
     */
    void columnDots(int[] which, int count, double[] v, int q, double[] out) {
        ColumnDots.product(n, ((DenseMatrix) x).values(), n, which, count, v, q, out);
    }

    /** Linear predictor from standardized coefficients: η = b0 + Σ_j b_j x̃_j. {@code eta} modified. */
    void linearPredictor(double b0, double[] b, double[] eta) {
        linearPredictor(b0, b, eta, new double[p]);
    }

    /**
     * {@link #linearPredictor(double, double[], double[])} with {@code scratch} (length p, overwritten)
     * for the raw-scale coefficients, for callers that form many products in a row.
     */
    void linearPredictor(double b0, double[] b, double[] eta, double[] scratch) {
        // η = (b0 − Σ_j b_j c_j/s_j) + X·(b/s): one product on the raw X
        double shift = b0;
        for (int j = 0; j < p; j++) {
            if (b[j] != 0.0) {
                scratch[j] = b[j] / scales[j];
                shift -= scratch[j] * centres[j];
            } else {
                scratch[j] = 0.0;
            }
        }
        x.multiply(scratch, shift, eta);
    }
}

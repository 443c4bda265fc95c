package dev.occam.glm;

import dev.occam.data.Dataset;
import dev.occam.data.DenseMatrix;
import dev.occam.data.DesignMatrix;
import dev.occam.data.SparseMatrix;
import dev.occam.data.Standardization;
import dev.occam.penalty.PenaltyFactors;
import dev.occam.linalg.Gram;
import dev.occam.linalg.SparseProducts;

import java.util.Arrays;

/**
 * One ridge problem in standardized coordinates, shared by {@link Ridge} and {@link RidgePath}:
 * validated data, normalized weights u = v/Σv, glmnet's centring and scaling (implicit: X is
 * never copied), rescaled penalty factors and the split of the features into penalized,
 * unpenalized (factor 0) and left-out (constant) ones.
 *
 * <p>In these coordinates, with x̃_ij = (x_ij − c_j)/s_j (c_j the weighted mean with an intercept
 * and 0 without, s_j the weighted 1/n standard deviation under {@code standardize}, else 1) and
 * ỹ_i = y_i − ȳ (ȳ = Σu_i y_i with an intercept, else 0), the canonical objective becomes
 * <pre>
 *   ½ Σ_i u_i (ỹ_i − x̃_iᵀβ̃)² + (λ/2) Σ_j f_j β̃_j²,       w_j = β̃_j / s_j,  b0 = ȳ − Σ_j c_j w_j
 * </pre>
 * because the intercept is unpenalized and the centred features are orthogonal (weighted) to the
 * constant: the optimal b0 in centred coordinates is ȳ whatever β̃ is.
 *
 * <p>Accuracy: for dense X the Gram matrices are formed from centred blocks (see {@link Gram});
 * for sparse X, whose zeros must stay zeros, they are formed from the raw values and corrected by
 * c_j c_k afterwards, which loses about log10(mean²/variance) digits when a feature's mean is large
 * against its spread (as the one-pass variance in {@link Standardization} does).
 */
final class RidgeProblem {
    final Dataset data;
    final DesignMatrix x;
    final double[] y;
    final int n;
    final int p;
    /** Sample weights normalized to sum to 1. */
    final double[] u;
    /** Rows with positive weight. */
    final int positiveRows;
    final boolean intercept;
    final boolean standardize;
    /** c_j (0 without intercept). */
    final double[] centres;
    /** s_j (1 without standardize). */
    final double[] scales;
    /** Penalty factors rescaled to sum to p. */
    final double[] factors;
    /** Non-constant features with a positive penalty factor, increasing. */
    final int[] penalized;
    /** Non-constant features with penalty factor 0, increasing. */
    final int[] free;
    /** ȳ = Σ u_i y_i with an intercept, else 0. */
    final double yMean;

    private RidgeProblem(Dataset data, RidgeSettings s) {
        this.data = data;
        this.x = data.x();
        this.y = data.y();
        this.n = x.rows();
        this.p = x.cols();
        this.intercept = s.intercept();
        this.standardize = s.standardize();
        this.u = Standardization.normalizedWeights(data.weights(), n);
        int pos = 0;
        for (double ui : u) {
            if (ui > 0) pos++;
        }
        this.positiveRows = pos;
        Standardization std = Standardization.of(x, u, intercept, standardize);
        this.centres = std.centres();
        this.scales = std.scales();
        this.factors = PenaltyFactors.rescaled(s.penaltyFactors(), p);
        boolean[] constant = new boolean[p];
        int np = 0;
        int nf = 0;
        for (int j = 0; j < p; j++) {
            constant[j] = std.constant()[j];
            if (constant[j]) continue;
            if (factors[j] > 0) np++; else nf++;
        }
        this.penalized = new int[np];
        this.free = new int[nf];
        np = 0;
        nf = 0;
        for (int j = 0; j < p; j++) {
            if (constant[j]) continue;
            if (factors[j] > 0) penalized[np++] = j; else free[nf++] = j;
        }
        double ym = 0;
        if (intercept) {
            for (int i = 0; i < n; i++) ym += u[i] * y[i];
        }
        this.yMean = ym;
    }

    /**
     * Validates the data for a gaussian ridge fit and builds the problem.
     *
     * @throws IllegalArgumentException for a missing or non-finite target, a class target, no
     *         rows, or penalty factors of the wrong length
     */
    static RidgeProblem of(Dataset data, RidgeSettings settings) {
        if (data.y() == null) {
            throw new IllegalArgumentException("ridge needs a target y; the data set has none");
        }
        if (data.classes() != null) {
            throw new IllegalArgumentException("ridge fits a gaussian model; the target '" + data.targetName()
                    + "' has classes " + data.classes());
        }
        if (data.rows() == 0) {
            throw new IllegalArgumentException("ridge needs at least one row; the data set is empty");
        }
        double[] y = data.y();
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("target must be finite; row " + (i + 1) + " has " + y[i]);
            }
        }
        double[] f = settings.penaltyFactors();
        if (f != null && f.length != data.cols()) {
            throw new IllegalArgumentException("penalty factors must have one value per feature (" + data.cols()
                    + "); got " + f.length);
        }
        return new RidgeProblem(data, settings);
    }



    /** Number of features in the fit (non-constant). */
    int active() {
        return penalized.length + free.length;
    }

    /**
     * The centred weighted Gram matrix (X − 1cᵀ)ᵀU(X − 1cᵀ) (p × p, column-major), c the centres.
     * Dense X is centred block by block inside the kernel (full accuracy); for sparse X, whose
     * zeros must stay zeros, XᵀUX is corrected afterwards by − c cᵀ (c = Σu x with an intercept,
     * Σu = 1; c = 0 without).
     */
    double[] centredGram() {
        double[] g = new double[p * p];
        if (x instanceof DenseMatrix d) {
            Gram.crossprod(n, p, d.values(), 0, n, u, intercept ? centres : null, g);
        } else {
            SparseMatrix s = (SparseMatrix) x;
            SparseProducts.crossprod(n, p, s.colPtr(), s.rowIndex(), s.values(), u, g);
            if (intercept) {
                for (int k = 0; k < p; k++) {
                    for (int j = 0; j < p; j++) g[j + k * p] -= centres[j] * centres[k];
                }
            }
        }
        return g;
    }

    /**
     * The standardized Gram block G̃[rows, cols] = X̃ᵀUX̃ restricted to the given features,
     * column-major rows.length × cols.length: G̃_jk = C_jk/(s_j s_k) from the centred Gram C.
     */
    double[] standardizedGram(double[] centred, int[] rows, int[] cols) {
        int r = rows.length;
        double[] out = new double[r * cols.length];
        for (int b = 0; b < cols.length; b++) {
            int k = cols[b];
            for (int a = 0; a < r; a++) {
                int j = rows[a];
                out[a + b * r] = centred[j + k * p] / (scales[j] * scales[k]);
            }
        }
        return out;
    }

    /** ỹ_i = y_i − ȳ. */
    double[] centredTarget() {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) t[i] = y[i] - yMean;
        return t;
    }

    /**
     * The standardized cross products c̃_j = Σ_i u_i x̃_ij ỹ_i for every feature (length p; 0 for
     * features not in the fit), as (x_jᵀ(u∘ỹ) − c_j Σ_i u_i ỹ_i)/s_j: centring y first keeps the
     * products small.
     */
    double[] crossProducts() {
        double[] uy = centredTarget();
        double sumUy = 0;
        for (int i = 0; i < n; i++) {
            uy[i] *= u[i];
            sumUy += uy[i];
        }
        double[] c = new double[p];
        for (int j : penalized) c[j] = (x.dotColumn(j, uy) - centres[j] * sumUy) / scales[j];
        for (int j : free) c[j] = (x.dotColumn(j, uy) - centres[j] * sumUy) / scales[j];
        return c;
    }

    /**
     * The kernel matrix of the dual form, K = √U·X̃·F⁻¹·X̃ᵀ·√U (n × n) over the penalized features:
     * K_ik = √(u_i u_k) Σ_j (x_ij − c_j)(x_kj − c_j)/(f_j s_j²). Dense X is centred inside the
     * kernel; for sparse X, X·D·Xᵀ (d_j = 1/(f_j s_j²)) is corrected by rank-one terms
     * (a = X·D·c, κ = cᵀ·D·c).
     */
    double[] kernel() {
        double[] d = new double[p];
        for (int j : penalized) d[j] = 1.0 / (factors[j] * scales[j] * scales[j]);
        double[] k = new double[n * n];
        if (x instanceof DenseMatrix dm) {
            Gram.outer(n, p, dm.values(), 0, n, intercept ? centres : null, d, k);
        } else {
            SparseMatrix s = (SparseMatrix) x;
            SparseProducts.outer(n, p, s.colPtr(), s.rowIndex(), s.values(), d, k);
            double kappa = 0;
            double[] dc = new double[p];
            for (int j : penalized) {
                dc[j] = d[j] * centres[j];
                kappa += dc[j] * centres[j];
            }
            double[] a = new double[n];
            x.multiply(dc, 0.0, a);
            for (int c = 0; c < n; c++) {
                for (int r = 0; r < n; r++) k[r + c * n] += kappa - a[r] - a[c];
            }
        }
        double[] su = new double[n];
        for (int i = 0; i < n; i++) su[i] = Math.sqrt(u[i]);
        for (int c = 0; c < n; c++) {
            for (int r = 0; r < n; r++) k[r + c * n] *= su[r] * su[c];
        }
        return k;
    }

    /**
     * Converts standardized coefficients β̃ (length p) to the original scale.
     *
     * @param betaStd β̃, 0 for features not in the fit. Not modified.
     * @param w coefficients on the original scale, w_j = β̃_j / s_j. Modified.
     * @return the intercept b0 = ȳ − Σ_j c_j w_j (0 without intercept)
     */
    double toOriginal(double[] betaStd, double[] w) {
        double b0 = yMean;
        for (int j = 0; j < p; j++) {
            w[j] = betaStd[j] / scales[j];
            b0 -= centres[j] * w[j];
        }
        return intercept ? b0 : 0.0;
    }

    /** Deviance of the null model, Σ v_i (y_i − ȳ)² with the user's weights (ȳ = 0 without intercept). */
    double nullDeviance() {
        double[] v = data.weights();
        double s = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - yMean;
            s += (v == null ? 1.0 : v[i]) * r * r;
        }
        return s;
    }

    /** Σ v_i (y_i − b0 − x_iᵀw)², the deviance of a fit, with the user's weights. */
    double deviance(double[] w, double b0) {
        double[] eta = new double[n];
        x.multiply(w, b0, eta);
        double[] v = data.weights();
        double s = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - eta[i];
            s += (v == null ? 1.0 : v[i]) * r * r;
        }
        return s;
    }

    /** 1 − deviance/null deviance, or 0 when the null deviance is 0 (a constant target). */
    static double devRatio(double deviance, double nullDeviance) {
        return nullDeviance > 0 ? 1.0 - deviance / nullDeviance : 0.0;
    }

    /** Name of feature j, for messages. */
    String name(int j) {
        return data.featureNames().get(j);
    }

    /** The indices of a and then b in one array. */
    static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

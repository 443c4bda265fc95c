package dev.occam.glm;

import dev.occam.data.Dataset;
import dev.occam.data.DenseMatrix;
import dev.occam.data.SparseMatrix;
import dev.occam.linalg.TestMatrices;

import java.util.List;

/**
 * Test support for the ridge tests: seeded data sets, and a reference ridge solver that shares no
 * code with {@link Ridge} — two-pass means and standard deviations, the (1 + p)-dimensional normal
 * equations of the original-scale problem written out, solved by Gaussian elimination.
 */
final class RidgeReference {
    private RidgeReference() { }

    /** The fixed parts of a reference problem: normalized weights u and original-scale penalty weights. */
    record Setup(double[][] x, double[] y, double[] u, double[] penaltyWeights, boolean[] constant, boolean intercept,
                 double[] scales) { }

    /** A reference fit: intercept and coefficients on the original scale. */
    record Fit(double b0, double[] w) {
        double predict(double[] row) {
            double s = b0;
            for (int j = 0; j < w.length; j++) s += w[j] * row[j];
            return s;
        }
    }

    /** Rows of a column-major dense matrix, or of a sparse matrix. */
    static double[][] rows(Dataset d) {
        int n = d.rows();
        int p = d.cols();
        double[][] r = new double[n][p];
        for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) r[i][j] = d.x().get(i, j);
        return r;
    }

    /**
     * The canonical problem's fixed quantities computed from scratch: u = v/Σv, the weighted 1/n
     * standard deviations (two-pass), glmnet's rescaled penalty factors, and the penalty weight on
     * the original scale λ f_j s_j² (the penalty (λ/2)Σ f_j (s_j w_j)²).
     */
    static Setup setup(Dataset d, double lambda, RidgeSettings s) {
        double[][] x = rows(d);
        int n = d.rows();
        int p = d.cols();
        double[] u = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) total += d.weights() == null ? 1 : d.weights()[i];
        for (int i = 0; i < n; i++) u[i] = (d.weights() == null ? 1 : d.weights()[i]) / total;
        double[] f = new double[p];
        double fsum = 0;
        for (int j = 0; j < p; j++) {
            f[j] = s.penaltyFactors() == null ? 1 : s.penaltyFactors()[j];
            fsum += f[j];
        }
        double[] pw = new double[p];
        boolean[] constant = new boolean[p];
        double[] scales = new double[p];
        for (int j = 0; j < p; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) mean += u[i] * x[i][j];
            double var = 0;
            for (int i = 0; i < n; i++) var += u[i] * (x[i][j] - mean) * (x[i][j] - mean);
            // Rounding leaves ~1e-32 instead of 0 for a constant column.
            constant[j] = var <= 1e-20 * (mean * mean + Double.MIN_NORMAL);
            double sd = s.standardize() ? Math.sqrt(var) : 1.0;
            scales[j] = sd;
            pw[j] = lambda * (f[j] * p / fsum) * sd * sd;
        }
        return new Setup(x, d.y(), u, pw, constant, s.intercept(), scales);
    }

    /**
     * Minimizes Σ_i u_i ½(y_i − b0 − x_iᵀw)² + ½ Σ_j pw_j w_j² over b0 (if intercept) and the
     * non-constant w_j, for the given (not renormalized) weights u: the normal equations
     * [Σu, Σu xᵀ; Σu x, Σu x xᵀ + diag(pw)]·[b0; w] = [Σu y; Σu x y] by Gaussian elimination.
     */
    static Fit solve(Setup s, double[] u) {
        int p = s.x()[0].length;
        int[] idx = java.util.stream.IntStream.range(0, p).filter(j -> !s.constant()[j]).toArray();
        int off = s.intercept() ? 1 : 0;
        int k = off + idx.length;
        double[] a = new double[k * k];
        double[] rhs = new double[k];
        for (int i = 0; i < s.x().length; i++) {
            double[] z = new double[k];
            if (s.intercept()) z[0] = 1;
            for (int t = 0; t < idx.length; t++) z[off + t] = s.x()[i][idx[t]];
            for (int r = 0; r < k; r++) {
                rhs[r] += u[i] * z[r] * s.y()[i];
                for (int c = 0; c < k; c++) a[r + c * k] += u[i] * z[r] * z[c];
            }
        }
        for (int t = 0; t < idx.length; t++) a[(off + t) * (k + 1)] += s.penaltyWeights()[idx[t]];
        double[] sol = TestMatrices.gaussSolve(k, a, rhs);
        double[] w = new double[p];
        for (int t = 0; t < idx.length; t++) w[idx[t]] = sol[off + t];
        return new Fit(s.intercept() ? sol[0] : 0.0, w);
    }

    /** The reference fit of the canonical objective at λ. */
    static Fit fit(Dataset d, double lambda, RidgeSettings s) {
        Setup setup = setup(d, lambda, s);
        return solve(setup, setup.u());
    }

    /**
     * A data set with features of different means and scales, y linear in them plus noise.
     *
     * @param constantColumn index of a column set to a constant (−1 for none)
     * @param sparsity share of entries set to 0 (before shifting by the mean: use 0 with means)
     */
    static Dataset data(long seed, int n, int p, boolean weights, int constantColumn, double sparsity, boolean sparse) {
        TestMatrices r = new TestMatrices(seed);
        double[] x = new double[n * p];
        double[] beta = r.gaussians(p);
        double[] y = new double[n];
        for (int j = 0; j < p; j++) {
            double mean = sparsity > 0 ? 0 : 2 * r.gaussian();
            double scale = Math.exp(r.gaussian());
            for (int i = 0; i < n; i++) {
                double v = r.uniform() < sparsity ? 0.0 : mean + scale * r.gaussian();
                if (j == constantColumn) v = 2.5;
                x[i + j * n] = v;
                y[i] += beta[j] * v / scale;
            }
        }
        for (int i = 0; i < n; i++) y[i] += 3 + 0.5 * r.gaussian();
        double[] v = weights ? r.uniforms(n, 0.2, 3) : null;
        DenseMatrix dm = new DenseMatrix(n, p, x);
        return new Dataset(sparse ? SparseMatrix.fromDense(dm) : dm, y, v, Dataset.defaultNames(p), "y", null);
    }

    /** The same data set with row i removed. */
    static Dataset withoutRow(Dataset d, int drop) {
        double[][] rows = rows(d);
        int n = d.rows();
        double[][] kept = new double[n - 1][];
        double[] y = new double[n - 1];
        double[] v = d.weights() == null ? null : new double[n - 1];
        for (int i = 0, k = 0; i < n; i++) {
            if (i == drop) continue;
            kept[k] = rows[i];
            y[k] = d.y()[i];
            if (v != null) v[k] = d.weights()[i];
            k++;
        }
        return new Dataset(DenseMatrix.ofRows(kept), y, v, d.featureNames(), "y", null);
    }

    /** All combinations of standardize × intercept × penalty factors (none; mixed with a 0). */
    static List<RidgeSettings> settings(int p) {
        double[] mixed = new double[p];
        for (int j = 0; j < p; j++) mixed[j] = 0.5 + j % 3;
        mixed[1] = 0.0;
        List<RidgeSettings> out = new java.util.ArrayList<>();
        for (boolean std : new boolean[] {true, false}) {
            for (boolean icpt : new boolean[] {true, false}) {
                out.add(new RidgeSettings(std, icpt, null));
                out.add(new RidgeSettings(std, icpt, mixed));
            }
        }
        return out;
    }
}

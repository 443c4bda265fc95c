package dev.occam.glm;

import dev.occam.data.DenseMatrix;
import dev.occam.linalg.Gemm;
import dev.occam.linalg.Gram;
import dev.occam.linalg.SymmetricEigen;

/**
 * The ridge path from one eigendecomposition of the n × n matrix K = A·Aᵀ, A = √U X̃ F^(−1/2)
 * (p &gt; n, every feature penalized, no penalty factor 0). With K = W Λ Wᵀ and r = √U ỹ:
 * <pre>
 *   β̃(λ) = F⁻¹ X̃ᵀ √U · W (Λ + λ)⁻¹ Wᵀ r                        (the dual solution)
 *   √u_i (ŷ_i − ȳ) = Σ_k W_ik Λ_k (Wᵀr)_k / (Λ_k + λ)
 *   h_i = ι u_i + Σ_k W_ik² Λ_k / (Λ_k + λ),       tr(H) = ι + Σ_k Λ_k / (Λ_k + λ)
 * </pre>
 * since A(AᵀA + λI)⁻¹Aᵀ = W Λ(Λ + λ)⁻¹ Wᵀ. All λ are handled at once by matrix products with the
 * n × L matrices of the factors 1/(Λ_k + λ_l). Rows of weight 0 have zero rows in A: they take no
 * part in the fit and none in the errors.
 */
final class RidgeDualSpectrum implements RidgeSpectrum {
    private final RidgeProblem pr;
    private final int n;
    /** Eigenvectors of K (n × n). */
    private final double[] wv;
    /** Eigenvalues of K, increasing; those at rounding level set to 0. */
    private final double[] evals;
    /** Wᵀr. */
    private final double[] qv;

    RidgeDualSpectrum(RidgeProblem pr) {
        this.pr = pr;
        this.n = pr.n;
        wv = pr.kernel();
        evals = new double[n];
        SymmetricEigen.decompose(n, wv, evals);
        truncateNoise(evals);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) r[i] = Math.sqrt(pr.u[i]) * (pr.y[i] - pr.yMean);
        qv = new double[n];
        Gram.cross(n, n, 1, wv, 0, n, null, r, 0, n, qv, 0, n);
    }

    /**
     * Sets to 0 the eigenvalues of a positive semi-definite matrix that are rounding noise: those
     * below m·ε times the largest (m the order). The matrix is singular whenever features are
     * collinear or outnumber rows, and its zero eigenvalues come out as ±1e-16·Λ_max; left as they
     * are, each would add Λ_k/(Λ_k + λ) ≈ 1e-13 to the degrees of freedom at small λ, which GCV
     * amplifies by 1/(1 − df/n) near interpolation.
     */
    static void truncateNoise(double[] evals) {
        int m = evals.length;
        if (m == 0) return;
        double threshold = m * 0x1p-52 * Math.max(evals[m - 1], 0.0);
        for (int k = 0; k < m; k++) {
            if (evals[k] <= threshold) evals[k] = 0.0;
        }
    }

    @Override
    public double maxScaledGradient() {
        double[] c = pr.crossProducts();
        double max = 0;
        for (int j : pr.penalized) max = Math.max(max, Math.abs(c[j]) / pr.factors[j]);
        return max;
    }

    @Override
    public RidgePath.Raw path(double[] lambdas) {
        int nl = lambdas.length;
        for (double lambda : lambdas) {
            if (!(lambda > 0)) {
                throw new IllegalArgumentException("ridge has no unique solution at lambda = " + lambda
                        + " with more features (" + pr.active() + ") than rows (" + n + "); use lambda > 0");
            }
        }
        // Per λ (columns): qg = (Wᵀr)/(Λ+λ), sg = Λ/(Λ+λ), fg = Λ(Wᵀr)/(Λ+λ).
        double[] qg = new double[n * nl];
        double[] sg = new double[n * nl];
        double[] fg = new double[n * nl];
        RidgePath.Raw raw = new RidgePath.Raw(nl, pr.p);
        double iota = pr.intercept ? 1.0 : 0.0;
        for (int l = 0; l < nl; l++) {
            double df = iota;
            for (int k = 0; k < n; k++) {
                double g = 1.0 / (evals[k] + lambdas[l]);
                qg[k + l * n] = qv[k] * g;
                sg[k + l * n] = evals[k] * g;
                fg[k + l * n] = evals[k] * qv[k] * g;
                df += evals[k] * g;
            }
            raw.df[l] = df;
        }
        coefficients(nl, qg, raw.betaStd);

        double[] fitted = new double[n * nl];
        Gemm.multiply(n, nl, n, wv, 0, n, fg, 0, n, 0.0, fitted, 0, n);
        double[] w2 = new double[n * n];
        for (int k = 0; k < n * n; k++) w2[k] = wv[k] * wv[k];
        double[] lev = new double[n * nl];
        Gemm.multiply(n, nl, n, w2, 0, n, sg, 0, n, 0.0, lev, 0, n);
        for (int i = 0; i < n; i++) {
            double ui = pr.u[i];
            if (ui == 0.0) continue;
            double su = Math.sqrt(ui);
            for (int l = 0; l < nl; l++) {
                double e = pr.y[i] - pr.yMean - fitted[i + l * n] / su;
                double h = iota * ui + lev[i + l * n];
                double loo = e / (1.0 - h);
                raw.rss[l] += ui * e * e;
                raw.looSum[l] += ui * loo * loo;
            }
        }
        return raw;
    }

    /** β̃_j = (x_jᵀz − c_j Σz)/(s_j f_j) with z = √U W qg, for every λ. */
    private void coefficients(int nl, double[] qg, double[][] betaStd) {
        int p = pr.p;
        double[] z = new double[n * nl];
        Gemm.multiply(n, nl, n, wv, 0, n, qg, 0, n, 0.0, z, 0, n);
        double[] sumZ = new double[nl];
        for (int l = 0; l < nl; l++) {
            for (int i = 0; i < n; i++) {
                z[i + l * n] *= Math.sqrt(pr.u[i]);
                sumZ[l] += z[i + l * n];
            }
        }
        double[] xz = new double[p * nl];
        if (pr.x instanceof DenseMatrix d) {
            Gram.cross(n, p, nl, d.values(), 0, n, null, z, 0, n, xz, 0, p);
        } else {
            double[] col = new double[n];
            for (int l = 0; l < nl; l++) {
                System.arraycopy(z, l * n, col, 0, n);
                for (int j : pr.penalized) xz[j + l * p] = pr.x.dotColumn(j, col);
            }
        }
        for (int l = 0; l < nl; l++) {
            for (int j : pr.penalized) {
                betaStd[l][j] = (xz[j + l * p] - pr.centres[j] * sumZ[l]) / (pr.scales[j] * pr.factors[j]);
            }
        }
    }
}

package dev.occam.glm;

import dev.occam.data.DenseMatrix;
import dev.occam.data.SparseMatrix;
import dev.occam.linalg.Cholesky;
import dev.occam.linalg.Gemm;
import dev.occam.linalg.Gram;
import dev.occam.linalg.NotPositiveDefiniteException;
import dev.occam.linalg.SparseProducts;
import dev.occam.linalg.SymmetricEigen;

/**
 * The ridge path from one eigendecomposition of a p × p matrix.
 *
 * <p>Notation (standardized coordinates, see {@link RidgeProblem}): P are the penalized features,
 * scaled by φ_j = 1/√f_j so that their penalty becomes (λ/2)‖γ‖² with γ_j = β̃_j/φ_j; Z are the
 * unpenalized ones (factor 0). G = X̃ᵀUX̃ and c = X̃ᵀUỹ. The unpenalized coefficients are
 * profiled out: for fixed γ they are β̃_Z = G_ZZ⁻¹(c_Z − G_ZP γ), which leaves a plain ridge
 * problem in γ with the Schur complement
 * <pre>
 *   S = G_PP − G_PZ G_ZZ⁻¹ G_ZP = V Λ Vᵀ,    b = c_P − G_PZ G_ZZ⁻¹ c_Z,    γ(λ) = V (Λ + λ)⁻¹ Vᵀ b
 * </pre>
 * (G_PP, G_ZP, c_P here already scaled by φ). Every λ then costs O(p²).
 *
 * <p>The hat matrix H (ŷ = H y) of the weighted fit has diagonal
 * <pre>
 *   h_i = u_i ( ι + ‖R_i‖² + Σ_k T_ik² / (Λ_k + λ) ),
 * </pre>
 * ι = 1 with an intercept (its leverage is u_i: centring made it orthogonal to the features), R_i =
 * L⁻¹ z̃_i the unpenalized features whitened by the Cholesky factor G_ZZ = LLᵀ, and T_i = Vᵀ(p̃_i −
 * G_PZ G_ZZ⁻¹ z̃_i) the penalized features (φ-scaled) with their unpenalized part projected out,
 * in the eigenbasis. The fitted values are ŷ_i = ȳ + R_iᵀ L⁻¹c_Z + Σ_k T_ik (Vᵀb)_k / (Λ_k + λ).
 * Both R_i and T_i are linear in the raw row x_i: [T_i, R_i] = (x_i − c)ᵀ W for a p × (m+q) matrix W,
 * so (X − 1cᵀ)·W is formed block by block of rows (never stored whole), and for all λ at once through two
 * matrix products, (T∘T)·[1/(Λ_k+λ_l)] and T·[(Vᵀb)_k/(Λ_k+λ_l)].
 */
final class RidgePrimalSpectrum implements RidgeSpectrum {
    /** Rows per block when forming X·W. */
    private static final int ROWS = 512;

    private final RidgeProblem pr;
    private final int[] pen;
    private final int[] free;
    private final int m;
    private final int q;
    /** φ_a = 1/√f for the penalized features. */
    private final double[] phi;
    /** Cholesky factor of G_ZZ (q × q). */
    private final double[] lz;
    /** G_ZP, φ-scaled (q × m). */
    private final double[] gzp;
    /** B = G_ZZ⁻¹ G_ZP (q × m). */
    private final double[] bmat;
    /** Eigenvectors of S (m × m). */
    private final double[] v;
    /** Eigenvalues of S, increasing; those at rounding level set to 0. */
    private final double[] evals;
    /** Vᵀb. */
    private final double[] qv;
    /** c_Z. */
    private final double[] cz;
    /** L⁻¹c_Z. */
    private final double[] rho;
    /** b = c_P − Bᵀc_Z, φ-scaled projected gradient. */
    private final double[] bvec;

    RidgePrimalSpectrum(RidgeProblem pr) {
        this.pr = pr;
        this.pen = pr.penalized;
        this.free = pr.free;
        this.m = pen.length;
        this.q = free.length;
        this.phi = new double[m];
        for (int a = 0; a < m; a++) phi[a] = 1.0 / Math.sqrt(pr.factors[pen[a]]);

        double[] raw = pr.centredGram();
        double[] c = pr.crossProducts();
        double[] s = pr.standardizedGram(raw, pen, pen);
        for (int b = 0; b < m; b++) {
            for (int a = 0; a < m; a++) s[a + b * m] *= phi[a] * phi[b];
        }
        bvec = new double[m];
        for (int a = 0; a < m; a++) bvec[a] = phi[a] * c[pen[a]];
        cz = new double[q];
        for (int t = 0; t < q; t++) cz[t] = c[free[t]];

        lz = pr.standardizedGram(raw, free, free);
        try {
            Cholesky.factor(q, lz, 0, q);
        } catch (NotPositiveDefiniteException e) {
            throw Ridge.singular(pr, 0.0, free[e.column()]);
        }
        gzp = pr.standardizedGram(raw, free, pen);
        for (int b = 0; b < m; b++) {
            for (int t = 0; t < q; t++) gzp[t + b * q] *= phi[b];
        }
        bmat = gzp.clone();
        Cholesky.solve(q, m, lz, 0, q, bmat, 0, q);
        if (q > 0 && m > 0) {
            // S −= G_PZ·B (= G_ZPᵀ G_ZZ⁻¹ G_ZP), b −= Bᵀc_Z.
            double[] corr = new double[m * m];
            Gram.cross(q, m, m, gzp, 0, q, null, bmat, 0, q, corr, 0, m);
            for (int k = 0; k < m * m; k++) s[k] -= corr[k];
            for (int a = 0; a < m; a++) {
                double dot = 0;
                for (int t = 0; t < q; t++) dot += bmat[t + a * q] * cz[t];
                bvec[a] -= dot;
            }
        }
        v = s;
        evals = new double[m];
        SymmetricEigen.decompose(m, v, evals);
        RidgeDualSpectrum.truncateNoise(evals);
        qv = new double[m];
        Gram.cross(m, m, 1, v, 0, m, null, bvec, 0, m, qv, 0, m);
        rho = cz.clone();
        Cholesky.solveLower(q, lz, 0, q, rho, 0);
    }

    @Override
    public double maxScaledGradient() {
        double max = 0;
        for (int a = 0; a < m; a++) {
            // g_j = b_a/φ_a, divided by f_j = 1/φ_a²: |b_a|·φ_a.
            max = Math.max(max, Math.abs(bvec[a]) * phi[a]);
        }
        return max;
    }

    @Override
    public RidgePath.Raw path(double[] lambdas) {
        int nl = lambdas.length;
        double maxEval = m == 0 ? 0 : evals[m - 1];
        for (double lambda : lambdas) {
            if (m > 0 && !(evals[0] + lambda > m * 0x1p-52 * maxEval)) {
                throw new IllegalArgumentException("ridge has no unique solution at lambda = " + lambda
                        + ": the features are linearly dependent (or there are more features than rows); use lambda > 0");
            }
        }
        // g[k + l*m] = 1/(Λ_k + λ_l); qg = (Vᵀb)_k·g.
        double[] g = new double[m * nl];
        double[] qg = new double[m * nl];
        for (int l = 0; l < nl; l++) {
            for (int k = 0; k < m; k++) {
                g[k + l * m] = 1.0 / (evals[k] + lambdas[l]);
                qg[k + l * m] = qv[k] * g[k + l * m];
            }
        }
        RidgePath.Raw raw = new RidgePath.Raw(nl, pr.p);
        coefficients(nl, qg, raw.betaStd);
        double iota = pr.intercept ? 1.0 : 0.0;
        for (int l = 0; l < nl; l++) {
            double df = iota + q;
            for (int k = 0; k < m; k++) df += evals[k] * g[k + l * m];
            raw.df[l] = df;
        }
        leaveOneOut(nl, g, qg, raw);
        return raw;
    }

    /** β̃ for every λ: β̃_P = φ∘Vqg_l, β̃_Z = G_ZZ⁻¹(c_Z − G_ZP γ). */
    private void coefficients(int nl, double[] qg, double[][] betaStd) {
        double[] gamma = new double[m * nl];
        Gemm.multiply(m, nl, m, v, 0, m, qg, 0, m, 0.0, gamma, 0, m);
        double[] z = new double[q];
        for (int l = 0; l < nl; l++) {
            double[] beta = betaStd[l];
            for (int a = 0; a < m; a++) beta[pen[a]] = phi[a] * gamma[a + l * m];
            if (q > 0) {
                for (int t = 0; t < q; t++) {
                    double s = cz[t];
                    for (int a = 0; a < m; a++) s -= gzp[t + a * q] * gamma[a + l * m];
                    z[t] = s;
                }
                Cholesky.solve(q, lz, 0, q, z, 0);
                for (int t = 0; t < q; t++) beta[free[t]] = z[t];
            }
        }
    }

    /** The matrix W (p × (m+q)) with [T_i, R_i] = (x_i − c)ᵀW, see the class comment. */
    private double[] rowMap() {
        int p = pr.p;
        int cols = m + q;
        double[] w = new double[p * cols];
        // Eigen directions: φ_j V_jk / s_j on P, −(BV)_jk / s_j on Z.
        double[] bv = new double[q * m];
        Gemm.multiply(q, m, m, bmat, 0, q, v, 0, m, 0.0, bv, 0, q);
        for (int k = 0; k < m; k++) {
            for (int a = 0; a < m; a++) {
                int j = pen[a];
                w[j + k * p] = phi[a] * v[a + k * m] / pr.scales[j];
            }
            for (int t = 0; t < q; t++) {
                int j = free[t];
                w[j + k * p] = -bv[t + k * q] / pr.scales[j];
            }
        }
        // Whitened unpenalized features: R_i = L⁻¹ z̃_i, so W[j, m+t] = (L⁻¹)_{t, j} / s_j.
        double[] e = new double[q];
        for (int t = 0; t < q; t++) {
            java.util.Arrays.fill(e, 0.0);
            e[t] = 1.0;
            Cholesky.solveLower(q, lz, 0, q, e, 0);     // column t of L⁻¹
            for (int r = 0; r < q; r++) {
                int j = free[t];
                w[j + (m + r) * p] = e[r] / pr.scales[j];
            }
        }
        return w;
    }

    /** Accumulates Σu(y − ŷ)² and Σu(LOO residual)² for every λ, block by block of rows. */
    private void leaveOneOut(int nl, double[] g, double[] qg, RidgePath.Raw raw) {
        int n = pr.n;
        int p = pr.p;
        int cols = m + q;
        double[] w = rowMap();
        // Sparse rows are multiplied raw and shifted by cᵀW afterwards; dense rows are centred first.
        double[] offset = new double[cols];
        Gram.cross(p, cols, 1, w, 0, p, null, pr.centres, 0, p, offset, 0, cols);
        double iota = pr.intercept ? 1.0 : 0.0;
        int rows = Math.min(ROWS, n);
        double[] t = new double[rows * cols];
        double[] t2 = new double[rows * m];
        double[] hb = new double[rows * nl];
        double[] fb = new double[rows * nl];
        int[] cursor = null;
        double[] block = pr.x instanceof DenseMatrix ? new double[rows * p] : null;
        if (pr.x instanceof SparseMatrix s) {
            cursor = java.util.Arrays.copyOf(s.colPtr(), p);
        }
        for (int i0 = 0; i0 < n; i0 += rows) {
            int b = Math.min(rows, n - i0);
            if (pr.x instanceof DenseMatrix d) {
                double[] xv = d.values();
                for (int j = 0; j < p; j++) {
                    double cj = pr.centres[j];
                    for (int r = 0; r < b; r++) block[r + j * b] = xv[i0 + r + j * n] - cj;
                }
                Gemm.multiply(b, cols, p, block, 0, b, w, 0, p, 0.0, t, 0, b);
            } else {
                SparseMatrix s = (SparseMatrix) pr.x;
                SparseProducts.multiplyRows(p, s.colPtr(), s.rowIndex(), s.values(), cursor, i0, i0 + b, cols, w, p, t, b);
                for (int c = 0; c < cols; c++) {
                    double o = offset[c];
                    for (int r = 0; r < b; r++) t[r + c * b] -= o;
                }
            }
            for (int k = 0; k < b * m; k++) t2[k] = t[k] * t[k];
            Gemm.multiply(b, nl, m, t2, 0, b, g, 0, m, 0.0, hb, 0, b);
            Gemm.multiply(b, nl, m, t, 0, b, qg, 0, m, 0.0, fb, 0, b);
            for (int r = 0; r < b; r++) {
                int i = i0 + r;
                double ui = pr.u[i];
                if (ui == 0.0) continue;
                double hBase = iota;
                double fBase = pr.yMean;
                for (int c = 0; c < q; c++) {
                    double rz = t[r + (m + c) * b];
                    hBase += rz * rz;
                    fBase += rz * rho[c];
                }
                for (int l = 0; l < nl; l++) {
                    double h = ui * (hBase + hb[r + l * b]);
                    double e = pr.y[i] - fBase - fb[r + l * b];
                    double loo = e / (1.0 - h);
                    raw.rss[l] += ui * e * e;
                    raw.looSum[l] += ui * loo * loo;
                }
            }
        }
    }
}

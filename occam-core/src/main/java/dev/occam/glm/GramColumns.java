package dev.occam.glm;

import dev.occam.data.DenseMatrix;
import dev.occam.data.SparseMatrix;
import dev.occam.linalg.Gram;
import dev.occam.linalg.NativeBlas;
import dev.occam.linalg.SparseProducts;

/**
 * Columns of the weighted Gram matrix of the standardized features,
 * G_jk = Σ_i u_i x̃_ij x̃_ik, for a batch of features k and every j — what covariance updates need
 * when features k enter the model. Computed from the raw X without a standardized copy: with
 * B_ik = u_i (x_ik − c_k)/s_k (a centred, hence cancellation-free, dense block),
 * G_jk = (Σ_i x_ij B_ik − c_j Σ_i B_ik)/s_j. For dense X the product XᵀB is one BLAS dgemm
 * ({@link NativeBlas#blas()}: OpenBLAS when present, else netlib's Java BLAS), in blocks of features
 * to bound memory.
 */
final class GramColumns {
    private static final int BLOCK = 128;

    private GramColumns() { }

    /**
     * Computes the whole Gram matrix into {@code out[k]} (columns allocated here): the weighted,
     * centred cross-product kernel of {@link Gram} (OpenBLAS dsyrk when present) for dense X, then
     * the scales; for sparse X the uncentred XᵀUX corrected by the means.
     */
    static void full(Problem pr, double[][] out) {
        int n = pr.n;
        int p = pr.p;
        double[] g = new double[p * p];
        if (pr.x instanceof DenseMatrix d) {
            // Σ_i x_ij = mean_j / u when the weights are equal (the only case that uses the sums)
            double[] sums = new double[p];
            for (int j = 0; j < p; j++) sums[j] = pr.means[j] / pr.u[0];
            Gram.crossprod(n, p, d.values(), 0, n, pr.u, pr.centres, sums, g);
        } else {
            SparseMatrix s = (SparseMatrix) pr.x;
            SparseProducts.crossprod(n, p, s.colPtr(), s.rowIndex(), s.values(), pr.u, g);
            // (X − 1cᵀ)ᵀU(X − 1cᵀ) = XᵀUX − c mᵀ − m cᵀ + c cᵀ (Σu = 1, m the weighted means)
            for (int k = 0; k < p; k++) {
                for (int j = 0; j < p; j++) {
                    double cj = pr.centres[j];
                    double ck = pr.centres[k];
                    g[k * p + j] += -cj * pr.means[k] - ck * pr.means[j] + cj * ck;
                }
            }
        }
        for (int k = 0; k < p; k++) {
            double[] col = new double[p];
            for (int j = 0; j < p; j++) col[j] = g[k * p + j] / (pr.scales[j] * pr.scales[k]);
            out[k] = col;
        }
    }

    /** Writes B[:, k] = u∘(x_k − c_k)/s_k into dst at off; returns Σ_i B_ik. */
    private static double centredColumn(Problem pr, int k, double[] dst, int off) {
        int n = pr.n;
        double c = pr.centres[k];
        double inv = 1.0 / pr.scales[k];
        java.util.Arrays.fill(dst, off, off + n, -c);
        scatterAdd(pr, k, dst, off);
        double s = 0;
        for (int i = 0; i < n; i++) {
            double v = pr.u[i] * dst[off + i] * inv;
            dst[off + i] = v;
            s += v;
        }
        return s;
    }

    /** prod[t*rows + r] = Σ_i X[i, first+r] · block[t*n + i] for sparse X. */
    private static void sparseProduct(SparseMatrix s, int first, int rows, double[] block, int m, double[] prod) {
        int n = s.rows();
        int[] ptr = s.colPtr();
        int[] idx = s.rowIndex();
        double[] vals = s.values();
        for (int t = 0; t < m; t++) {
            int off = t * n;
            for (int r = 0; r < rows; r++) {
                int j = first + r;
                double acc = 0;
                for (int q = ptr[j]; q < ptr[j + 1]; q++) acc += vals[q] * block[off + idx[q]];
                prod[t * rows + r] = acc;
            }
        }
    }

    /**
     * Computes G[:, k] for every k in {@code vars[0..count)} into {@code out[k]} (allocated here).
     */
    static void compute(Problem pr, int[] vars, int count, double[][] out) {
        int n = pr.n;
        int p = pr.p;
        for (int start = 0; start < count; start += BLOCK) {
            int m = Math.min(BLOCK, count - start);
            double[] block = new double[n * m];
            double[] colSum = new double[m];
            for (int t = 0; t < m; t++) colSum[t] = centredColumn(pr, vars[start + t], block, t * n);
            double[] prod = new double[p * m];
            if (pr.x instanceof DenseMatrix d) {
                // prod (p×m) = Xᵀ (p×n) · B (n×m)
                NativeBlas.blas().dgemm("T", "N", p, m, n, 1.0, d.values(), n, block, n, 0.0, prod, p);
            } else {
                sparseProduct((SparseMatrix) pr.x, 0, p, block, m, prod);
            }
            for (int t = 0; t < m; t++) {
                double[] g = new double[p];
                for (int j = 0; j < p; j++) {
                    g[j] = (prod[t * p + j] - pr.centres[j] * colSum[t]) / pr.scales[j];
                }
                out[vars[start + t]] = g;
            }
        }
    }

    private static void scatterAdd(Problem pr, int k, double[] dst, int off) {
        if (pr.x instanceof DenseMatrix d) {
            double[] v = d.values();
            int src = d.offset(k);
            for (int i = 0; i < pr.n; i++) dst[off + i] += v[src + i];
        } else {
            SparseMatrix s = (SparseMatrix) pr.x;
            for (int q = s.colPtr()[k]; q < s.colPtr()[k + 1]; q++) dst[off + s.rowIndex()[q]] += s.values()[q];
        }
    }
}

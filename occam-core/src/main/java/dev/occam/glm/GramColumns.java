package dev.occam.glm;

import dev.ludovic.netlib.blas.BLAS;
import dev.occam.data.DenseMatrix;
import dev.occam.data.SparseMatrix;

/**
 * Columns of the weighted Gram matrix of the standardized features,
 * G_jk = Σ_i u_i x̃_ij x̃_ik, for a batch of features k and every j — what covariance updates need
 * when features k enter the model. Computed from the raw X without a standardized copy: with
 * B_ik = u_i (x_ik − c_k)/s_k (a centred, hence cancellation-free, dense block),
 * G_jk = (Σ_i x_ij B_ik − c_j Σ_i B_ik)/s_j. For dense X the product XᵀB is one BLAS dgemm
 * (OpenBLAS when present, else netlib's Java fallback), in blocks of features to bound memory.
 */
final class GramColumns {
    private static final int BLOCK = 128;
    private static final BLAS BLAS_INSTANCE = BLAS.getInstance();

    private GramColumns() { }

    /**
     * Computes the whole Gram matrix into {@code out[k]} (columns allocated here), using its symmetry:
     * block t of columns only needs the rows from the block's first column on, the rest are mirrored
     * from earlier blocks. Half the work of computing every column separately.
     */
    static void full(Problem pr, double[][] out) {
        int n = pr.n;
        int p = pr.p;
        for (int k = 0; k < p; k++) out[k] = new double[p];
        for (int start = 0; start < p; start += BLOCK) {
            int m = Math.min(BLOCK, p - start);
            double[] block = new double[n * m];
            double[] colSum = new double[m];
            for (int t = 0; t < m; t++) colSum[t] = centredColumn(pr, start + t, block, t * n);
            int rows = p - start;
            double[] prod = new double[rows * m];
            if (pr.x instanceof DenseMatrix d) {
                BLAS_INSTANCE.dgemm("T", "N", rows, m, n, 1.0, d.values(), start * n, n, block, 0, n, 0.0, prod, 0, rows);
            } else {
                sparseProduct((SparseMatrix) pr.x, start, rows, block, m, prod);
            }
            for (int t = 0; t < m; t++) {
                int k = start + t;
                for (int r = 0; r < rows; r++) {
                    int j = start + r;
                    double g = (prod[t * rows + r] - pr.centres[j] * colSum[t]) / pr.scales[j];
                    out[k][j] = g;
                    out[j][k] = g;
                }
            }
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
                BLAS_INSTANCE.dgemm("T", "N", p, m, n, 1.0, d.values(), n, block, n, 0.0, prod, p);
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

package dev.occam.spark;

import dev.ludovic.netlib.blas.BLAS;
import dev.occam.linalg.Gemm;
import dev.occam.linalg.NativeBlas;

/**
 * The weighted cross-product of a block of rows stored row after row, added to a sum:
 * <pre>   H += Σ_i w_i a_i a_iᵀ     (lower triangle of the p × p column-major H)</pre>
 * where row a_i is {@code a[i·p .. i·p + p)} (the block is the p × m column-major matrix A, so
 * H += A·diag(w)·Aᵀ). p²/2 multiply-adds per row.
 *
 * <p>Rows are kept contiguous because the caller fills the block one row at a time: a row is one
 * sequential copy, where a column-major block would take p writes a block's height apart (in the
 * profile of the former per-point blocks that scatter cost more than the product itself). With a
 * native BLAS the product is one dsyrk on the rows scaled by √w_i, accumulated straight into H;
 * without one, occam-core's blocked Java kernel on the rows scaled by w_i against a transposed copy.
 * The scratch arrays are the caller's, so a pass allocates nothing per block.
 */
final class BlockGram {
    private BlockGram() { }

    /** Whether the native kernel is used (native BLAS present and not disabled). */
    static boolean nativeBlas() {
        return NativeBlas.available();
    }

    /**
     * H += A·diag(w)·Aᵀ on the lower triangle.
     *
     * @param m rows in the block
     * @param p features
     * @param a rows, row i at i·p. Not modified.
     * @param w row weights ≥ 0, length ≥ m. Not modified.
     * @param scaled scratch, length ≥ m·p. Modified.
     * @param transposed scratch for the Java kernel (length ≥ m·p), or null with a native BLAS. Modified.
     * @param h p × p column-major, lower triangle accumulated. Modified.
     */
    static void add(int m, int p, double[] a, double[] w, double[] scaled, double[] transposed, double[] h) {
        if (m == 0) return;
        if (nativeBlas()) {
            for (int i = 0; i < m; i++) {
                double f = Math.sqrt(w[i]);
                int off = i * p;
                for (int j = 0; j < p; j++) scaled[off + j] = f * a[off + j];
            }
            BLAS blas = NativeBlas.get();
            blas.dsyrk("L", "N", p, m, 1.0, scaled, 0, p, 1.0, h, 0, p);
        } else {
            for (int i = 0; i < m; i++) {
                double f = w[i];
                int off = i * p;
                for (int j = 0; j < p; j++) {
                    scaled[off + j] = f * a[off + j];
                    transposed[i + j * m] = a[off + j];
                }
            }
            // lower(H) += (A·diag(w)) · Aᵀ, Aᵀ being the m × p column-major copy
            Gemm.multiplyLower(p, m, scaled, 0, p, transposed, 0, m, 1.0, h, 0, p);
        }
    }
}

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
 * profile of the former per-point blocks that scatter cost more than the product itself).
 *
 * <p>With a native BLAS the block's product is one <b>single-precision</b> ssyrk on the rows
 * scaled by √w_i (twice the multiply-adds per cycle of dsyrk), and each block's float result is
 * added into the double sum H, so rounding does not grow with the number of rows: an entry of H
 * has a relative error of about 1e-7 (block sums of at most {@link FisherPass#BLOCK} products of
 * centred rows). That is enough for what H is used for — the Newton direction of IRLS, whose
 * convergence is then linear at a rate of about 1e-7 × the condition number instead of
 * quadratic — while the gradient, the deviance and therefore the KKT certificate stay in double.
 * Without a native BLAS, occam-core's blocked Java kernel in double precision (rows scaled by w_i
 * against a transposed copy). A caller may ask for double precision for a product ({@code exact}:
 * native dsyrk), which IRLS does for a λ whose Newton steps have not converged after a few float
 * ones (an ill-conditioned Fisher information). Scratch is allocated once per instance, nothing
 * per block.
 */
final class BlockGram {
    private final int p;
    private final boolean nativeBlas;
    private final float[] scaledF;
    private final float[] blockF;
    private final double[] scaled;
    private final double[] transposed;
    private final int maxRows;

    /**
     * @param p features
     * @param maxRows the most rows a block has
     * @param nativeBlas whether to use the native single-precision kernel (only when a native BLAS is available)
     */
    BlockGram(int p, int maxRows, boolean nativeBlas) {
        this.p = p;
        this.nativeBlas = nativeBlas;
        this.maxRows = maxRows;
        scaled = new double[maxRows * p];
        if (nativeBlas) {
            scaledF = new float[maxRows * p];
            blockF = new float[p * p];
            transposed = null;
        } else {
            scaledF = null;
            blockF = null;
            transposed = new double[maxRows * p];
        }
    }

    /** The kernel for this JVM: native single precision when a native BLAS is loaded, else Java double. */
    static BlockGram forThisJvm(int p, int maxRows) {
        return new BlockGram(p, maxRows, NativeBlas.available());
    }

    /**
     * H += A·diag(w)·Aᵀ on the lower triangle.
     *
     * @param m rows in the block (≤ maxRows)
     * @param a rows, row i at i·p. Not modified.
     * @param w row weights ≥ 0 from {@code wOff} on. Not modified.
     * @param wOff offset of row 0's weight in w
     * @param h p × p column-major, lower triangle accumulated. Modified.
     * @param exact whether the product must be in double precision even with a native BLAS (dsyrk)
     */
    void add(int m, double[] a, double[] w, int wOff, double[] h, boolean exact) {
        if (m == 0) return;
        if (m > maxRows) throw new IllegalArgumentException("a block has at most " + maxRows + " rows; got " + m);
        if (!nativeBlas) addJava(m, a, w, wOff, h);
        else if (exact) addNativeDouble(m, a, w, wOff, h);
        else addNative(m, a, w, wOff, h);
    }

    private void addNativeDouble(int m, double[] a, double[] w, int wOff, double[] h) {
        for (int i = 0; i < m; i++) {
            double f = Math.sqrt(w[wOff + i]);
            int off = i * p;
            for (int j = 0; j < p; j++) scaled[off + j] = f * a[off + j];
        }
        NativeBlas.get().dsyrk("L", "N", p, m, 1.0, scaled, 0, p, 1.0, h, 0, p);
    }

    private void addNative(int m, double[] a, double[] w, int wOff, double[] h) {
        for (int i = 0; i < m; i++) {
            double f = Math.sqrt(w[wOff + i]);
            int off = i * p;
            for (int j = 0; j < p; j++) scaledF[off + j] = (float) (f * a[off + j]);
        }
        BLAS blas = NativeBlas.get();
        blas.ssyrk("L", "N", p, m, 1.0f, scaledF, 0, p, 0.0f, blockF, 0, p);
        for (int k = 0; k < p; k++) {
            int col = k * p;
            for (int j = k; j < p; j++) h[col + j] += blockF[col + j];
        }
    }

    private void addJava(int m, double[] a, double[] w, int wOff, double[] h) {
        for (int i = 0; i < m; i++) {
            double f = w[wOff + i];
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

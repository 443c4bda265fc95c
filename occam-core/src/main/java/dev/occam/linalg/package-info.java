/**
 * Dense linear-algebra kernels: stateless static methods on column-major {@code double[]}.
 *
 * <p>Conventions, as in EJML's {@code CommonOps_DDRM} and the reference BLAS:
 * <ul>
 *   <li>A matrix is a column-major array plus an offset and a leading dimension: element (i, j) of
 *       an m × n matrix {@code a} with offset {@code aOff} and leading dimension {@code lda ≥ m}
 *       is {@code a[aOff + i + j*lda]}. A sub-block of a larger matrix is passed by offset and
 *       leading dimension, never copied.</li>
 *   <li>The caller provides every output buffer; kernels allocate at most small scratch blocks.</li>
 *   <li>Every argument's javadoc says <em>Modified</em> or <em>Not modified</em>.</li>
 *   <li>Kernels do not validate their arguments beyond what Java's bounds checks give: the API layer
 *       (e.g. {@code dev.occam.glm}) validates once, then calls kernels.</li>
 *   <li>Loops are simple counted loops that the JIT vectorizes; where a native BLAS (OpenBLAS through
 *       {@code dev.ludovic.netlib}) is measurably faster, the public entry point uses it and the
 *       pure-Java kernel remains available and tested (see {@link dev.occam.linalg.NativeBlas}).</li>
 * </ul>
 *
 * <p>Contents: {@link dev.occam.linalg.Blas1} (vector operations), {@link dev.occam.linalg.Gemm}
 * (matrix products), {@link dev.occam.linalg.Gram} (XᵀWX, XᵀWY and X·D·Xᵀ of dense matrices),
 * {@link dev.occam.linalg.ColumnDots} (X_SᵀV for chosen columns of a dense X and a few vectors),
 * {@link dev.occam.linalg.SparseProducts} (products of CSC matrices), {@link dev.occam.linalg.Cholesky}
 * (SPD factorization and solves) and {@link dev.occam.linalg.SymmetricEigen} (symmetric
 * eigendecomposition). {@link dev.occam.linalg.NativeBlas} decides, once and silently, whether the
 * native BLAS is used ({@code BlasLibraryProbe} finds its file first) and
 * {@link dev.occam.linalg.Simd} whether the vector kernels run; both describe the choice and why.
 */
package dev.occam.linalg;

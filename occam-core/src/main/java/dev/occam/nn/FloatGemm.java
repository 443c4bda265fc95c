package dev.occam.nn;

import dev.ludovic.netlib.blas.BLAS;
import dev.occam.linalg.NativeBlas;
import java.util.Arrays;

/**
 * The one float32 matrix product every dense layer uses: C = α·op(A)·op(B) + β·C, all matrices
 * row-major, op(X) = X or Xᵀ. A static kernel: no validation beyond the JVM's bounds checks.
 *
 * <p>Two implementations, chosen per call:
 * <ul>
 * <li><b>Native</b>: when {@link NativeBlas#available()} (Debian's OpenBLAS found through
 *     dev.ludovic.netlib; off with {@code -Doccam.blas=java}) and the product has at least
 *     {@link #NATIVE_WORK} multiply-adds, the call goes to the native {@code sgemm}. A row-major
 *     C = op(A)·op(B) is the column-major Cᵀ = op(B)ᵀ·op(A)ᵀ, so the arrays are passed as they are,
 *     with A and B swapped. On the benchmark's products (batch 128; Zen 4, one thread) OpenBLAS's
 *     sgemm runs at 60–100 GFLOP/s and the Java kernel below at 5–32, and a Fashion-MNIST MLP
 *     epoch takes less than half the time (numbers in {@code occam-bench/results/mlp.md}). Products of
 *     more than 2¹⁸ multiply-adds are threaded by OpenBLAS itself ({@code OPENBLAS_NUM_THREADS},
 *     default all cores); {@link #THREADS} does not apply to them.</li>
 * <li><b>Pure Java</b>, for small products and when no native BLAS is present. All the work is one
 *     micro-kernel, {@code c[j] += a0·b0[j] + a1·b1[j] + a2·b2[j] + a3·b3[j]}: one row of C
 *     against four rows of op(B), a counted loop that HotSpot's C2 turns into SIMD instructions.
 *     C2 vectorizes this loop only when every array is indexed from offset 0 (and, measured, not
 *     when one loop updates two rows of C). So op(B) is packed, block
 *     by block, into one array per row, and each row of C is accumulated in a scratch row and
 *     copied back. Blocking (KB × NB of op(B), 256 KiB) keeps the packed block in L2 while every
 *     row of A passes over it; packing also turns a transposed B into contiguous rows. Eight rows
 *     of B per pass, or {@code Math.fma}, measured within 10% of this kernel ({@code Math.fma} is
 *     also a slow software routine where the CPU lacks FMA), so the kernel stays as it is. Large
 *     products are split by rows of C over {@link #THREADS} threads (the common fork-join pool
 *     plus the caller); each element is still summed by one thread in the same order, so the
 *     result is the same for any number of threads.</li>
 * </ul>
 *
 * <p>Summation order differs between the two and from a naive triple loop, so results agree with
 * other implementations to float rounding, not bit for bit. For given shapes the choice of
 * implementation and the order are fixed, so equal inputs always give equal outputs within a run.
 */
public final class FloatGemm {
    /** Block of the shared dimension k. */
    static final int KB = 128;
    /** Block of the columns of C. */
    static final int NB = 512;

    /**
     * Threads a large product is split over: the system property {@code occam.threads}, else the
     * number of available processors. Products under {@link #PARALLEL_WORK} multiply-adds stay on
     * the calling thread.
     */
    static final int THREADS = Math.max(1, Integer.getInteger("occam.threads", Runtime.getRuntime().availableProcessors()));

    /** m·n·k below which splitting costs more than it saves. */
    static final long PARALLEL_WORK = 1L << 21;

    /** m·n·k from which the native sgemm is used (when available): below it the JNI call and its checks cost more than they save. */
    static final long NATIVE_WORK = 1L << 15;

    /** The native BLAS, or null: looked up once, honouring {@code -Doccam.blas=java}. */
    private static final BLAS NATIVE = NativeBlas.available() ? NativeBlas.get() : null;

    private static final java.util.concurrent.ForkJoinPool POOL = java.util.concurrent.ForkJoinPool.commonPool();

    /** Per-thread packing and accumulator buffers (the kernel is otherwise stateless). */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static final class Scratch {
        final float[][] bRows = new float[KB][NB];
        final float[] acc = new float[NB];
    }

    private FloatGemm() {
    }

    /**
     * C = α·op(A)·op(B) + β·C.
     *
     * @param transA use Aᵀ: A is stored k × m (row-major, row stride lda ≥ m); else m × k (lda ≥ k)
     * @param transB use Bᵀ: B is stored n × k (ldb ≥ k); else k × n (ldb ≥ n)
     * @param m rows of C
     * @param n columns of C
     * @param k the shared dimension
     * @param alpha scale of the product
     * @param a A. Not modified.
     * @param lda row stride of A
     * @param b B. Not modified.
     * @param ldb row stride of B
     * @param beta scale of the old C (0: C is overwritten, its old values, even NaN, are ignored)
     * @param c C, m × n with row stride ldc ≥ n. Modified.
     * @param ldc row stride of C
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                            float[] a, int lda, float[] b, int ldb, float beta, float[] c, int ldc) {
        long work = (long) m * n * k;
        if (NATIVE != null && work >= NATIVE_WORK && alpha != 0f) {
            gemmNative(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            return;
        }
        int parts = work >= PARALLEL_WORK ? THREADS : 1;
        gemm(parts, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }

    /** Whether {@link #gemm} sends large products to a native sgemm. */
    static boolean nativeAvailable() {
        return NATIVE != null;
    }

    /**
     * {@link #gemm} through the native sgemm (only when {@link #nativeAvailable()}). Row-major
     * C = op(A)·op(B) is column-major Cᵀ = op(B)ᵀ·op(A)ᵀ: the same arrays and strides, A and B
     * swapped. β = 0 ignores C's old values as BLAS specifies.
     */
    static void gemmNative(boolean transA, boolean transB, int m, int n, int k, float alpha,
                           float[] a, int lda, float[] b, int ldb, float beta, float[] c, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            scaleC(m, n, beta, c, ldc);
            return;
        }
        NATIVE.sgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k, alpha, b, ldb, a, lda, beta, c, ldc);
    }

    /** {@link #gemm} split over {@code parts} row ranges (for tests: any split gives the same bits). */
    static void gemm(int parts, boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] a, int lda, float[] b, int ldb, float beta, float[] c, int ldc) {
        scaleC(m, n, beta, c, ldc);
        if (m == 0 || n == 0 || k == 0 || alpha == 0f) {
            return;
        }
        parts = Math.max(1, Math.min(parts, m));
        if (parts <= 1) {
            rows(transA, transB, 0, m, n, k, alpha, a, lda, b, ldb, c, ldc);
            return;
        }
        // Each part owns whole rows of C and packs B itself: no shared writes, and every element is
        // summed in the same order as by one thread, so results do not depend on the thread count.
        java.util.concurrent.ForkJoinTask<?>[] tasks = new java.util.concurrent.ForkJoinTask<?>[parts - 1];
        for (int t = 1; t < parts; t++) {
            int i0 = (int) ((long) m * t / parts);
            int i1 = (int) ((long) m * (t + 1) / parts);
            tasks[t - 1] = POOL.submit(() -> rows(transA, transB, i0, i1, n, k, alpha, a, lda, b, ldb, c, ldc));
        }
        rows(transA, transB, 0, (int) ((long) m / parts), n, k, alpha, a, lda, b, ldb, c, ldc);
        for (java.util.concurrent.ForkJoinTask<?> task : tasks) {
            task.join();
        }
    }

    /** C[i0..i1) += α·op(A)[i0..i1)·op(B). */
    private static void rows(boolean transA, boolean transB, int i0, int i1, int n, int k, float alpha,
                             float[] a, int lda, float[] b, int ldb, float[] c, int ldc) {
        Scratch s = SCRATCH.get();
        float[][] rows = s.bRows;
        float[] acc = s.acc;
        int aRow = transA ? 1 : lda;   // distance between rows i and i+1 of op(A)
        int aCol = transA ? lda : 1;   // distance between columns p and p+1 of op(A)
        for (int j0 = 0; j0 < n; j0 += NB) {
            int jn = Math.min(NB, n - j0);
            for (int p0 = 0; p0 < k; p0 += KB) {
                int kn = Math.min(KB, k - p0);
                pack(transB, b, ldb, p0, kn, j0, jn, rows);
                for (int i = i0; i < i1; i++) {
                    int ci = i * ldc + j0;
                    System.arraycopy(c, ci, acc, 0, jn);
                    int ai = i * aRow + p0 * aCol;
                    int p = 0;
                    for (; p + 3 < kn; p += 4) {
                        int q = ai + p * aCol;
                        kernel1x4(acc, alpha * a[q], alpha * a[q + aCol], alpha * a[q + 2 * aCol], alpha * a[q + 3 * aCol],
                                rows[p], rows[p + 1], rows[p + 2], rows[p + 3], jn);
                    }
                    for (; p < kn; p++) {
                        kernel1x1(acc, alpha * a[ai + p * aCol], rows[p], jn);
                    }
                    System.arraycopy(acc, 0, c, ci, jn);
                }
            }
        }
    }

    /** C ← β·C (β = 0 writes zeros). */
    private static void scaleC(int m, int n, float beta, float[] c, int ldc) {
        if (beta == 1f) {
            return;
        }
        for (int i = 0; i < m; i++) {
            int off = i * ldc;
            if (beta == 0f) {
                Arrays.fill(c, off, off + n, 0f);
            } else {
                for (int j = 0; j < n; j++) {
                    c[off + j] = beta * c[off + j];
                }
            }
        }
    }

    /** rows[p][j] = op(B)[p0 + p, j0 + j] for p &lt; kn, j &lt; jn. */
    private static void pack(boolean transB, float[] b, int ldb, int p0, int kn, int j0, int jn, float[][] rows) {
        if (transB) {
            for (int j = 0; j < jn; j++) {
                int src = (j0 + j) * ldb + p0;
                for (int p = 0; p < kn; p++) {
                    rows[p][j] = b[src + p];
                }
            }
        } else {
            for (int p = 0; p < kn; p++) {
                System.arraycopy(b, (p0 + p) * ldb + j0, rows[p], 0, jn);
            }
        }
    }

    private static void kernel1x4(float[] c, float a0, float a1, float a2, float a3,
                                  float[] b0, float[] b1, float[] b2, float[] b3, int n) {
        for (int j = 0; j < n; j++) {
            c[j] += a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
        }
    }

    private static void kernel1x1(float[] c0, float a0, float[] b, int n) {
        for (int j = 0; j < n; j++) {
            c0[j] += a0 * b[j];
        }
    }
}

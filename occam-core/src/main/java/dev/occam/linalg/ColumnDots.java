package dev.occam.linalg;

import java.util.stream.IntStream;

/**
 * The inner products of chosen columns of a dense column-major matrix with a few vectors:
 * {@code out[b·m + t] = Σ_i x[cols[t]·ldx + i]·v[b·n + i]}, i.e. X_Sᵀ V for a column subset S and
 * an n × q matrix V with q small (one to a few dozen).
 *
 * <p>Why not {@code dgemm}: with q small the product is bound by reading X, and a library
 * {@code dgemm} first copies (packs) X's block; here each column is read once, in place. Why not
 * one inner product per column and vector: then V, megabytes, streams from memory again for every
 * column. Here the rows are taken in blocks sized so that V's block stays in the core's L2 cache,
 * and four columns' segments meet four of V's vectors at a time in sixteen running sums
 * ({@link Blas1#dot44}): each loaded element serves four products (V's last q mod 4 vectors meet
 * four columns one at a time, {@link Blas1#dot41}). The columns are split between
 * threads in fixed chunks; each output is summed over the row blocks in order, so the result does
 * not depend on the number of threads.
 */
public final class ColumnDots {
    /** Doubles of V's block that stay in cache: 512 KB, half of a 1 MB L2. */
    private static final int V_BLOCK = 64 * 1024;
    /** Columns per parallel task. */
    private static final int CHUNK = 32;
    /** Below this many multiply-adds the product runs on the calling thread alone. */
    private static final long MIN_PARALLEL_WORK = 4_000_000L;

    private ColumnDots() { }

    /**
     * @param n rows
     * @param x column-major values (not modified)
     * @param ldx distance between columns of x (≥ n)
     * @param cols the columns, {@code cols[0..m)} (not modified)
     * @param m how many
     * @param v q vectors of n values, column-major with leading dimension n (not modified)
     * @param q how many vectors
     * @param out out: {@code out[b·m + t]}, length ≥ q·m (overwritten)
     */
    public static void product(int n, double[] x, int ldx, int[] cols, int m, double[] v, int q, double[] out) {
        java.util.Arrays.fill(out, 0, q * m, 0.0);
        // the longest blocks whose part of V (q·rows doubles) fits the cache: for one vector, whole
        // columns of up to 65 536 rows, which stream best
        int rows = Math.max(256, V_BLOCK / Math.max(q, 1) / 8 * 8);
        int chunks = (m + CHUNK - 1) / CHUNK;
        if ((long) n * m * q < MIN_PARALLEL_WORK || Runtime.getRuntime().availableProcessors() < 2) {
            for (int c = 0; c < chunks; c++) chunk(n, x, ldx, cols, m, v, q, out, c, rows);
        } else {
            IntStream.range(0, chunks).parallel().forEach(c -> chunk(n, x, ldx, cols, m, v, q, out, c, rows));
        }
    }

    private static void chunk(int n, double[] x, int ldx, int[] cols, int m, double[] v, int q, double[] out,
                              int c, int rows) {
        int end = Math.min(m, (c + 1) * CHUNK);
        double[] sums = new double[16];
        for (int from = 0; from < n; from += rows) {
            int len = Math.min(rows, n - from);
            int t = c * CHUNK;
            for (; t + 4 <= end; t += 4) {
                int x0 = cols[t] * ldx + from;
                int x1 = cols[t + 1] * ldx + from;
                int x2 = cols[t + 2] * ldx + from;
                int x3 = cols[t + 3] * ldx + from;
                int b = 0;
                for (; b + 4 <= q; b += 4) {
                    java.util.Arrays.fill(sums, 0.0);
                    Blas1.dot44(len, x, x0, x1, x2, x3, v, b * n + from, n, sums);
                    for (int k = 0; k < 4; k++) {
                        for (int e = 0; e < 4; e++) out[(b + e) * m + t + k] += sums[4 * k + e];
                    }
                }
                for (; b < q; b++) {
                    java.util.Arrays.fill(sums, 0, 4, 0.0);
                    Blas1.dot41(len, x, x0, x1, x2, x3, v, b * n + from, sums);
                    for (int k = 0; k < 4; k++) out[b * m + t + k] += sums[k];
                }
            }
            for (; t < end; t++) {
                int xo = cols[t] * ldx + from;
                for (int b = 0; b < q; b++) out[b * m + t] += Blas1.dot(len, x, xo, v, b * n + from);
            }
        }
    }
}

package dev.occam.glm;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs an independent computation per feature over the common fork-join pool when the work is
 * large enough to pay for it. Used for the KKT check, a gradient per feature outside the strong
 * set: each result depends on its own feature only, so the outcome does not depend on the
 * number of threads.
 */
final class ParallelColumns {
    /**
     * Below this many stored entries to touch, threads cost more than they save: handing chunks to
     * the pool costs tens of microseconds, a quarter of a million entries about a quarter of a
     * millisecond on one core. (It was 4 million, which left d50-lasso's Hessian-free products
     * serial up to ~40 000 active columns: their gathers took ~6 ms on one thread, ~3 ms on two.)
     */
    private static final long MIN_WORK = 250_000L;
    private static final int CHUNK = 64;

    private ParallelColumns() { }

    /**
     * Calls {@code body} for every {@code which[0..count)}.
     *
     * @param entriesPerColumn average stored entries of a column (n for dense X)
     */
    static void forEach(int[] which, int count, double entriesPerColumn, IntConsumer body) {
        if (count * entriesPerColumn < MIN_WORK || Runtime.getRuntime().availableProcessors() < 2) {
            for (int k = 0; k < count; k++) body.accept(which[k]);
            return;
        }
        int chunks = (count + CHUNK - 1) / CHUNK;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int end = Math.min(count, (c + 1) * CHUNK);
            for (int k = c * CHUNK; k < end; k++) body.accept(which[k]);
        });
    }
}

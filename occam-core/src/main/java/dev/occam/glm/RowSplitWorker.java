package dev.occam.glm;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One shared helper thread that takes part of the rows of a column pass while the calling thread
 * does the rest.
 *
 * <p>Why: a dense coordinate-descent pass on large n streams a column from memory and the residual
 * and weights through the cache; one core does not pull all of the memory bandwidth, and the
 * residual, weights and two columns of n = 50 000 rows do not fit one core's L2 but half of them
 * do. The passes are short (tens of microseconds) and strictly sequential — each coordinate reads
 * the residual its predecessor moved — so a fork-join task per pass costs more than it saves; one
 * hand-off per pass to a thread that is already spinning does not.
 *
 * <p>A pass is cut into {@link #BLOCKS} blocks of rows, each with its own partial sums. The caller
 * claims blocks 0, 1, … and the worker blocks B/2, B/2+1, … (so each core keeps touching the same
 * rows, whose residual and weights stay in its cache); whoever finishes first takes the other's
 * unclaimed blocks from the far end. Which thread runs a block never changes what is computed, and
 * the caller combines the blocks' sums in block order, so results do not depend on timing, on the
 * number of processors or on whether the worker was free.
 *
 * <p>A solver {@linkplain #tryAcquire leases} the worker for one solve (one solver at a time; another
 * gets {@code null} and runs all blocks itself). The worker spins briefly between passes and then
 * parks, so it does not burn a core while no solver runs.
 *
 * <p>While another program keeps a core busy, three threads share two cores: the spinning worker
 * then takes time from the caller and runs few blocks, and a block it claimed cannot be taken back
 * when it loses its core in the middle of it, so the caller waits. The caller watches both over
 * windows of passes and runs the passes alone for a while (the worker parks) when the worker ran
 * under a quarter of the blocks or waiting cost a tenth of the time; longer each time it happens
 * again right after. (On a quiet machine the worker runs close to half the blocks, and loses its
 * core a few times a second for well under a millisecond, which costs little.)
 */
final class RowSplitWorker {
    /** A pass over the rows [from, to) of block {@code block}, writing that block's partial sums to {@code out}. */
    interface Pass {
        void run(int block, int from, int to, double[] out);
    }

    /** Blocks per pass. */
    static final int BLOCKS = 8;
    private static final int ALL = (1 << BLOCKS) - 1;
    /**
     * How long the idle worker spins for the next pass before parking. Passes come every ~10–50 µs
     * within a solve; between the solves of an IRLS fit the caller works on its own for about a
     * millisecond, and a parked worker wakes slowly (often on the caller's core, see awaitWorker).
     */
    private static final long WORKER_SPIN_NANOS = 2_000_000L;
    /**
     * Waiting for the worker longer than this counts as lost (a block takes microseconds; the
     * caller normally waits a few for the worker's last one). After it the caller also yields its
     * core between checks: a worker just woken often waits on the caller's own core.
     */
    private static final long LOST_AFTER_NANOS = 20_000L;
    /** After this long waiting, the caller sleeps until the worker wakes it. */
    private static final long PARK_AFTER_NANOS = 200_000L;
    /** Passes per accounting window, and the share of the window's time lost that makes the caller go alone. */
    private static final int WINDOW = 1024;
    private static final double MAX_LOST_SHARE = 0.1;
    private static final double MIN_WORKER_SHARE = 0.25;
    /** How long the caller goes alone, first and at most (doubling when the first window after is bad again). */
    private static final long BACK_OFF_NANOS = 20_000_000L;
    private static final long MAX_BACK_OFF_NANOS = 1_000_000_000L;

    private final AtomicBoolean leased = new AtomicBoolean();
    /** Bit b set: block b of the current pass is taken. Reset (with {@link #finished}) by the caller per pass. */
    private final AtomicInteger claimed = new AtomicInteger(ALL);
    private final AtomicInteger finished = new AtomicInteger();
    /** Bumped per posted pass; the worker waits for it to change. */
    private final AtomicInteger posted = new AtomicInteger();
    // The current pass: written by the caller before it resets claimed, read by a thread only after
    // it claimed a block (a successful compare-and-set on claimed), so the atomics publish them.
    private Pass pass;
    private int[] bounds;
    private double[][] partials;
    private volatile Throwable failure;
    private volatile boolean workerParked;
    private volatile Thread waiter;
    // Caller-side state, handed from solver to solver with the lease: the current window (passes,
    // their time, the time lost waiting), whether it is the first after going alone, and until when
    // (System.nanoTime) the caller goes alone, and for how long it did last.
    private int windowPasses;
    private long windowNanos;
    private long windowLost;
    private long windowWorkerBlocks;
    private boolean firstWindowAfterBackOff;
    private boolean backingOff;
    private long backOffUntil;
    private long backOff = BACK_OFF_NANOS;
    private final Thread thread;

    private RowSplitWorker() {
        thread = new Thread(this::loop, "occam-row-split");
        thread.setDaemon(true);
        thread.start();
    }

    /** The shared worker, started on first use (holder idiom: one per JVM, created lazily). */
    private static final class Holder {
        static final RowSplitWorker SHARED = new RowSplitWorker();
    }

    /**
     * Leases the shared worker to the calling solver until {@link #release}, or returns null when
     * there is only one processor or another solver holds it.
     */
    static RowSplitWorker tryAcquire() {
        if (Runtime.getRuntime().availableProcessors() < 2) return null;
        RowSplitWorker w = Holder.SHARED;
        return w.leased.compareAndSet(false, true) ? w : null;
    }

    /** Ends the lease taken by {@link #tryAcquire}. */
    void release() {
        leased.set(false);
    }

    /** Forgets earlier lost time, so the next pass is shared again (for tests that need the worker). */
    void clearBackOff() {
        backingOff = false;
        backOff = BACK_OFF_NANOS;
        windowPasses = 0;
        windowNanos = 0;
        windowLost = 0;
        windowWorkerBlocks = 0;
    }

    /**
     * Block boundaries for n rows: {@link #BLOCKS} + 1 increasing row indices from 0 to n, inner
     * ones multiples of 8 (so blocks that run on different cores share no cache line of vectors).
     */
    static int[] blockBounds(int n) {
        int[] b = new int[BLOCKS + 1];
        for (int k = 1; k < BLOCKS; k++) b[k] = (int) ((long) n * k / BLOCKS) & ~7;
        b[BLOCKS] = n;
        return b;
    }

    /**
     * Runs every block of {@code p} without the worker, in block order: the same sums as {@link #run}.
     */
    static void runAlone(Pass p, int[] bounds, double[][] partials) {
        for (int b = 0; b < BLOCKS; b++) p.run(b, bounds[b], bounds[b + 1], partials[b]);
    }

    /**
     * Runs every block b of {@code p} (rows [bounds[b], bounds[b+1]), sums into partials[b]) on the
     * calling thread and the worker; returns when all are done.
     */
    void run(Pass p, int[] bounds, double[][] partials) {
        if (backingOff) {
            if (System.nanoTime() < backOffUntil) {
                runAlone(p, bounds, partials);
                return;
            }
            backingOff = false;
            firstWindowAfterBackOff = true;
        }
        this.pass = p;
        this.bounds = bounds;
        this.partials = partials;
        failure = null;
        finished.set(0);
        claimed.set(0);
        posted.incrementAndGet();
        if (workerParked) LockSupport.unpark(thread);
        long start = System.nanoTime();
        int mine = 0;
        long lost = 0;
        try {
            for (int b = 0; b < BLOCKS / 2 && claim(b); b++) {
                mine++;
                p.run(b, bounds[b], bounds[b + 1], partials[b]);
            }
            for (int b = BLOCKS - 1; b >= BLOCKS / 2 && claim(b); b--) {
                mine++;
                p.run(b, bounds[b], bounds[b + 1], partials[b]);
            }
        } finally {
            // also after a failure here: the worker's blocks must end before the next pass is posted
            if (mine < BLOCKS) lost = awaitWorker(mine);
            this.pass = null;
            this.partials = null;
        }
        account(System.nanoTime() - start, lost, BLOCKS - mine);
        Throwable t = failure;
        if (t != null) {
            if (t instanceof RuntimeException e) throw e;
            if (t instanceof Error e) throw e;
            throw new IllegalStateException(t);
        }
    }

    private boolean claim(int b) {
        int bit = 1 << b;
        while (true) {
            int m = claimed.get();
            if ((m & bit) != 0) return false;
            if (claimed.compareAndSet(m, m | bit)) return true;
        }
    }

    /**
     * Waits until the worker finished the blocks it claimed ({@code mine} blocks were claimed
     * here); returns the time lost (waited beyond {@link #LOST_AFTER_NANOS}).
     */
    private long awaitWorker(int mine) {
        // after a failure here some blocks are claimed by nobody: take them so the count can complete
        int rest = ALL & ~claimed.getAndSet(ALL);
        int expected = BLOCKS - mine - Integer.bitCount(rest);
        long start = 0;
        long waited = 0;
        int spins = 0;
        while (finished.get() < expected) {
            if (++spins < 64) {
                Thread.onSpinWait();
                continue;
            }
            spins = 0;
            long now = System.nanoTime();
            if (start == 0) {
                start = now;
                continue;
            }
            waited = now - start;
            if (waited > PARK_AFTER_NANOS) {
                // the worker lost its core in the middle of a block: sleep until it is done (it reads
                // waiter after counting its blocks, and we re-read the count after writing waiter, so
                // no wake-up is lost)
                waiter = Thread.currentThread();
                if (finished.get() < expected) LockSupport.parkNanos(this, 1_000_000L);
                waiter = null;
            } else if (waited > LOST_AFTER_NANOS) {
                Thread.yield();
            }
        }
        if (start != 0) waited = System.nanoTime() - start;
        return Math.max(0, waited - LOST_AFTER_NANOS);
    }

    /**
     * Counts one shared pass ({@code workerBlocks} of its blocks ran on the worker); at the end of a
     * window in which the worker helped too little or cost too much waiting, goes alone for a while.
     */
    private void account(long nanos, long lost, int workerBlocks) {
        windowNanos += nanos;
        windowLost += lost;
        windowWorkerBlocks += workerBlocks;
        if (++windowPasses < WINDOW) return;
        if (windowLost > MAX_LOST_SHARE * windowNanos || windowWorkerBlocks < MIN_WORKER_SHARE * WINDOW * BLOCKS) {
            // lost again right after going alone: the machine stays busy, stay away longer
            backOff = firstWindowAfterBackOff ? Math.min(2 * backOff, MAX_BACK_OFF_NANOS) : BACK_OFF_NANOS;
            backingOff = true;
            backOffUntil = System.nanoTime() + backOff;
        }
        firstWindowAfterBackOff = false;
        windowPasses = 0;
        windowNanos = 0;
        windowLost = 0;
        windowWorkerBlocks = 0;
    }

    private void loop() {
        int seen = 0;
        while (true) {
            seen = awaitPosted(seen);
            int ran = 0;
            for (int b = BLOCKS / 2; b < BLOCKS && claim(b); b++) {
                try {
                    pass.run(b, bounds[b], bounds[b + 1], partials[b]);
                } catch (Throwable t) {
                    failure = t;
                }
                ran++;
            }
            if (ran > 0) {
                finished.addAndGet(ran);
                Thread w = waiter;
                if (w != null) LockSupport.unpark(w);
            }
        }
    }

    /** Waits for a pass posted after {@code seen}; returns its number. */
    private int awaitPosted(int seen) {
        long start = System.nanoTime();
        int spins = 0;
        int now;
        while ((now = posted.get()) == seen) {
            if (++spins < 64) {
                Thread.onSpinWait();
                continue;
            }
            spins = 0;
            if (System.nanoTime() - start > WORKER_SPIN_NANOS) {
                // idle: park until a caller posts (it reads workerParked after bumping posted, and we
                // re-read posted after writing workerParked, so no pass is missed)
                workerParked = true;
                if (posted.get() == seen) LockSupport.park(this);
                workerParked = false;
                start = System.nanoTime();
            }
        }
        return now;
    }
}

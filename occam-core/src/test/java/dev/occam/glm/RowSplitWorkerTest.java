package dev.occam.glm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared row-block worker: every block once, the same sums as alone, one lease at a time. */
class RowSplitWorkerTest {
    private RowSplitWorker worker;

    @BeforeEach
    void lease() {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "the worker needs two processors");
        worker = RowSplitWorker.tryAcquire();
        assertThat(worker).as("no solver holds the worker between tests").isNotNull();
    }

    @AfterEach
    void release() {
        if (worker != null) worker.release();
    }

    @Test
    void blocksCoverTheRowsInOrder() {
        for (int n : new int[] {16_384, 20_000, 50_001}) {
            int[] b = RowSplitWorker.blockBounds(n);
            assertThat(b).hasSize(RowSplitWorker.BLOCKS + 1);
            assertThat(b[0]).isZero();
            assertThat(b[RowSplitWorker.BLOCKS]).isEqualTo(n);
            for (int k = 1; k < RowSplitWorker.BLOCKS; k++) {
                assertThat(b[k] % 8).isZero();
                assertThat(b[k]).isGreaterThan(b[k - 1]);
            }
        }
    }

    @Test
    void everyBlockRunsOnceAndTheSumsAreThoseOfRunningAlone() {
        int n = 40_000;
        double[] v = new double[n];
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < n; i++) v[i] = rnd.nextDouble() - 0.5;
        int[] bounds = RowSplitWorker.blockBounds(n);
        double[][] alone = new double[RowSplitWorker.BLOCKS][1];
        RowSplitWorker.Pass sum = (b, from, to, out) -> {
            double s = 0;
            for (int i = from; i < to; i++) s += v[i] * (i % 7);
            out[0] = s;
        };
        RowSplitWorker.runAlone(sum, bounds, alone);
        for (int pass = 0; pass < 300; pass++) {
            AtomicIntegerArray runs = new AtomicIntegerArray(RowSplitWorker.BLOCKS);
            double[][] shared = new double[RowSplitWorker.BLOCKS][1];
            worker.run((b, from, to, out) -> {
                runs.incrementAndGet(b);
                sum.run(b, from, to, out);
            }, bounds, shared);
            for (int b = 0; b < RowSplitWorker.BLOCKS; b++) {
                assertThat(runs.get(b)).as("runs of block %d in pass %d", b, pass).isEqualTo(1);
                assertThat(shared[b][0]).isEqualTo(alone[b][0]);
            }
        }
    }

    @Test
    void theWorkerRunsBlocksWhileTheCallerIsBusy() throws InterruptedException {
        // block 0 (the caller's) holds until another thread has started a block of the second half
        Thread caller = Thread.currentThread();
        CountDownLatch helped = new CountDownLatch(1);
        Thread[] ranBy = new Thread[RowSplitWorker.BLOCKS];
        worker.clearBackOff();
        worker.run((b, from, to, out) -> {
            ranBy[b] = Thread.currentThread();
            if (b >= RowSplitWorker.BLOCKS / 2 && Thread.currentThread() != caller) helped.countDown();
            if (b == 0) {
                try {
                    helped.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, RowSplitWorker.blockBounds(20_000), new double[RowSplitWorker.BLOCKS][1]);
        assertThat(helped.getCount()).as("the worker took a block").isZero();
        assertThat(ranBy[0]).isSameAs(caller);
        for (Thread t : ranBy) assertThat(t).isNotNull();
    }

    @Test
    void oneSolverAtATime() {
        assertThat(RowSplitWorker.tryAcquire()).as("leased by this test").isNull();
        worker.release();
        RowSplitWorker again = RowSplitWorker.tryAcquire();
        assertThat(again).isSameAs(worker);
    }

    @Test
    void aFailingBlockReachesTheCallerAndTheWorkerStaysUsable() {
        int[] bounds = RowSplitWorker.blockBounds(20_000);
        for (int bad : new int[] {1, 6}) {
            assertThatThrownBy(() -> worker.run((b, from, to, out) -> {
                if (b == bad) throw new IllegalArgumentException("block " + b);
                out[0] = to - from;
            }, bounds, new double[RowSplitWorker.BLOCKS][1])).isInstanceOf(IllegalArgumentException.class).hasMessage("block " + bad);
        }
        double[][] out = new double[RowSplitWorker.BLOCKS][1];
        worker.run((b, from, to, o) -> o[0] = to - from, bounds, out);
        double total = 0;
        for (double[] o : out) total += o[0];
        assertThat(total).isEqualTo(20_000);
    }
}

package dev.occam.data;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks 0 … count−1 on the calling thread and up to (processors − 1) short-lived helper
 * threads, for the readers' passes over chunks of a file. Each task writes only its own results, so
 * nothing depends on which thread ran it; the first failure is rethrown on the calling thread.
 */
final class ChunkWorkers {
    private ChunkWorkers() { }

    /** One task; {@code worker} (0 … threads−1) lets a task reuse that worker's buffers. */
    interface Task {
        void run(int task, int worker);
    }

    /** The number of workers {@link #run} uses for {@code count} tasks. */
    static int threads(int count) {
        return Math.max(1, Math.min(count, Runtime.getRuntime().availableProcessors()));
    }

    static void run(int count, Task task) {
        int threads = threads(count);
        if (threads <= 1) {
            for (int t = 0; t < count; t++) task.run(t, 0);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Throwable[] failure = new Throwable[threads];
        Thread[] helpers = new Thread[threads - 1];
        for (int h = 0; h < helpers.length; h++) {
            int slot = h + 1;
            helpers[h] = new Thread(() -> drain(next, count, task, failure, slot), "occam-reader-" + slot);
            helpers[h].setDaemon(true);
            helpers[h].start();
        }
        drain(next, count, task, failure, 0);
        boolean interrupted = false;
        for (Thread t : helpers) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        for (Throwable f : failure) {
            if (f instanceof RuntimeException r) throw r;
            if (f instanceof Error e) throw e;
        }
    }

    private static void drain(AtomicInteger next, int count, Task task, Throwable[] failure, int slot) {
        try {
            for (int t; (t = next.getAndIncrement()) < count; ) task.run(t, slot);
        } catch (Throwable e) {
            failure[slot] = e;
            next.set(count);   // the others stop after their current task
        }
    }
}

package dev.occam.spark;

import java.util.function.Supplier;

/**
 * Runs one Spark job and turns a user mistake found on an executor back into its one-line
 * {@link OccamSparkException}, instead of Spark's wrapper whose message carries the executor's
 * stack trace.
 */
final class Passes {
    private Passes() { }

    static <T> T run(Supplier<T> job) {
        try {
            return job.get();
        } catch (Exception e) {
            // SparkException is checked in Java's eyes but thrown by Scala code that declares nothing
            OccamSparkException cause = find(e);
            if (cause != null && cause != e) throw new OccamSparkException(cause.getMessage());
            throw Passes.<RuntimeException>sneaky(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Exception> E sneaky(Exception e) throws E {
        throw (E) e;
    }

    private static OccamSparkException find(Throwable t) {
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) {
            if (t instanceof OccamSparkException o) return o;
        }
        return null;
    }
}

package dev.occam.cli;

import java.io.PrintWriter;

/** Messages to the user on stderr: progress notes (silenced by --quiet) and warnings (never silenced). */
final class Console {
    private final PrintWriter err;
    private final boolean quiet;

    Console(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    /** A note on what was done, e.g. which λ was used. */
    void info(String message) {
        if (!quiet) err.println("occam: " + message);
    }

    /**
     * A note built only when it is shown: with --quiet its formatting (Java's {@code Formatter} and the
     * locale data it loads: tens of milliseconds at the end of a short command) is skipped.
     */
    void info(java.util.function.Supplier<String> message) {
        if (!quiet) info(message.get());
    }

    /** A progress bar (terminal) or quarter-step lines (pipe) for a long run; silent with --quiet. */
    ProgressLine progress(String label) {
        return new ProgressLine(err, quiet, label);
    }

    /** Something the user must know about the result, e.g. non-convergence. */
    void warn(String message) {
        err.println("occam: warning: " + message);
    }
}

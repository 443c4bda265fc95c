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

    /** Something the user must know about the result, e.g. non-convergence. */
    void warn(String message) {
        err.println("occam: warning: " + message);
    }
}

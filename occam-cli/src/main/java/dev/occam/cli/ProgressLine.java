package dev.occam.cli;

import java.io.PrintWriter;

/**
 * Progress of a long run on stderr: on a terminal a bar redrawn in place
 * ({@code [=====     ] 12/40 fits}); in a pipe or a log, where {@code \r} would only make a
 * mess, a plain line at each quarter. Nothing with {@code --quiet}.
 */
final class ProgressLine {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean quiet;
    private final boolean terminal;
    private final String label;
    private int lastFilled = -1;
    private int lastQuarter = 0;

    ProgressLine(PrintWriter err, boolean quiet, String label) {
        this.err = err;
        this.quiet = quiet;
        this.terminal = System.console() != null;
        this.label = label;
    }

    /** {@code done} of {@code total} units finished. Safe to call from several threads. */
    synchronized void update(int done, int total) {
        if (quiet || total <= 0) return;
        if (terminal) {
            int filled = (int) ((long) done * WIDTH / total);
            if (filled == lastFilled && done != total) return;
            lastFilled = filled;
            err.print("\r[" + "=".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + label);
            if (done == total) err.println();
            err.flush();
            return;
        }
        int quarter = (int) ((long) done * 4 / total);
        if (quarter > lastQuarter) {
            lastQuarter = quarter;
            err.println("occam: " + done + "/" + total + " " + label);
            err.flush();
        }
    }
}

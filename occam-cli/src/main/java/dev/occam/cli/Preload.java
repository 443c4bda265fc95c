package dev.occam.cli;

import dev.occam.linalg.NativeBlas;

/**
 * Start-up work done on a second thread while the main thread sets up the command line and reads
 * the data: for {@code fit}, {@code path} and {@code cv}, which always ask for the BLAS, netlib's
 * look-up of the native BLAS (netlib writes its JNI library to a temporary file, whose name costs
 * the first {@code SecureRandom} of the process, and OpenBLAS is opened: about 0.1 s of CPU at every
 * start, measured in docs/benchmarks.md). The main thread otherwise reaches it only after reading
 * the data; if it gets there first it simply waits for the look-up to finish (class
 * initialisation), so the outcome is the same as without this class.
 *
 * <p>Only {@link Occam#main} starts it: tests that run commands in-process do not need it.
 */
final class Preload {
    private Preload() { }

    /** Starts the look-up on a daemon thread when the command named in {@code args} will need it. */
    static void start(String[] args) {
        String command = null;
        for (String a : args) {
            if (!a.startsWith("-")) {
                command = a;
                break;
            }
        }
        if (!"fit".equals(command) && !"path".equals(command) && !"cv".equals(command)) return;
        Thread t = new Thread(Preload::blas, "occam-preload");
        t.setDaemon(true);
        t.start();
    }

    private static void blas() {
        try {
            NativeBlas.available();
        } catch (Throwable e) {
            // the main thread meets the same failure where it needs the BLAS, and reports it there
        }
    }
}

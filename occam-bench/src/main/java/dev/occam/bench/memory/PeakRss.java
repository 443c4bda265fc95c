package dev.occam.bench.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The peak resident set size of a running child process: its VmHWM in /proc/PID/status (Linux),
 * read every few milliseconds until it exits. VmHWM only grows, so the last value read before the
 * exit is the peak, short of what the last few milliseconds added.
 */
final class PeakRss {
    private PeakRss() { }

    /** Waits for {@code p} and returns its peak RSS in bytes (−1 when /proc cannot be read). */
    static long follow(Process p) throws InterruptedException {
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        long peak = -1;
        while (p.isAlive()) {
            peak = Math.max(peak, read(status));
            Thread.sleep(5);
        }
        p.waitFor();
        return peak;
    }

    private static long read(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return 1024 * Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended between the check and the read
        }
        return -1;
    }
}

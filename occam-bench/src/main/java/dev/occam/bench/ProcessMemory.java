package dev.occam.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resident memory of this process from {@code /proc/self/status} (Linux): VmHWM is the peak
 * resident set size, VmRSS the current one — the same figures the R and Python scripts report.
 * Every tool resets the peak once its data are loaded, so the reported peak is that of the fit
 * with the data in memory, not of reading the files.
 * Returns −1 where /proc is not available.
 */
final class ProcessMemory {
    private ProcessMemory() { }

    /**
     * Resets the peak (VmHWM) to the current resident size, so that the next {@link #peakKb()}
     * is the peak since now (Linux: writing 5 to /proc/self/clear_refs). Returns false if refused.
     */
    static boolean resetPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static long peakKb() {
        return field("VmHWM:");
    }

    static long residentKb() {
        return field("VmRSS:");
    }

    private static long field(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}

package dev.occam.bench.memory;

/**
 * The live bytes docs/memory.md counts for a command on dense data of n rows and p features
 * (gaussian target): what the heap must hold at the command's peak. The JVM itself (code, class
 * metadata, thread stacks, the GC's own structures) is measured separately as the baseline.
 */
final class MemoryFormula {
    private MemoryFormula() { }

    static long bytes(String command, long n, long p, int folds, int processors, int hidden) {
        long x = 8 * n * p;
        long rows = 4 * 8 * n;
        long gram = p <= 2000 && n >= 2 * p ? 8 * p * p : 0;
        // the path's coefficients: up to 100 λ × p doubles
        long path = 100 * 8 * p;
        // the certified rule's Newton steps: the active set's Hessian and its factor, a ≤ min(n, p, 3000)
        // coordinates at the end of a path that goes as far as the data allow (its worst case)
        long a = Math.min(Math.min(n, p), 3000);
        long newton = 2 * 8 * a * a;
        return switch (command) {
            case "path", "fit" -> x + rows + gram + path + newton;
            // gaussian CV: one p×p moment matrix per fold and the full data's (p ≤ 2000); each running
            // fold scores its held-out rows: their copy and their linear predictors at 100 λ
            case "cv" -> x + rows + gram + path + newton + (p <= 2000 ? (folds + 1) * 8 * p * p
                    : Math.min(folds, processors) * x * (folds - 1) / folds)
                    + Math.min(folds, processors) * (x / folds + 8 * 100 * (n / folds));
            // X as read, its float copy and the standardized float copy, all alive while standardizing
            case "train" -> x + 8 * n * p + 4L * hidden * Math.max(p, 1) * 3;
            // each prediction as a double and as its decimal String (about 64 bytes) until the CSV is written
            case "predict" -> x + (8 + 64) * n;
            default -> throw new IllegalArgumentException(command);
        };
    }
}

package dev.occam.bench;

import dev.occam.select.Folds;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the fold ids that every tool of the cross-validation benchmark reads, so that Occam,
 * {@code cv.glmnet} and scikit-learn hold out exactly the same rows.
 *
 * <p>The ids are Occam's {@link Folds#random}: a seeded random order of the balanced labels
 * 1..K, 1..K, … (glmnet's {@code sample(rep(seq(nfolds), length = N))}), so with n a multiple of K
 * every fold holds n/K rows. The file is n int32 little-endian values 1..K, one per row, in the
 * layout of {@link BenchFiles} (R: {@code readBin(f, "integer", n, size = 4, endian = "little")},
 * numpy: {@code fromfile(f, "<i4")}).
 *
 * <p>Usage: {@code CvFolds OUT_FILE N K SEED} — an existing file with the right size is kept (it is
 * the same for the same arguments).
 */
public final class CvFolds {
    private CvFolds() { }

    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: CvFolds OUT_FILE N K SEED");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int n;
        int k;
        long seed;
        try {
            n = Integer.parseInt(args[1]);
            k = Integer.parseInt(args[2]);
            seed = Long.parseLong(args[3]);
        } catch (NumberFormatException e) {
            System.err.println("CvFolds: N, K and SEED must be integers; got " + args[1] + ", " + args[2] + ", " + args[3]);
            System.exit(2);
            return;
        }
        try {
            if (Files.exists(out) && Files.size(out) == (long) n * Integer.BYTES) {
                System.err.println("fold ids: present, kept (" + out + ")");
                return;
            }
            BenchFiles.writeInts(out, Folds.random(n, k, seed).foldIds());
            System.err.println("fold ids: " + k + " folds of " + n + " rows (seed " + seed + ") written to " + out);
        } catch (IllegalArgumentException | java.io.IOException e) {
            System.err.println("CvFolds: " + e.getMessage());
            System.exit(2);
        }
    }
}

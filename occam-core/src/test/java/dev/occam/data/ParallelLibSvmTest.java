package dev.occam.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parallel LibSVM reader gives the same data set, or the same one-line error, as the line-by-line
 * reader, on random files of good and bad lines cut into tiny chunks.
 */
class ParallelLibSvmTest {
    @TempDir
    Path dir;

    private static final String[] LABELS = {"1", "-1", "+1", "0.5", "2e1", "a", "NA", "1:2", "é", "1e400"};
    private static final String[] VALUES = {"1", "-0.5", "0", "2e-3", ".5", "3.", "0.1234567890123456789", "abc", "",
            "NaN", "1e400", "1#c", "1\u000b"};
    private static final String[] SPACES = {" ", " ", " ", "\t", "  ", " \t "};

    @Test
    void sameRowsOrSameErrorAsTheLineReader() throws IOException {
        SplittableRandom r = new SplittableRandom(5);
        TargetKind[] kinds = TargetKind.values();
        int errors = 0;
        for (int t = 0; t < 800; t++) {
            String content = randomFile(r, r.nextInt(6) == 0 ? 0.15 : 0.003);
            Path f = dir.resolve("f" + t + ".svm");
            Files.writeString(f, content, StandardCharsets.UTF_8);
            TargetKind kind = kinds[r.nextInt(kinds.length)];
            String expected = outcome(f, kind, () -> LibSvmReader.readLines(f, kind));
            String got = outcome(f, kind, () -> ParallelLibSvm.read(f, kind, 1 + r.nextInt(30)));
            assertThat(got).as("kind %s, file:%n%s", kind, content).isEqualTo(expected);
            if (expected.startsWith("error")) errors++;
        }
        assertThat(errors).as("files with an error").isBetween(50, 750);
    }

    @Test
    void leavesLoneCarriageReturnsToTheLineReader() throws IOException {
        Path f = dir.resolve("cr.svm");
        Files.writeString(f, "1 1:2\r2 2:3\r", StandardCharsets.UTF_8);
        assertThat(ParallelLibSvm.read(f, TargetKind.NUMERIC, 4)).isNull();
        assertThat(LibSvmReader.read(f, TargetKind.NUMERIC, 0).y()).containsExactly(1, 2);
    }

    private interface Read {
        LibSvmRows get() throws IOException;
    }

    private static String outcome(Path f, TargetKind kind, Read read) throws IOException {
        try {
            Dataset d = LibSvmReader.dataset(f.toString(), read.get(), kind, 0);
            SparseMatrix x = (SparseMatrix) d.x();
            return "data " + d.rows() + "x" + d.cols() + " " + Arrays.toString(x.colPtr()) + Arrays.toString(x.rowIndex())
                    + Arrays.toString(x.values()) + " y " + Arrays.toString(d.y()) + " " + d.classes();
        } catch (DataFormatException e) {
            return "error " + e.getMessage();
        }
    }

    private static String randomFile(SplittableRandom r, double badRate) {
        StringBuilder s = new StringBuilder();
        if (r.nextInt(10) == 0) s.append('\uFEFF');
        String eol = r.nextInt(3) == 0 ? "\r\n" : "\n";
        int lines = r.nextInt(10);
        for (int i = 0; i < lines; i++) {
            int u = r.nextInt(30);
            if (u == 0) { s.append(eol); continue; }
            if (u == 1) { s.append(" # a comment").append(eol); continue; }
            if (u == 2) { s.append("   ").append(eol); continue; }
            if (r.nextInt(4) != 0) s.append(r.nextDouble() < badRate * 5 ? LABELS[r.nextInt(LABELS.length)] : LABELS[r.nextInt(5)]);
            int j = 0;
            int tokens = r.nextInt(5);
            for (int k = 0; k < tokens; k++) {
                s.append(SPACES[r.nextInt(SPACES.length)]);
                if (r.nextInt(25) == 0) { s.append("qid:").append(r.nextInt(3)); continue; }
                j += r.nextDouble() < badRate ? -1 : 1 + r.nextInt(4);
                String v = r.nextDouble() < badRate * 3 ? VALUES[r.nextInt(VALUES.length)]
                        : r.nextBoolean() ? VALUES[r.nextInt(6)] : Double.toString(r.nextGaussian());
                s.append(j).append(':').append(v);
            }
            if (r.nextInt(8) == 0) s.append(" #c");
            if (i < lines - 1 || r.nextBoolean()) s.append(eol);
        }
        return s.toString();
    }
}

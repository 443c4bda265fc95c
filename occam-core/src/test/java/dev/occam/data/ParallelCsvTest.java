package dev.occam.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parallel byte reader gives the same data set, or the same one-line error, as the FastCSV
 * reader on the same file, for random files full of good and bad cells, cut into tiny chunks so
 * that rows, blank lines and errors fall on chunk boundaries.
 */
class ParallelCsvTest {
    @TempDir
    Path dir;

    private static final String[] GOOD = {"1", "-0.5", "+2", "1e3", "2E-2", "3.", ".25", "-0", "0.1234567890123456789",
            " 7 ", "\t8", "1e-400", "123456789012345678", "4.9e-324", "\u20009", "1\u000b"};
    private static final String[] BAD = {"", " ", "abc", "NA", "NaN", "?", "Inf", "-Infinity", "1e400", "0x10", "2d",
            "1e", "1.2.3", "\u00a01", "é"};
    private static final String[] LABELS = {"a", "b", " c ", "10", "2", "NA", "", "ü"};

    private static final List<ReadOptions> OPTIONS = List.of(
            ReadOptions.numeric("y"),
            ReadOptions.numeric("y").withWeights("w"),
            new ReadOptions("label", TargetKind.CLASS, null, List.of("b", "y")),
            ReadOptions.classes("label").withWeights("w"),
            ReadOptions.featuresOnly(List.of("w", "a")));

    @Test
    void sameDataOrSameErrorAsFastCsvOnRandomFiles() throws IOException {
        SplittableRandom r = new SplittableRandom(11);
        int errors = 0;
        for (int t = 0; t < 800; t++) {
            String content = randomFile(r, r.nextInt(8) == 0 ? 0.2 : 0.004);
            Path f = dir.resolve("f" + t + ".csv");
            Files.writeString(f, content, StandardCharsets.UTF_8);
            ReadOptions o = OPTIONS.get(r.nextInt(OPTIONS.size()));
            String expected = outcome(() -> CsvReader.readQuoted(f, o));
            String got = outcome(() -> ParallelCsv.read(f, o, 1 + r.nextInt(40)));
            assertThat(got).as("options %s, file:%n%s", o, content).isEqualTo(expected);
            if (expected.startsWith("error")) errors++;
        }
        assertThat(errors).as("files with an error").isBetween(50, 750);
    }

    @Test
    void headerLongerThanTheFirstReadAndBlankLinesBeforeIt() throws IOException {
        StringBuilder s = new StringBuilder("\n\r\n");
        int p = 7000;   // about 90 KB of header: more than the first read of the header
        for (int j = 0; j < p; j++) s.append("feature_number_").append(j).append(',');
        s.append("y\n");
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j <= p; j++) s.append(j == 0 ? "" : ",").append(i * j % 7);
            s.append('\n');
        }
        Path f = dir.resolve("wide.csv");
        Files.writeString(f, s, StandardCharsets.UTF_8);
        String fast = outcome(() -> ParallelCsv.read(f, ReadOptions.numeric("y"), 1000));
        assertThat(fast).startsWith("data 3x7000").isEqualTo(outcome(() -> CsvReader.readQuoted(f, ReadOptions.numeric("y"))));
        Files.writeString(f, s.append("1,2\n"), StandardCharsets.UTF_8);
        assertThat(outcome(() -> ParallelCsv.read(f, ReadOptions.numeric("y"), 1000)))
                .endsWith(":7: expected 7001 fields, found 2")
                .isEqualTo(outcome(() -> CsvReader.readQuoted(f, ReadOptions.numeric("y"))));
    }

    @Test
    void leavesQuotesLoneCarriageReturnsAndUtf16ToFastCsv() throws IOException {
        List<String> contents = List.of("y,a\n1,\"2\"\n", "\"y\",a\n1,2\n", "y,a\n1,2\r3,4\n", "y,a\r1,2\r");
        int[] rows = {1, 1, 2, 1};
        for (int k = 0; k < rows.length; k++) {
            Path f = dir.resolve("q.csv");
            Files.writeString(f, contents.get(k), StandardCharsets.UTF_8);
            assertThat(ParallelCsv.read(f, ReadOptions.numeric("y"), 4)).as(contents.get(k)).isNull();
            assertThat(CsvReader.read(f, ReadOptions.numeric("y")).rows()).isEqualTo(rows[k]);
        }
        Path f = dir.resolve("u16.csv");
        Files.writeString(f, "y,a\n1,2\n", StandardCharsets.UTF_16);   // the encoder writes the BOM
        assertThat(ParallelCsv.read(f, ReadOptions.numeric("y"), 4)).isNull();
        assertThat(CsvReader.read(f, ReadOptions.numeric("y")).y()).containsExactly(1);
    }

    private interface Read {
        Dataset get() throws IOException;
    }

    /** The data set as text (every double's bits) or the error message. */
    private static String outcome(Read read) throws IOException {
        try {
            Dataset d = read.get();
            StringBuilder s = new StringBuilder("data ").append(d.rows()).append('x').append(d.cols())
                    .append(d.featureNames()).append(d.targetName()).append(d.classes());
            double[] x = ((DenseMatrix) d.x()).values();
            for (double v : x) s.append(' ').append(Long.toHexString(Double.doubleToRawLongBits(v)));
            s.append(" | y");
            if (d.y() != null) for (double v : d.y()) s.append(' ').append(Long.toHexString(Double.doubleToRawLongBits(v)));
            s.append(" | w");
            if (d.weights() != null) for (double v : d.weights()) s.append(' ').append(v);
            return s.toString();
        } catch (DataFormatException e) {
            return "error " + e.getMessage();
        }
    }

    /** A header (columns in random order, sometimes after blank lines or a BOM) and random rows. */
    private static String randomFile(SplittableRandom r, double badRate) {
        List<String> names = new java.util.ArrayList<>(List.of("y", "a", "b", "w", "label"));
        java.util.Collections.shuffle(names, new java.util.Random(r.nextLong()));
        String eol = r.nextInt(3) == 0 ? "\r\n" : "\n";
        StringBuilder s = new StringBuilder();
        if (r.nextInt(10) == 0) s.append('\uFEFF');
        if (r.nextInt(10) == 0) s.append(eol);
        s.append(String.join(",", names)).append(eol);
        int rows = r.nextInt(12);
        for (int i = 0; i < rows; i++) {
            int u = r.nextInt(40);
            if (u == 0) { s.append(eol); continue; }
            if (u == 1) { s.append("  ").append(eol); continue; }
            int fields = names.size();
            if (u == 2) fields--;
            if (u == 3) fields++;
            for (int c = 0; c < fields; c++) {
                if (c > 0) s.append(',');
                String name = c < names.size() ? names.get(c) : "extra";
                if (name.equals("label")) {
                    s.append(r.nextDouble() < badRate * 3 ? LABELS[r.nextInt(LABELS.length)] : LABELS[r.nextInt(5)]);
                } else if (r.nextDouble() < badRate) {
                    s.append(BAD[r.nextInt(BAD.length)]);
                } else if (name.equals("w") && r.nextInt(200) == 0) {
                    s.append("-1");
                } else {
                    s.append(r.nextInt(3) == 0 ? GOOD[r.nextInt(GOOD.length)] : Double.toString(r.nextGaussian()));
                }
            }
            if (i < rows - 1 || r.nextBoolean()) s.append(eol);
        }
        return s.toString();
    }
}

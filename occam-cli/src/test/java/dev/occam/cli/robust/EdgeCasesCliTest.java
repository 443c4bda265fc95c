package dev.occam.cli.robust;

import dev.occam.cli.CliRun;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The numerical edge cases of issue 10 as {@code occam fit} and {@code occam path} users meet them:
 * bad values are one line with file:line:column and status 2 and no output file; fits that need
 * care succeed with a warning that says what happened and which option to change.
 */
class EdgeCasesCliTest {
    @TempDir
    Path dir;

    /** A CSV "y,a,b,c" of n rows (y = a − b + noise), with {@code edit} applied to the cell text of row r, column c. */
    private Path csv(String name, int n, CellEdit edit) throws IOException {
        Random r = new Random(3);
        StringBuilder s = new StringBuilder("y,a,b,c\n");
        for (int i = 0; i < n; i++) {
            double a = r.nextGaussian();
            double b = r.nextGaussian();
            double c = r.nextGaussian();
            String[] cells = {Double.toString(a - b + 0.3 * r.nextGaussian()), Double.toString(a), Double.toString(b), Double.toString(c)};
            for (int j = 0; j < 4; j++) cells[j] = edit.cell(i, j, cells[j]);
            s.append(String.join(",", cells)).append('\n');
        }
        Path f = dir.resolve(name);
        Files.writeString(f, s);
        return f;
    }

    interface CellEdit {
        String cell(int row, int col, String text);
    }

    private CliRun fit(Path data, Object... more) {
        Object[] args = new Object[6 + more.length];
        args[0] = "fit";
        args[1] = "--data";
        args[2] = data;
        args[3] = "--target";
        args[4] = "y";
        args[5] = "--out=" + dir.resolve("MODEL.json");
        System.arraycopy(more, 0, args, 6, more.length);
        return CliRun.of(args);
    }

    @Test
    void nonFiniteCellsAreOneLineWithFileLineColumn() throws IOException {
        for (String bad : new String[] {"NaN", "Inf", "-Infinity", "1e999"}) {
            Path data = csv("bad.csv", 20, (i, j, t) -> i == 4 && j == 2 ? bad : t);
            String message = fit(data, "--lambda", "0.1").userError();
            // data row 5 is line 6; column b is the third
            assertThat(message).startsWith(data + ":6:3").contains(bad);
            assertThat(dir.resolve("MODEL.json")).doesNotExist();
        }
    }

    @Test
    void zeroAndNegativeWeightsAreOneLine() throws IOException {
        Path zero = csv("zero.csv", 10, (i, j, t) -> j == 3 ? "0" : t);
        assertThat(fit(zero, "--weights", "c", "--lambda", "0.1").userError()).contains("weights").contains("zero");
        Path negative = csv("negative.csv", 10, (i, j, t) -> j == 3 ? (i == 6 ? "-2" : "1") : t);
        String message = fit(negative, "--weights", "c", "--lambda", "0.1").userError();
        assertThat(message).contains("-2").contains(">= 0");
        assertThat(dir.resolve("MODEL.json")).doesNotExist();
    }

    @Test
    void aFeatureBeyondDoublePrecisionIsOneLineNamingIt() throws IOException {
        Path data = csv("huge.csv", 30, (i, j, t) -> j == 2 ? Double.toString(Double.parseDouble(t) * 1e300) : t);
        assertThat(fit(data, "--lambda", "0.1").userError()).startsWith("feature \"b\" has values up to").contains("overflow");
        assertThat(dir.resolve("MODEL.json")).doesNotExist();
    }

    @Test
    void oneRowIsOneLine() throws IOException {
        assertThat(fit(csv("one.csv", 1, (i, j, t) -> t), "--lambda", "0.1").userError()).contains("1 row");
    }

    @Test
    void runningOutOfPassesWarnsNamingTheOption() throws IOException {
        CliRun run = CliRun.of("path", "--data", csv("d.csv", 200, (i, j, t) -> t), "--target", "y", "--out", dir.resolve("PATH.csv"),
                "--max-passes", "2");
        assertThat(run.warnings()).anySatisfy(w -> assertThat(w).contains("did not converge within 2 passes").contains("--max-passes"));
        assertThat(dir.resolve("PATH.csv")).exists();
        assertThat(CliRun.of("path", "--data", dir.resolve("d.csv"), "--target", "y", "--out", dir.resolve("P2.csv"), "--max-passes", "0")
                .userError()).isEqualTo("--max-passes must be >= 1; got 0");
    }

    @Test
    void aClassWhoseRowsAllHaveWeightZeroIsOneLine() throws IOException {
        // y is a class: "no" on the rows whose weight (column c) is 0, "yes" on the others
        Path data = csv("w0.csv", 30, (i, j, t) -> j == 0 ? (i % 3 == 0 ? "no" : "yes") : j == 3 ? (i % 3 == 0 ? "0" : "1") : t);
        String message = fit(data, "--family", "binomial", "--weights", "c", "--lambda", "0.01").userError();
        assertThat(message).isEqualTo("class 'no' of the target has no row with positive weight; every class needs some "
                + "(drop the class, or fit without it)");
        assertThat(dir.resolve("MODEL.json")).doesNotExist();
    }

    @Test
    void separableClassesWarn() throws IOException {
        Path data = csv("sep.csv", 60, (i, j, t) -> t);
        // y := the sign of a, as a class
        String text = Files.readString(data);
        StringBuilder s = new StringBuilder("y,a,b,c\n");
        text.lines().skip(1).forEach(line -> {
            String[] c = line.split(",");
            s.append(Double.parseDouble(c[1]) > 0 ? "yes" : "no").append(',').append(c[1]).append(',').append(c[2]).append(',')
                    .append(c[3]).append('\n');
        });
        Files.writeString(data, s);
        CliRun run = CliRun.of("path", "--data", data, "--target", "y", "--family", "binomial", "--out", dir.resolve("PATH.csv"));
        assertThat(run.warnings()).anySatisfy(w -> assertThat(w).contains("perfectly separable"));
        for (String line : Files.readAllLines(dir.resolve("PATH.csv"))) assertThat(line).doesNotContain("NaN").doesNotContain("Infinity");
    }

    @Test
    void constantColumnsAndNonUniqueUnpenalizedFitsWarn() throws IOException {
        Path data = csv("const.csv", 40, (i, j, t) -> j == 3 ? "5" : t);
        assertThat(fit(data, "--lambda", "0.01").warnings())
                .anySatisfy(w -> assertThat(w).contains("constant and left out of the fit (coefficient 0): c"));
        Path dup = csv("dup.csv", 40, (i, j, t) -> t);
        StringBuilder s = new StringBuilder("y,a,b,c,a_again\n");
        Files.readString(dup).lines().skip(1).forEach(line -> s.append(line).append(',').append(line.split(",")[1]).append('\n'));
        Files.writeString(dup, s);
        assertThat(fit(dup, "--lambda", "0").warnings())
                .anySatisfy(w -> assertThat(w).contains("at lambda = 0 the fit is not unique: feature \"a_again\""));
    }
}

package dev.occam.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.occam.cli.TestData.Target.BINARY;
import static dev.occam.cli.TestData.Target.NUMERIC;
import static dev.occam.cli.TestData.Target.THREE_CLASSES;
import static org.assertj.core.api.Assertions.assertThat;

/** Help, option errors and data errors: everything that must not reach the solver. */
class OccamCliTest {
    @TempDir
    Path dir;

    @Test
    void helpListsTheCommands() {
        CliRun r = CliRun.of("--help").ok();
        assertThat(r.out()).contains("fit", "path", "predict");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void fitHelpShowsTheWholeContract() {
        String help = CliRun.of("fit", "--help").ok().out();
        assertThat(help).contains("--data", "--target", "--family", "--alpha", "--lambda", "--weights", "--penalty-factor",
                "--lower-limit", "--upper-limit", "--no-standardize", "--no-intercept", "--format", "--out", "--tolerance", "--quiet");
    }

    @Test
    void pathAndPredictHelp() {
        assertThat(CliRun.of("path", "--help").ok().out()).contains("--nlambda", "--lambda-min-ratio", "--lambda", "--penalty-factor", "--out");
        assertThat(CliRun.of("predict", "--help").ok().out()).contains("--model", "--data", "--type", "--format", "--out");
    }

    @Test
    void versionStartsWithTheName() {
        assertThat(CliRun.of("--version").ok().out()).startsWith("occam ");
    }

    @Test
    void noCommand() {
        assertThat(CliRun.of().userError()).isEqualTo("missing command: demo, fit, path, cv, predict or train (see occam --help)");
    }

    @Test
    void unknownCommandAndOption() {
        assertThat(CliRun.of("fitt").userError()).contains("fitt");
        assertThat(CliRun.of("fit", "--lamda", "1", "--data", "x.csv", "--target", "y", "--out", "m.json").userError())
                .contains("--lamda").contains("did you mean").contains("--lambda");
    }

    @Test
    void missingRequiredOptions() {
        assertThat(CliRun.of("fit", "--target", "y").userError()).contains("--data").contains("--out");
        assertThat(CliRun.of("predict", "--data", "x.csv", "--out", "p.csv").userError()).contains("--model");
    }

    @Test
    void badOptionValues() throws IOException {
        Path data = TestData.csv(dir, 20, NUMERIC, false);
        Path out = dir.resolve("m.json");
        assertThat(CliRun.of("fit", "--data", data, "--target", "y", "--alpha", "abc", "--out", out).userError())
                .contains("--alpha").contains("abc");
        assertThat(CliRun.of("fit", "--data", data, "--target", "y", "--alpha", "1.5", "--out", out).userError())
                .isEqualTo("alpha must be in [0, 1]; got 1.5");
        assertThat(CliRun.of("fit", "--data", data, "--target", "y", "--family", "gamma", "--out", out).userError())
                .isEqualTo("family must be one of gaussian, binomial, multinomial, poisson; got gamma");
        assertThat(CliRun.of("fit", "--data", data, "--target", "y", "--lambda", "-1", "--out", out).userError())
                .isEqualTo("--lambda must be finite and >= 0; got -1.0");
        assertThat(CliRun.of("fit", "--data", data, "--target", "y", "--lower-limit", "1", "--out", out).userError())
                .isEqualTo("lower limit must be <= 0; got 1.0");
        assertThat(CliRun.of("fit", "--data", data, "--target", "y", "--upper-limit", "-1", "--out", out).userError())
                .isEqualTo("upper limit must be >= 0; got -1.0");
        assertThat(CliRun.of("fit", "--data", data, "--target", "y", "--tolerance", "0", "--out", out).userError())
                .isEqualTo("tolerance must be > 0; got 0.0");
        assertThat(CliRun.of("fit", "--data", data, "--target", "y", "--format", "xls", "--out", out).userError())
                .contains("--format").contains("xls");
        assertThat(CliRun.of("path", "--data", data, "--target", "y", "--nlambda", "0", "--out", out).userError())
                .isEqualTo("nlambda must be >= 1; got 0");
        assertThat(CliRun.of("path", "--data", data, "--target", "y", "--lambda-min-ratio", "2", "--out", out).userError())
                .isEqualTo("lambda-min-ratio must be in (0, 1); got 2.0");
        assertThat(CliRun.of("path", "--data", data, "--target", "y", "--lambda", "1,-2", "--out", out).userError())
                .isEqualTo("lambda must be finite and >= 0; got -2.0");
        assertThat(CliRun.of("path", "--data", data, "--target", "y", "--lambda", "1", "--nlambda", "5", "--out", out).userError())
                .startsWith("--lambda gives the sequence itself");
        assertThat(out).doesNotExist();
    }

    @Test
    void penaltyFactorsByName() throws IOException {
        Path data = TestData.csv(dir, 20, NUMERIC, false);
        Path out = dir.resolve("m.json");
        assertThat(CliRun.of("fit", "--data", data, "--target", "y", "--penalty-factor", "z=0", "--out", out).userError())
                .isEqualTo("--penalty-factor: no feature named \"z\"; the features are: a, b, c");
        assertThat(CliRun.of("fit", "--data", data, "--target", "y", "--penalty-factor", "a=-1", "--out", out).userError())
                .isEqualTo("penalty factor must be finite and >= 0; got -1.0");
        assertThat(CliRun.of("fit", "--data", data, "--target", "y", "--penalty-factor", "a", "--out", out).userError())
                .contains("--penalty-factor");
        assertThat(CliRun.of("fit", "--data", data, "--target", "y", "--penalty-factor", "y=0", "--out", out).userError())
                .isEqualTo("--penalty-factor: no feature named \"y\"; the features are: a, b, c");
    }

    @Test
    void missingDataFile() {
        Path missing = dir.resolve("nope.csv");
        assertThat(CliRun.of("fit", "--data", missing, "--target", "y", "--out", dir.resolve("m.json")).userError())
                .isEqualTo(missing + ": no such file");
    }

    @Test
    void dataThatIsADirectory() {
        assertThat(CliRun.of("fit", "--data", dir, "--target", "y", "--out", dir.resolve("m.json")).userError())
                .isEqualTo(dir + ": is a directory, not a file");
    }

    @Test
    void outputDirectoryMustExist() throws IOException {
        Path data = TestData.csv(dir, 20, NUMERIC, false);
        Path out = dir.resolve("no-such-dir").resolve("m.json");
        assertThat(CliRun.of("fit", "--data", data, "--target", "y", "--out", out).userError())
                .isEqualTo("cannot write " + out + " (--out): directory " + out.getParent() + " does not exist");
        assertThat(CliRun.of("path", "--data", data, "--target", "y", "--out", dir).userError())
                .isEqualTo("cannot write " + dir + " (--out): it is a directory");
    }

    @Test
    void badCellIsOneLineWithFileLineAndColumn() throws IOException {
        Path data = TestData.write(dir, "bad.csv", "a,b,y\n1,2,3\n4,oops,6\n");
        assertThat(CliRun.of("fit", "--data", data, "--target", "y", "--out", dir.resolve("m.json")).userError())
                .isEqualTo(data + ":3:2 (column \"b\"): expected a number, found \"oops\"");
    }

    @Test
    void otherDataErrors() throws IOException {
        Path out = dir.resolve("m.json");
        Path empty = TestData.write(dir, "empty.csv", "");
        assertThat(CliRun.of("fit", "--data", empty, "--target", "y", "--out", out).userError()).isEqualTo(empty + ": the file is empty");
        Path ragged = TestData.write(dir, "ragged.csv", "a,y\n1,2\n3\n");
        assertThat(CliRun.of("fit", "--data", ragged, "--target", "y", "--out", out).userError()).isEqualTo(ragged + ":3: expected 2 fields, found 1");
        Path na = TestData.write(dir, "na.csv", "a,y\n1,2\n3,NA\n");
        assertThat(CliRun.of("fit", "--data", na, "--target", "y", "--out", out).userError())
                .isEqualTo(na + ":3:2 (column \"y\"): expected a number, found missing value \"NA\"");
        assertThat(CliRun.of("fit", "--data", na, "--target", "target", "--out", out).userError())
                .isEqualTo(na + ": no column named \"target\" (the target); the columns are: a, y");
        Path onlyTarget = TestData.write(dir, "only.csv", "y\n1\n2\n");
        assertThat(CliRun.of("fit", "--data", onlyTarget, "--target", "y", "--out", out).userError())
                .isEqualTo(onlyTarget + ": no feature columns besides the target");
        Path negWeight = TestData.write(dir, "negw.csv", "a,y,w\n1,2,1\n3,4,-2\n");
        assertThat(CliRun.of("fit", "--data", negWeight, "--target", "y", "--weights", "w", "--out", out).userError())
                .isEqualTo(negWeight + ":3:3 (column \"w\"): expected a weight >= 0, found \"-2\"");
        assertThat(out).doesNotExist();
    }

    @Test
    void classCountsAreCheckedAgainstTheFamily() throws IOException {
        Path out = dir.resolve("m.json");
        Path constant = TestData.write(dir, "const.csv", "a,y\n1,yes\n2,yes\n3,yes\n");
        assertThat(CliRun.of("fit", "--data", constant, "--target", "y", "--family", "binomial", "--out", out).userError())
                .isEqualTo(constant + " (column \"y\"): expected 2 classes for binomial, found only \"yes\" (a constant target)");
        assertThat(CliRun.of("path", "--data", constant, "--target", "y", "--family", "multinomial", "--out", out).userError())
                .isEqualTo(constant + " (column \"y\"): expected at least 2 classes for multinomial, found only \"yes\" (a constant target)");
        Path three = TestData.csv(dir, 60, THREE_CLASSES, false);
        assertThat(CliRun.of("fit", "--data", three, "--target", "kind", "--family", "binomial", "--out", out).userError())
                .isEqualTo(three + " (column \"kind\"): expected 2 classes for binomial, found 3 (\"high\", \"low\", \"mid\"); use --family multinomial");
        Path binary = TestData.csv(dir, 20, BINARY, false);
        assertThat(CliRun.of("fit", "--data", binary, "--target", "label", "--out", out).userError())
                .contains("(column \"label\"): expected a number, found \"");
        assertThat(out).doesNotExist();
    }

    @Test
    void poissonNeedsCounts() throws IOException {
        Path data = TestData.write(dir, "neg.csv", "a,y\n1,2\n2,-1\n");
        assertThat(CliRun.of("fit", "--data", data, "--target", "y", "--family", "poisson", "--out", dir.resolve("m.json")).userError())
                .isEqualTo(data + ":3:2 (column \"y\"): expected a count >= 0 for poisson, found \"-1\"");
    }

    @Test
    void libsvmInput() throws IOException {
        Path svm = TestData.write(dir, "d.svm", "1 1:1 2:2\n0 1:x\n");
        assertThat(CliRun.of("fit", "--data", svm, "--target", "y", "--out", dir.resolve("m.json")).userError())
                .isEqualTo(svm + ":2:2: expected a number after \"1:\", found \"x\"");
        assertThat(CliRun.of("fit", "--data", svm, "--weights", "w", "--out", dir.resolve("m.json")).userError())
                .isEqualTo("--weights needs CSV data; LibSVM files have no weight column");
        Path svmAsCsvName = TestData.write(dir, "d.txt", "1 1:1 2:2\n1 3:1\n");
        assertThat(CliRun.of("fit", "--data", svmAsCsvName, "--format", "libsvm", "--family", "binomial", "--out", dir.resolve("m.json")).userError())
                .isEqualTo(svmAsCsvName + ": expected 2 classes for binomial, found only \"1\" (a constant target)");
    }

    @Test
    void csvNeedsATarget() throws IOException {
        Path data = TestData.csv(dir, 20, NUMERIC, false);
        assertThat(CliRun.of("fit", "--data", data, "--out", dir.resolve("m.json")).userError())
                .isEqualTo("Missing required option: '--target=NAME'");
    }

    @Test
    void nothingIsWrittenOnError() throws IOException {
        Path data = TestData.write(dir, "bad.csv", "a,y\n1,x\n");
        Path out = dir.resolve("m.json");
        Files.writeString(out, "previous");
        CliRun.of("fit", "--data", data, "--target", "y", "--out", out).userError();
        assertThat(Files.readString(out)).isEqualTo("previous");
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("bad.csv", "m.json");
        }
    }
}

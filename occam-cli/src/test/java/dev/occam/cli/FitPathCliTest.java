package dev.occam.cli;

import dev.occam.glm.Family;
import dev.occam.glm.LinearModel;
import dev.occam.io.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.occam.cli.TestData.Target.BINARY;
import static dev.occam.cli.TestData.Target.COUNTS;
import static dev.occam.cli.TestData.Target.NUMERIC;
import static dev.occam.cli.TestData.Target.THREE_CLASSES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** fit, path and fit→predict end to end. These need the path solver (ElasticNet.path / fitAt). */
class FitPathCliTest {
    @TempDir
    Path dir;

    enum Case {
        GAUSSIAN(NUMERIC, "gaussian"), BINOMIAL(BINARY, "binomial"), MULTINOMIAL(THREE_CLASSES, "multinomial"), POISSON(COUNTS, "poisson");

        final TestData.Target target;
        final String family;

        Case(TestData.Target target, String family) {
            this.target = target;
            this.family = family;
        }
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void fitAtAGivenLambdaWritesAModelFile(Case c) throws IOException {
        Path data = TestData.csv(dir, 200, c.target, false);
        Path out = dir.resolve("model.json");
        CliRun.of("fit", "--data", data, "--target", c.target.column, "--family", c.family, "--lambda", "0.01",
                "--alpha", "0.5", "--out", out).ok();
        LinearModel m = ModelFile.read(out);
        assertThat(m.family()).isEqualTo(Family.parse(c.family));
        assertThat(m.lambda()).isEqualTo(0.01);
        assertThat(m.alpha()).isEqualTo(0.5);
        assertThat(m.featureNames()).containsExactly("a", "b", "c");
        assertThat(m.summary().n()).isEqualTo(200);
        // Feature a drives every target; at a small lambda it must be in the model.
        for (double[] w : m.coefficients()) {
            if (c != Case.MULTINOMIAL) assertThat(Math.abs(w[0])).isGreaterThan(0.1);
        }
    }

    @Test
    void fitWithoutLambdaUsesTheSmallestOfThePathAndSaysSo() throws IOException {
        Path data = TestData.csv(dir, 100, NUMERIC, false);
        Path out = dir.resolve("model.json");
        CliRun r = CliRun.of("fit", "--data", data, "--target", "y", "--out", out).ok();
        assertThat(r.err()).contains("no --lambda given: using the smallest lambda of the default path");
        LinearModel m = ModelFile.read(out);
        // y = 1 + 2a - b + noise: the least-penalized lasso fit is close to least squares.
        assertThat(m.coefficients()[0][0]).isCloseTo(2.0, within(0.2));
        assertThat(m.coefficients()[0][1]).isCloseTo(-1.0, within(0.2));
        assertThat(CliRun.of("fit", "--data", data, "--target", "y", "--out", out, "--quiet").ok().err()).isEmpty();
    }

    @Test
    void fitThenPredictReproducesTheLinearPredictor() throws IOException {
        Path data = TestData.csv(dir, 100, NUMERIC, true);
        Path model = dir.resolve("model.json");
        CliRun.of("fit", "--data", data, "--target", "y", "--weights", "w", "--lambda", "0.05", "--penalty-factor", "c=0",
                "--no-standardize", "--out", model).ok();
        LinearModel m = ModelFile.read(model);
        assertThat(m.standardize()).isFalse();
        assertThat(m.coefficients()[0][2]).as("unpenalized feature c").isNotZero();
        Path pred = dir.resolve("pred.csv");
        CliRun.of("predict", "--model", model, "--data", data, "--out", pred).ok();
        List<String> lines = Files.readAllLines(pred);
        assertThat(lines.get(0)).isEqualTo("link");
        assertThat(lines).hasSize(101);
        List<String> rows = Files.readAllLines(data);
        String[] first = rows.get(1).split(",");
        double expected = m.intercepts()[0];
        for (int j = 0; j < 3; j++) expected += m.coefficients()[0][j] * Double.parseDouble(first[j]);
        assertThat(Double.parseDouble(lines.get(1))).isCloseTo(expected, within(1e-12));
    }

    @Test
    void nonNegativeLimits() throws IOException {
        Path data = TestData.csv(dir, 100, NUMERIC, false);
        Path model = dir.resolve("model.json");
        CliRun.of("fit", "--data", data, "--target", "y", "--lower-limit", "0", "--lambda", "0.01", "--out", model).ok();
        LinearModel m = ModelFile.read(model);
        assertThat(m.coefficients()[0][1]).as("b has a negative effect, so it is held at 0").isZero();
        assertThat(m.coefficients()[0][0]).isGreaterThan(1.0);
    }

    @Test
    void pathWritesOneRowPerLambda() throws IOException {
        Path data = TestData.csv(dir, 100, NUMERIC, false);
        Path out = dir.resolve("path.csv");
        CliRun.of("path", "--data", data, "--target", "y", "--nlambda", "20", "--out", out).ok();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("lambda,df,dev_ratio,intercept,a,b,c,kkt_violation");
        assertThat(lines.size() - 1).isBetween(2, 20);
        double previous = Double.POSITIVE_INFINITY;
        for (String line : lines.subList(1, lines.size())) {
            double lambda = Double.parseDouble(line.split(",")[0]);
            assertThat(lambda).isLessThan(previous);
            previous = lambda;
        }
        assertThat(lines.get(1).split(",")[1]).as("df at lambda_max").isEqualTo("0");
    }

    @Test
    void pathWithOwnLambdasAndMultinomialHeader() throws IOException {
        Path data = TestData.csv(dir, 150, THREE_CLASSES, false);
        Path out = dir.resolve("path.csv");
        CliRun.of("path", "--data", data, "--target", "kind", "--family", "multinomial", "--lambda", "0.01,0.1,0.05", "--out", out).ok();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("lambda,df,dev_ratio,intercept:high,a:high,b:high,c:high,"
                + "intercept:low,a:low,b:low,c:low,intercept:mid,a:mid,b:mid,c:mid,kkt_violation");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("0.1,");
        assertThat(lines.get(3)).startsWith("0.01,");
    }

    @Test
    void libsvmTraining() throws IOException {
        StringBuilder s = new StringBuilder();
        TestData.Gaussian g = new TestData.Gaussian(3);
        for (int i = 0; i < 80; i++) {
            double a = g.next();
            double y = 3 * a + 0.1 * g.next();
            s.append(y).append(" 1:").append(a);
            if (i % 2 == 0) s.append(" 3:").append(g.next());
            s.append('\n');
        }
        Path svm = TestData.write(dir, "train.svm", s.toString());
        Path model = dir.resolve("m.json");
        CliRun.of("fit", "--data", svm, "--lambda", "0.01", "--out", model).ok();
        LinearModel m = ModelFile.read(model);
        assertThat(m.featureNames()).containsExactly("x1", "x2", "x3");
        assertThat(m.coefficients()[0][0]).isCloseTo(3.0, within(0.1));
    }
}

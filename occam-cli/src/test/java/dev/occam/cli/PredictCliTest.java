package dev.occam.cli;

import dev.occam.glm.Family;
import dev.occam.glm.LinearModel;
import dev.occam.io.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** predict with model files built by hand, so the expected numbers are known exactly. */
class PredictCliTest {
    @TempDir
    Path dir;

    private static final LinearModel.FitSummary SUMMARY = new LinearModel.FitSummary(10, 0.5, 1.0, 5, true, List.of());

    private Path model(Family family, List<String> classes, double[] b0, double[][] w) throws IOException {
        Path f = dir.resolve(family.id() + ".json");
        ModelFile.write(f, new LinearModel(family, 1.0, 0.1, true, List.of("a", "b"), classes, b0, w, SUMMARY));
        return f;
    }

    /** Data with the features in another order than the model's, an extra column, and no target. */
    private Path data() throws IOException {
        return TestData.write(dir, "new.csv", "id,b,a\nr1,1,2\nr2,0,-1\nr3,3,0.5\n");
    }

    private static List<List<String>> rows(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().map(l -> List.of(l.split(",", -1))).toList();
    }

    @Test
    void gaussianLinkReadsFeaturesByName() throws IOException {
        Path m = model(Family.GAUSSIAN, null, new double[] {1}, new double[][] {{2, -1}});
        Path out = dir.resolve("pred.csv");
        CliRun r = CliRun.of("predict", "--model", m, "--data", data(), "--out", out).ok();
        assertThat(r.err()).contains("3 predictions");
        List<List<String>> rows = rows(out);
        assertThat(rows.get(0)).containsExactly("link");
        assertThat(rows).hasSize(4);
        // 1 + 2a - b per row: a=2,b=1 -> 4; a=-1,b=0 -> -1; a=0.5,b=3 -> -1
        assertThat(Double.parseDouble(rows.get(1).get(0))).isEqualTo(4.0);
        assertThat(Double.parseDouble(rows.get(2).get(0))).isEqualTo(-1.0);
        assertThat(Double.parseDouble(rows.get(3).get(0))).isEqualTo(-1.0);
    }

    @Test
    void binomialResponseAndClass() throws IOException {
        Path m = model(Family.BINOMIAL, List.of("no", "yes"), new double[] {0}, new double[][] {{1, 0}});
        Path out = dir.resolve("p.csv");
        CliRun.of("predict", "--model", m, "--data", data(), "--type", "response", "--out", out, "--quiet").ok();
        List<List<String>> rows = rows(out);
        assertThat(rows.get(0)).containsExactly("response");
        assertThat(Double.parseDouble(rows.get(1).get(0))).isCloseTo(1 / (1 + Math.exp(-2)), within(1e-15));
        assertThat(Double.parseDouble(rows.get(2).get(0))).isCloseTo(1 / (1 + Math.exp(1)), within(1e-15));

        CliRun quiet = CliRun.of("predict", "--model", m, "--data", data(), "--type", "class", "--out", out, "--quiet").ok();
        assertThat(quiet.err()).isEmpty();
        assertThat(rows(out)).containsExactly(List.of("class"), List.of("yes"), List.of("no"), List.of("yes"));
    }

    @Test
    void multinomialOneColumnPerClass() throws IOException {
        Path m = model(Family.MULTINOMIAL, List.of("high", "low", "mid"), new double[] {0, 0, 0},
                new double[][] {{1, 0}, {-1, 0}, {0, 0}});
        Path out = dir.resolve("p.csv");
        CliRun.of("predict", "--model", m, "--data", data(), "--type", "link", "--out", out).ok();
        assertThat(rows(out).get(0)).containsExactly("link_high", "link_low", "link_mid");
        assertThat(rows(out).get(1)).containsExactly("2.0", "-2.0", "0.0");

        CliRun.of("predict", "--model", m, "--data", data(), "--type", "response", "--out", out).ok();
        List<List<String>> rows = rows(out);
        assertThat(rows.get(0)).containsExactly("response_high", "response_low", "response_mid");
        double sum = 0;
        for (String v : rows.get(2)) sum += Double.parseDouble(v);
        assertThat(sum).isCloseTo(1.0, within(1e-15));

        CliRun.of("predict", "--model", m, "--data", data(), "--type", "class", "--out", out).ok();
        // a = 2, -1, 0.5: links (a, -a, 0) pick high, low, high
        assertThat(rows(out)).containsExactly(List.of("class"), List.of("high"), List.of("low"), List.of("high"));
    }

    @Test
    void poissonResponseIsTheMean() throws IOException {
        Path m = model(Family.POISSON, null, new double[] {0.5}, new double[][] {{0, 1}});
        Path out = dir.resolve("p.csv");
        CliRun.of("predict", "--model", m, "--data", data(), "--type", "response", "--out", out).ok();
        assertThat(Double.parseDouble(rows(out).get(1).get(0))).isEqualTo(Math.exp(1.5));
    }

    @Test
    void libsvmDataByPosition() throws IOException {
        Path m = model(Family.GAUSSIAN, null, new double[] {1}, new double[][] {{2, -1}});
        Path svm = TestData.write(dir, "new.svm", "1:2 2:1\n7 2:4\n");
        Path out = dir.resolve("p.csv");
        CliRun.of("predict", "--model", m, "--data", svm, "--out", out).ok();
        assertThat(rows(out)).containsExactly(List.of("link"), List.of("4.0"), List.of("-3.0"));

        Path wide = TestData.write(dir, "wide.svm", "1:2 5:1\n");
        assertThat(CliRun.of("predict", "--model", m, "--data", wide, "--out", out).userError())
                .isEqualTo(wide + ": expected feature indices up to 2 (the model's features), found index 5");
    }

    @Test
    void errors() throws IOException {
        Path gaussian = model(Family.GAUSSIAN, null, new double[] {1}, new double[][] {{2, -1}});
        Path out = dir.resolve("p.csv");
        assertThat(CliRun.of("predict", "--model", gaussian, "--data", data(), "--type", "class", "--out", out).userError())
                .isEqualTo("--type class needs a binomial or multinomial model; " + gaussian + " is gaussian");
        assertThat(CliRun.of("predict", "--model", gaussian, "--data", data(), "--type", "prob", "--out", out).userError())
                .isEqualTo("--type must be link, response or class; got prob");
        Path noB = TestData.write(dir, "nob.csv", "a,c\n1,2\n");
        assertThat(CliRun.of("predict", "--model", gaussian, "--data", noB, "--out", out).userError())
                .isEqualTo(noB + ": no column named \"b\" (a feature); the columns are: a, c");
        Path notAModel = TestData.write(dir, "m.json", "{\"weights\": [1, 2]}");
        assertThat(CliRun.of("predict", "--model", notAModel, "--data", data(), "--out", out).userError())
                .isEqualTo(notAModel + ": not an Occam model file (expected \"format\": \"occam-model\"; found no \"format\" field)");
        Path missing = dir.resolve("missing.json");
        assertThat(CliRun.of("predict", "--model", missing, "--data", data(), "--out", out).userError())
                .isEqualTo(missing + ": no such file");
        assertThat(out).doesNotExist();
    }
}

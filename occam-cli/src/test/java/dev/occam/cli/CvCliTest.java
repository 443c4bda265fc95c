package dev.occam.cli;

import dev.occam.data.CsvReader;
import dev.occam.data.Dataset;
import dev.occam.data.ReadOptions;
import dev.occam.glm.Family;
import dev.occam.glm.GlmSettings;
import dev.occam.glm.LinearModel;
import dev.occam.io.ModelFile;
import dev.occam.select.CrossValidation;
import dev.occam.select.CvResult;
import dev.occam.select.CvSettings;
import dev.occam.select.Folds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.occam.cli.TestData.Target.BINARY;
import static dev.occam.cli.TestData.Target.NUMERIC;
import static dev.occam.cli.TestData.Target.THREE_CLASSES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

/** {@code occam cv} and {@code occam fit --cv} end to end, in-process. */
class CvCliTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    /** The numeric test data with an extra fold-id column "fold" (values given per row). */
    private Path withFoldColumn(Path csv, int[] ids) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        StringBuilder s = new StringBuilder(lines.get(0)).append(",fold\n");
        for (int i = 1; i < lines.size(); i++) s.append(lines.get(i)).append(',').append(ids[i - 1]).append('\n');
        return TestData.write(dir, "with-folds.csv", s.toString());
    }

    @Test
    void cvWritesTheTableTheModelAndOneJsonObject() throws IOException {
        Path data = TestData.csv(dir, 120, NUMERIC, false);
        Path table = dir.resolve("cv.csv");
        Path model = dir.resolve("model.json");
        CliRun r = CliRun.of("cv", "--data", data, "--target", "y", "--folds", "5", "--table", table, "--out", model, "--json").ok();

        JsonNode j = JSON.readTree(r.out());
        assertThat(r.out().strip().lines()).hasSize(1);
        assertThat(j.get("family").asString()).isEqualTo("gaussian");
        assertThat(j.get("measure").asString()).isEqualTo("mse");
        assertThat(j.get("select").asString()).isEqualTo("1se");
        assertThat(j.get("folds").asInt()).isEqualTo(5);
        int size = j.get("lambda").size();
        assertThat(size).isGreaterThan(5);
        assertThat(j.get("cvm").size()).isEqualTo(size);
        assertThat(j.get("cvsd").size()).isEqualTo(size);

        // the same CV through the library: same folds (seed 1, random for a numeric target), same curve
        Dataset d = CsvReader.read(data, ReadOptions.numeric("y"));
        CvResult lib = CrossValidation.elasticNet(d, GlmSettings.of(Family.GAUSSIAN), Folds.random(120, 5, CvCommand.DEFAULT_SEED),
                CvSettings.defaults());
        assertThat(j.get("lambda_min").asDouble()).isEqualTo(lib.lambdaMin());
        assertThat(j.get("lambda_1se").asDouble()).isEqualTo(lib.lambda1se());
        for (int l = 0; l < size; l++) assertThat(j.get("cvm").get(l).asDouble()).isEqualTo(lib.cvm()[l]);

        List<String> lines = Files.readAllLines(table);
        assertThat(lines.get(0)).isEqualTo("lambda,cvm,cvsd,cvup,cvlo,nzero");
        assertThat(lines).hasSize(size + 1);
        String[] first = lines.get(1).split(",");
        assertThat(Double.parseDouble(first[0])).isEqualTo(lib.lambdas()[0]);
        assertThat(Double.parseDouble(first[1])).isEqualTo(lib.cvm()[0]);
        assertThat(first[5]).isEqualTo("0");

        LinearModel m = ModelFile.read(model);
        assertThat(m.lambda()).isEqualTo(lib.lambda1se());
        assertThat(m.coefficients()[0]).containsExactly(lib.model1se().coefficients()[0]);

        assertThat(r.err()).contains("occam: cv: 5 folds of 120 rows").contains("occam: 6/6 cross-validation fits")
                .contains("lambda.min = " + lib.lambdaMin()).contains("lambda.1se = " + lib.lambda1se());
    }

    @Test
    void foldIdsFromAColumnReproduceCvGlmnet() throws IOException {
        // glmnet's cv.glmnet on MASS::Pima.tr with these fold ids (occam-core's golden files)
        Path pima = Path.of("..", "occam-core", "src", "test", "resources", "golden", "cv", "pima.csv");
        assertThat(pima).exists();
        List<String> cases = Files.readAllLines(pima.resolveSibling("cases.csv"));
        String[] golden = cases.stream().filter(c -> c.startsWith("pima_a1_auc,")).findFirst().orElseThrow().split(",");
        Path model = dir.resolve("m.json");
        CliRun r = CliRun.of("cv", "--data", pima, "--target", "type", "--family", "binomial", "--foldid", "foldid",
                "--measure", "auc", "--select", "min", "--out", model, "--json", "--quiet").ok();
        assertThat(r.err()).isEmpty();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("measure").asString()).isEqualTo("auc");
        assertThat(j.get("folds").asInt()).isEqualTo(5);
        assertThat(j.get("lambda_min").asDouble()).isCloseTo(Double.parseDouble(golden[9]), withinPercentage(1e-8));
        assertThat(j.get("lambda_1se").asDouble()).isCloseTo(Double.parseDouble(golden[10]), withinPercentage(1e-8));
        LinearModel m = ModelFile.read(model);
        assertThat(m.featureNames()).as("the fold ids are not a feature").containsExactly("npreg", "glu", "bp", "skin", "bmi", "ped", "age");
        assertThat(m.lambda()).isEqualTo(j.get("lambda_min").asDouble());
    }

    @Test
    void alphaGridWritesEveryCurveAndKeepsTheBestAlpha() throws IOException {
        Path data = TestData.csv(dir, 150, BINARY, false);
        Path table = dir.resolve("cv.csv");
        Path model = dir.resolve("model.json");
        CliRun r = CliRun.of("cv", "--data", data, "--target", "label", "--family", "binomial", "--alphas", "0,0.5,1",
                "--folds", "4", "--nlambda", "20", "--measure", "class", "--table", table, "--out", model, "--json").ok();
        JsonNode j = JSON.readTree(r.out());
        JsonNode grid = j.get("alphas");
        assertThat(grid.size()).isEqualTo(3);
        int best = 0;
        for (int a = 1; a < 3; a++) {
            if (grid.get(a).get("cvm_min").asDouble() < grid.get(best).get("cvm_min").asDouble()) best = a;
        }
        assertThat(j.get("alpha").asDouble()).isEqualTo(grid.get(best).get("alpha").asDouble());
        assertThat(ModelFile.read(model).alpha()).isEqualTo(j.get("alpha").asDouble());
        List<String> lines = Files.readAllLines(table);
        assertThat(lines.get(0)).isEqualTo("alpha,lambda,cvm,cvsd,cvup,cvlo,nzero");
        assertThat(lines.stream().skip(1).map(l -> l.split(",")[0]).distinct()).containsExactly("0.0", "0.5", "1.0");
        assertThat(r.err()).contains("occam: cv: chose alpha " + j.get("alpha").asDouble());
    }

    @Test
    void quietPrintsNothingAndTheModelDefaultsToLambda1se() throws IOException {
        Path data = TestData.csv(dir, 150, THREE_CLASSES, false);
        Path model = dir.resolve("model.json");
        CliRun r = CliRun.of("cv", "--data", data, "--target", "kind", "--family", "multinomial", "--folds", "3",
                "--nlambda", "15", "--out", model, "--quiet").ok();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEmpty();
        assertThat(ModelFile.read(model).classes()).containsExactly("high", "low", "mid");
    }

    @Test
    void fitWithCvUsesTheChosenLambda() throws IOException {
        Path data = TestData.csv(dir, 100, NUMERIC, false);
        Path viaFit = dir.resolve("fit.json");
        Path viaCv = dir.resolve("cv.json");
        CliRun fit = CliRun.of("fit", "--data", data, "--target", "y", "--cv", "5", "--select", "min", "--out", viaFit).ok();
        CliRun.of("cv", "--data", data, "--target", "y", "--folds", "5", "--select", "min", "--out", viaCv, "--quiet").ok();
        LinearModel a = ModelFile.read(viaFit);
        LinearModel b = ModelFile.read(viaCv);
        assertThat(a.lambda()).isEqualTo(b.lambda());
        assertThat(a.coefficients()[0]).containsExactly(b.coefficients()[0]);
        assertThat(fit.err()).contains("using lambda.min");
        CliRun.of("fit", "--data", data, "--target", "y", "--cv", "5", "--out", viaFit, "--quiet").ok();
        assertThat(ModelFile.read(viaFit).lambda()).isGreaterThanOrEqualTo(a.lambda());
    }

    @Test
    void badOptionsAreOneLineErrors() throws IOException {
        Path data = TestData.csv(dir, 60, NUMERIC, false);
        Path libsvm = TestData.write(dir, "d.svm", "1 1:0.5\n2 1:0.7\n");
        assertThat(CliRun.of("cv", "--data", data, "--target", "y", "--folds", "2").userError())
                .isEqualTo("--folds must be >= 3; got 2");
        assertThat(CliRun.of("cv", "--data", data, "--target", "y", "--folds", "61").userError())
                .isEqualTo("--folds 61 is more than the 60 rows of the data");
        assertThat(CliRun.of("cv", "--data", data, "--target", "y", "--folds", "30").userError())
                .isEqualTo("cross-validation needs at least 3 rows per fold on average; got 60 rows for 30 folds");
        assertThat(CliRun.of("cv", "--data", data, "--target", "y", "--measure", "auc").userError())
                .isEqualTo("--measure auc is not defined for gaussian models; use one of mse, deviance, mae");
        assertThat(CliRun.of("cv", "--data", data, "--target", "y", "--measure", "r2").userError())
                .isEqualTo("--measure must be one of deviance, mse, mae, class, auc; got r2");
        assertThat(CliRun.of("cv", "--data", data, "--target", "y", "--select", "best").userError())
                .isEqualTo("--select must be min or 1se; got best");
        assertThat(CliRun.of("cv", "--data", data, "--target", "y", "--alpha", "0.5", "--alphas", "0,1").userError())
                .isEqualTo("--alpha and --alphas cannot be combined");
        assertThat(CliRun.of("cv", "--data", data, "--target", "y", "--alphas", "0,1.5").userError())
                .isEqualTo("--alphas: every alpha must be in [0, 1]; got 1.5");
        assertThat(CliRun.of("cv", "--data", data, "--target", "y", "--foldid", "fold", "--folds", "5").userError())
                .isEqualTo("--folds and --foldid cannot be combined: the fold ids give K");
        assertThat(CliRun.of("cv", "--data", data, "--target", "y", "--foldid", "zz").userError())
                .isEqualTo(data + ": no column named \"zz\" (the fold ids); the feature columns are: a, b, c");
        assertThat(CliRun.of("cv", "--data", data, "--target", "y", "--foldid", "y").userError())
                .isEqualTo("--foldid cannot be the target column \"y\"");
        assertThat(CliRun.of("cv", "--data", libsvm, "--foldid", "f").userError())
                .isEqualTo("--foldid needs CSV data; LibSVM files have no named columns");
        assertThat(CliRun.of("fit", "--data", data, "--target", "y", "--cv", "5", "--lambda", "0.1", "--out", dir.resolve("m.json")).userError())
                .isEqualTo("--cv chooses lambda; it cannot be combined with --lambda");
        assertThat(CliRun.of("fit", "--data", data, "--target", "y", "--select", "min", "--out", dir.resolve("m.json")).userError())
                .isEqualTo("--select needs --cv K");
        assertThat(CliRun.of("fit", "--data", data, "--target", "y", "--cv", "2", "--out", dir.resolve("m.json")).userError())
                .isEqualTo("--cv must be >= 3 folds; got 2");
        assertThat(dir.resolve("m.json")).doesNotExist();
    }

    @Test
    void badFoldIdsNameTheColumnAndRow() throws IOException {
        Path data = TestData.csv(dir, 30, NUMERIC, false);
        int[] ids = new int[30];
        for (int i = 0; i < 30; i++) ids[i] = 1 + i % 3;
        ids[6] = 0;
        Path zero = withFoldColumn(data, ids);
        assertThat(CliRun.of("cv", "--data", zero, "--target", "y", "--foldid", "fold").userError())
                // data row 7 is line 8; the fold column is the last
                .isEqualTo(zero + ":8:" + Files.readAllLines(zero).get(0).split(",").length
                        + " (column \"fold\"): expected a fold id 1..K (an integer), found \"0\"");
        for (int i = 0; i < 30; i++) ids[i] = i % 2 == 0 ? 1 : 4;
        Path gap = withFoldColumn(data, ids);
        assertThat(CliRun.of("cv", "--data", gap, "--target", "y", "--foldid", "fold").userError())
                .isEqualTo(gap + ": column \"fold\": fold ids must use every value 1..4 (K is the largest id); 2 does not occur");
        for (int i = 0; i < 30; i++) ids[i] = 1 + i % 3;
        Path good = withFoldColumn(data, ids);
        Path table = dir.resolve("t.csv");
        CliRun ok = CliRun.of("cv", "--data", good, "--target", "y", "--foldid", "fold", "--table", table).ok();
        assertThat(ok.err()).contains("occam: cv: 3 folds of 30 rows");
        assertThat(table).exists();
        assertThat(CliRun.of("cv", "--data", good, "--target", "y", "--foldid", "fold", "--seed", "3").userError())
                .isEqualTo("--seed and --no-stratify choose random folds; they cannot be combined with --foldid");
    }
}

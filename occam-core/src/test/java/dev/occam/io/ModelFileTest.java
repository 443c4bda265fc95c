package dev.occam.io;

import dev.occam.data.DataFormatException;
import dev.occam.glm.Family;
import dev.occam.glm.LinearModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelFileTest {
    @TempDir
    Path dir;

    /** Doubles whose decimal form is easy to get wrong. */
    private static final double[] AWKWARD = {0.1 + 0.2, -1e-300, Double.MIN_VALUE, 123456789.123456789, -0.0, 1.0 / 3, 0.0};

    static LinearModel model(Family family) {
        List<String> features = List.of("age", "bmi", "blood pressure", "x,1");
        List<String> classes = switch (family) {
            case BINOMIAL -> List.of("no", "yes");
            case MULTINOMIAL -> List.of("setosa", "versicolor", "virginica");
            default -> null;
        };
        int k = family == Family.MULTINOMIAL ? 3 : 1;
        double[] b0 = new double[k];
        double[][] w = new double[k][features.size()];
        for (int c = 0; c < k; c++) {
            b0[c] = AWKWARD[c] - 0.5;
            for (int j = 0; j < features.size(); j++) w[c][j] = AWKWARD[(c + j) % AWKWARD.length] * (c + 1);
        }
        return new LinearModel(family, 0.5, 0.012345678901234567, family != Family.POISSON, features, classes, b0, w,
                new LinearModel.FitSummary(442, 0.5178, 1.234e3, 77, family != Family.GAUSSIAN,
                        family == Family.GAUSSIAN ? List.of("did not converge at lambda 0.01 within 10 passes") : List.of(),
                        family == Family.GAUSSIAN ? 2.5e-4 : 3.0000000000000004e-13, family == Family.GAUSSIAN ? "thresh 1.0E-7" : "kkt 1.0E-9"));
    }

    static void assertSameModel(LinearModel actual, LinearModel expected) {
        assertThat(actual.family()).isEqualTo(expected.family());
        assertThat(actual.alpha()).isEqualTo(expected.alpha());
        assertThat(actual.lambda()).isEqualTo(expected.lambda());
        assertThat(actual.standardize()).isEqualTo(expected.standardize());
        assertThat(actual.featureNames()).isEqualTo(expected.featureNames());
        assertThat(actual.classes()).isEqualTo(expected.classes());
        assertThat(actual.intercepts()).isEqualTo(expected.intercepts());
        assertThat(actual.coefficients()).isDeepEqualTo(expected.coefficients());
        for (int k = 0; k < expected.responses(); k++) {
            for (int j = 0; j < expected.coefficients()[k].length; j++) {
                // bit-for-bit, so -0.0 stays -0.0
                assertThat(Double.doubleToRawLongBits(actual.coefficients()[k][j]))
                        .isEqualTo(Double.doubleToRawLongBits(expected.coefficients()[k][j]));
            }
        }
        assertThat(actual.summary()).usingRecursiveComparison().isEqualTo(expected.summary());
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void roundTripsEveryFamilyExactly(Family family) throws IOException {
        LinearModel m = model(family);
        Path file = dir.resolve(family.id() + ".json");
        ModelFile.write(file, m);
        assertSameModel(ModelFile.read(file), m);
    }

    @Test
    void jsonHasTheDocumentedShape() throws IOException {
        JsonNode bin = JsonMapper.shared().readTree(ModelFile.toJson(model(Family.BINOMIAL)));
        assertThat(fieldNames(bin)).containsExactly("format", "version", "family", "alpha", "lambda", "standardize",
                "features", "classes", "intercept", "coefficients", "summary");
        assertThat(bin.get("format").stringValue()).isEqualTo("occam-model");
        assertThat(bin.get("version").intValue()).isEqualTo(1);
        assertThat(bin.get("family").stringValue()).isEqualTo("binomial");
        assertThat(bin.get("intercept").isNumber()).isTrue();
        assertThat(fieldNames(bin.get("coefficients"))).containsExactly("age", "bmi", "blood pressure", "x,1");
        assertThat(fieldNames(bin.get("summary"))).containsExactly("n", "dev_ratio", "null_deviance", "passes", "converged", "warnings",
                "kkt_violation", "convergence");
        assertThat(bin.get("summary").get("kkt_violation").doubleValue()).isEqualTo(3.0000000000000004e-13);
        assertThat(bin.get("summary").get("convergence").stringValue()).isEqualTo("kkt 1.0E-9");

        JsonNode gauss = JsonMapper.shared().readTree(ModelFile.toJson(model(Family.GAUSSIAN)));
        assertThat(gauss.has("classes")).isFalse();
        assertThat(gauss.get("summary").get("warnings").get(0).stringValue()).startsWith("did not converge");

        JsonNode multi = JsonMapper.shared().readTree(ModelFile.toJson(model(Family.MULTINOMIAL)));
        assertThat(fieldNames(multi.get("intercept"))).containsExactly("setosa", "versicolor", "virginica");
        assertThat(fieldNames(multi.get("coefficients"))).containsExactly("setosa", "versicolor", "virginica");
        assertThat(fieldNames(multi.get("coefficients").get("virginica"))).containsExactly("age", "bmi", "blood pressure", "x,1");
        assertThat(multi.get("coefficients").get("versicolor").get("bmi").doubleValue())
                .isEqualTo(model(Family.MULTINOMIAL).coefficients()[1][1]);
    }

    private static List<String> fieldNames(JsonNode o) {
        return new ArrayList<>(o.propertyNames());
    }

    @Test
    void nonFiniteSummaryNumbersBecomeNullAndReadBackAsNaN() {
        LinearModel m = model(Family.GAUSSIAN);
        LinearModel constant = new LinearModel(m.family(), m.alpha(), m.lambda(), m.standardize(), m.featureNames(), null,
                m.intercepts(), m.coefficients(), new LinearModel.FitSummary(3, Double.NaN, 0.0, 1, true, List.of()));
        String json = ModelFile.toJson(constant);
        assertThat(json).contains("\"dev_ratio\" : null");
        assertThat(ModelFile.fromJson(json, "m.json").summary().devRatio()).isNaN();
        assertThat(json).contains("\"kkt_violation\" : null");
        assertThat(ModelFile.fromJson(json, "m.json").summary().kktViolation()).isNaN();
    }

    @Test
    void filesWrittenBeforeTheKktRecordReadBack() {
        String json = ModelFile.toJson(model(Family.BINOMIAL))
                .replaceAll(",\\s*\"kkt_violation\" : [^,]*", "")
                .replaceAll(",\\s*\"convergence\" : \"[^\"]*\"", "");
        assertThat(json).doesNotContain("kkt_violation").doesNotContain("\"convergence\"");
        LinearModel.FitSummary s = ModelFile.fromJson(json, "old.json").summary();
        assertThat(s.kktViolation()).isNaN();
        assertThat(s.convergence()).isEqualTo("unknown");
    }

    @Test
    void refusesToWriteNonFiniteCoefficients() {
        LinearModel m = model(Family.GAUSSIAN);
        double[][] w = m.coefficients().clone();
        w[0] = w[0].clone();
        w[0][2] = Double.NaN;
        LinearModel bad = new LinearModel(m.family(), m.alpha(), m.lambda(), m.standardize(), m.featureNames(), null,
                m.intercepts(), w, m.summary());
        assertThatThrownBy(() -> ModelFile.write(dir.resolve("bad.json"), bad))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-finite coefficient");
        assertThat(dir.resolve("bad.json")).doesNotExist();
    }

    /** The JSON of a valid gaussian model with one replacement applied. */
    private static String gaussianWith(String from, String to) {
        String json = ModelFile.toJson(model(Family.GAUSSIAN));
        assertThat(json).contains(from);
        return json.replace(from, to);
    }

    private static String errorOf(String json) {
        try {
            ModelFile.fromJson(json, "model.json");
        } catch (DataFormatException e) {
            assertThat(e.getMessage()).doesNotContain("\n");
            return e.getMessage();
        }
        throw new AssertionError("no error for " + json);
    }

    @Test
    void badFilesGiveOneClearLine() {
        assertThat(errorOf("")).isEqualTo("model.json: expected a JSON object with \"format\": \"occam-model\"; found nothing");
        assertThat(errorOf("[1, 2]")).isEqualTo("model.json: expected a JSON object with \"format\": \"occam-model\"; found an array");
        assertThat(errorOf("{\"format\": \"occam-model\",\n  \"version\": 1,,}")).startsWith("model.json: not valid JSON at line 2, column ");
        assertThat(errorOf("{\"a\": 1}")).isEqualTo("model.json: not an Occam model file (expected \"format\": \"occam-model\"; found no \"format\" field)");
        assertThat(errorOf(gaussianWith("\"occam-model\"", "\"keras\"")))
                .isEqualTo("model.json: not an Occam model file (expected \"format\": \"occam-model\"; found \"keras\")");
        assertThat(errorOf(gaussianWith("\"version\" : 1", "\"version\" : 2")))
                .isEqualTo("model.json: model file version 2 is newer than this Occam reads (version 1)");
        assertThat(errorOf(gaussianWith("\"version\" : 1", "\"version\" : \"1\"")))
                .isEqualTo("model.json: field \"version\" must be a whole number >= 1; found \"1\"");
        assertThat(errorOf(gaussianWith("\"family\" : \"gaussian\"", "\"family\" : \"gamma\"")))
                .isEqualTo("model.json: field \"family\" must be one of gaussian, binomial, multinomial, poisson; found \"gamma\"");
        assertThat(errorOf(gaussianWith("\"alpha\" : 0.5", "\"alpha\" : 1.5"))).isEqualTo("model.json: field \"alpha\" must be in [0, 1]; found 1.5");
        assertThat(errorOf(gaussianWith("\"alpha\" : 0.5", "\"alpha\" : \"high\""))).isEqualTo("model.json: field \"alpha\" must be a number; found \"high\"");
        assertThat(errorOf(gaussianWith("\"standardize\" : true", "\"standardize\" : 1")))
                .isEqualTo("model.json: field \"standardize\" must be true or false; found 1");
        assertThat(errorOf(gaussianWith("\"lambda\" :", "\"lambda_typo\" :"))).isEqualTo("model.json: missing field \"lambda\"");
        assertThat(errorOf(gaussianWith("\"bmi\" :", "\"BMI\" :")))
                .isEqualTo("model.json: field \"coefficients\" has no entry for feature \"bmi\"");
        assertThat(errorOf(gaussianWith("\"bmi\" : ", "\"bmi\" : 1, \"extra\" : ")))
                .isEqualTo("model.json: field \"coefficients\" has an entry for unknown feature \"extra\"");
        assertThat(errorOf(gaussianWith("\"bmi\" : ", "\"bmi\" : \"x\", \"ignored\" : ")))
                .startsWith("model.json: field \"coefficients\" has an entry for unknown feature");
        assertThat(errorOf(gaussianWith("\"bmi\" : ", "\"bmi\" : 1, \"bmi\" : ")))
                .startsWith("model.json: not valid JSON at line ").contains("Duplicate");
        assertThat(errorOf(gaussianWith("\"features\" : [ \"age\"", "\"features\" : [ \"age\", \"age\"")))
                .isEqualTo("model.json: field \"features\" names \"age\" twice");
        assertThat(errorOf(gaussianWith("\"intercept\" : ", "\"intercept\" : \"one\", \"x\" : ")))
                .isEqualTo("model.json: field \"intercept\" must be a number; found \"one\"");
        assertThat(errorOf(gaussianWith("\"family\" : \"gaussian\"", "\"family\" : \"gaussian\", \"classes\" : [\"a\", \"b\"]")))
                .isEqualTo("model.json: a gaussian model has no classes; found field \"classes\"");
        assertThat(errorOf(gaussianWith("\"n\" : 442", "\"n\" : -1")))
                .isEqualTo("model.json: field \"summary.n\" must be a whole number >= 0; found -1");
    }

    @Test
    void classCountsAndClassKeysAreChecked() {
        String bin = ModelFile.toJson(model(Family.BINOMIAL));
        assertThat(errorOf(bin.replace("\"yes\"", "\"yes\", \"maybe\"")))
                .isEqualTo("model.json: a binomial model needs exactly 2 classes; found 3");
        String multi = ModelFile.toJson(model(Family.MULTINOMIAL));
        int at = multi.indexOf("\"intercept\"");
        String noVirginica = multi.substring(0, at) + multi.substring(at).replaceFirst("\"virginica\" : [^,}]+", "\"virginia\" : 0.5");
        assertThat(errorOf(noVirginica)).isEqualTo("model.json: field \"intercept\" has no entry for class \"virginica\"");
        assertThat(errorOf(multi.replaceFirst("\"classes\" : \\[[^\\]]*\\]", "\"classes\" : [ \"setosa\" ]")))
                .isEqualTo("model.json: a multinomial model needs at least 2 classes; found 1");
    }

    @Test
    void readErrorsNameTheFile() throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{ not json");
        assertThatThrownBy(() -> ModelFile.read(file)).isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(file + ": not valid JSON at line 1, column ");
        assertThatThrownBy(() -> ModelFile.read(dir)).isInstanceOf(DataFormatException.class)
                .hasMessage(dir + ": is a directory, not a model file");
    }
}

package dev.occam.glm;

import dev.occam.data.CsvReader;
import dev.occam.data.Dataset;
import dev.occam.data.DesignMatrix;
import dev.occam.data.ReadOptions;
import dev.occam.data.TargetKind;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@link ElasticNet#fitAt} at default settings (the certified KKT rule, no tolerance given) against
 * glmnet's solution at the same single λ, run to full precision (thresh 1e-20; 1e-18 for iris), on
 * every case of {@code golden/fit} (made by {@code golden/fit/make_fit_golden.R}): λ values between
 * two points of the default path and below its end, where fitAt cannot take a path point and must
 * solve at λ itself. The cases include the fits measured by hand against glmnet in issue 8 (Boston
 * lasso at 0.338882682230412, mtcars with weights and penalty factors, mtcars without intercept,
 * breast-cancer lasso at 0.002, quakes Poisson at 0.01), plus Boston at 1e-5·λ_max and an ungrouped
 * iris multinomial.
 *
 * <p>Compared, with |a − r| ≤ tol·(1 + |r|) and tol the case's {@code tolerance} (1e-6): every
 * coefficient and the intercept(s), and the linear predictor on the fitted data, |η − η_ref| ≤
 * tol·(1 + sd(η_ref)) (the scale a user sees in predictions). Multinomial intercepts and linear
 * predictors are centred over the classes first (glmnet centres intercepts to sum 0; the softmax
 * model is unchanged by a common shift). The model's reported KKT violation must be within the
 * default KKT tolerance 1e-9. The same cases through {@code occam fit} are {@code FitGoldenCliTest}.
 */
class GlmnetFitGoldenTest {
    /** Default {@link GlmSettings#kktTolerance()}: the largest relative KKT violation a default fit reports. */
    static final double KKT_TOLERANCE = 1e-9;

    static Stream<Named<Path>> cases() throws IOException {
        try (Stream<Path> files = Files.list(GoldenCase.root().resolve("fit"))) {
            List<Path> specs = files.filter(f -> f.toString().endsWith(".json")).sorted(Comparator.comparing(Path::toString)).toList();
            return specs.stream().map(f -> Named.of(f.getFileName().toString().replace(".json", ""), f));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fitAtDefaultSettingsMatchesGlmnetAtTheSameLambda(Path specFile) {
        JsonNode spec = JsonMapper.builder().build().readTree(specFile);
        Dataset data = read(spec);
        assertThat(data.featureNames()).as("features").containsExactlyElementsOf(strings(spec.get("features")));
        LinearModel model = ElasticNet.fitAt(data, settings(spec, data), spec.get("lambda").asDouble());
        assertThat(model.lambda()).isEqualTo(spec.get("lambda").asDouble());
        assertThat(model.summary().converged()).as("converged; warnings %s", model.summary().warnings()).isTrue();
        assertThat(model.summary().kktViolation()).as("KKT violation").isLessThanOrEqualTo(KKT_TOLERANCE);
        assertMatchesGlmnet(spec.get("case").asString(), spec, model, data.x());
    }

    /** The settings of the case, everything else at Occam's defaults. */
    static GlmSettings settings(JsonNode spec, Dataset data) {
        GlmSettings s = GlmSettings.of(Family.parse(spec.get("family").asString()))
                .withAlpha(spec.get("alpha").asDouble())
                .withStandardize(spec.get("standardize").asBoolean())
                .withIntercept(spec.get("intercept").asBoolean());
        JsonNode pf = spec.get("penalty_factors");
        if (pf != null && !pf.isNull()) {
            double[] f = new double[data.cols()];
            Arrays.fill(f, 1.0);
            for (Map.Entry<String, JsonNode> e : pf.properties()) f[data.featureNames().indexOf(e.getKey())] = e.getValue().asDouble();
            s = s.withPenaltyFactors(f);
        }
        return s;
    }

    static Dataset read(JsonNode spec) {
        Path file = GoldenCase.root().resolve(spec.get("data").asString());
        TargetKind kind = "class".equals(spec.get("target_kind").asString()) ? TargetKind.CLASS : TargetKind.NUMERIC;
        JsonNode w = spec.get("weights");
        try {
            return CsvReader.read(file, new ReadOptions(spec.get("target").asString(), kind, w.isNull() ? null : w.asString(), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails with every mismatch listed (what, Occam's value, glmnet's, scaled error). */
    static void assertMatchesGlmnet(String name, JsonNode spec, LinearModel model, DesignMatrix x) {
        double tol = spec.get("tolerance").asDouble();
        boolean multinomial = "multinomial".equals(spec.get("family").asString());
        List<String> features = strings(spec.get("features"));
        double[] r0 = doubles(spec.get("glmnet_intercepts"));
        int responses = r0.length;
        double[][] rw = new double[responses][];
        for (int k = 0; k < responses; k++) rw[k] = doubles(spec.get("glmnet_coefficients").get(k));
        List<String> failures = new ArrayList<>();
        if (model.responses() != responses) fail("%s: %d responses; glmnet has %d", name, model.responses(), responses);
        double[] b0 = model.intercepts().clone();
        double[] ref0 = r0.clone();
        if (multinomial) {
            GoldenComparison.centre(b0);
            GoldenComparison.centre(ref0);
        }
        double worst = 0;
        for (int k = 0; k < responses; k++) {
            String suffix = multinomial ? ":" + spec.get("classes").get(k).asString() : "";
            worst = Math.max(worst, check(failures, "intercept" + suffix, b0[k], ref0[k], tol));
            for (int j = 0; j < features.size(); j++) {
                worst = Math.max(worst, check(failures, features.get(j) + suffix, model.coefficients()[k][j], rw[k][j], tol));
            }
        }
        double[][] eta = model.link(x);
        double[][] expected = new double[responses][x.rows()];
        for (int k = 0; k < responses; k++) x.multiply(rw[k], r0[k], expected[k]);
        if (multinomial) {
            GoldenComparison.centreRows(eta);
            GoldenComparison.centreRows(expected);
        }
        double worstLink = 0;
        int linkMismatches = 0;
        for (int k = 0; k < responses; k++) {
            double scale = 1 + sd(expected[k]);
            for (int i = 0; i < x.rows(); i++) {
                double e = Math.abs(eta[k][i] - expected[k][i]) / scale;
                if (!(e <= worstLink)) worstLink = Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
                if (!(e <= tol) && linkMismatches++ < 10) {
                    failures.add(String.format(Locale.ROOT, "linear predictor %d of row %d = %.12g; glmnet %.12g (error / (1 + sd) %.2e)",
                            k, i, eta[k][i], expected[k][i], e));
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(String.format(Locale.ROOT, "%s at lambda %s (%s): %d listed mismatches with glmnet at tolerance %.0e; worst scaled errors: "
                            + "coefficients %.2e, linear predictor %.2e (%d rows); Occam's KKT violation %.2e%n  %s",
                    name, spec.get("lambda").asString(), spec.get("lambda_position").asString(), failures.size(), tol, worst, worstLink,
                    linkMismatches,
                    model.summary().kktViolation(), String.join("\n  ", failures)));
        }
    }

    private static double check(List<String> failures, String what, double a, double r, double tol) {
        double e = Math.abs(a - r) / (1 + Math.abs(r));
        if (!(e <= tol)) failures.add(String.format(Locale.ROOT, "%s = %.12g; glmnet %.12g (scaled error %.2e)", what, a, r, e));
        return Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
    }

    static double sd(double[] v) {
        double mean = Arrays.stream(v).average().orElse(0);
        double ss = 0;
        for (double x : v) ss += (x - mean) * (x - mean);
        return Math.sqrt(ss / v.length);
    }

    private static List<String> strings(JsonNode array) {
        List<String> s = new ArrayList<>();
        for (JsonNode v : array) s.add(v.asString());
        return s;
    }

    private static double[] doubles(JsonNode array) {
        double[] d = new double[array.size()];
        for (int i = 0; i < d.length; i++) d[i] = array.get(i).asDouble();
        return d;
    }
}

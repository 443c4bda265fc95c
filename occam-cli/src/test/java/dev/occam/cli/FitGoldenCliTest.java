package dev.occam.cli;

import dev.occam.data.CsvReader;
import dev.occam.data.Dataset;
import dev.occam.data.ReadOptions;
import dev.occam.data.TargetKind;
import dev.occam.glm.LinearModel;
import dev.occam.io.ModelFile;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code occam fit --lambda L} at default settings (no {@code --tolerance}, no {@code --convergence})
 * against glmnet's solution at the same λ run to full precision, on every case of occam-core's
 * {@code golden/fit} (made by {@code golden/fit/make_fit_golden.R}; the cases and why they were
 * chosen are in its README): λ between two points of the default path or below its end; Boston,
 * mtcars with {@code --weights} and {@code --penalty-factor}, mtcars with {@code --no-intercept},
 * breast cancer (binomial), quakes (poisson), iris (multinomial).
 *
 * <p>MODEL.json is read back with {@link ModelFile#read} and compared with |a − r| ≤ 1e-6·(1 + |r|)
 * on every coefficient and intercept, and |η − η_ref| ≤ 1e-6·(1 + sd(η_ref)) on the linear predictor
 * of every row of the data (multinomial intercepts and linear predictors centred over the classes,
 * as glmnet reports them). The file's {@code summary.kkt_violation} must be ≤ 1e-9, the default
 * {@code --kkt-tolerance}, and {@code fit}'s message must report it. The library side of the same
 * cases is occam-core's {@code GlmnetFitGoldenTest}.
 */
class FitGoldenCliTest {
    static final double KKT_TOLERANCE = 1e-9;

    @TempDir
    Path dir;

    static Stream<Named<Path>> cases() {
        return GoldenFiles.specs("fit").stream().map(f -> Named.of(GoldenFiles.stem(f), f));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fitAtDefaultSettingsMatchesGlmnetAtTheSameLambda(Path specFile) throws IOException {
        JsonNode spec = GoldenFiles.json(specFile);
        String name = spec.get("case").asString();
        Path data = GoldenFiles.ROOT.resolve(spec.get("data").asString());
        Path out = dir.resolve("MODEL.json");
        double lambda = spec.get("lambda").asDouble();
        List<Object> args = new ArrayList<>(List.of("fit", "--data", data, "--target", spec.get("target").asString(),
                "--family", spec.get("family").asString(), "--alpha", spec.get("alpha").asDouble(), "--lambda", Double.toString(lambda)));
        if (!spec.get("weights").isNull()) args.addAll(List.of("--weights", spec.get("weights").asString()));
        if (!spec.get("penalty_factors").isNull()) {
            for (Map.Entry<String, JsonNode> e : spec.get("penalty_factors").properties()) {
                args.addAll(List.of("--penalty-factor", e.getKey() + "=" + e.getValue().asDouble()));
            }
        }
        if (!spec.get("intercept").asBoolean()) args.add("--no-intercept");
        if (!spec.get("standardize").asBoolean()) args.add("--no-standardize");
        args.addAll(List.of("--out", out));

        CliRun r = CliRun.of(args.toArray());
        assertThat(r.status()).as("occam %s%nstderr: %s", args, r.err()).isZero();
        assertThat(r.err()).as("%s: fit's message", name).contains("KKT violation").doesNotContain("warning");

        LinearModel model = ModelFile.read(out);
        assertThat(model.lambda()).isEqualTo(lambda);
        assertThat(model.featureNames()).containsExactlyElementsOf(strings(spec.get("features")));
        assertThat(model.summary().kktViolation()).as("%s: summary.kkt_violation", name).isLessThanOrEqualTo(KKT_TOLERANCE);

        TargetKind kind = "class".equals(spec.get("target_kind").asString()) ? TargetKind.CLASS : TargetKind.NUMERIC;
        Dataset d = CsvReader.read(data, new ReadOptions(spec.get("target").asString(), kind,
                spec.get("weights").isNull() ? null : spec.get("weights").asString(), null));
        compare(name, spec, model, d);
    }

    private static void compare(String name, JsonNode spec, LinearModel model, Dataset d) {
        double tol = spec.get("tolerance").asDouble();
        boolean multinomial = "multinomial".equals(spec.get("family").asString());
        List<String> features = strings(spec.get("features"));
        double[] r0 = doubles(spec.get("glmnet_intercepts"));
        int responses = r0.length;
        assertThat(model.responses()).as("%s: responses", name).isEqualTo(responses);
        double[][] rw = new double[responses][];
        for (int k = 0; k < responses; k++) rw[k] = doubles(spec.get("glmnet_coefficients").get(k));
        GoldenFiles.Mismatches m = new GoldenFiles.Mismatches(String.format(Locale.ROOT, "%s at lambda %s (%s), KKT violation %.2e",
                name, spec.get("lambda").asString(), spec.get("lambda_position").asString(), model.summary().kktViolation()), tol);
        double[] b0 = multinomial ? GoldenFiles.centred(model.intercepts()) : model.intercepts();
        double[] ref0 = multinomial ? GoldenFiles.centred(r0) : r0;
        for (int k = 0; k < responses; k++) {
            String suffix = multinomial ? ":" + spec.get("classes").get(k).asString() : "";
            m.check("intercept" + suffix, b0[k], ref0[k]);
            for (int j = 0; j < features.size(); j++) m.check(features.get(j) + suffix, model.coefficients()[k][j], rw[k][j]);
        }
        double[][] eta = model.link(d.x());
        double[][] expected = new double[responses][d.rows()];
        for (int k = 0; k < responses; k++) d.x().multiply(rw[k], r0[k], expected[k]);
        if (multinomial) {
            centreRows(eta);
            centreRows(expected);
        }
        int listed = 0;
        for (int k = 0; k < responses; k++) {
            double scale = 1 + sd(expected[k]);
            for (int i = 0; i < d.rows(); i++) {
                double e = Math.abs(eta[k][i] - expected[k][i]) / scale;
                if (!(e <= tol) && listed++ < 10) {
                    m.add(String.format(Locale.ROOT, "linear predictor %d of row %d = %.12g; glmnet %.12g (error / (1 + sd) %.2e)",
                            k, i, eta[k][i], expected[k][i], e));
                }
            }
        }
        m.assertNone();
    }

    private static double sd(double[] v) {
        double mean = Arrays.stream(v).average().orElse(0);
        double ss = 0;
        for (double x : v) ss += (x - mean) * (x - mean);
        return Math.sqrt(ss / v.length);
    }

    private static void centreRows(double[][] eta) {
        for (int i = 0; i < eta[0].length; i++) {
            double mean = 0;
            for (double[] e : eta) mean += e[i];
            mean /= eta.length;
            for (double[] e : eta) e[i] -= mean;
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> s = new ArrayList<>();
        for (JsonNode v : array) s.add(v.asString());
        return s;
    }

    private static double[] doubles(JsonNode array) {
        double[] x = new double[array.size()];
        for (int i = 0; i < x.length; i++) x[i] = array.get(i).asDouble();
        return x;
    }
}

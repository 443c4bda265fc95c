package dev.occam.cli;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code occam path} at its default settings against glmnet 4.1 run to full precision, on every
 * case of occam-core's {@code golden/glmnet} (made by {@code golden/make_golden.R}: glmnet at thresh
 * 1e-20, 1e-18 for iris): every family, α ∈ {0, ½, 1}, weights, penalty factors (one of them 0),
 * coefficient limits, no intercept, no standardization, LibSVM input and p &gt; n.
 *
 * <p>Each case's spec is turned into the command line a user would type ({@code --data --target
 * --family --alpha [--weights] [--penalty-factor NAME=F…] [--lower-limit] [--upper-limit]
 * [--no-intercept] [--no-standardize] [--format libsvm] --lambda <glmnet's sequence>}) with no
 * {@code --tolerance} and no {@code --convergence}: the certified KKT rule is what is tested. PATH.csv
 * is read back and, at every λ, every coefficient and intercept must match glmnet's within the case's
 * {@code tolerance_link} (1e-6: |a − r| ≤ 1e-6·(1 + |r|)); multinomial intercepts are centred over the
 * classes first (glmnet centres them to sum 0; the softmax model is unchanged by a common shift).
 * The {@code kkt_violation} column must be ≤ 1e-9 (the default {@code --kkt-tolerance}) at every λ.
 *
 * <p>Every glmnet golden case is expressible with the CLI's options: the penalty factors are named
 * per feature, the limits are one number for every coefficient, and the gaussian cases with α &lt; 1
 * fit a y that the data file already holds standardized (glmnet standardizes y internally; see
 * {@code golden/README.md}), so the same file and options give glmnet's objective. No case is skipped.
 * The same cases through the API are {@code GlmnetGoldenTest} in occam-core.
 */
class GlmnetGoldenCliTest {
    /** The default --kkt-tolerance: the largest relative KKT violation a default fit may report. */
    static final double KKT_TOLERANCE = 1e-9;

    @TempDir
    Path dir;

    static Stream<Named<Path>> cases() {
        return GoldenFiles.specs("glmnet").stream().map(f -> Named.of(GoldenFiles.stem(f), f));
    }

    /** The command line that reproduces the case at Occam's defaults (no --tolerance, no --convergence). */
    static List<Object> commandLine(JsonNode spec, double[] lambdas, Path out) {
        List<Object> args = new ArrayList<>(List.of("path", "--data", GoldenFiles.ROOT.resolve("data").resolve(spec.get("data").asString())));
        if ("libsvm".equals(spec.get("format").asString())) {
            args.addAll(List.of("--format", "libsvm"));
        } else {
            args.addAll(List.of("--target", spec.get("target").asString()));
        }
        args.addAll(List.of("--family", spec.get("family").asString(), "--alpha", spec.get("alpha").asDouble()));
        if (present(spec, "weights")) args.addAll(List.of("--weights", spec.get("weights").asString()));
        if (present(spec, "penalty_factors")) {
            for (Map.Entry<String, JsonNode> e : spec.get("penalty_factors").properties()) {
                args.addAll(List.of("--penalty-factor", e.getKey() + "=" + e.getValue().asDouble()));
            }
        }
        if (present(spec, "lower_limits")) args.addAll(List.of("--lower-limit", spec.get("lower_limits").asDouble()));
        if (present(spec, "upper_limits")) args.addAll(List.of("--upper-limit", spec.get("upper_limits").asDouble()));
        if (!spec.get("intercept").asBoolean()) args.add("--no-intercept");
        if (!spec.get("standardize").asBoolean()) args.add("--no-standardize");
        // Double.toString reads back to the same double: the CLI fits exactly glmnet's λ values.
        args.addAll(List.of("--lambda", Arrays.stream(lambdas).mapToObj(Double::toString).collect(Collectors.joining(","))));
        args.addAll(List.of("--out", out, "--quiet"));
        return args;
    }

    private static boolean present(JsonNode spec, String key) {
        return spec.get(key) != null && !spec.get(key).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void pathAtDefaultSettingsMatchesGlmnet(Path specFile) {
        String name = GoldenFiles.stem(specFile);
        JsonNode spec = GoldenFiles.json(specFile);
        GoldenFiles.Table ref = GoldenFiles.table(specFile.resolveSibling(name + ".path.csv"));
        double[] lambdas = ref.column("lambda");
        Path out = dir.resolve("PATH.csv");
        List<Object> args = commandLine(spec, lambdas, out);
        CliRun r = CliRun.of(args.toArray());
        assertThat(r.status()).as("occam %s%nstderr: %s", args, r.err()).isZero();
        assertThat(r.err()).as("%s: stderr (a warning means a λ did not converge)", name).isEmpty();
        GoldenFiles.Table occam = GoldenFiles.table(out);

        // Same columns as glmnet's path (lambda, df, dev_ratio, intercept[:c], <feature>[:c]) plus kkt_violation.
        assertThat(occam.header()).as("%s: PATH.csv header", name).containsAll(ref.header());
        assertThat(occam.header().get(occam.header().size() - 1)).isEqualTo("kkt_violation");
        assertThat(occam.rows()).as("%s: number of λ values", name).isEqualTo(ref.rows());
        assertThat(occam.column("lambda")).as("%s: λ column", name).containsExactly(lambdas);

        double tol = spec.get("tolerance_link").asDouble();
        GoldenFiles.Mismatches mismatches = new GoldenFiles.Mismatches(name + " (occam path vs glmnet)", tol);
        List<String> classes = new ArrayList<>();
        if ("multinomial".equals(spec.get("family").asString())) {
            for (JsonNode c : spec.get("classes")) classes.add(c.asString());
        }
        for (int l = 0; l < ref.rows(); l++) {
            if (classes.isEmpty()) {
                for (String column : ref.header().subList(3, ref.header().size())) {
                    mismatches.check(String.format(Locale.ROOT, "lambda #%d: %s", l, column), occam.column(column)[l], ref.column(column)[l]);
                }
                continue;
            }
            double[] b0 = new double[classes.size()];
            double[] r0 = new double[classes.size()];
            for (int k = 0; k < classes.size(); k++) {
                b0[k] = occam.column("intercept:" + classes.get(k))[l];
                r0[k] = ref.column("intercept:" + classes.get(k))[l];
            }
            double[] b0c = GoldenFiles.centred(b0);
            double[] r0c = GoldenFiles.centred(r0);
            for (int k = 0; k < classes.size(); k++) {
                mismatches.check(String.format(Locale.ROOT, "lambda #%d: centred intercept:%s", l, classes.get(k)), b0c[k], r0c[k]);
            }
            for (String column : ref.header().subList(3, ref.header().size())) {
                if (!column.startsWith("intercept:")) {
                    mismatches.check(String.format(Locale.ROOT, "lambda #%d: %s", l, column), occam.column(column)[l], ref.column(column)[l]);
                }
            }
        }
        double[] kkt = occam.column("kkt_violation");
        for (int l = 0; l < kkt.length; l++) {
            if (!(kkt[l] <= KKT_TOLERANCE)) mismatches.add(String.format(Locale.ROOT, "lambda #%d: kkt_violation %.3e > %.0e", l, kkt[l], KKT_TOLERANCE));
        }
        mismatches.assertNone();
    }
}

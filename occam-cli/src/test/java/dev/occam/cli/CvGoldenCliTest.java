package dev.occam.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * {@code occam cv} at default settings (no --tolerance) against cv.glmnet run to full precision
 * (thresh 1e-20; 1e-18 for iris) with the same fold ids: occam-core's golden files
 * ({@code golden/cv/make_cv_golden.R}). For every case the command line can state — gaussian,
 * binomial and multinomial, each measure, fold λ sequences "own" or "full" — the CV table has
 * cv.glmnet's λ values, cvm within 1e-6 relative, cvsd within 1e-5 (a root of squared differences
 * of fold values, it magnifies what is left), the same nzero, and the JSON names the same
 * lambda.min and lambda.1se. The poisson cases ("given": cv.glmnet on a user λ sequence) are left
 * to the library test ({@code CvGoldenTest}): {@code occam cv} takes no λ sequence.
 */
class CvGoldenCliTest {
    private static final Path GOLDEN = Path.of("..", "occam-core", "src", "test", "resources", "golden", "cv");
    private static final JsonMapper JSON = JsonMapper.shared();

    @TempDir
    Path dir;

    record Case(String name, String file, String target, String family, String alpha, String measure,
                String foldLambdas, String weights, double lambdaMin, double lambda1se) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() throws IOException {
        List<String> lines = Files.readAllLines(GOLDEN.resolve("cases.csv"));
        List<Case> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f[6].equals("given")) continue;
            out.add(new Case(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], Double.parseDouble(f[9]), Double.parseDouble(f[10])));
        }
        return out.stream();
    }

    /** The case's data without the weight column "w" when the case is unweighted (the CLI would read it as a feature). */
    private Path data(Case c) throws IOException {
        Path src = GOLDEN.resolve(c.file());
        List<String> lines = Files.readAllLines(src);
        String[] header = lines.get(0).split(",", -1);
        int w = List.of(header).indexOf("w");
        if (w < 0 || !c.weights().isEmpty()) return src;
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
            cells.remove(w);
            out.add(String.join(",", cells));
        }
        Path copy = dir.resolve(c.file());
        Files.write(copy, out);
        return copy;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void cvAtDefaultSettingsMatchesCvGlmnet(Case c) throws IOException {
        Path table = dir.resolve("cv.csv");
        List<String> args = new ArrayList<>(List.of("cv", "--data", data(c).toString(), "--target", c.target(),
                "--family", c.family(), "--alpha", c.alpha(), "--foldid", "foldid", "--measure", c.measure(),
                "--fold-lambdas", c.foldLambdas(), "--table", table.toString(), "--json", "--quiet"));
        if (!c.weights().isEmpty()) args.addAll(List.of("--weights", c.weights()));
        CliRun r = CliRun.of(args.toArray()).ok();
        assertThat(r.err()).as("no warning at default settings").isEmpty();

        List<String> golden = Files.readAllLines(GOLDEN.resolve(c.name() + ".csv"));
        List<String> ours = Files.readAllLines(table);
        assertThat(ours.get(0)).isEqualTo("lambda,cvm,cvsd,cvup,cvlo,nzero");
        assertThat(ours).as("one row per lambda").hasSameSizeAs(golden);
        for (int l = 1; l < golden.size(); l++) {
            String[] g = golden.get(l).split(",");
            String[] o = ours.get(l).split(",");
            assertThat(Double.parseDouble(o[0])).as("lambda %d", l).isCloseTo(Double.parseDouble(g[0]), withinPercentage(1e-8));
            assertThat(Double.parseDouble(o[1])).as("cvm %d", l).isCloseTo(Double.parseDouble(g[1]), withinPercentage(1e-4));
            assertThat(Double.parseDouble(o[2])).as("cvsd %d", l).isCloseTo(Double.parseDouble(g[2]), withinPercentage(1e-3));
            // with "full", glmnet refits at a given first λ = λ_max, where a rounding-level coefficient can count as non-zero
            if (l > 1 || c.foldLambdas().equals("own")) {
                assertThat((int) Double.parseDouble(o[5])).as("nzero %d", l).isEqualTo((int) Double.parseDouble(g[3]));
            }
        }
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("lambda_min").asDouble()).as("lambda.min").isCloseTo(c.lambdaMin(), withinPercentage(1e-8));
        assertThat(j.get("lambda_1se").asDouble()).as("lambda.1se").isCloseTo(c.lambda1se(), withinPercentage(1e-8));
    }
}

package dev.occam.glm;

import dev.occam.data.CsvReader;
import dev.occam.data.Dataset;
import dev.occam.data.LibSvmReader;
import dev.occam.data.ReadOptions;
import dev.occam.data.TargetKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One golden case from {@code src/test/resources/golden/<tool>/<case>.json} and its reference path
 * {@code <case>.path.csv}, written by {@code make_golden.R} (glmnet) or {@code make_golden.py}
 * (scikit-learn). See {@code golden/README.md} for the file formats.
 *
 * @param name case name (file stem)
 * @param tool folder: "glmnet" or "sklearn"
 * @param spec the parsed JSON spec
 * @param data the data set the reference was fitted on
 * @param expected the reference path, in Occam's {@link GlmPath} layout
 */
record GoldenCase(String name, String tool, JsonNode spec, Dataset data, Reference expected) {

    /**
     * A reference path: λ_l, df_l, deviance ratio_l, intercepts b0[l][k] and coefficients w[l][k][j]
     * (k over classes for multinomial, else one response).
     */
    record Reference(double[] lambdas, int[] df, double[] devRatio, double[][] intercepts, double[][][] coefficients) {
        int size() {
            return lambdas.length;
        }
    }

    /** The root of the golden folder on the test class path. */
    static Path root() {
        URL url = GoldenCase.class.getResource("/golden");
        if (url == null) throw new IllegalStateException("golden folder not on the test class path");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every case of one tool, sorted by name. */
    static List<GoldenCase> all(String tool) {
        Path dir = root().resolve(tool);
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> specs = files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.comparing(Path::toString)).toList();
            List<GoldenCase> cases = new ArrayList<>();
            for (Path f : specs) cases.add(load(tool, f));
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GoldenCase load(String tool, Path specFile) {
        String name = specFile.getFileName().toString().replaceFirst("\\.json$", "");
        JsonNode spec = JsonMapper.builder().build().readTree(specFile);
        Dataset data = readData(spec);
        Reference ref = readPath(specFile.resolveSibling(name + ".path.csv"), data.featureNames(),
                Family.parse(spec.get("family").asString()), spec.get("classes"));
        return new GoldenCase(name, tool, spec, data, ref);
    }

    @Override
    public String toString() {
        return name;
    }

    Family family() {
        return Family.parse(spec.get("family").asString());
    }

    double alpha() {
        return spec.get("alpha").asDouble();
    }

    boolean lambdasFromGlmnet() {
        return "glmnet".equals(spec.get("lambda_from").asString());
    }

    /** The settings the reference was computed with, without a λ sequence. */
    GlmSettings settings() {
        int p = data.cols();
        GlmSettings s = GlmSettings.of(family())
                .withAlpha(alpha())
                .withStandardize(spec.get("standardize").asBoolean())
                .withIntercept(spec.get("intercept").asBoolean());
        JsonNode nlambda = spec.get("nlambda");
        if (nlambda != null && !nlambda.isNull()) s = s.withNlambda(nlambda.asInt());
        JsonNode ratio = spec.get("lambda_min_ratio");
        if (ratio != null && !ratio.isNull()) s = s.withLambdaMinRatio(ratio.asDouble());
        JsonNode pf = spec.get("penalty_factors");
        if (pf != null && !pf.isNull()) {
            // features not named keep factor 1, as in the glmnet call recorded in the spec
            double[] f = new double[p];
            Arrays.fill(f, 1.0);
            for (Map.Entry<String, JsonNode> e : pf.properties()) {
                int j = data.featureNames().indexOf(e.getKey());
                if (j < 0) throw new IllegalStateException(name + ": penalty factor for unknown feature " + e.getKey());
                f[j] = e.getValue().asDouble();
            }
            s = s.withPenaltyFactors(f);
        }
        double[] lower = limits("lower_limits", p);
        double[] upper = limits("upper_limits", p);
        if (lower != null || upper != null) s = s.withLimits(lower, upper);
        return s;
    }

    private double[] limits(String key, int p) {
        JsonNode v = spec.get(key);
        if (v == null || v.isNull()) return null;
        double[] l = new double[p];
        Arrays.fill(l, v.asDouble());
        return l;
    }

    // -----------------------------------------------------------------------------------------
    // Data, read with Occam's own readers (CSV: every column but the target and the weights is a
    // feature, in file order; class labels sorted; LibSVM: 1-based indices, features x1 … xp).

    private static Dataset readData(JsonNode spec) {
        Path file = root().resolve("data").resolve(spec.get("data").asString());
        TargetKind kind = "class".equals(spec.get("target_kind").asString()) ? TargetKind.CLASS : TargetKind.NUMERIC;
        JsonNode w = spec.get("weights");
        String weights = w == null || w.isNull() ? null : w.asString();
        try {
            return switch (spec.get("format").asString()) {
                case "csv" -> CsvReader.read(file, new ReadOptions(spec.get("target").asString(), kind, weights, null));
                case "libsvm" -> LibSvmReader.read(file, kind, spec.get("n_features").asInt());
                default -> throw new IllegalStateException("unknown format " + spec.get("format"));
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // -----------------------------------------------------------------------------------------
    // Reference path: lambda,df,dev_ratio,intercept,<features> or, for multinomial,
    // lambda,df,dev_ratio then intercept:<c>,<feature>:<c> for each class c.

    private static Reference readPath(Path file, List<String> features, Family family, JsonNode classNode) {
        List<String> lines = lines(file);
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<String> classes = new ArrayList<>();
        if (family == Family.MULTINOMIAL) {
            for (JsonNode c : classNode) classes.add(c.asString());
        }
        int responses = family == Family.MULTINOMIAL ? classes.size() : 1;
        int p = features.size();
        int[] interceptCol = new int[responses];
        int[][] coefCol = new int[responses][p];
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) index.put(header.get(c), c);
        for (int k = 0; k < responses; k++) {
            String suffix = family == Family.MULTINOMIAL ? ":" + classes.get(k) : "";
            interceptCol[k] = column(index, "intercept" + suffix, file);
            for (int j = 0; j < p; j++) coefCol[k][j] = column(index, features.get(j) + suffix, file);
        }
        int m = lines.size() - 1;
        double[] lambdas = new double[m];
        int[] df = new int[m];
        double[] dev = new double[m];
        double[][] b0 = new double[m][responses];
        double[][][] w = new double[m][responses][p];
        for (int l = 0; l < m; l++) {
            String[] cells = lines.get(l + 1).split(",", -1);
            lambdas[l] = Double.parseDouble(cells[column(index, "lambda", file)]);
            df[l] = Integer.parseInt(cells[column(index, "df", file)]);
            dev[l] = Double.parseDouble(cells[column(index, "dev_ratio", file)]);
            for (int k = 0; k < responses; k++) {
                b0[l][k] = Double.parseDouble(cells[interceptCol[k]]);
                for (int j = 0; j < p; j++) w[l][k][j] = Double.parseDouble(cells[coefCol[k][j]]);
            }
        }
        return new Reference(lambdas, df, dev, b0, w);
    }

    private static int column(Map<String, Integer> index, String name, Path file) {
        Integer c = index.get(name);
        if (c == null) throw new IllegalStateException(file + ": no column " + name);
        return c;
    }
}

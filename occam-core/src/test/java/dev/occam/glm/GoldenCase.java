package dev.occam.glm;

import dev.occam.data.Dataset;
import dev.occam.data.DenseMatrix;
import dev.occam.data.DesignMatrix;
import dev.occam.data.SparseMatrix;
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
import java.util.TreeSet;
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
    // Data. A minimal test-only loader with the semantics of the Occam readers: every column but
    // the target and the weights is a feature, in file order; class labels are sorted
    // (numerically when all are numbers) and y holds the class index; LibSVM indices are 1-based
    // and features are named x1 … xp.

    private static Dataset readData(JsonNode spec) {
        Path file = root().resolve("data").resolve(spec.get("data").asString());
        boolean classes = "class".equals(spec.get("target_kind").asString());
        String target = spec.get("target").asString();
        JsonNode w = spec.get("weights");
        String weights = w == null || w.isNull() ? null : w.asString();
        return switch (spec.get("format").asString()) {
            case "csv" -> readCsv(file, target, classes, weights);
            case "libsvm" -> readLibSvm(file, target, classes, spec.get("n_features").asInt());
            default -> throw new IllegalStateException("unknown format " + spec.get("format"));
        };
    }

    static Dataset readCsv(Path file, String target, boolean classTarget, String weights) {
        List<String> lines = lines(file);
        List<String> header = List.of(lines.get(0).split(",", -1));
        int t = header.indexOf(target);
        int wc = weights == null ? -1 : header.indexOf(weights);
        if (t < 0 || (weights != null && wc < 0)) throw new IllegalStateException(file + ": missing target or weights column");
        List<Integer> featureCols = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) if (c != t && c != wc) featureCols.add(c);
        int n = lines.size() - 1;
        int p = featureCols.size();
        double[] x = new double[n * p];
        String[] labels = new String[n];
        double[] v = wc < 0 ? null : new double[n];
        for (int i = 0; i < n; i++) {
            String[] cells = lines.get(i + 1).split(",", -1);
            if (cells.length != header.size()) throw new IllegalStateException(file + ": ragged line " + (i + 2));
            for (int j = 0; j < p; j++) x[j * n + i] = Double.parseDouble(cells[featureCols.get(j)]);
            labels[i] = cells[t];
            if (v != null) v[i] = Double.parseDouble(cells[wc]);
        }
        List<String> names = featureCols.stream().map(header::get).toList();
        return dataset(new DenseMatrix(n, p, x), labels, v, names, target, classTarget);
    }

    static Dataset readLibSvm(Path file, String target, boolean classTarget, int p) {
        List<String> lines = lines(file);
        int n = lines.size();
        String[] labels = new String[n];
        List<List<double[]>> columns = new ArrayList<>();
        for (int j = 0; j < p; j++) columns.add(new ArrayList<>());
        for (int i = 0; i < n; i++) {
            String[] tok = lines.get(i).trim().split("\\s+");
            labels[i] = tok[0];
            for (int k = 1; k < tok.length; k++) {
                int colon = tok[k].indexOf(':');
                int j = Integer.parseInt(tok[k].substring(0, colon)) - 1;
                columns.get(j).add(new double[] {i, Double.parseDouble(tok[k].substring(colon + 1))});
            }
        }
        int[] ptr = new int[p + 1];
        for (int j = 0; j < p; j++) ptr[j + 1] = ptr[j] + columns.get(j).size();
        int[] rows = new int[ptr[p]];
        double[] vals = new double[ptr[p]];
        for (int j = 0, k = 0; j < p; j++) {
            for (double[] e : columns.get(j)) {   // rows come in increasing order
                rows[k] = (int) e[0];
                vals[k++] = e[1];
            }
        }
        return dataset(new SparseMatrix(n, p, ptr, rows, vals), labels, null, Dataset.defaultNames(p), target, classTarget);
    }

    private static Dataset dataset(DesignMatrix x, String[] labels, double[] weights, List<String> names,
                                   String target, boolean classTarget) {
        int n = labels.length;
        double[] y = new double[n];
        if (!classTarget) {
            for (int i = 0; i < n; i++) y[i] = Double.parseDouble(labels[i]);
            return new Dataset(x, y, weights, names, target, null);
        }
        boolean numeric = Arrays.stream(labels).allMatch(GoldenCase::isNumber);
        Comparator<String> order = numeric ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder();
        TreeSet<String> distinct = new TreeSet<>(order);
        distinct.addAll(Arrays.asList(labels));
        List<String> classes = new ArrayList<>(distinct);
        for (int i = 0; i < n; i++) y[i] = classes.indexOf(labels[i]);
        return new Dataset(x, y, weights, names, target, classes);
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
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

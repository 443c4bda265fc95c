package dev.occam.cli;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * occam-core's golden folder ({@code occam-core/src/test/resources/golden}, made by the R scripts
 * there; see its README) read from the CLI tests by relative path, as Surefire runs them in the
 * module's directory. CSV files here are plain numbers with a header (no quoting).
 */
final class GoldenFiles {
    static final Path ROOT = Path.of("..", "occam-core", "src", "test", "resources", "golden");

    private GoldenFiles() { }

    /** The {@code .json} files of one golden folder, sorted by name. */
    static List<Path> specs(String folder) {
        try (Stream<Path> files = Files.list(ROOT.resolve(folder))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("golden folder " + ROOT.resolve(folder).toAbsolutePath() + " not readable", e);
        }
    }

    static JsonNode json(Path file) {
        return JsonMapper.builder().build().readTree(file);
    }

    static String stem(Path file) {
        return file.getFileName().toString().replaceFirst("\\.json$", "");
    }

    /** A numeric CSV table: column name → values, in file order. */
    record Table(List<String> header, Map<String, double[]> columns, int rows) {
        double[] column(String name) {
            double[] c = columns.get(name);
            if (c == null) throw new IllegalStateException("no column " + name + "; columns: " + header);
            return c;
        }
    }

    /** Reads a CSV of numbers (NaN allowed) with a header line. */
    static Table table(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> header = List.of(lines.get(0).split(",", -1));
        int m = lines.size() - 1;
        double[][] values = new double[header.size()][m];
        for (int r = 0; r < m; r++) {
            String[] cells = lines.get(r + 1).split(",", -1);
            if (cells.length != header.size()) throw new IllegalStateException(file + ": row " + (r + 1) + " has " + cells.length + " cells");
            for (int c = 0; c < cells.length; c++) values[c][r] = Double.parseDouble(cells[c]);
        }
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) columns.put(header.get(c), values[c]);
        return new Table(header, columns, m);
    }

    /** Scaled error |a − r| / (1 + |r|): a value matches a reference within tol when this is ≤ tol. */
    static double scaledError(double a, double r) {
        double e = Math.abs(a - r) / (1 + Math.abs(r));
        return Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
    }

    /** Subtracts the mean: multinomial intercepts are determined only up to a common shift. */
    static double[] centred(double[] v) {
        double mean = 0;
        for (double x : v) mean += x;
        mean /= v.length;
        double[] c = new double[v.length];
        for (int k = 0; k < v.length; k++) c[k] = v[k] - mean;
        return c;
    }

    /** Collects mismatches and fails with the first ones listed, the count and the worst error. */
    static final class Mismatches {
        private final String what;
        private final double tol;
        private final List<String> listed = new ArrayList<>();
        private int count;
        private double worst;

        Mismatches(String what, double tol) {
            this.what = what;
            this.tol = tol;
        }

        /** Records a mismatch of value a against reference r when the scaled error exceeds tol. */
        void check(String where, double a, double r) {
            double e = scaledError(a, r);
            worst = Math.max(worst, e);
            if (!(e <= tol)) add(String.format(Locale.ROOT, "%s = %.12g; reference %.12g (scaled error %.2e)", where, a, r, e));
        }

        void add(String message) {
            count++;
            if (listed.size() < 25) listed.add(message);
        }

        double worst() {
            return worst;
        }

        void assertNone() {
            if (count == 0) return;
            throw new AssertionError(String.format(Locale.ROOT, "%s: %d mismatches at tolerance %.0e, worst scaled error %.2e%n  %s%s",
                    what, count, tol, worst, String.join("\n  ", listed), count > listed.size() ? "\n  ..." : ""));
        }
    }
}

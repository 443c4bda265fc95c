package dev.occam.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The "--name value" options of the benchmark programs: parsed once against the names a program
 * knows, then read with a default. Malformed input throws {@link IllegalArgumentException} with a
 * one-line message; {@link #exitOnError} turns it into that line and exit status 2.
 */
final class BenchArgs {
    private final Map<String, String> values;

    private BenchArgs(Map<String, String> values) {
        this.values = values;
    }

    /**
     * @param args the command line
     * @param known the option names the program accepts, without "--"
     */
    static BenchArgs parse(String[] args, Set<String> known) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int k = 0; k < args.length; k += 2) {
            String key = args[k];
            if (!key.startsWith("--") || !known.contains(key.substring(2))) throw new IllegalArgumentException("unknown option " + key);
            if (k + 1 >= args.length) throw new IllegalArgumentException(key + " needs a value");
            values.put(key.substring(2), args[k + 1]);
        }
        return new BenchArgs(values);
    }

    /** Runs {@code parse}; on a malformed command line prints "program: message" and exits with status 2. */
    static <T> T exitOnError(String program, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            System.err.println(program + ": " + e.getMessage());
            System.exit(2);
            return null;
        }
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    double number(String name, double fallback) {
        String v = values.get(name);
        return v == null ? fallback : Double.parseDouble(v);
    }

    int integer(String name, int fallback) {
        String v = values.get(name);
        return v == null ? fallback : Integer.parseInt(v);
    }

    /** A path, or null when the option was not given. */
    Path path(String name) {
        String v = values.get(name);
        return v == null ? null : Path.of(v);
    }

    /** The data set directory given by --data (required). */
    Path dataDirectory() {
        Path data = path("data");
        if (data == null || !Files.isDirectory(data)) throw new IllegalArgumentException("--data must name a data set directory; got " + data);
        return data;
    }

    /** The fold id file given by --folds (required). */
    Path foldsFile() {
        Path folds = path("folds");
        if (folds == null || !Files.isRegularFile(folds)) throw new IllegalArgumentException("--folds must name a fold id file; got " + folds);
        return folds;
    }
}

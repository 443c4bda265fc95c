package dev.occam.data;

import java.util.Set;

/**
 * Parsing of one numeric cell of a data file, shared by the readers. Only plain decimal numbers
 * are accepted ({@code 12}, {@code -0.5}, {@code 1e-3}, {@code .5}): Java's {@code Double.parseDouble}
 * also accepts {@code 1d}, {@code 0x1p3} and {@code NaN}, which in a data file are mistakes.
 */
final class Cells {
    private Cells() { }

    /**
     * Fails with one line when {@code file} is a directory (reading one fails later with an error
     * that does not name it). A missing file is left to the reader's NoSuchFileException.
     */
    static void requireRegularFile(java.nio.file.Path file) {
        if (java.nio.file.Files.isDirectory(file)) {
            throw new DataFormatException(file.toString(), "is a directory, not a file");
        }
    }

    /** Spellings of a missing value that get their own message. */
    private static final Set<String> MISSING = Set.of("NA", "na", "N/A", "n/a", "NaN", "nan", "NAN",
            "null", "NULL", "Null", "?");

    /** Spellings of infinity, rejected as non-finite rather than as text. */
    private static final Set<String> INFINITE = Set.of("Inf", "inf", "INF", "Infinity", "infinity", "INFINITY");

    /**
     * Parses a finite decimal number, or returns NaN when {@code s} is not one; then
     * {@link #problem} says why.
     */
    static double parse(String s) {
        String t = s.strip();
        if (!isDecimal(t)) return Double.NaN;
        double v = Double.parseDouble(t);
        return Double.isInfinite(v) ? Double.NaN : v;
    }

    /** True when {@code t} is [+-] digits [. digits] [e [+-] digits] with at least one digit before the exponent. */
    static boolean isDecimal(String t) {
        int n = t.length();
        int i = 0;
        if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) i++;
        int digits = 0;
        while (i < n && isDigit(t.charAt(i))) { i++; digits++; }
        if (i < n && t.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(t.charAt(i))) { i++; digits++; }
        }
        if (digits == 0) return false;
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) i++;
            int expDigits = 0;
            while (i < n && isDigit(t.charAt(i))) { i++; expDigits++; }
            if (expDigits == 0) return false;
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** True for the usual spellings of a missing value (NA, N/A, NaN, null, ?). */
    static boolean isMissing(String stripped) {
        return MISSING.contains(stripped);
    }

    /**
     * What a cell that {@link #parse} rejected is, for the "found …" half of a message: an empty
     * field, a missing value, or the text itself.
     */
    static String problem(String s) {
        String t = s.strip();
        if (t.isEmpty()) return "an empty field";
        if (MISSING.contains(t)) return "missing value " + DataFormatException.quote(t);
        return DataFormatException.quote(t);
    }

    /** What was expected of a number, matching {@link #problem}. */
    static String expectation(String s) {
        String t = s.strip();
        String unsigned = t.startsWith("+") || t.startsWith("-") ? t.substring(1) : t;
        return INFINITE.contains(unsigned) || isDecimal(t) ? "a finite number" : "a number";
    }
}

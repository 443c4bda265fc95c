package dev.occam.report;

import java.util.Locale;

/** Argument checks shared by the builders; messages name the argument, what was expected and what was found. */
final class Checks {
    private Checks() { }

    /** A non-blank text, stripped. */
    static String text(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must be a non-blank text; got " + (value == null ? "null" : "\"" + value + "\""));
        }
        return value.strip();
    }

    /** An array that is present and not empty; returns a copy. */
    static double[] nonEmpty(String what, double[] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException(what + " must have at least one value; got " + (values == null ? "null" : "none"));
        }
        return values.clone();
    }

    /** Every value finite. */
    static void finite(String what, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(what + " must be finite; got " + values[i] + " at index " + i);
            }
        }
    }

    /** Every value finite and greater than 0. */
    static void positive(String what, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] > 0 && Double.isFinite(values[i]))) {
                throw new IllegalArgumentException(what + " must be finite and > 0; got " + values[i] + " at index " + i);
            }
        }
    }

    static double positive(String what, double value) {
        if (!(value > 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException(what + " must be finite and > 0; got " + value);
        }
        return value;
    }

    /** The same length as a reference array. */
    static void sameLength(String what, double[] values, String reference, int length) {
        if (values.length != length) {
            throw new IllegalArgumentException(what + " must have as many values as " + reference + " (" + length + "); got " + values.length);
        }
    }

    /** A number for a caption: 4 significant digits, no exponent for ordinary sizes. */
    static String format(double v) {
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) {
            String s = String.format(Locale.ROOT, "%.4g", v);
            if (s.contains(".") && !s.contains("e")) {
                s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
            return s;
        }
        // 1.500e-04 → 1.5e-4: no trailing zeros, no exponent sign for positive powers, no leading zeros.
        return String.format(Locale.ROOT, "%.3e", v).replaceAll("\\.?0+e", "e").replaceAll("e\\+0*", "e")
                .replaceAll("e-0*", "e-");
    }
}

package dev.occam.data;

import tools.jackson.core.io.NumberInput;

/**
 * Parses one plain decimal number ({@code [+-] digits [. digits] [(e|E) [+-] digits]}, spaces or tabs
 * around it) straight from the bytes of a file, without making a String: the fast path of the
 * readers. The result is always the double {@link Double#parseDouble} gives for the same text
 * (correctly rounded):
 * <ul>
 *   <li>up to 15 significant digits and a power of ten that is exact as a double (|e| ≤ 22): one
 *       multiplication or division of two exact doubles, correctly rounded by IEEE arithmetic
 *       (Clinger's fast path; this covers the numbers data files usually hold);</li>
 *   <li>any other valid number: FastDoubleParser (Eisel–Lemire, correctly rounded), through Jackson's
 *       public {@code NumberInput.parseDouble}, which ships it; Occam depends on Jackson already.</li>
 * </ul>
 * A cell that is not such a number (or has other white space, non-ASCII bytes, or overflows to
 * infinity) is reported as not parsed; callers then fall back to {@link Cells#parse} on the text,
 * which accepts or rejects it with the same rules as the String readers and gives the message.
 *
 * <p>One instance per thread: it keeps the position after the last cell and a small buffer.
 */
final class DecimalParser {
    /** Exact powers of ten as doubles: 10^0 … 10^22 (10^22 is the largest exact one). */
    private static final double[] POWERS = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };

    /** Significant digits below which the mantissa is an exact double (10^15 < 2^53). */
    private static final int EXACT_DIGITS = 15;

    /** Digits kept in the long mantissa (18 always fit); with more, only the slow path is used. */
    private static final int MAX_DIGITS = 18;

    /** Position after the cell last parsed: at a separator, a line end, or the limit. */
    int pos;

    private char[] chars = new char[64];

    /**
     * Parses the cell that starts at {@link #pos} and ends before {@code sep}, '\n', '\r' or
     * {@code limit}, and leaves {@link #pos} at that end. With {@code sep} a comma, spaces and tabs
     * around the number are skipped; with {@code sep} a space (LibSVM), the number ends at a space or
     * tab. Returns NaN when the cell is not a plain finite decimal in this fast form; {@link #pos}
     * is then unspecified.
     */
    double parse(byte[] b, int limit, byte sep) {
        int i = pos;
        if (sep != ' ') while (i < limit && (b[i] == ' ' || b[i] == '\t')) i++;
        int start = i;
        boolean negative = false;
        if (i < limit && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int significant = 0;   // digits in mantissa after its leading zeros
        int digits = 0;        // every digit before the exponent
        int exponent = 0;      // value = mantissa * 10^exponent (before the written exponent)
        int d;
        while (i < limit && (d = b[i] - '0') >= 0 && d <= 9) {
            if (significant < MAX_DIGITS) {
                if (mantissa != 0 || d != 0) { mantissa = mantissa * 10 + d; significant++; }
            } else {
                exponent++;   // a dropped digit: only the slow path below is used then
            }
            digits++;
            i++;
        }
        if (i < limit && b[i] == '.') {
            i++;
            while (i < limit && (d = b[i] - '0') >= 0 && d <= 9) {
                if (significant < MAX_DIGITS) {
                    if (mantissa != 0 || d != 0) { mantissa = mantissa * 10 + d; significant++; }
                    exponent--;
                }
                digits++;
                i++;
            }
        }
        if (digits == 0) return Double.NaN;
        if (i < limit && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean negativeExp = false;
            if (i < limit && (b[i] == '-' || b[i] == '+')) {
                negativeExp = b[i] == '-';
                i++;
            }
            int written = 0;
            int expDigits = 0;
            while (i < limit && (d = b[i] - '0') >= 0 && d <= 9) {
                if (written < 100_000) written = written * 10 + d;
                expDigits++;
                i++;
            }
            if (expDigits == 0) return Double.NaN;
            exponent += negativeExp ? -written : written;
        }
        int end = i;
        if (sep == ' ') {
            if (i < limit && b[i] != ' ' && b[i] != '\t' && b[i] != '\n' && b[i] != '\r') return Double.NaN;
        } else {
            while (i < limit && (b[i] == ' ' || b[i] == '\t')) i++;
            if (i < limit && b[i] != sep && b[i] != '\n' && b[i] != '\r') return Double.NaN;
        }
        pos = i;
        if (mantissa == 0) return negative ? -0.0 : 0.0;
        double v;
        if (significant <= EXACT_DIGITS && exponent >= -22 && exponent <= 22) {
            v = exponent >= 0 ? mantissa * POWERS[exponent] : mantissa / POWERS[-exponent];
            return negative ? -v : v;
        }
        v = slow(b, start, end);
        return Double.isInfinite(v) ? Double.NaN : v;
    }

    /** FastDoubleParser on the ASCII text b[start, end), already checked to be a plain decimal. */
    private double slow(byte[] b, int start, int end) {
        int n = end - start;
        if (chars.length < n) chars = new char[Math.max(n, 2 * chars.length)];
        for (int k = 0; k < n; k++) chars[k] = (char) b[start + k];
        return NumberInput.parseDouble(chars, 0, n, true);
    }
}

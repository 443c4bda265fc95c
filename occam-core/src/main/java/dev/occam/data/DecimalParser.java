package dev.occam.data;

import tools.jackson.core.io.NumberInput;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Parses one plain decimal number ({@code [+-] digits [. digits] [(e|E) [+-] digits]}, spaces or tabs
 * around it) straight from the bytes of a file, without making a String: the fast path of the
 * readers. The result is always the double {@link Double#parseDouble} gives for the same text
 * (correctly rounded):
 * <ul>
 *   <li>a mantissa of at most 18 digits that is an exact double (≤ 2^53) and a power of ten that is
 *       exact as a double (|e| ≤ 22): one multiplication or division of two exact doubles, correctly
 *       rounded by IEEE arithmetic (Clinger's fast path; this covers the numbers data files usually
 *       hold); decimals are taken eight digits at a time (SWAR);</li>
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

    /** Mantissas up to 2^53 are exact doubles. */
    private static final long EXACT_MANTISSA = 1L << 53;

    /** Digits kept in the long mantissa (18 always fit); with more, only the slow path is used. */
    private static final int MAX_DIGITS = 18;

    /** Eight bytes as one little-endian long: the first byte is the lowest. */
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** True when all eight bytes of {@code w} are ASCII digits. */
    private static boolean eightDigits(long w) {
        long a = w + 0x4646_4646_4646_4646L;   // a byte above '9' sets its top bit
        long z = w - 0x3030_3030_3030_3030L;   // a byte below '0' borrows into its top bit
        return ((a | z) & 0x8080_8080_8080_8080L) == 0;
    }

    /** The number the eight ASCII digits of {@code w} spell, first byte most significant (Lemire's SWAR method). */
    private static long eightDigitsValue(long w) {
        long v = w - 0x3030_3030_3030_3030L;
        v = v * 10 + (v >>> 8);
        return ((v & 0x0000_00FF_0000_00FFL) * (100 + (1_000_000L << 32))
                + ((v >>> 16) & 0x0000_00FF_0000_00FFL) * (1 + (10_000L << 32))) >>> 32;
    }

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
        int kept = 0;            // digits in mantissa, leading zeros included (at most MAX_DIGITS: no overflow)
        boolean dropped = false; // digits beyond MAX_DIGITS: only the slow path below is used then
        int digits = 0;          // every digit before the exponent
        int exponent = 0;        // value = mantissa * 10^exponent (before the written exponent)
        int d;
        while (i < limit && (d = b[i] - '0') >= 0 && d <= 9) {
            if (kept < MAX_DIGITS) {
                mantissa = mantissa * 10 + d;
                kept++;
            } else {
                dropped = true;
                exponent++;
            }
            digits++;
            i++;
        }
        if (i < limit && b[i] == '.') {
            i++;
            // eight digits at a time while they fit (the decimals of typical data)
            while (kept <= MAX_DIGITS - 8 && i <= limit - 8) {
                long w = (long) LONG_LE.get(b, i);
                if (!eightDigits(w)) break;
                mantissa = mantissa * 100_000_000L + eightDigitsValue(w);
                kept += 8;
                digits += 8;
                exponent -= 8;
                i += 8;
            }
            while (i < limit && (d = b[i] - '0') >= 0 && d <= 9) {
                if (kept < MAX_DIGITS) {
                    mantissa = mantissa * 10 + d;
                    kept++;
                    exponent--;
                } else {
                    dropped = true;
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
        if (mantissa == 0 && !dropped) return negative ? -0.0 : 0.0;
        double v;
        if (!dropped && mantissa <= EXACT_MANTISSA && exponent >= -22 && exponent <= 22) {
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

package dev.occam.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The byte parser gives exactly Double.parseDouble's double, and rejects what Cells rejects. */
class DecimalParserTest {

    /** Parses {@code cell} as the CSV reader does (a whole field followed by a comma). */
    private static double parse(String cell) {
        byte[] b = (cell + ",").getBytes(StandardCharsets.UTF_8);
        DecimalParser p = new DecimalParser();
        p.pos = 0;
        double v = p.parse(b, b.length, (byte) ',');
        if (!Double.isNaN(v)) assertThat(p.pos).as("stops at the separator of %s", cell).isEqualTo(b.length - 1);
        return v;
    }

    private static void assertSameAsJava(String s) {
        double expected = Double.parseDouble(s);
        double got = parse(s);
        if (Double.isInfinite(expected)) {
            assertThat(got).as(s).isNaN();
        } else {
            assertThat(Double.doubleToRawLongBits(got)).as("%s: got %s, expected %s", s, got, expected)
                    .isEqualTo(Double.doubleToRawLongBits(expected));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "+0", "0.0", "-0.0", "1", "-1", "3.", ".5", "-.5", "1e3", "1E-3", "2e+2",
            "0.1", "0.30000000000000004", "9007199254740993", "9007199254740992", "123456789012345",
            "1234567890123456", "12345678901234567890", "0.000000000000000000000000001",
            "2.2250738585072011e-308", "2.2250738585072012e-308", "4.9e-324", "2.4703282292062327e-324",
            "2.4703282292062328e-324", "1.7976931348623157e308", "1e-400", "0e999999", "1e22", "1e23",
            "123456789012345e22", "8.98846567431158e307", "100000000000000000000000000000000000000000000",
            "0.1000000000000000055511151231257827021181583404541015625",
            "0.1000000000000000055511151231257827021181583404541015624", "1.00000000000000011102230246251565404236316680908203125",
            "7.2057594037927933e16", "1448997445238699", "3.0517578125e-05", "0.00000000123456789", "1.23456789",
            "12345678.12345678", "-0.123456789012345678", "9007199254740993.0", "0.9007199254740993e16", "0.12345678e-30"})
    void specialCasesMatchDoubleParseDouble(String s) {
        assertSameAsJava(s);
    }

    @Test
    void randomDecimalsMatchDoubleParseDouble() {
        SplittableRandom r = new SplittableRandom(42);
        for (int t = 0; t < 100_000; t++) {
            StringBuilder s = new StringBuilder();
            if (r.nextInt(3) == 0) s.append(r.nextBoolean() ? '-' : '+');
            int intDigits = r.nextInt(12);
            int fracDigits = r.nextInt(intDigits == 0 ? 1 : 0, 24);
            for (int k = 0; k < intDigits; k++) s.append((char) ('0' + r.nextInt(10)));
            if (fracDigits > 0 || r.nextBoolean()) {
                s.append('.');
                for (int k = 0; k < fracDigits; k++) s.append((char) ('0' + r.nextInt(10)));
            }
            if (intDigits + fracDigits == 0) s.append('7');
            if (r.nextInt(3) == 0) {
                s.append(r.nextBoolean() ? 'e' : 'E');
                if (r.nextBoolean()) s.append(r.nextBoolean() ? '-' : '+');
                s.append(r.nextInt(r.nextBoolean() ? 30 : 340));
            }
            assertSameAsJava(s.toString());
        }
        for (int t = 0; t < 50_000; t++) {
            // every double printed shortest (Java's toString) and with 17 digits reads back exactly
            double d = Double.longBitsToDouble(r.nextLong());
            if (!Double.isFinite(d)) continue;
            assertSameAsJava(Double.toString(d));
            assertSameAsJava(String.format("%.16e", d));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", ".", "-", "+", "e5", "1e", "1e+", "1.2.3", "abc", "NaN", "Inf", "Infinity",
            "0x10", "1d", "1f", "--1", "1 2", "1e400", "-1e400", "1.7976931348623159e308", "\u00a01", "1\u000b"})
    void rejectsWhatIsNotAPlainFiniteDecimal(String s) {
        assertThat(parse(s)).as(s).isNaN();
    }

    @Test
    void skipsSpacesAndTabsAroundACsvCellAndStopsAtTheLineEnd() {
        byte[] b = " \t-1.25 \t\r\n".getBytes(StandardCharsets.US_ASCII);
        DecimalParser p = new DecimalParser();
        assertThat(p.parse(b, b.length, (byte) ',')).isEqualTo(-1.25);
        assertThat(p.pos).isEqualTo(b.length - 2);
    }

    @Test
    void aWhitespaceSeparatedNumberEndsAtTheFirstSpace() {
        byte[] b = "3:0.5 4:1".getBytes(StandardCharsets.US_ASCII);
        DecimalParser p = new DecimalParser();
        p.pos = 2;
        assertThat(p.parse(b, b.length, (byte) ' ')).isEqualTo(0.5);
        assertThat(p.pos).isEqualTo(5);
        p.pos = 2;
        assertThat(p.parse("3:0.5x".getBytes(StandardCharsets.US_ASCII), 6, (byte) ' ')).isNaN();
    }
}

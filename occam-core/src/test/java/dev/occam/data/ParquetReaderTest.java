package dev.occam.data;

import dev.occam.data.ParquetTables.Col;
import dev.occam.data.ParquetTables.Layout;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link ParquetReader}: each physical type under each compression, dictionary or plain, pages v1
 * or v2, several row groups, read to the same bits as the same table written as CSV and read by
 * {@link CsvReader}; and the one-line messages for bad files.
 */
class ParquetReaderTest {

    @TempDir
    Path dir;

    private static final PrimitiveTypeName[] TYPES = {
        PrimitiveTypeName.DOUBLE, PrimitiveTypeName.FLOAT, PrimitiveTypeName.INT32, PrimitiveTypeName.INT64, PrimitiveTypeName.BOOLEAN};
    private static final CompressionCodecName[] CODECS = {
        CompressionCodecName.UNCOMPRESSED, CompressionCodecName.SNAPPY, CompressionCodecName.ZSTD, CompressionCodecName.GZIP};

    static Stream<Arguments> typesAndCodecs() {
        List<Arguments> cases = new ArrayList<>();
        int k = 0;
        for (PrimitiveTypeName t : TYPES) {
            for (CompressionCodecName c : CODECS) {
                // dictionary and page version vary with the case, so every pair of them is met
                cases.add(Arguments.of(t, c, k % 2 == 0, (k / 2) % 2 == 0, k));
                k++;
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} dictionary={2} v2={3}")
    @MethodSource("typesAndCodecs")
    void readsTheSameBitsAsTheCsvOfTheSameTable(PrimitiveTypeName type, CompressionCodecName codec, boolean dictionary, boolean v2, int seed)
            throws IOException {
        int n = 1_000;
        SplittableRandom rnd = new SplittableRandom(seed);
        // x1 of the type under test (few distinct values, so dictionaries are used where enabled),
        // x2 any double, y the target, w positive weights; x1 optional in odd cases (no null in it)
        Col x1 = column("x1", type, n, rnd);
        if (seed % 2 == 1) x1 = x1.nullable();
        Col x2 = Col.doubles("x2", randomDoubles(n, rnd));
        Col y = Col.doubles("y", randomDoubles(n, rnd));
        double[] wv = new double[n];
        for (int i = 0; i < n; i++) wv[i] = rnd.nextInt(1, 5) / 4.0;
        Col w = Col.doubles("w", wv);
        List<Col> cols = List.of(x1, y, x2, w);
        Path pq = dir.resolve("t.parquet");
        ParquetTables.write(pq, cols, new Layout(codec, dictionary, v2, 300, 70));
        Path csv = writeCsv(cols);

        ReadOptions o = ReadOptions.numeric("y").withWeights("w");
        Dataset a = ParquetReader.read(pq, o);
        Dataset b = CsvReader.read(csv, o);
        assertSame(a, b);
        assertThat(a.featureNames()).containsExactly("x1", "x2");
        assertThat(a.rows()).isEqualTo(n);
    }

    @Test
    void classTargetsFromStringsAndNumbersMatchCsv() throws IOException {
        int n = 200;
        SplittableRandom rnd = new SplittableRandom(7);
        String[] names = {"setosa", "versicolor", "virginica"};
        Object[] species = new Object[n];
        Object[] code = new Object[n];
        for (int i = 0; i < n; i++) {
            int c = rnd.nextInt(3);
            species[i] = names[c];
            code[i] = c * 5;   // 0, 5, 10: numeric order differs from text order
        }
        Col x = Col.doubles("x", randomDoubles(n, rnd));
        Col s = Col.of("species", PrimitiveTypeName.BINARY, species).with(LogicalTypeAnnotation.stringType());
        Col k = Col.of("code", PrimitiveTypeName.INT32, code);
        List<Col> cols = List.of(x, s, k);
        Path pq = dir.resolve("c.parquet");
        ParquetTables.write(pq, cols, Layout.plain());
        Path csv = writeCsv(cols);

        ReadOptions bySpecies = new ReadOptions("species", TargetKind.CLASS, null, List.of("x"));
        Dataset a = ParquetReader.read(pq, bySpecies);
        assertSame(a, CsvReader.read(csv, bySpecies));
        assertThat(a.classes()).containsExactly("setosa", "versicolor", "virginica");

        ReadOptions byCode = new ReadOptions("code", TargetKind.CLASS, null, List.of("x"));
        Dataset b = ParquetReader.read(pq, byCode);
        assertSame(b, CsvReader.read(csv, byCode));
        assertThat(b.classes()).containsExactly("0", "5", "10");
    }

    @Test
    void featuresOnlyReadsTheNamedColumnsInTheGivenOrder() throws IOException {
        int n = 50;
        SplittableRandom rnd = new SplittableRandom(3);
        List<Col> cols = List.of(Col.doubles("a", randomDoubles(n, rnd)), Col.doubles("b", randomDoubles(n, rnd)),
                Col.of("note", PrimitiveTypeName.BINARY, strings(n)).with(LogicalTypeAnnotation.stringType()),
                Col.doubles("c", randomDoubles(n, rnd)));
        Path pq = dir.resolve("f.parquet");
        ParquetTables.write(pq, cols, Layout.plain());
        ReadOptions o = ReadOptions.featuresOnly(List.of("c", "a"));
        Dataset d = ParquetReader.read(pq, o);
        assertThat(d.y()).isNull();
        assertSame(d, CsvReader.read(writeCsv(cols), o));
    }

    @Test
    void decimalsAndUnsignedIntegersAreTheirValues() throws IOException {
        Object[] cents = {12345, -5, 0, 999_999};
        Object[] big = {Long.MAX_VALUE, 1L, 0L, 42L};
        Object[] unsigned = {-1, 3, 0, 7};   // -1 is 2^32 - 1 unsigned
        List<Col> cols = List.of(
                Col.of("price", PrimitiveTypeName.INT32, cents).with(LogicalTypeAnnotation.decimalType(2, 9)),
                Col.of("big", PrimitiveTypeName.INT64, big).with(LogicalTypeAnnotation.decimalType(3, 18)),
                Col.of("u", PrimitiveTypeName.INT32, unsigned).with(LogicalTypeAnnotation.intType(32, false)));
        Path pq = dir.resolve("d.parquet");
        ParquetTables.write(pq, cols, Layout.plain());
        DenseMatrix x = (DenseMatrix) ParquetReader.read(pq, ReadOptions.featuresOnly(List.of("price", "big", "u"))).x();
        assertThat(new double[] {x.get(0, 0), x.get(1, 0), x.get(2, 0), x.get(3, 0)})
                .containsExactly(123.45, -0.05, 0.0, 9999.99);
        assertThat(x.get(0, 1)).isEqualTo(Double.parseDouble("9223372036854775.807"));
        assertThat(x.get(0, 2)).isEqualTo(4294967295.0);
        assertThat(ParquetReader.unsigned(-1L)).isEqualTo(Double.parseDouble("18446744073709551615"));
        assertThat(ParquetReader.decimal(1, 25)).isEqualTo(1e-25);
    }

    static Stream<Arguments> pageLayouts() {
        return Stream.of(
                Arguments.of(Layout.plain()),
                Arguments.of(new Layout(CompressionCodecName.SNAPPY, true, false, 1000, 40)),
                Arguments.of(new Layout(CompressionCodecName.UNCOMPRESSED, false, true, 1000, 40)),
                Arguments.of(new Layout(CompressionCodecName.ZSTD, true, true, 70, 40)));
    }

    @ParameterizedTest
    @MethodSource("pageLayouts")
    void aNullIsOneLineNamingRowAndColumn(Layout layout) throws IOException {
        int n = 300;
        Object[] v = new Object[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = (double) (i % 7);
            y[i] = i;
        }
        v[211] = null;
        Path pq = dir.resolve("n.parquet");
        ParquetTables.write(pq, List.of(Col.doubles("y", y), Col.of("x1", PrimitiveTypeName.DOUBLE, v).nullable()), layout);
        assertThatThrownBy(() -> ParquetReader.read(pq, ReadOptions.numeric("y")))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(pq + ": row 212, column \"x1\": expected a number, found a null");
    }

    @Test
    void nonFiniteValuesAndNegativeWeightsAreRejected() throws IOException {
        Path nan = dir.resolve("nan.parquet");
        ParquetTables.write(nan, List.of(Col.doubles("y", new double[] {1, 2}), Col.doubles("x", new double[] {0, Double.NaN})),
                Layout.plain());
        assertThatThrownBy(() -> ParquetReader.read(nan, ReadOptions.numeric("y")))
                .hasMessage(nan + ": row 2, column \"x\": expected a finite number, found NaN");

        Path inf = dir.resolve("inf.parquet");
        ParquetTables.write(inf, List.of(Col.doubles("y", new double[] {Double.NEGATIVE_INFINITY, 2}), Col.doubles("x", new double[] {0, 1})),
                Layout.plain());
        assertThatThrownBy(() -> ParquetReader.read(inf, ReadOptions.numeric("y")))
                .hasMessage(inf + ": row 1, column \"y\": expected a finite number, found -Infinity");

        Path w = dir.resolve("w.parquet");
        ParquetTables.write(w, List.of(Col.doubles("y", new double[] {1, 2}), Col.doubles("x", new double[] {0, 1}),
                Col.doubles("w", new double[] {1, -0.5})), Layout.plain());
        assertThatThrownBy(() -> ParquetReader.read(w, ReadOptions.numeric("y").withWeights("w")))
                .hasMessage(w + ": row 2, column \"w\": expected a weight >= 0, found -0.5");

        Path zero = dir.resolve("z.parquet");
        ParquetTables.write(zero, List.of(Col.doubles("y", new double[] {1, 2}), Col.doubles("x", new double[] {0, 1}),
                Col.doubles("w", new double[] {0, 0})), Layout.plain());
        assertThatThrownBy(() -> ParquetReader.read(zero, ReadOptions.numeric("y").withWeights("w")))
                .hasMessage(zero + ": the weights in column \"w\" are all zero");
    }

    @Test
    void unknownAndNonNumericColumnsAreOneLine() throws IOException {
        Path pq = dir.resolve("s.parquet");
        ParquetTables.write(pq, List.of(Col.doubles("y", new double[] {1, 2}),
                Col.of("city", PrimitiveTypeName.BINARY, new Object[] {"Oslo", "Lima"}).with(LogicalTypeAnnotation.stringType()),
                Col.of("when", PrimitiveTypeName.INT64, new Object[] {1L, 2L}).with(
                        LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS))), Layout.plain());
        assertThatThrownBy(() -> ParquetReader.read(pq, ReadOptions.numeric("target")))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(pq + ": no column named \"target\" (the target); the columns are: y, city, when");
        assertThatThrownBy(() -> ParquetReader.read(pq, ReadOptions.numeric("y")))
                .hasMessage(pq + ": column \"city\": expected a numeric column (DOUBLE, FLOAT, INT32, INT64 or BOOLEAN), found a string column");
        assertThatThrownBy(() -> ParquetReader.read(pq, ReadOptions.featuresOnly(List.of("when"))))
                .hasMessage(pq + ": column \"when\": expected a numeric column (DOUBLE, FLOAT, INT32, INT64 or BOOLEAN), found a timestamp column");
        assertThatThrownBy(() -> ParquetReader.read(pq, new ReadOptions("city", TargetKind.NUMERIC, null, List.of("y"))))
                .hasMessage(pq + ": column \"city\": expected a numeric column (DOUBLE, FLOAT, INT32, INT64 or BOOLEAN), found a string column");
    }

    @Test
    void damagedAndForeignFilesAreOneLine() throws IOException {
        Path text = dir.resolve("text.parquet");
        Files.writeString(text, "y,x\n1,2\n");
        assertThatThrownBy(() -> ParquetReader.read(text, ReadOptions.numeric("y")))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(text + ": not a valid Parquet file: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));

        Path good = dir.resolve("good.parquet");
        SplittableRandom rnd = new SplittableRandom(11);
        ParquetTables.write(good, List.of(Col.doubles("y", randomDoubles(500, rnd)), Col.doubles("x", randomDoubles(500, rnd))),
                new Layout(CompressionCodecName.SNAPPY, false, false, 1000, 100));
        byte[] bytes = Files.readAllBytes(good);
        // the data pages damaged, the footer intact: the library's own error, as one line
        byte[] damaged = bytes.clone();
        for (int i = 4; i < damaged.length / 2; i++) damaged[i] = (byte) rnd.nextInt(256);
        Path bad = dir.resolve("damaged.parquet");
        Files.write(bad, damaged);
        assertThatThrownBy(() -> ParquetReader.read(bad, ReadOptions.numeric("y")))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(bad + ": ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        // cut short: no footer
        Path cut = dir.resolve("cut.parquet");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> ParquetReader.read(cut, ReadOptions.numeric("y")))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(cut + ": not a valid Parquet file: ");

        assertThatThrownBy(() -> ParquetReader.read(dir.resolve("none.parquet"), ReadOptions.numeric("y")))
                .isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> ParquetReader.read(dir, ReadOptions.numeric("y")))
                .hasMessage(dir + ": is a directory, not a file");
    }

    @Test
    void aFileWithoutRowsIsAnError() throws IOException {
        Path pq = dir.resolve("empty.parquet");
        ParquetTables.write(pq, List.of(Col.doubles("y", new double[0]), Col.doubles("x", new double[0])), Layout.plain());
        assertThatThrownBy(() -> ParquetReader.read(pq, ReadOptions.numeric("y")))
                .hasMessage(pq + ": the file has no rows");
    }

    // ---- helpers ----

    private static void assertSame(Dataset a, Dataset b) {
        assertThat(a.featureNames()).isEqualTo(b.featureNames());
        assertThat(a.targetName()).isEqualTo(b.targetName());
        assertThat(a.classes()).isEqualTo(b.classes());
        assertThat(bits(((DenseMatrix) a.x()).values())).isEqualTo(bits(((DenseMatrix) b.x()).values()));
        assertThat(bits(a.y())).isEqualTo(bits(b.y()));
        assertThat(bits(a.weights())).isEqualTo(bits(b.weights()));
    }

    private static long[] bits(double[] v) {
        if (v == null) return null;
        long[] b = new long[v.length];
        for (int i = 0; i < v.length; i++) b[i] = Double.doubleToRawLongBits(v[i]);
        return b;
    }

    /** Random doubles of every magnitude (the bits, not nice decimals). */
    private static double[] randomDoubles(int n, SplittableRandom rnd) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(-8, 9));
        return v;
    }

    private static Object[] strings(int n) {
        Object[] s = new Object[n];
        for (int i = 0; i < n; i++) s[i] = "note " + i;
        return s;
    }

    /** A column of {@code type} with few distinct values, extremes included. */
    private static Col column(String name, PrimitiveTypeName type, int n, SplittableRandom rnd) {
        Object[] v = new Object[n];
        for (int i = 0; i < n; i++) {
            int k = rnd.nextInt(40);
            v[i] = switch (type) {
                case DOUBLE -> k == 0 ? Double.MIN_VALUE : k == 1 ? -Double.MAX_VALUE : (k - 20) / 7.0;
                case FLOAT -> k == 0 ? Float.MIN_VALUE : k == 1 ? Float.MAX_VALUE : (k - 20) / 7.0f;
                case INT32 -> k == 0 ? Integer.MIN_VALUE : k == 1 ? Integer.MAX_VALUE : k - 20;
                case INT64 -> k == 0 ? Long.MIN_VALUE : k == 1 ? (1L << 53) + 1 : (long) (k - 20) * 1_000_000_007L;
                case BOOLEAN -> k % 2 == 0;
                default -> throw new IllegalArgumentException(type.toString());
            };
        }
        return Col.of(name, type, v);
    }

    /** The table as CSV: each value as the text whose nearest double is the value the reader should give. */
    private Path writeCsv(List<Col> cols) throws IOException {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < cols.size(); k++) s.append(k > 0 ? "," : "").append(cols.get(k).name());
        s.append('\n');
        int n = cols.get(0).values().length;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < cols.size(); k++) {
                Object v = cols.get(k).values()[i];
                String text;
                if (v instanceof Float f) text = Double.toString(f.doubleValue());   // widened exactly
                else if (v instanceof Boolean b) text = b ? "1" : "0";
                else text = String.valueOf(v);
                s.append(k > 0 ? "," : "").append(text);
            }
            s.append('\n');
        }
        Path csv = dir.resolve("t.csv");
        Files.writeString(csv, s);
        return csv;
    }
}

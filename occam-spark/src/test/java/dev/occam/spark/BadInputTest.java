package dev.occam.spark;

import dev.occam.glm.Family;
import dev.occam.glm.GlmSettings;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** User mistakes give one clear line (an {@link OccamSparkException}; SparkMain: exit 2), not Spark's stack trace. */
class BadInputTest {
    private final SparkSession spark = SparkTestSession.get();
    private static final GlmSettings GAUSSIAN = GlmSettings.of(Family.GAUSSIAN).withNlambda(5);

    private Dataset<Row> frame(List<Row> rows) {
        StructType schema = new StructType().add("features", org.apache.spark.ml.linalg.SQLDataTypes.VectorType(), true)
                .add("label", DataTypes.DoubleType, true);
        return spark.createDataFrame(rows, schema);
    }

    private static void assertOneLine(Throwable t, String... parts) {
        assertThat(t).isInstanceOf(OccamSparkException.class);
        assertThat(t.getMessage()).doesNotContain("\n").doesNotContain("at org.apache").contains(parts);
    }

    @Test
    void missingColumnIsNamed() {
        Dataset<Row> df = frame(List.of(RowFactory.create(Vectors.dense(1, 2), 1.0)));
        assertThatThrownBy(() -> SparkGaussian.path(df, Columns.of("features", "y"), GAUSSIAN))
                .satisfies(t -> assertOneLine(t, "no label column 'y'", "[features, label]"));
        assertThatThrownBy(() -> new OccamRegression().setWeightCol("w").fit(df))
                .satisfies(t -> assertOneLine(t, "no weight column 'w'"));
    }

    @Test
    void nanLabelIsReportedFromTheExecutor() {
        Dataset<Row> df = frame(List.of(RowFactory.create(Vectors.dense(1, 2), 1.0), RowFactory.create(Vectors.dense(2, 1), Double.NaN),
                RowFactory.create(Vectors.dense(0, 3), 2.0)));
        assertThatThrownBy(() -> SparkGaussian.path(df, Columns.of("features", "label"), GAUSSIAN))
                .satisfies(t -> assertOneLine(t, "the label column 'label' has NaN", "expected a finite number"));
    }

    @Test
    void nanFeatureAndWrongVectorSizeAreReported() {
        Dataset<Row> nan = frame(List.of(RowFactory.create(Vectors.dense(1, 2), 1.0), RowFactory.create(Vectors.dense(Double.NaN, 1), 0.0)));
        assertThatThrownBy(() -> SparkIrls.path(nan, Columns.of("features", "label"), GlmSettings.of(Family.BINOMIAL)))
                .satisfies(t -> assertOneLine(t, "the features column 'features' has NaN in element 1"));
        Dataset<Row> sizes = frame(List.of(RowFactory.create(Vectors.dense(1, 2), 1.0), RowFactory.create(Vectors.dense(1, 2, 3), 0.0)));
        assertThatThrownBy(() -> SparkGaussian.path(sizes.coalesce(1), Columns.of("features", "label"), GAUSSIAN))
                .satisfies(t -> assertOneLine(t, "feature vectors differ in size: 2 and 3"));
        Dataset<Row> binary = frame(List.of(RowFactory.create(Vectors.dense(1, 2), 1.0), RowFactory.create(Vectors.dense(3, 2), 2.0)));
        assertThatThrownBy(() -> new OccamRegression().setFamily("binomial").fit(binary))
                .satisfies(t -> assertOneLine(t, "the label column 'label' has 2", "expected 0 or 1 (binomial)"));
    }

    @Test
    void irlsOptionsOutOfRangeAreOneLine(@TempDir Path dir) {
        Dataset<Row> df = frame(List.of(RowFactory.create(Vectors.dense(1, 2), 1.0), RowFactory.create(Vectors.dense(2, 1), 0.0)));
        assertThatThrownBy(() -> new OccamRegression().setFamily("binomial").setPointsPerPass(0).fit(df))
                .satisfies(t -> assertOneLine(t, "pointsPerPass must be >= 1; got 0"));
        assertThatThrownBy(() -> new OccamRegression().setFamily("poisson").setMaxGramFeatures(-1).fit(df))
                .satisfies(t -> assertOneLine(t, "maxGramFeatures must be >= 0; got -1"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path out = dir.resolve("path.csv");
        int status = SparkMain.run(spark, new String[] {"path", "--data", dir.resolve("t.parquet").toString(), "--target", "y",
                "--family", "binomial", "--points-per-pass", "2.5", "--out", out.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).doesNotContain("\n")
                .isEqualTo("occam-spark: error: --points-per-pass must be a whole number; got 2.5");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void sparkMainRunsPathAndCvAndExitsWith2OnAMistake(@TempDir Path dir) throws Exception {
        TestData d = TestData.of("gaussian", 200, 3, 4, 41);
        Dataset<Row> table = d.frame(spark, 2).select(
                org.apache.spark.ml.functions.vector_to_array(functions.col("features"), "float64").getItem(0).as("a"),
                org.apache.spark.ml.functions.vector_to_array(functions.col("features"), "float64").getItem(1).as("b"),
                org.apache.spark.ml.functions.vector_to_array(functions.col("features"), "float64").getItem(2).as("c"),
                functions.col("label").as("y"), functions.col("fold"));
        String parquet = dir.resolve("t.parquet").toString();
        table.write().parquet(parquet);
        String csv = dir.resolve("csv").toString();
        table.coalesce(1).write().option("header", "true").csv(csv);
        Path csvFile;
        try (var files = Files.list(Path.of(csv))) {
            csvFile = files.filter(f -> f.toString().endsWith(".csv")).findFirst().orElseThrow();
        }
        Path renamed = dir.resolve("t.csv");
        Files.move(csvFile, renamed);

        Path pathOut = dir.resolve("path.csv");
        assertThat(run("path", "--data", renamed.toString(), "--target", "y", "--foldid", "fold", "--nlambda", "10",
                "--out", pathOut.toString())).isEqualTo(0);
        List<String> lines = Files.readAllLines(pathOut);
        assertThat(lines.get(0)).startsWith("lambda,df,dev_ratio,intercept,a,b,c");
        assertThat(lines).hasSizeGreaterThan(5);

        Path model = dir.resolve("MODEL.json");
        Path table1 = dir.resolve("cv.csv");
        assertThat(run("cv", "--data", parquet, "--target", "y", "--foldid", "fold", "--nlambda", "10", "--table", table1.toString(),
                "--out", model.toString())).isEqualTo(0);
        assertThat(Files.readString(model)).contains("\"occam-model\"");
        assertThat(Files.exists(table1)).isTrue();

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path none = dir.resolve("none.csv");
        int status = SparkMain.run(spark, new String[] {"path", "--data", parquet, "--target", "nope", "--out", none.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(message.strip()).doesNotContain("\n").startsWith("occam-spark: error: ").contains("no column 'nope'");
        assertThat(Files.exists(none)).isFalse();
    }

    private int run(String... args) {
        return SparkMain.run(spark, args, new PrintStream(new ByteArrayOutputStream()), System.err);
    }
}

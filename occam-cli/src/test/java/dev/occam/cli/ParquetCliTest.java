package dev.occam.cli;

import dev.occam.data.ParquetTables;
import dev.occam.data.ParquetTables.Col;
import dev.occam.data.ParquetTables.Layout;
import dev.occam.glm.LinearModel;
import dev.occam.io.ModelFile;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.occam.cli.TestData.Target.BINARY;
import static dev.occam.cli.TestData.Target.NUMERIC;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code --data x.parquet} gives what {@code --data x.csv} gives for the same table; Parquet's errors are one line, status 2. */
class ParquetCliTest {
    @TempDir
    Path dir;

    @Test
    void fitAndPathOnParquetEqualFitAndPathOnTheSameCsv() throws IOException {
        Path csv = TestData.csv(dir, 150, NUMERIC, true);
        Path pq = toParquet(csv, "y", CompressionCodecName.SNAPPY);
        Path fromCsv = dir.resolve("csv.json");
        Path fromPq = dir.resolve("pq.json");
        CliRun.of("fit", "--data", csv, "--target", "y", "--weights", "w", "--lambda", "0.02", "--out", fromCsv, "--quiet").ok();
        CliRun.of("fit", "--data", pq, "--target", "y", "--weights", "w", "--lambda", "0.02", "--out", fromPq, "--quiet").ok();
        LinearModel a = ModelFile.read(fromCsv);
        LinearModel b = ModelFile.read(fromPq);
        assertThat(b.coefficients()).isDeepEqualTo(a.coefficients());
        assertThat(b.intercepts()).containsExactly(a.intercepts());
        assertThat(b.featureNames()).isEqualTo(a.featureNames());

        Path pathCsv = dir.resolve("path-csv.csv");
        Path pathPq = dir.resolve("path-pq.csv");
        CliRun.of("path", "--data", csv, "--target", "y", "--out", pathCsv, "--quiet").ok();
        CliRun.of("path", "--data", pq, "--target", "y", "--out", pathPq, "--quiet").ok();
        assertThat(Files.readString(pathPq)).isEqualTo(Files.readString(pathCsv));

        Path predCsv = dir.resolve("pred-csv.csv");
        Path predPq = dir.resolve("pred-pq.csv");
        CliRun.of("predict", "--model", fromCsv, "--data", csv, "--out", predCsv, "--quiet").ok();
        CliRun.of("predict", "--model", fromCsv, "--data", pq, "--out", predPq, "--quiet").ok();
        assertThat(Files.readString(predPq)).isEqualTo(Files.readString(predCsv));
    }

    @Test
    void classLabelsFromAStringColumnAndAnExplicitFormat() throws IOException {
        Path csv = TestData.csv(dir, 120, BINARY, false);
        Path pq = toParquet(csv, "label", CompressionCodecName.ZSTD);
        Path renamed = Files.move(pq, dir.resolve("table.bin"));
        Path fromCsv = dir.resolve("csv.json");
        Path fromPq = dir.resolve("pq.json");
        CliRun.of("fit", "--data", csv, "--target", "label", "--family", "binomial", "--lambda", "0.01", "--out", fromCsv, "--quiet").ok();
        CliRun.of("fit", "--data", renamed, "--format", "parquet", "--target", "label", "--family", "binomial", "--lambda", "0.01",
                "--out", fromPq, "--quiet").ok();
        assertThat(ModelFile.read(fromPq).coefficients()).isDeepEqualTo(ModelFile.read(fromCsv).coefficients());
        assertThat(ModelFile.read(fromPq).classes()).containsExactly("no", "yes");
    }

    @Test
    void parquetErrorsAreOneLineWithStatusTwo() throws IOException {
        Path pq = toParquet(TestData.csv(dir, 20, NUMERIC, false), "y", CompressionCodecName.UNCOMPRESSED);
        Path out = dir.resolve("m.json");
        assertThat(CliRun.of("fit", "--data", pq, "--target", "nope", "--out", out).userError())
                .isEqualTo(pq + ": no column named \"nope\" (the target); the columns are: a, b, c, y");
        Path fake = TestData.write(dir, "fake.parquet", "a,b\n1,2\n");
        assertThat(CliRun.of("path", "--data", fake, "--target", "a", "--out", out).userError())
                .startsWith(fake + ": not a valid Parquet file: ");
        assertThat(Files.exists(out)).isFalse();
    }

    /** The CSV (numbers, and the target as text when it is not a number) as a Parquet file beside it. */
    private Path toParquet(Path csv, String target, CompressionCodecName codec) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",");
        int n = lines.size() - 1;
        List<Col> cols = new ArrayList<>();
        for (int k = 0; k < header.length; k++) {
            Object[] v = new Object[n];
            boolean text = false;
            for (int i = 0; i < n; i++) {
                String cell = lines.get(i + 1).split(",")[k];
                try {
                    v[i] = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    text = true;
                }
            }
            if (text) {
                for (int i = 0; i < n; i++) v[i] = lines.get(i + 1).split(",")[k];
                cols.add(Col.of(header[k], PrimitiveTypeName.BINARY, v).with(LogicalTypeAnnotation.stringType()));
            } else {
                cols.add(Col.of(header[k], PrimitiveTypeName.DOUBLE, v));
            }
        }
        assertThat(List.of(header)).contains(target);
        Path pq = dir.resolve(csv.getFileName().toString().replace(".csv", ".parquet"));
        ParquetTables.write(pq, cols, new Layout(codec, true, false, 64, 32));
        return pq;
    }
}

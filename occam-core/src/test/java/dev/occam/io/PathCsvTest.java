package dev.occam.io;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.occam.glm.Family;
import dev.occam.glm.GlmPath;
import dev.occam.glm.GlmSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PathCsvTest {
    @TempDir
    Path dir;

    private static List<CsvRecord> readBack(Path file) throws IOException {
        try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(file)) {
            return r.stream().toList();
        }
    }

    @Test
    void oneRowPerLambdaWithExactNumbers() throws IOException {
        double[] lambdas = {0.7071067811865476, 0.1 + 0.2, 1e-300};
        double[][] b0 = {{1.0 / 3}, {-2.5}, {4e-17}};
        double[][][] w = {{{0, 0}}, {{0.1, -0.0}}, {{Math.PI, -Math.E}}};
        GlmPath path = new GlmPath(GlmSettings.of(Family.GAUSSIAN), List.of("age", "body, mass"), null, 10, lambdas, b0, w,
                new int[] {0, 1, 2}, new double[] {0, 0.25, 0.9999999999999999}, 3.5, new long[] {1, 2, 3},
                new boolean[] {true, true, true}, List.of(), new double[] {0.0, 3.5e-13, 2.25e-10});
        Path file = dir.resolve("path.csv");
        PathCsv.write(file, path);
        List<CsvRecord> rows = readBack(file);
        assertThat(rows.get(0).getFields()).containsExactly("lambda", "df", "dev_ratio", "intercept", "age", "body, mass",
                "kkt_violation");
        assertThat(Files.readString(file)).startsWith("lambda,df,dev_ratio,intercept,age,\"body, mass\",kkt_violation\n");
        assertThat(rows).hasSize(4);
        for (int l = 0; l < 3; l++) {
            CsvRecord r = rows.get(l + 1);
            assertThat(Double.parseDouble(r.getField(0))).isEqualTo(lambdas[l]);
            assertThat(Integer.parseInt(r.getField(1))).isEqualTo(l);
            assertThat(Double.parseDouble(r.getField(2))).isEqualTo(path.devRatio()[l]);
            assertThat(Double.parseDouble(r.getField(3))).isEqualTo(b0[l][0]);
            assertThat(Double.parseDouble(r.getField(4))).isEqualTo(w[l][0][0]);
            assertThat(Double.doubleToRawLongBits(Double.parseDouble(r.getField(5)))).isEqualTo(Double.doubleToRawLongBits(w[l][0][1]));
            assertThat(Double.parseDouble(r.getField(6))).isEqualTo(path.kktViolation()[l]);
        }
    }

    @Test
    void multinomialColumnsPerClass() throws IOException {
        double[][][] w = {{{1, 2}, {3, 4}, {5, 6}}};
        GlmPath path = new GlmPath(GlmSettings.of(Family.MULTINOMIAL), List.of("a", "b"), List.of("x", "y", "z"), 5,
                new double[] {0.5}, new double[][] {{-1, 0, 1}}, w, new int[] {2}, new double[] {0.3}, 5.0,
                new long[] {4}, new boolean[] {false}, List.of("did not converge"));
        Path file = dir.resolve("multi.csv");
        PathCsv.write(file, path);
        List<CsvRecord> rows = readBack(file);
        assertThat(rows.get(0).getFields()).containsExactly("lambda", "df", "dev_ratio",
                "intercept:x", "a:x", "b:x", "intercept:y", "a:y", "b:y", "intercept:z", "a:z", "b:z", "kkt_violation");
        // a path built without measuring KKT violations says NaN
        assertThat(rows.get(1).getFields()).containsExactly("0.5", "2", "0.3",
                "-1.0", "1.0", "2.0", "0.0", "3.0", "4.0", "1.0", "5.0", "6.0", "NaN");
    }
}

package dev.occam.cli;

import dev.occam.data.Dataset;
import dev.occam.data.DenseMatrix;
import dev.occam.data.ParquetReader;
import dev.occam.data.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The start-up archive's Parquet file is a valid one: ParquetReader gives back its columns (dictionary and PLAIN pages). */
class CdsParquetFileTest {
    @TempDir
    Path dir;

    @Test
    void readsBackWhatWasWritten() throws IOException {
        SplittableRandom r = new SplittableRandom(5);
        int n = 61;
        double[][] cols = new double[3][n];
        for (int i = 0; i < n; i++) {
            cols[0][i] = r.nextBoolean() ? 2.5 : -1;
            cols[1][i] = r.nextDouble();
            cols[2][i] = r.nextDouble() * 1e6;
        }
        Path f = dir.resolve("t.parquet");
        CdsParquetFile.write(f, List.of("k", "a", "y"), cols);
        Dataset d = ParquetReader.read(f, ReadOptions.numeric("y"));
        DenseMatrix x = (DenseMatrix) d.x();
        for (int i = 0; i < n; i++) {
            assertThat(x.get(i, 0)).isEqualTo(cols[0][i]);
            assertThat(x.get(i, 1)).isEqualTo(cols[1][i]);
            assertThat(d.y()[i]).isEqualTo(cols[2][i]);
        }
    }
}

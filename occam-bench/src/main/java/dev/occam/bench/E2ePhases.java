package dev.occam.bench;

import dev.occam.data.CsvReader;
import dev.occam.data.Dataset;
import dev.occam.data.ParquetReader;
import dev.occam.data.ReadOptions;
import dev.occam.glm.ElasticNet;
import dev.occam.glm.Family;
import dev.occam.glm.GlmPath;
import dev.occam.glm.GlmSettings;
import dev.occam.io.PathCsv;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The phases of {@code occam path} timed inside one fresh JVM, as the command line runs them:
 * reading the data (CSV, or Parquet for a name ending in .parquet), fitting the default gaussian
 * lasso path (100 λ down to 1e-4 λ_max when n > p),
 * writing the path CSV. Each phase runs once, cold (JIT warm-up included, as for a user), and the
 * seconds are printed as one JSON line for {@code scripts/e2e/run_e2e.sh}.
 *
 * <p>usage: E2ePhases DATA.csv|DATA.parquet TARGET OUT.csv
 */
public final class E2ePhases {
    private E2ePhases() { }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        long t0 = System.nanoTime();
        Dataset d = data.toString().endsWith(".parquet")
                ? ParquetReader.read(data, ReadOptions.numeric(args[1]))
                : CsvReader.read(data, ReadOptions.numeric(args[1]));
        long t1 = System.nanoTime();
        GlmPath path = ElasticNet.path(d, GlmSettings.of(Family.GAUSSIAN));
        long t2 = System.nanoTime();
        PathCsv.write(Path.of(args[2]), path);
        long t3 = System.nanoTime();
        System.out.printf(Locale.ROOT, "{\"read\": %.4f, \"fit\": %.4f, \"write\": %.4f, \"n\": %d, \"p\": %d, \"lambdas\": %d}%n",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, d.rows(), d.cols(), path.size());
    }
}

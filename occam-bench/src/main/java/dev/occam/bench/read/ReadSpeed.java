package dev.occam.bench.read;

import dev.occam.data.CsvReader;
import dev.occam.data.Dataset;
import dev.occam.data.ParquetReader;
import dev.occam.data.ReadOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Read speed of {@link CsvReader} and {@link ParquetReader} on given files (e.g. the end-to-end
 * benchmark's CSV and its Parquet twin), in one JVM: the first read is cold (class loading, JIT),
 * the median of the following ones warm. Prints seconds, MB/s (file size / time) and rows/s per file.
 *
 * <p>usage: ReadSpeed TARGET REPEATS FILE... (a name ending in .parquet is read as Parquet)
 */
public final class ReadSpeed {
    private ReadSpeed() { }

    public static void main(String[] args) throws Exception {
        String target = args[0];
        int repeats = Integer.parseInt(args[1]);
        for (int f = 2; f < args.length; f++) {
            Path file = Path.of(args[f]);
            boolean parquet = file.toString().endsWith(".parquet");
            double mb = Files.size(file) / 1e6;
            double[] s = new double[repeats];
            int rows = 0;
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                Dataset d = parquet ? ParquetReader.read(file, ReadOptions.numeric(target)) : CsvReader.read(file, ReadOptions.numeric(target));
                s[r] = (System.nanoTime() - t0) / 1e9;
                rows = d.rows();
            }
            double cold = s[0];
            double[] warm = Arrays.copyOfRange(s, Math.min(1, repeats - 1), repeats);
            Arrays.sort(warm);
            double median = warm[warm.length / 2];
            System.out.printf(Locale.ROOT, "%s: %.1f MB, %d rows; cold %.3f s (%.0f MB/s); warm median %.3f s "
                            + "(%.0f MB/s, %.2f M rows/s) of %d%n",
                    file.getFileName(), mb, rows, cold, mb / cold, median, mb / median, rows / median / 1e6, warm.length);
        }
    }
}

package dev.occam.spark.bench;

import dev.occam.glm.Family;
import dev.occam.glm.GlmPath;
import dev.occam.glm.GlmSettings;
import dev.occam.spark.Columns;
import dev.occam.spark.IrlsOptions;
import dev.occam.spark.SparkIrls;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

import java.util.Locale;

/**
 * Occam's binomial or poisson path alone on {@link SparkBenchmark}'s data, for each given number
 * of points per pass (and optionally forced into the proximal-gradient fallback): passes, jobs,
 * time, λ fitted, largest KKT violation. What the pass count of an IRLS setting is, without
 * waiting for MLlib.
 *
 * <p>Usage: {@code OccamPasses binomial ROWS FEATURES PARTITIONS K1[,K2...] [MAX_GRAM_FEATURES]}.
 */
public final class OccamPasses {
    private OccamPasses() { }

    public static void main(String[] args) {
        String family = args[0];
        long n = Long.parseLong(args[1]);
        int p = Integer.parseInt(args[2]);
        int parts = Integer.parseInt(args[3]);
        String[] ks = args[4].split(",");
        int maxGram = args.length > 5 ? Integer.parseInt(args[5]) : IrlsOptions.DEFAULT_MAX_GRAM_FEATURES;
        SparkSession spark = SparkSession.builder().master("local[2]").appName("occam-passes")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        SparkBenchmark.Counter counter = new SparkBenchmark.Counter();
        spark.sparkContext().addSparkListener(counter);
        Dataset<Row> df = SparkBenchmark.data(spark, family, n, p, parts).persist(StorageLevel.MEMORY_AND_DISK());
        df.count();
        GlmSettings s = GlmSettings.of(Family.valueOf(family.toUpperCase(Locale.ROOT))).withAlpha(0.5).withNlambda(20).withLambdaMinRatio(1e-3);
        for (String k : ks) {
            IrlsOptions o = IrlsOptions.defaults().withPointsPerPass(Integer.parseInt(k)).withMaxGramFeatures(maxGram);
            counter.reset();
            counter.on = true;
            long t0 = System.nanoTime();
            SparkIrls.Fit fit = SparkIrls.fit(df, Columns.of("features", "label"), s, SparkIrls.End.NONE, o);
            double secs = (System.nanoTime() - t0) / 1e9;
            counter.on = false;
            GlmPath path = fit.path();
            System.out.printf(Locale.ROOT, "RESULT %s n=%d p=%d points/pass %s%s: %d lambdas, %d passes, %d jobs, %.1f s, max KKT %.2e, converged %s%n",
                    family, n, p, k, p > maxGram ? " (proximal gradient)" : "", path.size(), fit.passes(), counter.jobs.get(), secs,
                    path.maxKktViolation(), path.allConverged());
            System.out.println("  Newton steps (or passes) per lambda: " + java.util.Arrays.toString(path.passes()));
        }
        spark.stop();
    }
}

package dev.occam.spark.bench;

import dev.occam.glm.Family;
import dev.occam.glm.GlmPath;
import dev.occam.glm.GlmSettings;
import dev.occam.spark.Columns;
import dev.occam.spark.SparkGaussian;
import dev.occam.spark.SparkIrls;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Occam on Spark vs MLlib on the same cached data in local mode: the whole 20-λ path of Occam
 * against MLlib fitted once per λ at the same objective (λ mapped to regParam as
 * {@code MllibPenalty} states), counting Spark jobs (each a pass over the data: MLlib's
 * iterations and Occam's passes are all one treeAggregate/treeReduce job) and stages with a
 * {@link SparkListener}, and comparing the objective values reached.
 *
 * <p>Usage: {@code SparkBenchmark gaussian|binomial ROWS FEATURES [PARTITIONS] [MLLIB_SOLVER]}.
 */
public final class SparkBenchmark {
    private SparkBenchmark() { }

    /** Counts jobs and stages while on. */
    static final class Counter extends SparkListener {
        final AtomicInteger jobs = new AtomicInteger();
        final AtomicInteger stages = new AtomicInteger();
        volatile boolean on;

        @Override public void onJobStart(SparkListenerJobStart e) { if (on) jobs.incrementAndGet(); }
        @Override public void onStageCompleted(SparkListenerStageCompleted e) { if (on) stages.incrementAndGet(); }

        void reset() { jobs.set(0); stages.set(0); }
    }

    public static void main(String[] args) throws Exception {
        String family = args[0];
        long n = Long.parseLong(args[1]);
        int p = Integer.parseInt(args[2]);
        int parts = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        String solver = args.length > 4 ? args[4] : "auto";
        int nl = 20;
        double alpha = 0.5;
        SparkSession spark = SparkSession.builder().master("local[2]").appName("occam-spark-bench")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        Counter counter = new Counter();
        spark.sparkContext().addSparkListener(counter);

        Dataset<Row> df = data(spark, family, n, p, parts).persist(StorageLevel.MEMORY_AND_DISK());
        long t0 = System.nanoTime();
        long rows = df.count();
        System.out.printf(Locale.ROOT, "data: %s %d x %d in %d partitions, cached in %.1f s%n", family, rows, p, parts, secs(t0));

        Columns cols = Columns.of("features", "label");
        GlmSettings s = GlmSettings.of(family.equals("gaussian") ? Family.GAUSSIAN : Family.BINOMIAL).withAlpha(alpha).withNlambda(nl)
                .withLambdaMinRatio(1e-3);
        counter.reset();
        counter.on = true;
        t0 = System.nanoTime();
        GlmPath path = family.equals("gaussian") ? SparkGaussian.path(df, cols, s) : SparkIrls.fit(df, cols, s).path();
        double occamTime = secs(t0);
        counter.on = false;
        int occamJobs = counter.jobs.get();
        int occamStages = counter.stages.get();
        System.out.printf(Locale.ROOT, "occam: %d lambdas, %d jobs, %d stages, %.1f s%n", path.size(), occamJobs, occamStages, occamTime);

        // the target's σ_y for the gaussian mapping, outside the timed runs
        double sdY = family.equals("gaussian") ? SparkGaussian.moments(df, cols).sdY() : 1;
        double c = Math.sqrt(rows / (rows - 1.0));
        int mllibJobs = 0;
        int mllibStages = 0;
        double mllibTime = 0;
        double worstGap = Double.NEGATIVE_INFINITY;
        double worstBehind = 0;
        for (int l = 0; l < path.size(); l++) {
            double lambda = path.lambdas()[l];
            double l1 = lambda * alpha;
            double l2 = lambda * (1 - alpha);
            double reg;
            double enp;
            if (family.equals("gaussian")) {
                reg = l1 + l2 * sdY;
                enp = l1 / reg;
            } else {
                boolean lbfgsStd = true;
                reg = lbfgsStd ? l1 / c + l2 / (c * c) : l1 + l2;
                enp = (l1 / c) / reg;
            }
            counter.reset();
            counter.on = true;
            t0 = System.nanoTime();
            double[] w;
            double b0;
            if (family.equals("gaussian")) {
                LinearRegressionModel m = new LinearRegression().setRegParam(reg).setElasticNetParam(enp).setSolver(solver).fit(df);
                w = m.coefficients().toArray();
                b0 = m.intercept();
            } else {
                LogisticRegressionModel m = new LogisticRegression().setRegParam(reg).setElasticNetParam(enp).fit(df);
                w = m.coefficients().toArray();
                b0 = m.intercept();
            }
            mllibTime += secs(t0);
            counter.on = false;
            mllibJobs += counter.jobs.get();
            mllibStages += counter.stages.get();
            double[] sd = standardDeviations(df, p);
            double occamObj = objective(df, family, path.intercepts()[l][0], path.coefficients()[l][0], lambda, alpha, sd);
            double mllibObj = objective(df, family, b0, w, lambda, alpha, sd);
            double gap = (mllibObj - occamObj) / Math.abs(occamObj);
            worstGap = Math.max(worstGap, gap);
            worstBehind = Math.min(worstBehind, gap);
            System.out.printf(Locale.ROOT, "  lambda %2d = %.4g: objective occam %.10g mllib %.10g (rel. gap %+.2e), mllib jobs so far %d%n",
                    l, lambda, occamObj, mllibObj, gap, mllibJobs);
        }
        System.out.printf(Locale.ROOT, "mllib (%s): %d fits, %d jobs, %d stages, %.1f s%n",
                family.equals("gaussian") ? "LinearRegression solver " + solver : "LogisticRegression", path.size(), mllibJobs, mllibStages, mllibTime);
        System.out.printf(Locale.ROOT, "RESULT %s n=%d p=%d: occam %d jobs %.1f s | mllib %d jobs %.1f s | passes ratio %.1fx, time ratio %.1fx | "
                        + "mllib objective above occam's by at most %.2e (relative), below by at most %.2e%n",
                family, rows, p, occamJobs, occamTime, mllibJobs, mllibTime, (double) mllibJobs / occamJobs, mllibTime / occamTime,
                worstGap, -worstBehind);
        spark.stop();
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Seeded rows: correlated gaussian features, a sparse true model, a gaussian or 0/1 label. */
    static Dataset<Row> data(SparkSession spark, String family, long n, int p, int parts) {
        List<Integer> seeds = new ArrayList<>();
        for (int i = 0; i < parts; i++) seeds.add(i);
        long per = n / parts;
        JavaRDD<Row> rows = new org.apache.spark.api.java.JavaSparkContext(spark.sparkContext()).parallelize(seeds, parts)
                .flatMap(part -> {
                    SplittableRandom r = new SplittableRandom(1234 + part);
                    List<Row> out = new ArrayList<>((int) per);
                    for (long i = 0; i < per; i++) {
                        double[] x = new double[p];
                        double common = gauss(r);
                        double eta = 0;
                        for (int j = 0; j < p; j++) {
                            x[j] = 0.3 * common + gauss(r);
                            if (j % 10 == 0) eta += (j % 20 == 0 ? 0.5 : -0.4) * x[j];
                        }
                        double y = family.equals("gaussian") ? 1 + eta + gauss(r) : (r.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1.0 : 0.0);
                        out.add(RowFactory.create(Vectors.dense(x), y));
                    }
                    return out.iterator();
                });
        StructType schema = new StructType().add("features", SQLDataTypes.VectorType(), false).add("label", DataTypes.DoubleType, false);
        return spark.createDataFrame(rows, schema);
    }

    private static double gauss(SplittableRandom r) {
        return StrictMath.sqrt(-2 * StrictMath.log(1 - r.nextDouble())) * StrictMath.cos(2 * Math.PI * r.nextDouble());
    }

    private static double[] sdCache;

    /** Feature standard deviations (1/n), for the penalty on standardized coefficients. */
    static double[] standardDeviations(Dataset<Row> df, int p) {
        if (sdCache != null) return sdCache;
        double[][] acc = df.javaRDD().map(r -> {
            double[] x = ((Vector) r.get(0)).toArray();
            double[][] a = new double[3][p];
            a[2][0] = 1;
            for (int j = 0; j < p; j++) {
                a[0][j] = x[j];
                a[1][j] = x[j] * x[j];
            }
            return a;
        }).reduce((a, b) -> {
            for (int k = 0; k < 3; k++) for (int j = 0; j < p; j++) a[k][j] += b[k][j];
            return a;
        });
        double cnt = acc[2][0];
        double[] sd = new double[p];
        for (int j = 0; j < p; j++) {
            double m = acc[0][j] / cnt;
            sd[j] = Math.sqrt(acc[1][j] / cnt - m * m);
        }
        sdCache = sd;
        return sd;
    }

    /** Occam's canonical objective (standardized penalty) of (b0, w) on the data. */
    static double objective(Dataset<Row> df, String family, double b0, double[] w, double lambda, double alpha, double[] sd) {
        boolean gaussian = family.equals("gaussian");
        double[] sums = df.javaRDD().map(r -> {
            DenseVector x = (DenseVector) r.get(0);
            double eta = b0;
            double[] v = x.values();
            for (int j = 0; j < w.length; j++) eta += w[j] * v[j];
            double y = r.getDouble(1);
            double loss = gaussian ? 0.5 * (y - eta) * (y - eta)
                    : (eta > 0 ? Math.log1p(Math.exp(-eta)) : -eta + Math.log1p(Math.exp(eta))) + (y > 0.5 ? 0 : eta);
            return new double[] {loss, 1};
        }).reduce((a, b) -> new double[] {a[0] + b[0], a[1] + b[1]});
        double pen = 0;
        for (int j = 0; j < w.length; j++) {
            double b = w[j] * sd[j];
            pen += alpha * Math.abs(b) + (1 - alpha) / 2 * b * b;
        }
        return sums[0] / sums[1] + lambda * pen;
    }
}

package dev.occam.spark;

import dev.occam.data.Dataset;
import dev.occam.data.DenseMatrix;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded test problems held both as occam-core {@link Dataset}s and as Spark DataFrames with the
 * columns features, label, weight, fold (fold ids 1..K, balanced and shuffled).
 */
record TestData(double[][] x, double[] y, double[] w, int[] foldIds, String family) {

    /** n rows of p correlated gaussian features, a sparse true model, weights in [0.5, 2). */
    static TestData of(String family, int n, int p, int k, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][p];
        double[] y = new double[n];
        double[] w = new double[n];
        double[] beta = new double[p];
        for (int j = 0; j < p; j++) beta[j] = j % 3 == 0 ? 0 : (j % 2 == 0 ? 0.8 : -0.5) / (1 + j / 4.0);
        for (int i = 0; i < n; i++) {
            double common = gauss(r);
            double eta = 0.3;
            for (int j = 0; j < p; j++) {
                x[i][j] = 0.5 * common + gauss(r) + (j == 1 ? 5 : 0);
                eta += beta[j] * (x[i][j] - (j == 1 ? 5 : 0));
            }
            switch (family) {
                case "gaussian" -> y[i] = 2 + eta + gauss(r);
                case "binomial" -> y[i] = r.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
                case "poisson" -> y[i] = poisson(r, Math.exp(0.3 * eta));
                default -> throw new IllegalArgumentException(family);
            }
            w[i] = 0.5 + 1.5 * r.nextDouble();
        }
        int[] folds = new int[n];
        for (int i = 0; i < n; i++) folds[i] = i % k + 1;
        for (int i = n - 1; i > 0; i--) {
            int j = (int) (r.nextDouble() * (i + 1));
            int t = folds[i];
            folds[i] = folds[j];
            folds[j] = t;
        }
        return new TestData(x, y, w, folds, family);
    }

    private static double gauss(SplittableRandom r) {
        double u = r.nextDouble();
        double v = r.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(1 - u)) * StrictMath.cos(2 * Math.PI * v);
    }

    private static double poisson(SplittableRandom r, double mean) {
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > l);
        return k - 1;
    }

    /** occam-core's view, with the weights when {@code weighted}. */
    Dataset core(boolean weighted) {
        List<String> classes = family.equals("binomial") ? List.of("0", "1") : null;
        return new Dataset(DenseMatrix.ofRows(x), y, weighted ? w : null, Dataset.defaultNames(x[0].length), "y", classes);
    }

    /** The DataFrame, in {@code partitions} partitions (row order kept). */
    org.apache.spark.sql.Dataset<Row> frame(SparkSession spark, int partitions) {
        StructType schema = new StructType()
                .add("features", SQLDataTypes.VectorType(), false)
                .add("label", DataTypes.DoubleType, false)
                .add("weight", DataTypes.DoubleType, false)
                .add("fold", DataTypes.IntegerType, false);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < y.length; i++) rows.add(RowFactory.create(Vectors.dense(x[i]), y[i], w[i], foldIds[i]));
        return spark.createDataFrame(spark.sparkContext().parallelize(
                scala.jdk.javaapi.CollectionConverters.asScala(rows).toSeq(), partitions,
                scala.reflect.ClassTag$.MODULE$.apply(Row.class)), schema);
    }
}

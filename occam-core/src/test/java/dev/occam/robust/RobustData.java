package dev.occam.robust;

import dev.occam.data.Dataset;
import dev.occam.data.DenseMatrix;
import dev.occam.data.DesignMatrix;
import dev.occam.data.SparseMatrix;
import dev.occam.glm.Family;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded data sets for the robustness tests: correlated features, a sparse true model, each family's target. */
final class RobustData {
    private RobustData() { }

    /** Rows of n × p correlated standard normal features; with {@code zeros} > 0 that share of entries is 0. */
    static double[][] features(int n, int p, long seed, double zeros) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][p];
        for (int i = 0; i < n; i++) {
            double common = r.nextGaussian();
            for (int j = 0; j < p; j++) {
                x[i][j] = r.nextDouble() < zeros ? 0 : 0.5 * common + r.nextGaussian();
            }
        }
        return x;
    }

    /** η = Σ_{j<5} (−1)^j (j+1)/3 · x_j (a sparse truth). */
    static double[] linear(double[][] x) {
        double[] eta = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < Math.min(5, x[i].length); j++) eta[i] += (j % 2 == 0 ? 1 : -1) * (j + 1) / 3.0 * x[i][j];
        }
        return eta;
    }

    /** A data set of the family's kind (multinomial: 3 classes), dense or sparse (70 % zeros). */
    static Dataset of(Family family, int n, int p, long seed, boolean sparse) {
        double[][] x = features(n, p, seed, sparse ? 0.7 : 0);
        double[] eta = linear(x);
        SplittableRandom r = new SplittableRandom(seed + 1);
        double[] y = new double[n];
        List<String> classes = null;
        for (int i = 0; i < n; i++) {
            y[i] = switch (family) {
                case GAUSSIAN -> eta[i] + r.nextGaussian();
                case BINOMIAL -> r.nextDouble() < 1 / (1 + Math.exp(-eta[i])) ? 1 : 0;
                case POISSON -> poisson(r, Math.exp(0.3 * eta[i]));
                case MULTINOMIAL -> eta[i] + r.nextGaussian() < -0.5 ? 0 : eta[i] + r.nextGaussian() < 0.5 ? 1 : 2;
            };
        }
        if (family == Family.BINOMIAL) classes = List.of("0", "1");
        if (family == Family.MULTINOMIAL) classes = List.of("a", "b", "c");
        return new Dataset(matrix(x, sparse), y, null, Dataset.defaultNames(p), "y", classes);
    }

    static DesignMatrix matrix(double[][] x, boolean sparse) {
        DenseMatrix d = DenseMatrix.ofRows(x);
        return sparse ? SparseMatrix.fromDense(d) : d;
    }

    /** The features as row-major float32, as networks take them. */
    static float[] rowMajor(double[][] x) {
        int p = x[0].length;
        float[] f = new float[x.length * p];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < p; j++) f[i * p + j] = (float) x[i][j];
        }
        return f;
    }

    static List<String> names(int p) {
        List<String> names = new ArrayList<>();
        for (int j = 1; j <= p; j++) names.add("x" + j);
        return names;
    }

    private static int poisson(SplittableRandom r, double mean) {
        double l = Math.exp(-mean);
        int k = 0;
        double prod = r.nextDouble();
        while (prod > l) {
            k++;
            prod *= r.nextDouble();
        }
        return k;
    }
}

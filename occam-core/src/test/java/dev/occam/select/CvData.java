package dev.occam.select;

import dev.occam.data.Dataset;
import dev.occam.data.DenseMatrix;
import dev.occam.data.SparseMatrix;

import java.util.List;
import java.util.SplittableRandom;

/** Small seeded data sets for cross-validation tests (uniform draws + Box–Muller with StrictMath). */
final class CvData {
    private CvData() { }

    static double gaussian(SplittableRandom r) {
        double u1 = r.nextDouble();
        double u2 = r.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(1 - u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    }

    /** n × p features, about {@code zeros} of them exactly 0; y from the first three features. */
    static Dataset make(int n, int p, String kind, long seed, double zeros) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) x[i][j] = r.nextDouble() < zeros ? 0.0 : gaussian(r) + (j % 3);
            double eta = 0.5 + x[i][0] - 0.8 * x[i][1] + 0.4 * x[i][2];
            y[i] = switch (kind) {
                case "gaussian" -> eta + gaussian(r);
                case "binomial" -> r.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
                case "multinomial" -> eta + gaussian(r) > 1.5 ? 2 : eta + gaussian(r) > 0 ? 1 : 0;
                case "poisson" -> poisson(r, Math.exp(0.3 * eta));
                default -> throw new IllegalArgumentException(kind);
            };
        }
        List<String> classes = switch (kind) {
            case "binomial" -> List.of("no", "yes");
            case "multinomial" -> List.of("a", "b", "c");
            default -> null;
        };
        return new Dataset(DenseMatrix.ofRows(x), y, null, Dataset.defaultNames(p), "y", classes);
    }

    static Dataset sparse(Dataset d) {
        return new Dataset(SparseMatrix.fromDense((DenseMatrix) d.x()), d.y(), d.weights(), d.featureNames(),
                d.targetName(), d.classes());
    }

    private static double poisson(SplittableRandom r, double mean) {
        double l = Math.exp(-mean);
        double prod = r.nextDouble();
        int k = 0;
        while (prod > l) {
            prod *= r.nextDouble();
            k++;
        }
        return k;
    }
}

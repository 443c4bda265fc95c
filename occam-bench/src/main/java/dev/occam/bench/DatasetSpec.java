package dev.occam.bench;

import dev.occam.glm.Family;

/**
 * How one benchmark data set is made (all of it is written into its {@code meta.json}).
 *
 * @param name directory name under bench-data/ (the task letter of the issue)
 * @param family gaussian or binomial
 * @param sparse CSC storage with {@code density} non-zeros, else dense AR(1) features
 * @param n rows
 * @param p features
 * @param rho AR(1) correlation between neighbouring dense features: x_j = ρ x_{j−1} + √(1−ρ²) z_j
 * @param density share of non-zero entries of a sparse X (each column gets exactly round(density·n))
 * @param trueNonzeros number of non-zero true coefficients
 * @param signal gaussian: the population R² of the true model; binomial dense: the standard
 *               deviation of the true linear predictor; binomial sparse: |β_j| of the true features
 * @param alphas the α values whose λ sequences are written (a path is fitted for each)
 * @param seed seed of the SplittableRandom that makes everything in this data set
 */
record DatasetSpec(String name, Family family, boolean sparse, int n, int p, double rho, double density,
                   int trueNonzeros, double signal, double[] alphas, long seed) {

    static final int NLAMBDA = 100;

    /** The four data sets of issue 2, item 9. */
    static DatasetSpec[] all() {
        return new DatasetSpec[] {
            new DatasetSpec("a", Family.GAUSSIAN, false, 100_000, 500, 0.5, 1, 20, 0.6, new double[] {1.0, 0.5}, 20_240_601L),
            new DatasetSpec("b", Family.BINOMIAL, false, 50_000, 1_000, 0.5, 1, 30, 2.0, new double[] {1.0}, 20_240_602L),
            new DatasetSpec("c", Family.GAUSSIAN, false, 1_000, 20_000, 0.5, 1, 50, 0.6, new double[] {1.0}, 20_240_603L),
            new DatasetSpec("d", Family.BINOMIAL, true, 100_000, 50_000, 0, 0.001, 50, 2.0, new double[] {1.0}, 20_240_604L),
        };
    }

    static DatasetSpec byName(String name) {
        for (DatasetSpec s : all()) {
            if (s.name.equals(name)) return s;
        }
        throw new IllegalArgumentException("data set must be one of a, b, c, d; got " + name);
    }

    /** File name of the λ sequence for α (e.g. {@code lambda-alpha0.5.f64}). */
    static String lambdaFile(double alpha) {
        return "lambda-alpha" + formatAlpha(alpha) + ".f64";
    }

    static String formatAlpha(double alpha) {
        return alpha == Math.rint(alpha) ? Integer.toString((int) alpha) : Double.toString(alpha);
    }
}

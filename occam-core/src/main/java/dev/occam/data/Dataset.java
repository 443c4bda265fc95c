package dev.occam.data;

import java.util.List;
import java.util.Objects;

/**
 * A data set ready for fitting: X, the target y, optional sample weights and names.
 *
 * <p>For a numeric target (gaussian, poisson) {@code y} holds the values and {@code classes} is
 * null. For a class target (binomial, multinomial) {@code y[i]} is the index of row i's class in
 * {@code classes} (0, 1, …), and {@code classes} lists the labels in sorted order (numerically
 * when every label is a number); for binomial the second class is the one modelled, as in glmnet.
 *
 * @param x the features (n × p)
 * @param y target, length n (may be null for data read only to predict)
 * @param weights sample weights v, length n, all ≥ 0 and not all zero; null means all 1
 * @param featureNames names of the p columns of X
 * @param targetName name of the target column (may be null)
 * @param classes class labels when the target is a class, else null
 */
public record Dataset(DesignMatrix x, double[] y, double[] weights, List<String> featureNames,
                      String targetName, List<String> classes) {

    public Dataset {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(featureNames, "featureNames");
        featureNames = List.copyOf(featureNames);
        if (featureNames.size() != x.cols()) {
            throw new IllegalArgumentException("featureNames has " + featureNames.size() + " names; X has " + x.cols() + " columns");
        }
        if (y != null && y.length != x.rows()) {
            throw new IllegalArgumentException("y has " + y.length + " values; X has " + x.rows() + " rows");
        }
        if (weights != null) {
            if (weights.length != x.rows()) {
                throw new IllegalArgumentException("weights has " + weights.length + " values; X has " + x.rows() + " rows");
            }
            double total = 0;
            for (double w : weights) {
                if (!(w >= 0) || Double.isInfinite(w)) {
                    throw new IllegalArgumentException("weights must be finite and >= 0; got " + w);
                }
                total += w;
            }
            if (total <= 0) {
                throw new IllegalArgumentException("weights must not all be zero");
            }
        }
        if (classes != null) {
            classes = List.copyOf(classes);
        }
    }

    /** A numeric-target data set with unit weights and the given feature names. */
    public static Dataset numeric(DesignMatrix x, double[] y, List<String> names) {
        return new Dataset(x, y, null, names, "y", null);
    }

    /** Number of rows. */
    public int rows() { return x.rows(); }

    /** Number of features. */
    public int cols() { return x.cols(); }

    /** A copy of this data set with other sample weights (null = all 1). */
    public Dataset withWeights(double[] w) {
        return new Dataset(x, y, w, featureNames, targetName, classes);
    }

    /** Default names x1 … xp. */
    public static List<String> defaultNames(int p) {
        String[] names = new String[p];
        for (int j = 0; j < p; j++) {
            names[j] = "x" + (j + 1);
        }
        return List.of(names);
    }
}

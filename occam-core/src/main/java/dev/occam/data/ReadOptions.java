package dev.occam.data;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which columns of a CSV file to read and how.
 *
 * @param target name of the target column; null exactly when {@code targetKind} is {@link TargetKind#NONE}
 * @param targetKind numbers, class labels, or no target (data read only to predict)
 * @param weights name of the sample-weight column, or null for unit weights
 * @param features null to use every other column, in file order; else exactly these columns in
 *                 this order (columns of the file not named are ignored, as when predicting with
 *                 a model's features)
 */
public record ReadOptions(String target, TargetKind targetKind, String weights, List<String> features) {

    public ReadOptions {
        Objects.requireNonNull(targetKind, "targetKind");
        if ((target == null) != (targetKind == TargetKind.NONE)) {
            throw new IllegalArgumentException(target == null
                    ? "a target column must be named for a " + targetKind.name().toLowerCase(java.util.Locale.ROOT) + " target"
                    : "no target column may be named with target kind none; got \"" + target + "\"");
        }
        if (weights != null && weights.equals(target)) {
            throw new IllegalArgumentException("the weight column must differ from the target column; both are \"" + target + "\"");
        }
        if (features != null) {
            features = List.copyOf(features);
            Set<String> seen = new HashSet<>();
            for (String f : features) {
                if (f.equals(target)) {
                    throw new IllegalArgumentException("the target column \"" + f + "\" cannot also be a feature");
                }
                if (f.equals(weights)) {
                    throw new IllegalArgumentException("the weight column \"" + f + "\" cannot also be a feature");
                }
                if (!seen.add(f)) {
                    throw new IllegalArgumentException("feature \"" + f + "\" is named twice");
                }
            }
        }
    }

    /** Numeric target, unit weights, every other column a feature. */
    public static ReadOptions numeric(String target) {
        return new ReadOptions(target, TargetKind.NUMERIC, null, null);
    }

    /** Class target, unit weights, every other column a feature. */
    public static ReadOptions classes(String target) {
        return new ReadOptions(target, TargetKind.CLASS, null, null);
    }

    /** No target: exactly the given features, for prediction. */
    public static ReadOptions featuresOnly(List<String> features) {
        return new ReadOptions(null, TargetKind.NONE, null, Objects.requireNonNull(features, "features"));
    }

    /** The same options with a sample-weight column. */
    public ReadOptions withWeights(String column) {
        return new ReadOptions(target, targetKind, column, features);
    }
}

package dev.occam.select;

/**
 * How to pick λ from a cross-validation curve, glmnet's {@code getOptcv.glmnet}:
 * <ul>
 *   <li>{@link #MIN} ({@code lambda.min}): the largest λ among those where the CV measure reaches
 *       its best value (smallest, or largest for AUC);</li>
 *   <li>{@link #ONE_SE} ({@code lambda.1se}): the largest λ whose CV measure is within one standard
 *       error of that best value, i.e. cvm ≤ cvm[min] + cvsd[min] (for AUC: cvm ≥ cvm[min] − cvsd[min]).
 *       It gives the simplest model that is not clearly worse than the best.</li>
 * </ul>
 * NaN values of the measure are ignored. Ties between equal λ values go to the first index.
 */
public enum LambdaChoice {
    MIN, ONE_SE;

    /** The name used on the command line and in glmnet: "min" or "1se". */
    public String id() {
        return this == MIN ? "min" : "1se";
    }

    /** Parses "min" or "1se". */
    public static LambdaChoice parse(String s) {
        if ("min".equalsIgnoreCase(s)) return MIN;
        if ("1se".equalsIgnoreCase(s)) return ONE_SE;
        throw new IllegalArgumentException("lambda choice must be min or 1se; got " + s);
    }

    /**
     * The index this rule picks.
     *
     * @param lambdas λ values (any order; usually decreasing)
     * @param cvm the CV measure at each λ
     * @param cvsd its standard error at each λ
     * @param largerIsBetter true for measures to maximize (AUC)
     * @throws IllegalArgumentException when the arrays differ in length or cvm is NaN everywhere
     */
    public int index(double[] lambdas, double[] cvm, double[] cvsd, boolean largerIsBetter) {
        int min = indexMin(lambdas, cvm, largerIsBetter);
        return this == MIN ? min : index1se(lambdas, cvm, cvsd, largerIsBetter, min);
    }

    /** The index of {@code lambda.min}. */
    static int indexMin(double[] lambdas, double[] cvm, boolean largerIsBetter) {
        if (lambdas.length != cvm.length) {
            throw new IllegalArgumentException("lambdas and cvm differ in length: " + lambdas.length + " vs " + cvm.length);
        }
        double sign = largerIsBetter ? -1 : 1;
        double best = Double.POSITIVE_INFINITY;
        for (double v : cvm) {
            if (!Double.isNaN(v)) best = Math.min(best, sign * v);
        }
        if (best == Double.POSITIVE_INFINITY && !anyIsInfinite(cvm, sign)) {
            throw new IllegalArgumentException("the CV measure is undefined (NaN) at every lambda");
        }
        return largestLambdaAtOrBelow(lambdas, cvm, sign, best);
    }

    private static int index1se(double[] lambdas, double[] cvm, double[] cvsd, boolean largerIsBetter, int min) {
        if (cvsd.length != cvm.length) {
            throw new IllegalArgumentException("cvm and cvsd differ in length: " + cvm.length + " vs " + cvsd.length);
        }
        double sign = largerIsBetter ? -1 : 1;
        double bound = sign * cvm[min] + cvsd[min];
        return largestLambdaAtOrBelow(lambdas, cvm, sign, bound);
    }

    /** The index of the largest λ with sign·cvm ≤ bound (first index among equal λ). */
    private static int largestLambdaAtOrBelow(double[] lambdas, double[] cvm, double sign, double bound) {
        int pick = -1;
        for (int l = 0; l < lambdas.length; l++) {
            if (sign * cvm[l] <= bound && (pick < 0 || lambdas[l] > lambdas[pick])) pick = l;
        }
        if (pick < 0) throw new IllegalArgumentException("no lambda satisfies the rule (is cvsd NaN?)");
        return pick;
    }

    private static boolean anyIsInfinite(double[] cvm, double sign) {
        for (double v : cvm) if (sign * v == Double.POSITIVE_INFINITY) return true;
        return false;
    }
}

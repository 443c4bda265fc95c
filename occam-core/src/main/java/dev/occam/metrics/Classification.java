package dev.occam.metrics;

import java.util.Arrays;

/**
 * Measures for class predictions: misclassification rate, accuracy, log-loss and the area under
 * the ROC curve. Binary targets are 0/1 with p = P(y = 1); multi-class targets are class indices
 * 0, 1, … with prob[k][i] = P(row i is class k). Weights may be null (all 1).
 */
public final class Classification {
    private Classification() { }

    /** Probabilities are clipped to [ε, 1 − ε] in the log-loss, so a confident mistake costs −log ε ≈ 34.5. */
    public static final double LOG_LOSS_EPSILON = 1e-15;

    /**
     * out[i] = 1 when the predicted class is wrong, else 0; the predicted class is 1 exactly when
     * p &gt; 0.5 (a tie at 0.5 predicts class 0, as glmnet). {@code out} modified; the rest not.
     */
    public static void misclassifiedBinary(double[] y, double[] p, double[] out) {
        for (int i = 0; i < y.length; i++) {
            boolean predictedOne = p[i] > 0.5;
            out[i] = (y[i] > 0.5) == predictedOne ? 0.0 : 1.0;
        }
    }

    /**
     * out[i] = 1 when the most probable class (the first one among ties) is not y[i], else 0.
     * {@code score} may be probabilities or linear predictors (the arg max is the same).
     * {@code out} modified; the rest not.
     */
    public static void misclassifiedMulti(double[] y, double[][] score, double[] out) {
        for (int i = 0; i < y.length; i++) {
            int best = 0;
            for (int k = 1; k < score.length; k++) {
                if (score[k][i] > score[best][i]) best = k;
            }
            out[i] = best == (int) y[i] ? 0.0 : 1.0;
        }
    }

    /** Weighted share of wrong binary predictions (class 1 when p &gt; 0.5). */
    public static double misclassification(double[] y, double[] p, double[] w) {
        double[] e = new double[y.length];
        misclassifiedBinary(y, p, e);
        return Weighted.mean(e, w);
    }

    /** Weighted share of right binary predictions, 1 − misclassification. */
    public static double accuracy(double[] y, double[] p, double[] w) {
        return 1 - misclassification(y, p, w);
    }

    /** Weighted mean of −[y log p + (1 − y) log(1 − p)], p clipped to [ε, 1 − ε] (half the binomial deviance). */
    public static double logLoss(double[] y, double[] p, double[] w) {
        double[] d = new double[y.length];
        Deviances.unitBinomial(y, p, LOG_LOSS_EPSILON, d);
        for (int i = 0; i < d.length; i++) d[i] *= 0.5;
        return Weighted.mean(d, w);
    }

    /** Weighted mean of −log prob[y_i][i], clipped to [ε, 1 − ε] (half the multinomial deviance). */
    public static double logLossMulti(double[] y, double[][] prob, double[] w) {
        double[] d = new double[y.length];
        Deviances.unitMultinomial(y, prob, LOG_LOSS_EPSILON, d);
        for (int i = 0; i < d.length; i++) d[i] *= 0.5;
        return Weighted.mean(d, w);
    }

    /**
     * Area under the ROC curve: the weighted share of (positive, negative) pairs that the score
     * orders correctly, a tie counting one half,
     * <pre>
     *   AUC = Σ_{i: y=1} Σ_{j: y=0} w_i w_j ( [s_i &gt; s_j] + ½ [s_i = s_j] ) / (Σ_{y=1} w · Σ_{y=0} w)
     * </pre>
     * (the Mann–Whitney statistic; glmnet's {@code auc} through {@code survival::concordance}).
     * NaN when either class has zero total weight. O(n log n). No argument is modified.
     *
     * @param y 0/1 targets
     * @param score any score that is larger for class 1, e.g. P(y = 1) or the linear predictor
     * @param w weights, or null for all 1
     */
    public static double auc(double[] y, double[] score, double[] w) {
        int n = y.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        double negBelow = 0; // weight of negatives with a strictly smaller score
        double pairs = 0;
        double posTotal = 0;
        int start = 0;
        while (start < n) {
            int end = start;
            double s = score[order[start]];
            double pos = 0;
            double neg = 0;
            while (end < n && score[order[end]] == s) {
                int i = order[end];
                double wi = w == null ? 1.0 : w[i];
                if (y[i] > 0.5) pos += wi;
                else neg += wi;
                end++;
            }
            pairs += pos * (negBelow + 0.5 * neg);
            negBelow += neg;
            posTotal += pos;
            start = end;
        }
        double denom = posTotal * negBelow;
        return denom > 0 ? pairs / denom : Double.NaN;
    }
}

package dev.occam.penalty;

/**
 * Facts about the data and the training run that a conversion may need. Each is null when not
 * known; a conversion that needs a missing one fails with a message naming it.
 *
 * @param n number of rows (≥ 1): turns a sum of losses into a mean
 * @param sumWeights Σv, the sum of the sample weights (&gt; 0); null means unit weights, so Σv = n
 * @param sdY glmnet's scale of y for gaussian fits (&gt; 0): the weighted 1/n standard deviation of y
 *            with an intercept, its root mean square Σu·y² without (u the weights scaled to sum to 1)
 * @param batchSize B, rows per mini-batch (≥ 1): scikit-learn's MLP divides its L2 term by it
 * @param learningRate η (&gt; 0): converts a decay that is not multiplied by the learning rate
 */
public record ConversionContext(Integer n, Double sumWeights, Double sdY, Integer batchSize, Double learningRate) {

    /** Nothing known. */
    public static final ConversionContext EMPTY = new ConversionContext(null, null, null, null, null);

    public ConversionContext {
        if (n != null && n < 1) throw new IllegalArgumentException("n must be >= 1; got " + n);
        if (sumWeights != null && !(sumWeights > 0 && sumWeights < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("the sum of weights must be finite and > 0; got " + sumWeights);
        }
        if (sdY != null && !(sdY > 0 && sdY < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("the standard deviation of y must be finite and > 0; got " + sdY);
        }
        if (batchSize != null && batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1; got " + batchSize);
        if (learningRate != null && !(learningRate > 0 && learningRate < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("learning rate must be finite and > 0; got " + learningRate);
        }
    }

    public ConversionContext withN(int rows) {
        return new ConversionContext(rows, sumWeights, sdY, batchSize, learningRate);
    }

    public ConversionContext withSumWeights(double s) {
        return new ConversionContext(n, s, sdY, batchSize, learningRate);
    }

    public ConversionContext withSdY(double s) {
        return new ConversionContext(n, sumWeights, s, batchSize, learningRate);
    }

    public ConversionContext withBatchSize(int b) {
        return new ConversionContext(n, sumWeights, sdY, b, learningRate);
    }

    public ConversionContext withLearningRate(double eta) {
        return new ConversionContext(n, sumWeights, sdY, batchSize, eta);
    }

    /** n, or a failure that says {@code who} needs it. */
    public int requireN(String who) {
        if (n == null) throw new IllegalArgumentException(who + " needs n, the number of rows (--n)");
        return n;
    }

    /** Σv, or n for unit weights, or a failure that says {@code who} needs it. */
    public double requireSumWeights(String who) {
        if (sumWeights != null) return sumWeights;
        if (n != null) return n;
        throw new IllegalArgumentException(who + " needs the sum of sample weights, or n for unit weights (--sum-weights or --n)");
    }

    /** η, or a failure that says {@code who} needs it. */
    public double requireLearningRate(String who) {
        if (learningRate == null) throw new IllegalArgumentException(who + " needs the learning rate (--lr)");
        return learningRate;
    }

    /** True when sample weights are known to be unit (no Σv given, or Σv = n). */
    boolean unitWeights() {
        return sumWeights == null || (n != null && sumWeights.doubleValue() == n.intValue());
    }
}

package dev.occam.select;

import dev.occam.nn.Loss;
import dev.occam.nn.Sequential;
import dev.occam.nn.TrainingData;

import java.io.IOException;
import java.util.Arrays;

/**
 * A validation curve for a network's regularization setting (weight decay, L1): for each value
 * of a grid, a network trained with that value is scored on held-out data, by the mean per-row
 * loss and its standard error (sd/√n over the validation rows). Choosing a value follows the CV
 * rules of the elastic-net path: {@code MIN} is the value with the lowest mean loss, {@code ONE_SE}
 * the largest value (the most regularized network) whose mean is within one standard error of
 * that minimum.
 *
 * @param setting what was varied, e.g. "weight decay"
 * @param values the grid, increasing
 * @param mean mean validation loss per value
 * @param se its standard error per value
 * @param indexMin index of the lowest mean
 * @param index1se index of the largest value within one standard error of the lowest mean
 */
public record ValidationCurve(String setting, double[] values, double[] mean, double[] se, int indexMin, int index1se) {

    /** Trains a fresh network with one value of the setting and returns it trained. */
    @FunctionalInterface
    public interface Candidate {
        Sequential train(double value) throws IOException;
    }

    public ValidationCurve {
        if (values.length == 0 || mean.length != values.length || se.length != values.length) {
            throw new IllegalArgumentException("a validation curve needs one mean and one standard error per value");
        }
        values = values.clone();
        mean = mean.clone();
        se = se.clone();
    }

    /**
     * Trains one network per value and scores it on {@code valid}.
     *
     * @param setting name of the setting (for reports)
     * @param grid the values, any order (sorted increasing here)
     * @param candidate trains a network for a value
     * @param loss the loss to score with (the training loss, without the penalty)
     * @param valid held-out rows
     */
    public static ValidationCurve of(String setting, double[] grid, Candidate candidate, Loss loss, TrainingData valid)
            throws IOException {
        if (grid.length == 0) throw new IllegalArgumentException("the " + setting + " grid must not be empty");
        double[] values = grid.clone();
        Arrays.sort(values);
        for (double v : values) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(setting + " values must be finite and >= 0; got " + v);
            }
        }
        double[] mean = new double[values.length];
        double[] se = new double[values.length];
        for (int g = 0; g < values.length; g++) {
            Sequential net = candidate.train(values[g]);
            double[] rowLoss = rowLosses(net, loss, valid);
            double m = 0;
            for (double v : rowLoss) m += v;
            m /= rowLoss.length;
            double ss = 0;
            for (double v : rowLoss) ss += (v - m) * (v - m);
            mean[g] = m;
            se[g] = rowLoss.length > 1 ? Math.sqrt(ss / (rowLoss.length - 1) / rowLoss.length) : 0.0;
        }
        int best = 0;
        for (int g = 1; g < values.length; g++) {
            if (mean[g] < mean[best]) best = g;
        }
        int oneSe = best;
        for (int g = values.length - 1; g > best; g--) {
            if (mean[g] <= mean[best] + se[best]) {
                oneSe = g;
                break;
            }
        }
        return new ValidationCurve(setting, values, mean, se, best, oneSe);
    }

    /** The loss of each validation row under the trained network. */
    static double[] rowLosses(Sequential net, Loss loss, TrainingData valid) {
        int n = valid.rows();
        int width = net.outputSize();
        int tw = valid.targetWidth();
        float[] out = net.predict(valid.x(), n);
        double[] r = new double[n];
        float[] o = new float[width];
        float[] t = new float[tw];
        for (int i = 0; i < n; i++) {
            System.arraycopy(out, i * width, o, 0, width);
            System.arraycopy(valid.y(), i * tw, t, 0, tw);
            r[i] = loss.evaluate(o, t, 1, width, null);
        }
        return r;
    }

    /** The chosen value. */
    public double value(LambdaChoice choice) {
        return values[choice == LambdaChoice.MIN ? indexMin : index1se];
    }
}

package dev.occam.nn;

import dev.occam.optim.Mask;
import java.util.List;

/**
 * What the history keeps for one epoch.
 *
 * @param epoch 1-based epoch number
 * @param trainLoss mean data loss over the epoch's batches, as seen while training (dropout on),
 *                  weighted by batch size; regularizer penalty not included
 * @param trainAccuracy accuracy over the same passes (NaN for regression)
 * @param penalty regularizer penalty Σ l1|w| + l2 w² at the end of the epoch (0 without regularizers)
 * @param validLoss mean data loss on the validation rows at the end of the epoch (NaN without validation data)
 * @param validAccuracy accuracy on the validation rows (NaN without validation data or for regression)
 * @param learningRate learning rate of the epoch's last update
 * @param parameters norm and exact zeros of every parameter at the end of the epoch
 */
public record EpochRecord(int epoch, double trainLoss, double trainAccuracy, double penalty, double validLoss,
                          double validAccuracy, double learningRate, List<ParameterStats> parameters) {

    public EpochRecord {
        parameters = List.copyOf(parameters);
    }

    /** √(Σ‖w‖²) over the parameters a mask selects (a parameter group). */
    public double l2Norm(Mask group) {
        double s = 0;
        for (ParameterStats p : parameters) {
            if (group.test(p.info())) {
                s += p.l2Norm() * p.l2Norm();
            }
        }
        return Math.sqrt(s);
    }

    /** Share of exact zeros among the values of the parameters a mask selects (NaN if none). */
    public double zeroShare(Mask group) {
        long zeros = 0;
        long size = 0;
        for (ParameterStats p : parameters) {
            if (group.test(p.info())) {
                zeros += p.zeros();
                size += p.size();
            }
        }
        return size == 0 ? Double.NaN : (double) zeros / size;
    }

    /** The value early stopping watches: validation loss when there is validation data, else training loss. */
    public double monitored() {
        return Double.isNaN(validLoss) ? trainLoss : validLoss;
    }
}

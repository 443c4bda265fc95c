package dev.occam.nn;

import java.util.List;

/**
 * The outcome of {@link Trainer#fit}: the history, why training stopped, and a one-line message.
 *
 * @param history one record per completed epoch (including epochs before a resume)
 * @param reason why training stopped
 * @param bestEpoch epoch with the lowest monitored loss (0 when none completed)
 * @param restoredEpoch when the model does not hold the last epoch's weights, the epoch whose
 *                      weights it holds (the best epoch with restore-best; the last good epoch after
 *                      divergence, 0 meaning the initial weights); 0 otherwise
 * @param message one line for the user; after divergence it names the setting to lower
 * @param settingToLower after divergence, the setting to lower ("learning rate" or "weight decay"), else null
 */
public record TrainingResult(List<EpochRecord> history, StopReason reason, int bestEpoch, int restoredEpoch,
                             String message, String settingToLower) {

    public TrainingResult {
        history = List.copyOf(history);
    }

    /** Why training stopped. */
    public enum StopReason {
        /** All epochs ran. */
        COMPLETED,
        /** Early stopping: the monitored loss stopped improving. */
        EARLY_STOPPED,
        /** A loss or weight became NaN or infinite. */
        DIVERGED
    }

    /** The last epoch's record. */
    public EpochRecord last() {
        return history.isEmpty() ? null : history.get(history.size() - 1);
    }
}

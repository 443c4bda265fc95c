package dev.occam.nn;

/**
 * Stops training when the monitored loss (validation loss, or training loss without validation
 * data) has not improved by more than {@code minDelta} for {@code patience} epochs in a row.
 * With {@code restoreBest}, the model ends with the weights of the best epoch.
 *
 * @param patience epochs without improvement before stopping, ≥ 1
 * @param minDelta smallest decrease that counts as an improvement, ≥ 0
 * @param restoreBest end with the best epoch's weights
 */
public record EarlyStopping(int patience, double minDelta, boolean restoreBest) {
    public EarlyStopping {
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be >= 1; got " + patience);
        }
        if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
            throw new IllegalArgumentException("minDelta must be finite and >= 0; got " + minDelta);
        }
    }

    /**
     * The running state: best monitored value, its epoch, epochs waited, and the best weights
     * (kept only with restoreBest). Owned by the trainer; saved in checkpoints.
     */
    static final class State {
        double best = Double.POSITIVE_INFINITY;
        int bestEpoch;
        int wait;
        float[][] bestValues;

        /** Records an epoch's value; returns true when training should stop. */
        boolean update(EarlyStopping s, int epoch, double value, Sequential model) {
            if (value < best - s.minDelta()) {
                best = value;
                bestEpoch = epoch;
                wait = 0;
                if (s.restoreBest()) {
                    bestValues = model.copyValues();
                }
                return false;
            }
            wait++;
            return wait >= s.patience();
        }
    }
}

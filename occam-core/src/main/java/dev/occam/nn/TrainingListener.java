package dev.occam.nn;

/** Progress reports from a {@link Trainer} (e.g. a progress bar). Holds no training state. */
public interface TrainingListener {
    TrainingListener NONE = new TrainingListener() { };

    /** After each mini-batch: 1-based epoch and batch, batches per epoch, the batch's loss. */
    default void batchDone(int epoch, int batch, int batches, double loss) {
    }

    /** After each epoch, with its record. */
    default void epochDone(EpochRecord record) {
    }
}

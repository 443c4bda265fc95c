package dev.occam.nn;

import java.nio.file.Path;

/**
 * How to train: epochs, mini-batches, the seed of the shuffling, early stopping and checkpoints.
 *
 * @param epochs total epochs to run (a resumed run continues up to this number), ≥ 1
 * @param batchSize rows per mini-batch, ≥ 1 (the last batch of an epoch may be smaller)
 * @param seed seed of the per-epoch shuffling
 * @param shuffle shuffle rows each epoch (else the file order every epoch)
 * @param earlyStopping early stopping, or null for none
 * @param checkpoint file written atomically at the end of every epoch, or null for none
 */
public record TrainerSettings(int epochs, int batchSize, long seed, boolean shuffle, EarlyStopping earlyStopping,
                              Path checkpoint) {
    public TrainerSettings {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1; got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1; got " + batchSize);
        }
    }

    /** Shuffled mini-batches, no early stopping, no checkpoints. */
    public static TrainerSettings of(int epochs, int batchSize, long seed) {
        return new TrainerSettings(epochs, batchSize, seed, true, null, null);
    }

    public TrainerSettings withEarlyStopping(EarlyStopping e) {
        return new TrainerSettings(epochs, batchSize, seed, shuffle, e, checkpoint);
    }

    public TrainerSettings withCheckpoint(Path p) {
        return new TrainerSettings(epochs, batchSize, seed, shuffle, earlyStopping, p);
    }

    public TrainerSettings withEpochs(int e) {
        return new TrainerSettings(e, batchSize, seed, shuffle, earlyStopping, checkpoint);
    }

    public TrainerSettings withShuffle(boolean s) {
        return new TrainerSettings(epochs, batchSize, seed, s, earlyStopping, checkpoint);
    }
}

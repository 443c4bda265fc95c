package dev.occam.nn;

/**
 * How a forward pass runs: training (dropout active) or inference. While training, dropout masks
 * are drawn from (seed, step): the trainer's seed and the global optimizer step, so a run resumed
 * from a checkpoint draws the same masks as an uninterrupted one, whatever the model was
 * initialised with.
 *
 * @param training true while training
 * @param step the optimizer step this pass belongs to (≥ 0; ignored at inference)
 * @param seed the training run's seed (ignored at inference)
 */
public record Mode(boolean training, long step, long seed) {
    private static final Mode INFERENCE = new Mode(false, 0, 0);

    public Mode {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0; got " + step);
        }
    }

    public static Mode inference() { return INFERENCE; }

    public static Mode training(long step, long seed) { return new Mode(true, step, seed); }
}

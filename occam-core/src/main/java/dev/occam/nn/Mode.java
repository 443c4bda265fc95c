package dev.occam.nn;

/**
 * How a forward pass runs: training (dropout active, seeded by the global step so a resumed run
 * draws the same masks) or inference.
 *
 * @param training true while training
 * @param step the optimizer step this pass belongs to (≥ 0; ignored at inference)
 */
public record Mode(boolean training, long step) {
    private static final Mode INFERENCE = new Mode(false, 0);

    public Mode {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0; got " + step);
        }
    }

    public static Mode inference() { return INFERENCE; }

    public static Mode training(long step) { return new Mode(true, step); }
}

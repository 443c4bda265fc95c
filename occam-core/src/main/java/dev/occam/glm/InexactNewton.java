package dev.occam.glm;

/**
 * The threshold of the inner coordinate-descent solves of a Newton (IRLS) loop at one λ.
 *
 * <p>glmnet solves every Newton step's weighted least-squares problem to the same threshold as
 * the outer loop. That is what the path's own threshold does here too (the first threshold a
 * solver is given — glmnet's {@code thresh} — and any larger one). When the certified rule asks
 * for a tighter threshold, solving the early quadratics that exactly is wasted: the next Newton
 * step replaces them. Then the first quadratic is solved to the path's threshold and each later
 * one to 1e-4 of the last step's size (an inexact Newton method: the steps still converge
 * quadratically), never tighter than asked; the loop may only stop after a quadratic solved to
 * the threshold asked for.
 */
final class InexactNewton {
    /** Inner threshold relative to the last outer step's size. */
    private static final double FORCING = 1e-4;

    /** The path's threshold: the first (largest) one this solver was given. */
    private double base = Double.NaN;
    private double asked;
    private double current;

    /** Starts the Newton loop of one solve, asked to reach {@code thr}. */
    void start(double thr) {
        if (Double.isNaN(base) || thr > base) base = thr;
        asked = thr;
        current = Math.max(thr, base);
    }

    /** The threshold for the next quadratic. */
    double threshold() {
        return current;
    }

    /** Whether the last quadratic was solved to the threshold asked for (so the loop may stop). */
    boolean exact() {
        return current <= asked;
    }

    /** Tells the size (max weighted squared change) of the Newton step just taken. */
    void stepped(double dlx) {
        current = Math.max(asked, Math.min(current, FORCING * dlx));
    }
}

package dev.occam.glm;

/**
 * Which refinement comes next at one λ of the certified rule, sweeps or Newton steps, and how many
 * passes sweeps may take: the explicit state of {@link LambdaSolve}'s rounds, kept apart so the policy
 * can be read and tested alone.
 *
 * <p>The policy, by cost. A Newton step on the active set costs about as much as {@code newtonCost}
 * sweeps ({@link LambdaSolve#sweepsPerNewtonStep}). Sweeps come first, as a probe of an eighth of that
 * (at least {@value #MIN_SWEEPS} passes): if the rate they reached (decades of KKT violation per
 * pass) would finish within the rest of one Newton step's cost, sweeping goes on for
 * {@value #NEEDED_MARGIN}× the passes that rate needs, and again as long as each round's rate
 * would still finish within that cost; otherwise Newton steps take over, since coordinate descent
 * on an ill-conditioned active set may need hundreds of passes per decade. After Newton steps, only
 * {@value #POST_NEWTON_SWEEPS} sweeps follow (to let in a zero coordinate that still violates, not
 * to converge); Newton steps that divided the violation
 * by at least {@value #NEWTON_GAIN} are followed by more Newton steps (they converge quadratically
 * once the support is right), others by sweeps again.
 */
final class RefinementSchedule {
    /** Fewest passes a round of sweeps is given. */
    static final long MIN_SWEEPS = 5;
    /** Sweeps after Newton steps: enough to let a violating zero coordinate in, not to converge. */
    static final long POST_NEWTON_SWEEPS = 3;
    /** Newton steps that divide the violation by this much are followed by more Newton steps. */
    static final double NEWTON_GAIN = 10;
    /** The probe of sweeps takes this share of one Newton step's cost. */
    private static final long PROBE_SHARE = 8;

    /** Sweep rounds the probe allows take this many times the passes its rate predicts. */
    static final double NEEDED_MARGIN = 1.5;

    /** What the next round does. */
    enum Step { SWEEPS, NEWTON }

    private final double target;
    private Step last = Step.NEWTON;
    private boolean probing;
    private double violationBefore;
    private long cap;
    /** Passes sweeps may still take before one Newton step would have cost less (since the probe). */
    private long left;
    /** Whether the last round was sweeps the probe's rate allowed (not the few after Newton steps). */
    private boolean sweeping;

    /** @param target the KKT violation to reach (in the solver's gradient unit) */
    RefinementSchedule(double target) {
        if (!(target > 0)) throw new IllegalArgumentException("target must be > 0; got " + target);
        this.target = target;
    }

    /**
     * Decides the next round after a KKT check.
     *
     * @param violation  the violation the check measured
     * @param passes     sweeps the round just ended took
     * @param newtonCost sweeps that cost about as much as one Newton step now
     * @param activeSolved whether the Newton steps just taken solved the active set (the check then
     *                   came right after them, before any sweep)
     */
    Step next(double violation, long passes, long newtonCost, boolean activeSolved) {
        Step step;
        long full = Math.max(MIN_SWEEPS, newtonCost);
        if (last == Step.NEWTON && activeSolved) {
            // the steps solved the active set, so what still violates is a zero coordinate: let it in
            step = Step.SWEEPS;
            probing = false;
            cap = POST_NEWTON_SWEEPS;
        } else if (last == Step.NEWTON && violationBefore == 0 && newtonCost <= MIN_SWEEPS) {
            // a Newton step costs no more than the shortest probe: no need to probe
            step = Step.NEWTON;
            cap = POST_NEWTON_SWEEPS;
        } else if (last == Step.NEWTON) {
            // the first round (violationBefore 0) and Newton steps that gained too little: sweeps
            step = violationBefore > 0 && violation * NEWTON_GAIN <= violationBefore ? Step.NEWTON : Step.SWEEPS;
            probing = step == Step.SWEEPS;
            cap = probing ? Math.max(MIN_SWEEPS, full / PROBE_SHARE) : POST_NEWTON_SWEEPS;
        } else if (probing || sweeping) {
            // sweeps (the probe, or a round it allowed): go on sweeping while the rate this round
            // reached would finish within what one Newton step would cost from the probe on
            // natural-log decades per pass; ≤ 0 when it made no progress
            double rate = passes > 0 && violation > 0 ? Math.log(violationBefore / violation) / passes : 0;
            double needed = rate > 0 ? Math.log(violation / target) / rate : Double.POSITIVE_INFINITY;
            left = probing ? full - passes : left - passes;
            step = needed <= left ? Step.SWEEPS : Step.NEWTON;
            probing = false;
            sweeping = step == Step.SWEEPS;
            // as many passes as the rate needs with some margin, not the whole budget: sweeps would
            // go on far below the target (their own threshold is the target squared), measured on
            // d-lasso at 600× below it after 26 passes where 6 sufficed
            cap = step == Step.SWEEPS ? Math.max(MIN_SWEEPS, Math.min(left, (long) Math.ceil(NEEDED_MARGIN * needed) + 1))
                    : POST_NEWTON_SWEEPS;
        } else {
            // the few sweeps after Newton steps (to let a coordinate in): Newton steps again
            step = Step.NEWTON;
            cap = POST_NEWTON_SWEEPS;
        }
        violationBefore = violation;
        last = step;
        return step;
    }

    /**
     * Passes the sweeps of the coming round may take: after {@link Step#SWEEPS} all of the round;
     * after {@link Step#NEWTON}, those that follow the steps.
     */
    long sweepCap() {
        return cap;
    }
}

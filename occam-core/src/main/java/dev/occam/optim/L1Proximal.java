package dev.occam.optim;

import java.util.List;

/**
 * The proximal step of an L1 penalty l1·‖w‖₁, applied after the update (so it must be the last
 * stage): w_new = S(w + u, η_t·l1), S the soft-threshold. Weights whose step lands within
 * η_t·l1 of zero become exactly zero, unlike a subgradient step on |w|, which only makes them
 * oscillate around zero. With plain SGD this is proximal gradient descent (ISTA) on
 * loss + l1‖w‖₁; with momentum or Adam it is the common heuristic of thresholding by η_t·l1.
 */
final class L1Proximal implements GradientTransform {
    private final double l1;
    private final Schedule schedule;

    L1Proximal(double l1, Schedule schedule) {
        Optimizers.checkNonNegative("l1", l1);
        this.l1 = l1;
        this.schedule = java.util.Objects.requireNonNull(schedule, "schedule");
    }

    @Override
    public OptState init(List<ParameterInfo> parameters) {
        return OptState.counter("l1_proximal", parameters);
    }

    @Override
    public void update(float[][] updates, OptState state, float[][] params) {
        state.checkShapes(updates, "updates");
        float t = (float) (schedule.at(state.count()) * l1);
        for (int i = 0; i < updates.length; i++) {
            OptimKernels.softThresholdStep(updates[i], params[i], t);
        }
        state.increment();
    }

    @Override
    public String describe() {
        return "l1_proximal(" + l1 + ", " + schedule.describe() + ")";
    }
}

package dev.occam.optim;

import java.util.List;

/**
 * Decoupled weight decay, placed after the learning-rate stage: u ← u − c_t·wd·w with
 * c_t = η_t ({@link DecayScaling#LEARNING_RATE}, PyTorch's AdamW) or η_t/η₀
 * ({@link DecayScaling#SCHEDULE}). The decay never passes through Adam's per-parameter scaling,
 * which is what makes it "decoupled" (and not equal to any L2 penalty under Adam).
 */
final class DecoupledWeightDecay implements GradientTransform {
    private final double weightDecay;
    private final Schedule schedule;
    private final DecayScaling scaling;

    DecoupledWeightDecay(double weightDecay, Schedule schedule, DecayScaling scaling) {
        Optimizers.checkNonNegative("weight decay", weightDecay);
        this.weightDecay = weightDecay;
        this.schedule = java.util.Objects.requireNonNull(schedule, "schedule");
        this.scaling = java.util.Objects.requireNonNull(scaling, "scaling");
    }

    @Override
    public OptState init(List<ParameterInfo> parameters) {
        return OptState.counter("decoupled_weight_decay", parameters);
    }

    @Override
    public void update(float[][] updates, OptState state, float[][] params) {
        state.checkShapes(updates, "updates");
        long t = state.count();
        double c = scaling == DecayScaling.LEARNING_RATE ? schedule.at(t) : schedule.multiplier(t);
        float s = (float) -(c * weightDecay);
        if (s != 0f) {
            for (int i = 0; i < updates.length; i++) {
                OptimKernels.addScaled(updates[i], s, params[i]);
            }
        }
        state.increment();
    }

    @Override
    public String describe() {
        return "decoupled_weight_decay(" + weightDecay + ", " + scaling + ", " + schedule.describe() + ")";
    }
}

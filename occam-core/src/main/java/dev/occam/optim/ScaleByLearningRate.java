package dev.occam.optim;

import java.util.List;

/** u ← −η_t·u, with η_t from a {@link Schedule} at this stage's step count. */
final class ScaleByLearningRate implements GradientTransform {
    private final Schedule schedule;

    ScaleByLearningRate(Schedule schedule) {
        this.schedule = schedule;
    }

    @Override
    public OptState init(List<ParameterInfo> parameters) {
        return OptState.counter("scale_by_learning_rate", parameters);
    }

    @Override
    public void update(float[][] updates, OptState state, float[][] params) {
        state.checkShapes(updates, "updates");
        float s = (float) -schedule.at(state.count());
        for (float[] u : updates) {
            OptimKernels.scale(u, s);
        }
        state.increment();
    }

    @Override
    public String describe() {
        return "scale_by_learning_rate(" + schedule.describe() + ")";
    }
}

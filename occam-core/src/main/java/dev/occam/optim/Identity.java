package dev.occam.optim;

import java.util.List;

/** Leaves updates unchanged. */
final class Identity implements GradientTransform {
    @Override
    public OptState init(List<ParameterInfo> parameters) {
        return OptState.counter("identity", parameters);
    }

    @Override
    public void update(float[][] updates, OptState state, float[][] params) {
        state.increment();
    }

    @Override
    public String describe() {
        return "identity";
    }
}

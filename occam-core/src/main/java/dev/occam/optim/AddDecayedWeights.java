package dev.occam.optim;

import java.util.List;

/**
 * u ← u + λ·w. Placed before the other stages it is a coupled L2 penalty (λ/2)‖w‖² added to the
 * loss, i.e. PyTorch's {@code weight_decay} in SGD and Adam; placed after Adam's scaling and
 * before the learning rate it is AdamW's decoupled decay (optax's {@code add_decayed_weights}).
 */
final class AddDecayedWeights implements GradientTransform {
    private final double weightDecay;

    AddDecayedWeights(double weightDecay) {
        Optimizers.checkNonNegative("weight decay", weightDecay);
        this.weightDecay = weightDecay;
    }

    @Override
    public OptState init(List<ParameterInfo> parameters) {
        return OptState.counter("add_decayed_weights", parameters);
    }

    @Override
    public void update(float[][] updates, OptState state, float[][] params) {
        state.checkShapes(updates, "updates");
        float s = (float) weightDecay;
        if (s != 0f) {
            for (int i = 0; i < updates.length; i++) {
                OptimKernels.addScaled(updates[i], s, params[i]);
            }
        }
        state.increment();
    }

    @Override
    public String describe() {
        return "add_decayed_weights(" + weightDecay + ")";
    }
}

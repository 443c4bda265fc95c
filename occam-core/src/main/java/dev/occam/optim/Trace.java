package dev.occam.optim;

import java.util.List;

/**
 * Momentum in PyTorch's formulation (dampening 0): buf ← μ·buf + g; the update is buf, or
 * g + μ·buf with Nesterov. (The "heavy ball" variant that folds η into the buffer differs when
 * η changes over time; this one matches {@code torch.optim.SGD}.)
 */
final class Trace implements GradientTransform {
    private final float momentum;
    private final boolean nesterov;

    Trace(double momentum, boolean nesterov) {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1); got " + momentum);
        }
        this.momentum = (float) momentum;
        this.nesterov = nesterov;
    }

    @Override
    public OptState init(List<ParameterInfo> parameters) {
        return new OptState(nesterov ? "nesterov" : "momentum", parameters, List.of("trace"), List.of());
    }

    @Override
    public void update(float[][] updates, OptState state, float[][] params) {
        state.checkShapes(updates, "updates");
        float[][] buf = state.buffer("trace");
        for (int i = 0; i < updates.length; i++) {
            OptimKernels.trace(updates[i], buf[i], momentum, nesterov);
        }
        state.increment();
    }

    @Override
    public String describe() {
        return (nesterov ? "nesterov" : "momentum") + "(" + momentum + ")";
    }
}

package dev.occam.optim;

import java.util.List;

/**
 * Scales all updates together so that their joint L2 norm is at most {@code maxNorm}, as
 * {@code torch.nn.utils.clip_grad_norm_}: with N = ‖u‖₂ over every parameter, u ← u·c where
 * c = maxNorm/(N + 10⁻⁶) when c &lt; 1. A non-finite N leaves u unchanged (the trainer's
 * divergence check reports it).
 */
final class ClipByGlobalNorm implements GradientTransform {
    private final double maxNorm;

    ClipByGlobalNorm(double maxNorm) {
        if (!(maxNorm > 0) || Double.isInfinite(maxNorm)) {
            throw new IllegalArgumentException("clip norm must be finite and > 0; got " + maxNorm);
        }
        this.maxNorm = maxNorm;
    }

    @Override
    public OptState init(List<ParameterInfo> parameters) {
        return OptState.counter("clip_by_global_norm", parameters);
    }

    @Override
    public void update(float[][] updates, OptState state, float[][] params) {
        state.checkShapes(updates, "updates");
        double ss = 0;
        for (float[] u : updates) {
            ss += OptimKernels.sumOfSquares(u);
        }
        double norm = Math.sqrt(ss);
        double c = maxNorm / (norm + 1e-6);
        if (c < 1) {
            float s = (float) c;
            for (float[] u : updates) {
                OptimKernels.scale(u, s);
            }
        }
        state.increment();
    }

    @Override
    public String describe() {
        return "clip_by_global_norm(" + maxNorm + ")";
    }
}

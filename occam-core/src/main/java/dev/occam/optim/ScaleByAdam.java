package dev.occam.optim;

import java.util.List;

/**
 * Adam's direction with PyTorch's bias correction and ε placement:
 * u = m̂ / (√v / √(1−β₂ᵗ) + ε), m̂ = m / (1−β₁ᵗ). (TensorFlow's "ε-hat" form adds ε before the
 * √(1−β₂ᵗ) correction and differs early in training.)
 */
final class ScaleByAdam implements GradientTransform {
    private final double beta1;
    private final double beta2;
    private final double epsilon;

    ScaleByAdam(double beta1, double beta2, double epsilon) {
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("beta1 must be in [0, 1); got " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("beta2 must be in [0, 1); got " + beta2);
        }
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and > 0; got " + epsilon);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    public OptState init(List<ParameterInfo> parameters) {
        return new OptState("scale_by_adam", parameters, List.of("mu", "nu"), List.of());
    }

    @Override
    public void update(float[][] updates, OptState state, float[][] params) {
        state.checkShapes(updates, "updates");
        long t = state.count() + 1;
        // Bias corrections in double, as PyTorch computes them in Python floats.
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        float inv1 = (float) (1 / c1);
        float sqrt2 = (float) Math.sqrt(c2);
        float[][] mu = state.buffer("mu");
        float[][] nu = state.buffer("nu");
        for (int i = 0; i < updates.length; i++) {
            OptimKernels.adam(updates[i], mu[i], nu[i], (float) beta1, (float) (1 - beta1), (float) beta2,
                    (float) (1 - beta2), inv1, sqrt2, (float) epsilon);
        }
        state.increment();
    }

    @Override
    public String describe() {
        return "scale_by_adam(b1=" + beta1 + ", b2=" + beta2 + ", eps=" + epsilon + ")";
    }
}

package dev.occam.optim;

import java.util.Arrays;
import java.util.List;

/**
 * The stages optimizers are built from, and {@link #applyUpdates}. Each factory returns an
 * immutable {@link GradientTransform} holding only its settings.
 *
 * <p>Sign convention: stages before {@link #scaleByLearningRate} work on gradient-like
 * quantities; {@code scaleByLearningRate} turns them into steps (multiplies by −η_t); stages
 * after it ({@link #decoupledWeightDecay}, {@link #l1Proximal}) work on steps.
 */
public final class Transforms {
    private Transforms() {
    }

    /** Applies the stages in order; the state is the list of their states. */
    public static GradientTransform chain(GradientTransform... stages) {
        return new Chain(Arrays.asList(stages));
    }

    /** Applies the stages in order. */
    public static GradientTransform chain(List<GradientTransform> stages) {
        return new Chain(stages);
    }

    /** Leaves updates unchanged. */
    public static GradientTransform identity() {
        return new Identity();
    }

    /** Applies {@code inner} only to the parameters {@code mask} selects. */
    public static GradientTransform masked(GradientTransform inner, Mask mask) {
        return new Masked(inner, mask);
    }

    /** u ← −η_t·u. */
    public static GradientTransform scaleByLearningRate(Schedule schedule) {
        return new ScaleByLearningRate(schedule);
    }

    /** Momentum μ ∈ [0, 1), PyTorch's formulation: buf ← μ·buf + g, u = buf. */
    public static GradientTransform momentum(double mu) {
        return new Trace(mu, false);
    }

    /** Nesterov momentum, PyTorch's formulation: buf ← μ·buf + g, u = g + μ·buf. */
    public static GradientTransform nesterov(double mu) {
        return new Trace(mu, true);
    }

    /** Adam's bias-corrected direction m̂/(√v/√(1−β₂ᵗ) + ε) (PyTorch's ε placement). */
    public static GradientTransform scaleByAdam(double beta1, double beta2, double epsilon) {
        return new ScaleByAdam(beta1, beta2, epsilon);
    }

    /**
     * u ← u + λ·w: coupled L2 when first in the chain (the gradient of (λ/2)‖w‖²); optax-style
     * AdamW decay when placed between Adam and the learning rate. Usually {@link #masked}.
     */
    public static GradientTransform addDecayedWeights(double weightDecay) {
        return new AddDecayedWeights(weightDecay);
    }

    /** u ← u − c_t·wd·w after the learning-rate stage, c_t = η_t or η_t/η₀ (see {@link DecayScaling}). */
    public static GradientTransform decoupledWeightDecay(double weightDecay, Schedule schedule, DecayScaling scaling) {
        return new DecoupledWeightDecay(weightDecay, schedule, scaling);
    }

    /** Soft-threshold after the step by η_t·l1: exact zeros. Must be the last stage. */
    public static GradientTransform l1Proximal(double l1, Schedule schedule) {
        return new L1Proximal(l1, schedule);
    }

    /** Rescales all updates together to joint L2 norm at most {@code maxNorm}. */
    public static GradientTransform clipByGlobalNorm(double maxNorm) {
        return new ClipByGlobalNorm(maxNorm);
    }

    /**
     * params[i][j] += updates[i][j]. params modified, updates not.
     */
    public static void applyUpdates(float[][] params, float[][] updates) {
        if (params.length != updates.length) {
            throw new IllegalArgumentException("params has " + params.length + " arrays; updates has " + updates.length);
        }
        for (int i = 0; i < params.length; i++) {
            float[] p = params[i];
            float[] u = updates[i];
            if (p.length != u.length) {
                throw new IllegalArgumentException("parameter " + i + " has " + p.length + " values; its update has " + u.length);
            }
            for (int j = 0; j < p.length; j++) {
                p[j] = p[j] + u[j];
            }
        }
    }
}

package dev.occam.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Settings of a named optimizer, validated once; {@link #toTransform()} builds its chain.
 *
 * <p>Penalties and their exact meaning (batch-mean loss L, learning rate η_t):
 * <ul>
 * <li>{@code weightDecay} for SGD, momentum, Nesterov and Adam is coupled L2: the gradient gets
 *     + wd·w, i.e. the objective is L + (wd/2)‖w‖², Occam's λ = wd with α = 0 (PyTorch's
 *     {@code weight_decay}). Plain SGD then does w ← (1−η·wd)w − η∇L.</li>
 * <li>{@code weightDecay} for AdamW is decoupled: w ← w − η_t·wd·w after the Adam step
 *     (PyTorch's AdamW), or w ← w − (η_t/η₀)·wd·w with {@link DecayScaling#SCHEDULE}.</li>
 * <li>{@code l1} is a proximal step after the update: the objective gets + l1·‖w‖₁ and weights
 *     reach exact zeros.</li>
 * </ul>
 * Decay and L1 touch the parameters selected by {@code decayMask}: weights only by default.
 *
 * @param method       which optimizer
 * @param learningRate learning-rate schedule (a constant rate is {@link Schedule#constant})
 * @param momentum     μ ∈ [0, 1) for MOMENTUM and NESTEROV (ignored otherwise)
 * @param beta1        Adam's β₁ ∈ [0, 1)
 * @param beta2        Adam's β₂ ∈ [0, 1)
 * @param epsilon      Adam's ε &gt; 0
 * @param weightDecay  ≥ 0, coupled or decoupled as above
 * @param l1           ≥ 0, strength of the proximal L1 step
 * @param clipNorm     ≥ 0; when &gt; 0, gradients are first clipped to this global L2 norm
 * @param decayMask    which parameters weight decay and L1 touch
 * @param decayScaling for ADAMW: decay multiplied by η_t or by η_t/η₀
 */
public record OptimizerSettings(Method method, Schedule learningRate, double momentum, double beta1, double beta2,
                                double epsilon, double weightDecay, double l1, double clipNorm, Mask decayMask,
                                DecayScaling decayScaling) {

    /** The named optimizers. */
    public enum Method {
        SGD, MOMENTUM, NESTEROV, ADAM, ADAMW;

        /** Parses "sgd", "momentum", "nesterov", "adam", "adamw" (any case). */
        public static Method parse(String name) {
            for (Method m : values()) {
                if (m.name().equalsIgnoreCase(name)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("optimizer must be one of sgd, momentum, nesterov, adam, adamw; got " + name);
        }

        /** The lower-case name used on the command line. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public OptimizerSettings {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(learningRate, "learningRate");
        Objects.requireNonNull(decayMask, "decayMask");
        Objects.requireNonNull(decayScaling, "decayScaling");
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1); got " + momentum);
        }
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("beta1 must be in [0, 1); got " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("beta2 must be in [0, 1); got " + beta2);
        }
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and > 0; got " + epsilon);
        }
        Optimizers.checkNonNegative("weight decay", weightDecay);
        Optimizers.checkNonNegative("l1", l1);
        Optimizers.checkNonNegative("clip norm", clipNorm);
    }

    /**
     * Defaults as PyTorch: momentum 0.9 (for MOMENTUM/NESTEROV), β = (0.9, 0.999), ε = 1e-8,
     * weight decay 0 (AdamW: 0.01), no L1, no clipping, biases not decayed, decay × η_t.
     */
    public static OptimizerSettings of(Method method, double learningRate) {
        return of(method, Schedule.constant(learningRate));
    }

    /** As {@link #of(Method, double)} with a schedule. */
    public static OptimizerSettings of(Method method, Schedule learningRate) {
        double wd = method == Method.ADAMW ? 0.01 : 0.0;
        return new OptimizerSettings(method, learningRate, 0.9, 0.9, 0.999, 1e-8, wd, 0.0, 0.0, Mask.WEIGHTS,
                DecayScaling.LEARNING_RATE);
    }

    public OptimizerSettings withLearningRate(Schedule s) {
        return new OptimizerSettings(method, s, momentum, beta1, beta2, epsilon, weightDecay, l1, clipNorm, decayMask, decayScaling);
    }

    public OptimizerSettings withMomentum(double mu) {
        return new OptimizerSettings(method, learningRate, mu, beta1, beta2, epsilon, weightDecay, l1, clipNorm, decayMask, decayScaling);
    }

    public OptimizerSettings withBetas(double b1, double b2) {
        return new OptimizerSettings(method, learningRate, momentum, b1, b2, epsilon, weightDecay, l1, clipNorm, decayMask, decayScaling);
    }

    public OptimizerSettings withEpsilon(double eps) {
        return new OptimizerSettings(method, learningRate, momentum, beta1, beta2, eps, weightDecay, l1, clipNorm, decayMask, decayScaling);
    }

    public OptimizerSettings withWeightDecay(double wd) {
        return new OptimizerSettings(method, learningRate, momentum, beta1, beta2, epsilon, wd, l1, clipNorm, decayMask, decayScaling);
    }

    public OptimizerSettings withL1(double strength) {
        return new OptimizerSettings(method, learningRate, momentum, beta1, beta2, epsilon, weightDecay, strength, clipNorm, decayMask, decayScaling);
    }

    public OptimizerSettings withClipNorm(double norm) {
        return new OptimizerSettings(method, learningRate, momentum, beta1, beta2, epsilon, weightDecay, l1, norm, decayMask, decayScaling);
    }

    public OptimizerSettings withDecayMask(Mask mask) {
        return new OptimizerSettings(method, learningRate, momentum, beta1, beta2, epsilon, weightDecay, l1, clipNorm, mask, decayScaling);
    }

    public OptimizerSettings withDecayScaling(DecayScaling scaling) {
        return new OptimizerSettings(method, learningRate, momentum, beta1, beta2, epsilon, weightDecay, l1, clipNorm, decayMask, scaling);
    }

    /**
     * The chain for these settings:
     * <pre>
     *   [clip] → [masked L2] → (momentum | nesterov | adam)? → −η_t → [masked decoupled decay (adamw)] → [masked L1 prox]
     * </pre>
     */
    public GradientTransform toTransform() {
        List<GradientTransform> stages = new ArrayList<>();
        if (clipNorm > 0) {
            stages.add(Transforms.clipByGlobalNorm(clipNorm));
        }
        boolean coupled = method != Method.ADAMW;
        if (coupled && weightDecay > 0) {
            stages.add(Transforms.masked(Transforms.addDecayedWeights(weightDecay), decayMask));
        }
        switch (method) {
            case SGD -> { }
            case MOMENTUM -> stages.add(Transforms.momentum(momentum));
            case NESTEROV -> stages.add(Transforms.nesterov(momentum));
            case ADAM, ADAMW -> stages.add(Transforms.scaleByAdam(beta1, beta2, epsilon));
        }
        stages.add(Transforms.scaleByLearningRate(learningRate));
        if (!coupled && weightDecay > 0) {
            stages.add(Transforms.masked(Transforms.decoupledWeightDecay(weightDecay, learningRate, decayScaling), decayMask));
        }
        if (l1 > 0) {
            stages.add(Transforms.masked(Transforms.l1Proximal(l1, learningRate), decayMask));
        }
        return Transforms.chain(stages);
    }

    /** One line naming the method and every setting that matters for it. */
    public String describe() {
        StringBuilder sb = new StringBuilder(method.label()).append("(lr=").append(learningRate.describe());
        if (method == Method.MOMENTUM || method == Method.NESTEROV) {
            sb.append(", momentum=").append(momentum);
        }
        if (method == Method.ADAM || method == Method.ADAMW) {
            sb.append(", betas=(").append(beta1).append(", ").append(beta2).append("), eps=").append(epsilon);
        }
        sb.append(", weight_decay=").append(weightDecay);
        if (method == Method.ADAMW) {
            sb.append(" x ").append(decayScaling);
        }
        if (l1 > 0) {
            sb.append(", l1=").append(l1);
        }
        if (clipNorm > 0) {
            sb.append(", clip=").append(clipNorm);
        }
        return sb.append(')').toString();
    }
}

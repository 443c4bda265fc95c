package dev.occam.penalty;

import static dev.occam.penalty.ConventionRules.num;

/**
 * Decoupled weight decay, w ← w − c·wd·w applied beside the optimizer's step rather than through
 * the gradient (PyTorch's AdamW, Keras' {@code weight_decay}, TensorFlow Addons' SGDW/AdamW), and
 * what it equals in canonical terms. With c = η (decay multiplied by the learning rate):
 *
 * <ul>
 * <li>plain SGD: w ← (1 − η·wd)w − η∇L is exactly SGD on L + (wd/2)‖w‖²: λ = wd;</li>
 * <li>SGD with momentum μ: the decay bypasses the momentum buffer, so the path differs, but a
 *     stationary point satisfies ∇L/(1 − μ) = −wd·w: the minimizer of λ = (1 − μ)·wd;</li>
 * <li>Adam and other adaptive methods: the decay bypasses the per-parameter scaling, a stationary
 *     point satisfies m̂/(√v̂ + ε) = −wd·w, and no penalty has that gradient: no equivalent.</li>
 * </ul>
 * With c = 1 (TensorFlow Addons: the decay is not multiplied by η) divide wd by η throughout.
 */
final class ConventionDecay {
    private ConventionDecay() { }

    /**
     * The canonical setting of a decoupled decay {@code wd} under an SGD-type ({@code adaptive} false,
     * momentum μ) or adaptive optimizer; {@code perStep} is wd's multiplier per step divided by η
     * (1 when the decay is multiplied by η, 1/η when not). The loss is unstated and X not standardized.
     */
    static Conversion toCanonical(String peer, boolean adaptive, double momentum, double wd, double perStep, ConversionContext ctx) {
        double lambdaSgd = wd * perStep;
        String factor = ctx.learningRate() == null ? ""
                : " (η = " + num(ctx.learningRate()) + ": each step multiplies w by 1 − " + num(ctx.learningRate() * lambdaSgd) + ")";
        if (adaptive) {
            var nearest = new LibrarySetting.Canonical(lambdaSgd, 0, false, ConventionLoss.ANY);
            return Conversion.none(nearest, peer + "'s decoupled decay bypasses the adaptive scaling: its fixed points solve "
                    + "m̂/(√v̂+ε) = −wd·w, which no penalty gives, so there is no exact penalty equivalent; "
                    + "under plain SGD the same decay would equal λ = " + num(lambdaSgd) + factor);
        }
        if (momentum == 0) {
            var c = new LibrarySetting.Canonical(lambdaSgd, 0, false, ConventionLoss.ANY);
            return Conversion.exact(c, "under plain SGD, w ← w − η·wd·w − η∇L = (1 − η·wd)w − η∇L is SGD on the loss + (wd/2)‖w‖²: λ = "
                    + num(lambdaSgd) + ", α = 0" + factor);
        }
        var c = new LibrarySetting.Canonical((1 - momentum) * lambdaSgd, 0, false, ConventionLoss.ANY);
        return Conversion.exactIf(c, "only the stationary point is the same: with momentum the decay bypasses the momentum buffer, so the path differs",
                "with momentum μ = " + num(momentum) + " a stationary point solves ∇L/(1−μ) = −wd·w, the minimizer of λ = (1−μ)·wd = " + num(c.lambda()));
    }

    /** Why a penalty with an L1 part has no decay equivalent; null when α = 0. */
    static String l1Part(LibrarySetting.Canonical c) {
        if (c.l1() == 0) return null;
        return "weight decay is L2 only (α = " + num(c.alpha()) + " > 0): add λα·Σ|w| = " + num(c.l1()) + "·Σ|w| to the loss yourself; this keeps the L2 part";
    }
}

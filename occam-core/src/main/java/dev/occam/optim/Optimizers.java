package dev.occam.optim;

/**
 * Named optimizers as chains of {@link Transforms} stages, with PyTorch's defaults and update
 * rules. Weight decay and L1 touch weights only (biases excluded); use
 * {@link OptimizerSettings#withDecayMask} with {@link Mask#ALL} for PyTorch's behaviour of
 * decaying every parameter.
 */
public final class Optimizers {
    private Optimizers() {
    }

    /** SGD with coupled weight decay: w ← (1 − η·wd)·w − η·∇L. */
    public static GradientTransform sgd(double lr, double weightDecay) {
        return OptimizerSettings.of(OptimizerSettings.Method.SGD, lr).withWeightDecay(weightDecay).toTransform();
    }

    /** SGD with momentum μ (PyTorch's formulation) and coupled weight decay. */
    public static GradientTransform momentum(double lr, double mu, double weightDecay) {
        return OptimizerSettings.of(OptimizerSettings.Method.MOMENTUM, lr).withMomentum(mu).withWeightDecay(weightDecay).toTransform();
    }

    /** SGD with Nesterov momentum μ (PyTorch's formulation) and coupled weight decay. */
    public static GradientTransform nesterov(double lr, double mu, double weightDecay) {
        return OptimizerSettings.of(OptimizerSettings.Method.NESTEROV, lr).withMomentum(mu).withWeightDecay(weightDecay).toTransform();
    }

    /** Adam with β = (0.9, 0.999), ε = 1e-8 and weight decay coupled into the gradient (an L2 penalty). */
    public static GradientTransform adam(double lr, double weightDecay) {
        return OptimizerSettings.of(OptimizerSettings.Method.ADAM, lr).withWeightDecay(weightDecay).toTransform();
    }

    /** Adam with coupled L2 weight decay and the given betas and ε. */
    public static GradientTransform adam(double lr, double beta1, double beta2, double epsilon, double weightDecay) {
        return OptimizerSettings.of(OptimizerSettings.Method.ADAM, lr).withBetas(beta1, beta2).withEpsilon(epsilon)
                .withWeightDecay(weightDecay).toTransform();
    }

    /** AdamW: the Adam step, then w ← w − η·wd·w (decoupled decay multiplied by the learning rate). */
    public static GradientTransform adamw(double lr, double weightDecay) {
        return OptimizerSettings.of(OptimizerSettings.Method.ADAMW, lr).withWeightDecay(weightDecay).toTransform();
    }

    /** AdamW with the given betas and ε. */
    public static GradientTransform adamw(double lr, double beta1, double beta2, double epsilon, double weightDecay) {
        return OptimizerSettings.of(OptimizerSettings.Method.ADAMW, lr).withBetas(beta1, beta2).withEpsilon(epsilon)
                .withWeightDecay(weightDecay).toTransform();
    }

    static void checkNonNegative(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0; got " + v);
        }
    }
}

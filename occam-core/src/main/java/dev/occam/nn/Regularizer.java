package dev.occam.nn;

/**
 * A Keras-style penalty added to the loss for one parameter: {@code l1·Σ|w| + l2·Σw²} (Keras'
 * {@code l1_l2(l1, l2)}: no ½ on the square).
 *
 * <p>Exact relation to optimizer decay (tested in {@code RegularizerTest}):
 * <ul>
 * <li>Its gradient is l1·sign(w) + 2·l2·w. So {@code l2(a)} on a weight gives exactly the same
 *     gradient as an optimizer's coupled {@code weightDecay = 2a} on it: the same trajectory under
 *     SGD, momentum and Adam (Adam's L2 is coupled too). In Occam's canonical penalty
 *     λ(1−α)/2·Σw² it is λ(1−α) = 2a.</li>
 * <li>It is not AdamW's decoupled decay: under AdamW the decay bypasses Adam's scaling, and no
 *     penalty in the loss reproduces that.</li>
 * <li>{@code l1(a)} is a subgradient term: weights hover around zero but rarely hit it. The
 *     optimizer's L1 proximal step ({@code OptimizerSettings.withL1}) minimizes the same objective
 *     and gives exact zeros.</li>
 * </ul>
 * The penalty value is reported apart from the data loss in the training history.
 *
 * @param l1 ≥ 0
 * @param l2 ≥ 0
 */
public record Regularizer(double l1, double l2) {
    public static final Regularizer NONE = new Regularizer(0, 0);

    public Regularizer {
        if (!(l1 >= 0) || Double.isInfinite(l1)) {
            throw new IllegalArgumentException("l1 must be finite and >= 0; got " + l1);
        }
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("l2 must be finite and >= 0; got " + l2);
        }
    }

    public static Regularizer l1(double a) { return new Regularizer(a, 0); }

    public static Regularizer l2(double a) { return new Regularizer(0, a); }

    public boolean isZero() { return l1 == 0 && l2 == 0; }

    /** l1·Σ|w| + l2·Σw², accumulated in double. */
    public double value(float[] w) {
        if (isZero()) {
            return 0;
        }
        double s1 = 0;
        double s2 = 0;
        for (float v : w) {
            s1 += Math.abs(v);
            s2 += (double) v * v;
        }
        return l1 * s1 + l2 * s2;
    }

    /**
     * grad += 2·l2·w + l1·sign(w) (sign(0) = 0). The L2 part is computed as
     * {@code grad + (float)(2·l2)·w}, the same float operations as an optimizer's coupled decay.
     * grad modified, w not.
     */
    public void addGradient(float[] w, float[] grad) {
        if (l2 != 0) {
            float c = (float) (2 * l2);
            for (int i = 0; i < w.length; i++) {
                grad[i] = grad[i] + c * w[i];
            }
        }
        if (l1 != 0) {
            float c = (float) l1;
            for (int i = 0; i < w.length; i++) {
                grad[i] += c * Math.signum(w[i]);
            }
        }
    }
}

package dev.occam.optim;

import java.util.List;

/**
 * One stage of an optimizer (optax's {@code GradientTransformation}): it holds only settings,
 * never state.
 *
 * <p>Use: {@code state = t.init(infos)} once; then per step {@code t.update(u, state, params)}
 * with {@code u} holding the gradients, and finally {@link Transforms#applyUpdates} (params += u).
 * Updates already carry their sign: a plain SGD chain turns g into −η·g.
 */
public interface GradientTransform {

    /** The initial state for parameters of these shapes (moments zero, count 0). */
    OptState init(List<ParameterInfo> parameters);

    /**
     * Turns incoming updates into outgoing updates, one step.
     *
     * @param updates in: the gradients or the previous stage's updates; out: this stage's
     *                updates, one float[] per parameter. Modified.
     * @param state   this stage's state, from {@link #init}. Modified (advanced one step).
     * @param params  current parameter values. Not modified.
     */
    void update(float[][] updates, OptState state, float[][] params);

    /** A short description of the stage and its settings, e.g. {@code "scale_by_adam(b1=0.9, …)"}. */
    String describe();
}

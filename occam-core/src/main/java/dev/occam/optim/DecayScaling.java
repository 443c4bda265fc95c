package dev.occam.optim;

/**
 * What multiplies a decoupled weight decay wd at step t.
 *
 * <ul>
 * <li>{@link #LEARNING_RATE}: w ← w − η_t·wd·w. PyTorch's AdamW, optax's adamw, Keras'
 *     {@code weight_decay}: the decay per step scales with the base rate and its schedule.</li>
 * <li>{@link #SCHEDULE}: w ← w − (η_t/η₀)·wd·w. Loshchilov &amp; Hutter's AdamW: the decay
 *     follows the schedule's shape only, so changing the base rate does not change the decay.</li>
 * </ul>
 */
public enum DecayScaling {
    LEARNING_RATE,
    SCHEDULE
}

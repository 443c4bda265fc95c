package dev.occam.optim;

import java.util.Set;

/**
 * Which parameters a stage touches (optax's {@code mask}). A stage wrapped by
 * {@link Transforms#masked} sees only the parameters for which {@link #test} is true; the others'
 * updates pass through unchanged.
 *
 * <p>Decay stages default to {@link #WEIGHTS}: biases are not decayed (the canonical objective
 * never penalizes the intercept). {@link #ALL} is PyTorch's default, where {@code weight_decay}
 * applies to every parameter of the group.
 */
@FunctionalInterface
public interface Mask {

    /** True when the stage applies to this parameter. */
    boolean test(ParameterInfo parameter);

    /** Every parameter (PyTorch's default for {@code weight_decay}). */
    Mask ALL = p -> true;

    /** Parameters with role {@link ParameterRole#WEIGHT}; biases excluded (Occam's default). */
    Mask WEIGHTS = p -> p.role() == ParameterRole.WEIGHT;

    /** No parameter. */
    Mask NONE = p -> false;

    /** The parameters with these names. */
    static Mask names(Set<String> names) {
        Set<String> copy = Set.copyOf(names);
        return p -> copy.contains(p.name());
    }

    /** This mask with the named parameters removed. */
    default Mask except(Set<String> names) {
        Set<String> copy = Set.copyOf(names);
        return p -> test(p) && !copy.contains(p.name());
    }
}

package dev.occam.optim;

import java.util.Objects;

/**
 * What an optimizer knows about one parameter: its name, its role and its number of values.
 * {@link GradientTransform#init} sizes its state from a list of these.
 *
 * @param name unique name, e.g. {@code "dense1.weight"}
 * @param role weight or bias
 * @param size number of float values, &gt; 0
 */
public record ParameterInfo(String name, ParameterRole role, int size) {
    public ParameterInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        if (size <= 0) {
            throw new IllegalArgumentException("parameter size must be > 0; got " + size + " for " + name);
        }
    }
}

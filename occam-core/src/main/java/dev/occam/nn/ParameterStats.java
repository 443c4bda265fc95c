package dev.occam.nn;

import dev.occam.optim.ParameterInfo;
import dev.occam.optim.ParameterRole;

/**
 * One parameter at the end of an epoch: its L2 norm and how many of its values are exactly zero
 * (L1's proximal step makes exact zeros; L2 only makes values small).
 */
public record ParameterStats(String name, ParameterRole role, int size, double l2Norm, int zeros) {

    /** Share of exact zeros, in [0, 1]. */
    public double zeroShare() {
        return (double) zeros / size;
    }

    public ParameterInfo info() {
        return new ParameterInfo(name, role, size);
    }

    static ParameterStats of(Parameter p) {
        return new ParameterStats(p.name(), p.role(), p.size(), p.l2Norm(), p.exactZeros());
    }
}

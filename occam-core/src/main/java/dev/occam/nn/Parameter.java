package dev.occam.nn;

import dev.occam.optim.ParameterInfo;
import dev.occam.optim.ParameterRole;
import java.util.Objects;

/**
 * A trainable array: name, role (weight or bias), shape, values and gradient. Both arrays are
 * owned by the parameter and live for its lifetime; layers write the gradient in backward, the
 * trainer hands both to the optimizer.
 */
public final class Parameter {
    private final String name;
    private final ParameterRole role;
    private final int rows;
    private final int cols;
    private final float[] values;
    private final float[] grad;

    /**
     * A zero-filled parameter of shape rows × cols (row-major).
     */
    public Parameter(String name, ParameterRole role, int rows, int cols) {
        this.name = Objects.requireNonNull(name, "name");
        this.role = Objects.requireNonNull(role, "role");
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("parameter shape must be positive; got " + rows + "x" + cols + " for " + name);
        }
        this.rows = rows;
        this.cols = cols;
        this.values = new float[Math.multiplyExact(rows, cols)];
        this.grad = new float[values.length];
    }

    public String name() { return name; }

    public ParameterRole role() { return role; }

    public int rows() { return rows; }

    public int cols() { return cols; }

    public int size() { return values.length; }

    /** The values (live; row-major rows × cols). */
    public float[] values() { return values; }

    /** The gradient of the training objective with respect to the values (live). */
    public float[] grad() { return grad; }

    /** What the optimizer needs to know. */
    public ParameterInfo info() {
        return new ParameterInfo(name, role, values.length);
    }

    /** √Σ w², accumulated in double. */
    public double l2Norm() {
        double s = 0;
        for (float v : values) {
            s += (double) v * v;
        }
        return Math.sqrt(s);
    }

    /** Number of values that are exactly zero. */
    public int exactZeros() {
        int z = 0;
        for (float v : values) {
            if (v == 0f) {
                z++;
            }
        }
        return z;
    }
}

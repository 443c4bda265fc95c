package dev.occam.nn;

import java.util.Locale;

/** The activation functions a network builder can place after each hidden dense layer. */
public enum Activation {
    RELU(Init.HE), TANH(Init.GLOROT), SIGMOID(Init.GLOROT), GELU(Init.HE);

    private final Init defaultInit;

    Activation(Init defaultInit) {
        this.defaultInit = defaultInit;
    }

    /** He for ReLU and GELU, Glorot for tanh and sigmoid. */
    public Init defaultInit() { return defaultInit; }

    /** A new layer of this activation with the given width. */
    public Layer layer(int size) {
        return switch (this) {
            case RELU -> new Relu(size);
            case TANH -> new Tanh(size);
            case SIGMOID -> new Sigmoid(size);
            case GELU -> new Gelu(size);
        };
    }

    /** Parses "relu", "tanh", "sigmoid", "gelu" (any case). */
    public static Activation parse(String name) {
        for (Activation a : values()) {
            if (a.name().equalsIgnoreCase(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("activation must be one of relu, tanh, sigmoid, gelu; got " + name);
    }

    public String label() { return name().toLowerCase(Locale.ROOT); }
}

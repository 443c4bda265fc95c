package dev.occam.optim;

import java.util.List;

/** Helpers for driving a transform by hand in tests. */
final class OptimTesting {
    private OptimTesting() {
    }

    /** Gradient of some objective at params, written into grads. */
    interface Gradient {
        void compute(float[][] params, float[][] grads);
    }

    static final Gradient ZERO = (p, g) -> {
        for (float[] gi : g) {
            java.util.Arrays.fill(gi, 0f);
        }
    };

    /** Runs {@code steps} updates of {@code t} from the given parameters (modified in place). */
    static void run(GradientTransform t, List<ParameterInfo> infos, float[][] params, Gradient grad, int steps) {
        OptState state = t.init(infos);
        float[][] u = new float[params.length][];
        for (int i = 0; i < params.length; i++) {
            u[i] = new float[params[i].length];
        }
        for (int s = 0; s < steps; s++) {
            grad.compute(params, u);
            t.update(u, state, params);
            Transforms.applyUpdates(params, u);
        }
    }

    static float[][] deepCopy(float[][] a) {
        float[][] c = new float[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    static List<ParameterInfo> weightAndBias(int nw, int nb) {
        return List.of(new ParameterInfo("w", ParameterRole.WEIGHT, nw), new ParameterInfo("b", ParameterRole.BIAS, nb));
    }
}

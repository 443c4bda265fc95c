package dev.occam.cli;

import dev.occam.data.Dataset;
import dev.occam.glm.ElasticNet;
import dev.occam.glm.GlmSettings;
import dev.occam.glm.LinearModel;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The one place where the CLI asks the library for the model at one exact λ.
 *
 * <p>{@code ElasticNet.fitAt(Dataset, GlmSettings, double)} (the solution at exactly λ, computed
 * along the default path down to λ with warm starts) is being added to the library by the lead
 * together with the path solver. Until it is merged it is looked up by name, and its absence gives
 * the same UnsupportedOperationException as the unmerged path solver.
 * TODO: once {@code ElasticNet.fitAt} is on main, replace the body of {@link #fitAt} by a direct call.
 */
final class Solver {
    private Solver() { }

    private static final MethodHandle FIT_AT = lookup();

    private static MethodHandle lookup() {
        try {
            return MethodHandles.publicLookup().findStatic(ElasticNet.class, "fitAt",
                    MethodType.methodType(LinearModel.class, Dataset.class, GlmSettings.class, double.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }

    /** The model at exactly λ = {@code lambda}. */
    static LinearModel fitAt(Dataset data, GlmSettings settings, double lambda) {
        if (FIT_AT == null) {
            throw new UnsupportedOperationException("ElasticNet.fitAt(Dataset, GlmSettings, double) is not merged yet");
        }
        try {
            return (LinearModel) FIT_AT.invokeExact(data, settings, lambda);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}

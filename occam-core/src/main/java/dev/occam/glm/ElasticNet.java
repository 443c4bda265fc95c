package dev.occam.glm;

import dev.occam.data.Dataset;

/**
 * Fits elastic-net paths by coordinate descent (Friedman, Hastie and Tibshirani 2010; glmnet).
 *
 * <p>The objective at each λ (canonical form, DESIGN.md):
 * <pre>
 *   (1/Σv) Σ_i v_i ℓ(y_i, b0 + x_iᵀw)  +  λ · Σ_j f_j [ α|w_j| + (1−α)/2 · w_j² ]
 * </pre>
 * See {@link GlmSettings} for every scaling. This is the driver: it validates, standardizes
 * (implicitly) and dispatches to the path loop.
 */
public final class ElasticNet {
    private ElasticNet() { }

    /** Fits the whole path described by {@code settings} to {@code data}. */
    public static GlmPath path(Dataset data, GlmSettings settings) {
        throw new UnsupportedOperationException("path solver not yet merged");
    }
}

package dev.occam.spark;

import java.io.Serializable;

/**
 * What one IRLS pass gathers at the current coefficients: the working weights' moments
 * W = u·V(μ) (ΣW, ΣW(x−c), ΣW(x−c)(x−c)ᵀ), the residual's ΣWz' = Σr and Σr(x−c) with
 * r = u(y − μ) (kept as a {@link MomentSums} with weights W and target r/W), and the deviance
 * Σu·d(y, μ).
 */
final class IrlsSums implements Serializable {
    private static final long serialVersionUID = 1L;

    final MomentSums moments = new MomentSums();
    double deviance;

    IrlsSums merge(IrlsSums other) {
        moments.merge(other.moments);
        deviance += other.deviance;
        return this;
    }
}

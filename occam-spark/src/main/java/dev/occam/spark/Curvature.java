package dev.occam.spark;

/**
 * Which Fisher information an IRLS pass computes at a λ's iterate, for that λ's next Newton step.
 *
 * <p>A λ takes 3–4 Newton steps from its warm start, each from the Fisher information at its
 * latest iterate; the last of them is computed and never used (that iterate is certified by the
 * same pass). Close to the answer the Fisher information hardly changes, so after
 * {@value #FRESH_ITERATES} fresh ones a λ's later steps reuse the latest (chord steps: the
 * gradient, the deviance and so the KKT certificate are still exact at every iterate, only the
 * Newton direction is the earlier one). Such a pass costs 3p multiply-adds per row for that point
 * instead of p²/2 + 3p. Chord steps converge linearly; a λ still uncertified at its
 * {@value #DOUBLE_FROM}th iterate is given a fresh Fisher information at every later iterate, in
 * double precision, so neither the stale matrix nor single-precision rounding (an ill-conditioned
 * Fisher information) can keep it from converging.
 */
enum Curvature {
    /** A fresh Fisher information, single precision per block with a native BLAS ({@link BlockGram}). */
    SINGLE,
    /** A fresh Fisher information in double precision. */
    DOUBLE,
    /** None: the λ's next step reuses its latest Fisher information. */
    NONE;

    /** Iterates (after the 1st, 2nd, … Newton step) at which a fresh single-precision Fisher information is computed. */
    static final int FRESH_ITERATES = 2;
    /** From this iterate on, a fresh double-precision one at every iterate. */
    static final int DOUBLE_FROM = 6;

    /** What the pass computes at the iterate reached by a λ's {@code steps}th Newton step (steps ≥ 1). */
    static Curvature atIterate(int steps) {
        if (steps >= DOUBLE_FROM) return DOUBLE;
        return steps <= FRESH_ITERATES ? SINGLE : NONE;
    }
}

package dev.occam.penalty;

/** How exactly a converted setting reproduces the original one. */
public enum ConversionStatus {
    /** The two settings define the same objective (same minimizers), whatever the data. */
    EXACT,
    /** Exact when a stated condition holds (for instance σ_y = 1, or X standardized beforehand). */
    EXACT_IF,
    /** No setting of the target reproduces the original; the target given is only the nearest one. */
    NONE;

    /** The weaker of two statuses: NONE over EXACT_IF over EXACT. */
    ConversionStatus and(ConversionStatus other) {
        return compareTo(other) >= 0 ? this : other;
    }
}

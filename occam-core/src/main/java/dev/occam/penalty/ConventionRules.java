package dev.occam.penalty;

import java.util.Arrays;
import java.util.Locale;

/**
 * Rules shared by the conversions: how a peer that never (or always) standardizes X, or that fits
 * one loss only, limits exactness; and numbers written so that they can be pasted back.
 */
final class ConventionRules {
    private ConventionRules() { }

    /** The shortest decimal that reads back as {@code x} (Java's algorithm), without a trailing ".0". */
    static String num(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return Double.toString(x).replace('E', 'e').replace(".0e", "e");
    }

    /**
     * A conversion to (or from) a peer that never standardizes X: exact for Occam's standardized
     * penalty only when X is standardized beforehand.
     */
    static Conversion unstandardizedPeer(LibrarySetting.Canonical c, Conversion conv, String peer) {
        if (!c.standardize()) return conv;
        return conv.withCondition("the features are standardized beforehand with the 1/n standard deviation "
                + "(e.g. scikit-learn's StandardScaler), since " + peer + " does not standardize; coefficients then refer to them");
    }

    /** A conversion to a peer that always standardizes X: exact for an unstandardized penalty only when X already has unit scale. */
    static Conversion standardizingPeer(LibrarySetting.Canonical c, Conversion conv, String peer) {
        if (c.standardize()) return conv;
        return conv.withCondition("every feature already has 1/n standard deviation 1, since " + peer + " always standardizes");
    }

    /**
     * A conversion to a peer that fits only the losses {@code accepted} (the first one named):
     * conditional when the canonical loss is not stated, not equivalent when it is another one.
     */
    static Conversion lossFor(LibrarySetting.Canonical c, Conversion conv, String peer, ConventionLoss... accepted) {
        if (Arrays.asList(accepted).contains(c.loss())) return conv;
        if (c.loss() == ConventionLoss.ANY) return conv.withCondition("the model's loss is " + accepted[0].description());
        return conv.notEquivalent(peer + " fits " + accepted[0].description() + " only, not " + c.loss().description());
    }

    /** √(n/(n−1)): the ratio of an n−1 (unbiased) standard deviation to a 1/n one. */
    static double besselFactor(int n) {
        if (n < 2) throw new IllegalArgumentException("n must be >= 2 for an n-1 standard deviation; got " + n);
        return Math.sqrt((double) n / (n - 1));
    }

    /** Lower-case word for messages. */
    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** Validates a finite number ≥ 0. */
    static void checkNonNegative(String name, double v) {
        if (!(v >= 0)) throw new IllegalArgumentException(name + " must be >= 0; got " + num(v));
        if (Double.isInfinite(v)) throw new IllegalArgumentException(name + " must be finite; got " + num(v));
    }

    /** Validates a finite number &gt; 0. */
    static void checkPositive(String name, double v) {
        if (!(v > 0)) throw new IllegalArgumentException(name + " must be > 0; got " + num(v));
        if (Double.isInfinite(v)) throw new IllegalArgumentException(name + " must be finite; got " + num(v));
    }

    /** Validates a number in [0, 1]. */
    static void checkUnit(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1]; got " + num(v));
        }
    }
}

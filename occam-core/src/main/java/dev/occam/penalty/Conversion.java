package dev.occam.penalty;

import java.util.Objects;

/**
 * The result of translating a regularization setting into another library's terms.
 *
 * @param target the setting in the target's terms; for {@link ConversionStatus#NONE} the nearest
 *               setting it has (the explanation says what it does not reproduce)
 * @param status {@link ConversionStatus#EXACT}, {@link ConversionStatus#EXACT_IF} or {@link ConversionStatus#NONE}
 * @param condition what must hold for the conversion to be exact: given exactly for EXACT_IF, else null
 * @param explanation one line saying why: the two objectives and how the numbers follow
 */
public record Conversion(LibrarySetting target, ConversionStatus status, String condition, String explanation) {

    public Conversion {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(status, "status");
        if (explanation == null || explanation.isBlank()) {
            throw new IllegalArgumentException("a conversion needs an explanation");
        }
        if (explanation.indexOf('\n') >= 0 || explanation.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("the explanation must be one line; got: " + explanation);
        }
        if (status == ConversionStatus.EXACT_IF) {
            if (condition == null || condition.isBlank()) {
                throw new IllegalArgumentException("an EXACT_IF conversion needs its condition");
            }
        } else if (condition != null) {
            throw new IllegalArgumentException("only an EXACT_IF conversion has a condition; got " + status + " with '" + condition + "'");
        }
    }

    /** An exact conversion. */
    public static Conversion exact(LibrarySetting target, String explanation) {
        return new Conversion(target, ConversionStatus.EXACT, null, explanation);
    }

    /** A conversion exact when {@code condition} holds. */
    public static Conversion exactIf(LibrarySetting target, String condition, String explanation) {
        return new Conversion(target, ConversionStatus.EXACT_IF, condition, explanation);
    }

    /** No exact equivalent: {@code target} is the nearest setting. */
    public static Conversion none(LibrarySetting target, String explanation) {
        return new Conversion(target, ConversionStatus.NONE, null, explanation);
    }

    /** True when the conversion is exact without conditions. */
    public boolean isExact() {
        return status == ConversionStatus.EXACT;
    }

    /** True unless the status is NONE. */
    public boolean isEquivalent() {
        return status != ConversionStatus.NONE;
    }

    /** This conversion, exact only when {@code more} also holds (NONE stays NONE). */
    public Conversion withCondition(String more) {
        return switch (status) {
            case EXACT -> exactIf(target, more, explanation);
            case EXACT_IF -> exactIf(target, condition + "; and " + more, explanation);
            case NONE -> this;
        };
    }

    /** The same target, declared not equivalent, with {@code why} in front of the explanation. */
    public Conversion notEquivalent(String why) {
        return none(target, why + "; " + explanation);
    }

    /**
     * This conversion followed by {@code next} (from this target onwards): the target of
     * {@code next}, the weaker status, both conditions, both explanations.
     */
    public Conversion then(Conversion next) {
        ConversionStatus s = status.and(next.status);
        String c = null;
        if (s == ConversionStatus.EXACT_IF) {
            c = condition == null ? next.condition : next.condition == null ? condition : condition + "; and " + next.condition;
        }
        return new Conversion(next.target, s, c, explanation + " | " + next.explanation);
    }
}

package dev.occam.glm;

import java.util.Locale;

/**
 * The response distribution of a generalized linear model and so its loss ℓ(y, η):
 * <ul>
 *   <li>{@link #GAUSSIAN}: ℓ = ½(y − η)², identity link;</li>
 *   <li>{@link #BINOMIAL}: negative log-likelihood of a Bernoulli with P(y = second class) = 1/(1+e^−η);</li>
 *   <li>{@link #MULTINOMIAL}: negative log-likelihood of a softmax over K classes, one η per class;</li>
 *   <li>{@link #POISSON}: negative log-likelihood μ − y·η of a Poisson with μ = e^η (y ≥ 0).</li>
 * </ul>
 */
public enum Family {
    GAUSSIAN, BINOMIAL, MULTINOMIAL, POISSON;

    /** True for the families whose target is a class label. */
    public boolean hasClasses() {
        return this == BINOMIAL || this == MULTINOMIAL;
    }

    /** The lower-case name used in files and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a lower- or upper-case family name. */
    public static Family parse(String s) {
        for (Family f : values()) {
            if (f.id().equalsIgnoreCase(s)) return f;
        }
        throw new IllegalArgumentException("family must be one of gaussian, binomial, multinomial, poisson; got " + s);
    }
}

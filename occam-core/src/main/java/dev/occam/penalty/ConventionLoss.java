package dev.occam.penalty;

import java.util.Locale;

/**
 * The loss ℓ of a model whose penalty is being converted. A penalty's translation depends on the
 * loss only in a few places (glmnet and Spark scale y for gaussian fits; scikit-learn's
 * {@code Lasso} fits squared error only, {@code LogisticRegression} log-loss only), so a setting
 * that does not fix its loss (a network's weight decay, {@code SGDClassifier}) says {@link #ANY}.
 */
public enum ConventionLoss {
    /** ½(y − η)², averaged: glmnet's and Occam's gaussian family, scikit-learn's squared error. */
    GAUSSIAN("squared error ½(y−η)²"),
    /** Negative log-likelihood of a Bernoulli outcome (log-loss). */
    BINOMIAL("log-loss (binomial negative log-likelihood)"),
    /** Negative log-likelihood of a categorical outcome (softmax log-loss). */
    MULTINOMIAL("multinomial log-loss"),
    /** Negative log-likelihood of a Poisson count. */
    POISSON("Poisson negative log-likelihood"),
    /** Not stated: the conversion holds for whatever loss both sides share. */
    ANY("any loss both sides share");

    private final String description;

    ConventionLoss(String description) {
        this.description = description;
    }

    /** Lower-case name, as glmnet spells its families ("any" for {@link #ANY}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the loss is, in words. */
    public String description() {
        return description;
    }

    /** True for the log-losses (binomial and multinomial). */
    public boolean isLogLoss() {
        return this == BINOMIAL || this == MULTINOMIAL;
    }

    /** Parses gaussian, binomial, multinomial, poisson or any (any case). */
    public static ConventionLoss parse(String s) {
        for (ConventionLoss l : values()) {
            if (l.id().equalsIgnoreCase(s == null ? "" : s.strip())) return l;
        }
        throw new IllegalArgumentException("family must be one of gaussian, binomial, multinomial, poisson, any; got '" + s + "'");
    }
}

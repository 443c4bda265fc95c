package dev.occam.select;

import dev.occam.glm.Family;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What cross-validation averages over held-out rows, as glmnet's {@code type.measure}. All are
 * computed from the held-out linear predictor η exactly as glmnet's {@code cv.elnet},
 * {@code cv.lognet}, {@code cv.multnet} and {@code cv.fishnet} do:
 * <ul>
 *   <li>{@link #DEVIANCE}: the family's unit deviance — (y − η)² for gaussian, −2 log p_y for
 *       binomial and multinomial with probabilities clipped to [1e-5, 1 − 1e-5], 2[y log(y/μ) − (y − μ)]
 *       for poisson;</li>
 *   <li>{@link #MSE}: squared error of the response, summed over the classes' indicator columns for
 *       class targets (so 2(y − p)² for binomial);</li>
 *   <li>{@link #MAE}: absolute error of the response, summed over classes likewise;</li>
 *   <li>{@link #CLASS}: misclassification (class targets);</li>
 *   <li>{@link #AUC}: area under the ROC curve, computed per fold (binomial only; larger is better).</li>
 * </ul>
 */
public enum Measure {
    DEVIANCE, MSE, MAE, CLASS, AUC;

    /** The lower-case name used on the command line and in files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for AUC: λ choices maximize it instead of minimizing. */
    public boolean largerIsBetter() {
        return this == AUC;
    }

    /** True when the measure is an average of per-row losses (all but AUC, which is one number per fold). */
    boolean perRow() {
        return this != AUC;
    }

    /** The measures glmnet offers for a family, its default first. */
    public static List<Measure> validFor(Family family) {
        return switch (family) {
            case GAUSSIAN -> List.of(MSE, DEVIANCE, MAE);
            case BINOMIAL -> List.of(DEVIANCE, CLASS, AUC, MSE, MAE);
            case MULTINOMIAL -> List.of(DEVIANCE, CLASS, MSE, MAE);
            case POISSON -> List.of(DEVIANCE, MSE, MAE);
        };
    }

    /** glmnet's default measure: mean squared error for gaussian (its deviance), the deviance otherwise. */
    public static Measure defaultFor(Family family) {
        return validFor(family).get(0);
    }

    /** Throws a one-line {@link IllegalArgumentException} when this measure is not defined for the family. */
    public void checkFor(Family family) {
        if (!validFor(family).contains(this)) {
            List<String> ids = new ArrayList<>();
            for (Measure m : validFor(family)) ids.add(m.id());
            throw new IllegalArgumentException("measure " + id() + " is not defined for " + family.id()
                    + " models; use one of " + String.join(", ", ids));
        }
    }

    /** A readable name, glmnet's: e.g. "Binomial Deviance", "Mean-Squared Error". */
    public String label(Family family) {
        return switch (this) {
            case DEVIANCE -> switch (family) {
                case GAUSSIAN -> "Mean-Squared Error";
                case BINOMIAL -> "Binomial Deviance";
                case MULTINOMIAL -> "Multinomial Deviance";
                case POISSON -> "Poisson Deviance";
            };
            case MSE -> "Mean-Squared Error";
            case MAE -> "Mean Absolute Error";
            case CLASS -> "Misclassification Error";
            case AUC -> "AUC";
        };
    }

    /** Parses a measure name in any case. */
    public static Measure parse(String s) {
        for (Measure m : values()) {
            if (m.id().equalsIgnoreCase(s)) return m;
        }
        throw new IllegalArgumentException("measure must be one of deviance, mse, mae, class, auc; got " + s);
    }
}

package dev.occam.penalty;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A regularization setting as one library states it, convertible to and from Occam's canonical
 * form ({@link Canonical}):
 *
 * <pre>   (1/Σv) Σ_i v_i ℓ(y_i, b0 + x_iᵀw)  +  λ · Σ_j [ α|w_j| + (1−α)/2 · w_j² ]</pre>
 *
 * with v the sample weights, ℓ = ½(y−η)² for gaussian models and the negative log-likelihood
 * otherwise, and (under {@code standardize}) w the coefficients of features scaled to unit 1/n
 * standard deviation. For networks the first term is the mean loss of a mini-batch and w the
 * parameters of a group. Every implementation is a validated record holding the library's own
 * parameters under the library's own names; its static {@code fromCanonical(Canonical,
 * ConversionContext)} goes the other way. {@link Conventions} lists them all.
 */
public sealed interface LibrarySetting
        permits LibrarySetting.Canonical, LibraryGlmnet,
        LibrarySklearn.Ridge, LibrarySklearn.Lasso, LibrarySklearn.ElasticNet, LibrarySklearn.Logistic,
        LibrarySklearn.Sgd, LibrarySklearn.Mlp, LibraryLiblinear,
        LibraryKeras.Regularizer, LibraryKeras.WeightDecay, LibraryKeras.AddonsWeightDecay,
        LibraryTorch.Sgd, LibraryTorch.Adam, LibraryTorch.AdamW,
        LibrarySpark.LinearRegression, LibrarySpark.LogisticRegression,
        LibrarySmile.Lasso, LibrarySmile.ElasticNet, LibrarySmile.Ridge {

    /** The id of the setting's kind, as {@code occam convert --from} takes it (e.g. {@code sklearn-logistic}). */
    String id();

    /** The parameters under the library's names, in its order (numbers, booleans or words). */
    Map<String, Object> parameters();

    /** The setting as it is written in the library, e.g. {@code LogisticRegression(C=0.5, penalty='l2')}. */
    String call();

    /** The same penalty in Occam's canonical form. */
    Conversion toCanonical(ConversionContext context);

    /**
     * Occam's canonical setting: λ, α, whether the penalty applies to standardized features, and
     * the loss it goes with (only the gaussian case changes conversions to glmnet and Spark).
     *
     * @param lambda λ ≥ 0, the strength (scikit-learn calls it {@code alpha})
     * @param alpha α ∈ [0, 1], the L1 share (scikit-learn's {@code l1_ratio}; not scikit-learn's {@code alpha})
     * @param standardize the penalty applies to coefficients of features scaled to unit (1/n) standard deviation
     * @param loss the model's loss ({@link ConventionLoss#ANY} when not stated)
     */
    record Canonical(double lambda, double alpha, boolean standardize, ConventionLoss loss) implements LibrarySetting {

        public Canonical {
            if (!(lambda >= 0) || Double.isInfinite(lambda)) {
                throw new IllegalArgumentException("lambda must be finite and >= 0; got " + lambda);
            }
            if (!(alpha >= 0 && alpha <= 1)) {
                throw new IllegalArgumentException("alpha must be in [0, 1]; got " + alpha);
            }
            if (loss == null) throw new IllegalArgumentException("the loss must be given (ConventionLoss.ANY when not known)");
        }

        /**
         * The canonical setting whose penalty is {@code l1}·Σ|w| + ({@code l2}/2)·Σw² on the mean
         * loss: λ = l1 + l2, α = l1/λ (α = 0 when λ = 0).
         */
        public static Canonical ofWeights(double l1, double l2, boolean standardize, ConventionLoss loss) {
            if (!(l1 >= 0) || !(l2 >= 0)) {
                throw new IllegalArgumentException("penalty weights must be >= 0; got L1 " + l1 + " and L2 " + l2);
            }
            double lambda = l1 + l2;
            double alpha = lambda == 0 ? 0 : Math.min(1.0, l1 / lambda);
            return new Canonical(lambda, alpha, standardize, loss);
        }

        /** The weight of Σ|w|: λα. */
        public double l1() {
            return lambda * alpha;
        }

        /** The weight of ½Σw²: λ(1 − α). */
        public double l2() {
            return lambda * (1 - alpha);
        }

        @Override
        public String id() {
            return "canonical";
        }

        @Override
        public Map<String, Object> parameters() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lambda", lambda);
            m.put("alpha", alpha);
            m.put("standardize", standardize);
            m.put("family", loss.id());
            return m;
        }

        @Override
        public String call() {
            return "occam fit" + (loss == ConventionLoss.ANY ? "" : " --family " + loss.id())
                    + " --lambda " + ConventionRules.num(lambda) + " --alpha " + ConventionRules.num(alpha)
                    + (standardize ? "" : " --no-standardize");
        }

        @Override
        public Conversion toCanonical(ConversionContext context) {
            return fromCanonical(this, context);
        }

        /** Itself. */
        public static Conversion fromCanonical(Canonical c, ConversionContext context) {
            return Conversion.exact(c, "Occam's canonical form: (1/Σv)Σv·ℓ + λΣ[α|w| + (1−α)/2·w²]"
                    + (c.standardize ? " on standardized features" : ""));
        }
    }
}

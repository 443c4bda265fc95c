package dev.occam.penalty;

import dev.occam.penalty.LibrarySetting.Canonical;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The numbers of known conversions, the exactness each one states (NONE with its explanation,
 * EXACT_IF with its condition), and the one-line messages for invalid settings.
 */
class ConventionsStatementTest {

    static final ConversionContext N569 = ConversionContext.EMPTY.withN(569);

    static Canonical canonical(Conversion c) {
        return (Canonical) c.target();
    }

    // ---- numbers

    @Test
    void logisticCIsOneOverNTimesLambda() {
        Conversion c = new LibrarySklearn.Logistic(0.5, "l2", Double.NaN, "lbfgs").toCanonical(N569);
        assertThat(c.status()).isEqualTo(ConversionStatus.EXACT);
        assertThat(canonical(c).lambda()).isEqualTo(1 / (0.5 * 569));
        assertThat(canonical(c).alpha()).isZero();
        assertThat(canonical(c).standardize()).isFalse();
        assertThat(c.explanation()).contains("λ = 1/(C·Σs)", "0.0035149384885764497");
        // and on to glmnet: binomial, the same λ and α
        Conversion g = Conventions.convert(new LibrarySklearn.Logistic(0.5, "l2", Double.NaN, "lbfgs"), "glmnet", N569);
        assertThat(g.status()).isEqualTo(ConversionStatus.EXACT);
        assertThat(g.target()).isEqualTo(new LibraryGlmnet(1 / (0.5 * 569), 0, false, ConventionLoss.BINOMIAL));
        assertThat(g.target().call()).isEqualTo("glmnet(x, y, family = \"binomial\", alpha = 0, lambda = 0.0035149384885764497, standardize = FALSE)");
    }

    @Test
    void ridgeDividesBySumOfWeights() {
        assertThat(canonical(new LibrarySklearn.Ridge(10).toCanonical(ConversionContext.EMPTY.withN(400))).lambda()).isEqualTo(10.0 / 400);
        assertThat(canonical(new LibrarySklearn.Ridge(10).toCanonical(ConversionContext.EMPTY.withN(400).withSumWeights(250))).lambda())
                .isEqualTo(10.0 / 250);
    }

    @Test
    void kerasHasNoHalfOnTheSquare() {
        Canonical l2 = canonical(new LibraryKeras.Regularizer(0, 0.01).toCanonical(ConversionContext.EMPTY));
        assertThat(l2.lambda()).isEqualTo(0.02);
        assertThat(l2.alpha()).isZero();
        Canonical both = canonical(new LibraryKeras.Regularizer(0.01, 0.01).toCanonical(ConversionContext.EMPTY));
        assertThat(both.lambda()).isCloseTo(0.03, within(1e-17));
        assertThat(both.alpha()).isCloseTo(1.0 / 3, within(1e-16));
    }

    @Test
    void mlpAlphaIsPerBatch() {
        Conversion c = new LibrarySklearn.Mlp(1e-4, "adam").toCanonical(ConversionContext.EMPTY.withN(1000).withBatchSize(200));
        assertThat(c.status()).isEqualTo(ConversionStatus.EXACT);
        assertThat(canonical(c).lambda()).isEqualTo(1e-4 / 200);
        assertThat(c.explanation()).contains("PyTorch weight_decay = alpha/B");
        // default batch min(200, n); lbfgs one batch of n
        assertThat(canonical(new LibrarySklearn.Mlp(1e-4, "adam").toCanonical(ConversionContext.EMPTY.withN(150))).lambda()).isEqualTo(1e-4 / 150);
        assertThat(canonical(new LibrarySklearn.Mlp(1e-4, "lbfgs").toCanonical(ConversionContext.EMPTY.withN(1000).withBatchSize(32))).lambda())
                .isEqualTo(1e-4 / 1000);
    }

    @Test
    void glmnetGaussianMapsThroughSigmaY() {
        Conversion c = new LibraryGlmnet(1, 0.5, true, ConventionLoss.GAUSSIAN).toCanonical(ConversionContext.EMPTY.withSdY(2));
        assertThat(c.status()).isEqualTo(ConversionStatus.EXACT);
        // L1 weight λα = 0.5, L2 weight λ(1−α)/σ_y = 0.25
        assertThat(canonical(c).lambda()).isEqualTo(0.75);
        assertThat(canonical(c).alpha()).isCloseTo(2.0 / 3, within(1e-16));
        // lasso and non-gaussian families: unchanged
        assertThat(canonical(new LibraryGlmnet(1, 1, true, ConventionLoss.GAUSSIAN).toCanonical(ConversionContext.EMPTY)))
                .isEqualTo(new Canonical(1, 1, true, ConventionLoss.GAUSSIAN));
        assertThat(new LibraryGlmnet(1, 0.5, true, ConventionLoss.BINOMIAL).toCanonical(ConversionContext.EMPTY).isExact()).isTrue();
    }

    @Test
    void smileSumsSquaresWithoutHalf() {
        ConversionContext ctx = ConversionContext.EMPTY.withN(100);
        assertThat(canonical(new LibrarySmile.Lasso(5).toCanonical(ctx))).isEqualTo(new Canonical(0.025, 1, true, ConventionLoss.GAUSSIAN));
        assertThat(canonical(new LibrarySmile.Ridge(5).toCanonical(ctx))).isEqualTo(new Canonical(0.05, 0, true, ConventionLoss.GAUSSIAN));
        Canonical en = canonical(new LibrarySmile.ElasticNet(4, 2).toCanonical(ctx));
        assertThat(en.l1()).isCloseTo(0.02, within(1e-17));
        assertThat(en.l2()).isCloseTo(0.02, within(1e-17));
    }

    @Test
    void sparkLogisticCarriesBesselFactor() {
        Canonical c = canonical(new LibrarySpark.LogisticRegression(0.1, 0, true).toCanonical(ConversionContext.EMPTY.withN(101)));
        assertThat(c.lambda()).isCloseTo(0.1 * 101.0 / 100, within(1e-16));
        Canonical off = canonical(new LibrarySpark.LogisticRegression(0.1, 0.5, false).toCanonical(ConversionContext.EMPTY));
        assertThat(off).isEqualTo(new Canonical(0.1, 0.5, false, ConventionLoss.BINOMIAL));
    }

    @Test
    void tfaDecayIsNotMultipliedByTheLearningRate() {
        Conversion c = new LibraryKeras.AddonsWeightDecay("sgdw", 0, 1e-4).toCanonical(ConversionContext.EMPTY.withLearningRate(0.01));
        assertThat(c.isExact()).isTrue();
        assertThat(canonical(c).lambda()).isCloseTo(0.01, within(1e-17));
        assertThatThrownBy(() -> new LibraryKeras.AddonsWeightDecay("sgdw", 0, 1e-4).toCanonical(ConversionContext.EMPTY))
                .hasMessage("tfa-weight-decay (its decay is not multiplied by the learning rate) needs the learning rate (--lr)");
    }

    // ---- NONE: no equivalent, said plainly

    @Test
    void adamWHasNoPenaltyEquivalent() {
        Conversion c = new LibraryTorch.AdamW(0.01).toCanonical(ConversionContext.EMPTY.withLearningRate(1e-3));
        assertThat(c.status()).isEqualTo(ConversionStatus.NONE);
        assertThat(c.condition()).isNull();
        assertThat(c.explanation()).contains("no exact penalty equivalent", "bypasses the adaptive scaling", "under plain SGD the same decay would equal λ = 0.01",
                "multiplies w by 1 − 1e-5");
        Conversion back = LibraryTorch.AdamW.fromCanonical(new Canonical(0.01, 0, false, ConventionLoss.ANY), ConversionContext.EMPTY);
        assertThat(back.status()).isEqualTo(ConversionStatus.NONE);
        assertThat(back.explanation()).contains("no AdamW setting equals a penalty", "use torch-adam");
        assertThat(new LibraryKeras.WeightDecay("adam", 0, 0.004).toCanonical(ConversionContext.EMPTY).status()).isEqualTo(ConversionStatus.NONE);
        assertThat(new LibraryKeras.AddonsWeightDecay("adamw", 0, 1e-4).toCanonical(ConversionContext.EMPTY.withLearningRate(0.1)).status())
                .isEqualTo(ConversionStatus.NONE);
    }

    @Test
    void liblinearPenalizedBiasIsNotCanonical() {
        Conversion c = new LibraryLiblinear(1, 0, 1, false).toCanonical(N569);
        assertThat(c.status()).isEqualTo(ConversionStatus.NONE);
        assertThat(c.explanation()).contains("penalizes its bias like a weight", "not exactly canonical unless -R");
        Conversion r = new LibraryLiblinear(1, 0, 1, true).toCanonical(N569);
        assertThat(r.status()).isEqualTo(ConversionStatus.EXACT);
        assertThat(r.explanation()).contains("-R leaves the bias unpenalized");
    }

    @Test
    void peersWithoutTheNeededTermSayNone() {
        ConversionContext ctx = ConversionContext.EMPTY.withN(100);
        Canonical enet = new Canonical(0.1, 0.5, false, ConventionLoss.GAUSSIAN);
        assertNone(LibrarySklearn.Ridge.fromCanonical(enet, ctx), "Ridge has no L1 term");
        assertNone(LibrarySklearn.Lasso.fromCanonical(enet, ctx), "Lasso has no L2 term");
        assertNone(LibrarySklearn.Mlp.fromCanonical(enet, ctx), "MLP has no L1 term");
        assertNone(LibraryTorch.Sgd.fromCanonical(enet, ctx), "weight decay is L2 only");
        assertNone(LibraryTorch.Adam.fromCanonical(enet, ctx), "weight decay is L2 only");
        assertNone(LibraryKeras.WeightDecay.fromCanonical(enet, ctx), "weight decay is L2 only");
        assertNone(LibraryLiblinear.fromCanonical(new Canonical(0.1, 0.5, false, ConventionLoss.BINOMIAL), ctx), "L1 (-s 6) or L2 (-s 0), not both");
        assertNone(LibraryLiblinear.fromCanonical(new Canonical(0, 0, false, ConventionLoss.BINOMIAL), ctx), "always regularizes");
        assertNone(LibrarySmile.ElasticNet.fromCanonical(new Canonical(0.1, 1, true, ConventionLoss.GAUSSIAN), ctx), "needs both lambda1 > 0 and lambda2 > 0");
        assertNone(LibrarySmile.Lasso.fromCanonical(new Canonical(0.1, 0.5, true, ConventionLoss.GAUSSIAN), ctx), "no L2 term");
        assertNone(LibrarySmile.Ridge.fromCanonical(new Canonical(0.1, 0.5, true, ConventionLoss.GAUSSIAN), ctx), "no L1 term");
    }

    @Test
    void peersOfAnotherLossSayNone() {
        ConversionContext ctx = ConversionContext.EMPTY.withN(100);
        Canonical logistic = new Canonical(0.1, 1, false, ConventionLoss.BINOMIAL);
        assertNone(LibrarySklearn.Lasso.fromCanonical(logistic, ctx), "Lasso fits squared error ½(y−η)² only, not log-loss");
        assertNone(LibrarySpark.LinearRegression.fromCanonical(logistic, ctx), "fits squared error");
        assertNone(LibrarySklearn.Logistic.fromCanonical(new Canonical(0.1, 0, false, ConventionLoss.GAUSSIAN), ctx), "fits log-loss");
        assertNone(LibraryLiblinear.fromCanonical(new Canonical(0.1, 0, false, ConventionLoss.POISSON), ctx), "fits log-loss");
    }

    static void assertNone(Conversion c, String because) {
        assertThat(c.status()).as(c.explanation()).isEqualTo(ConversionStatus.NONE);
        assertThat(c.condition()).isNull();
        assertThat(c.explanation()).contains(because);
    }

    // ---- EXACT_IF: the condition is stated

    @Test
    void conditionsAreStated() {
        assertCondition(new LibraryGlmnet(1, 0.5, true, ConventionLoss.GAUSSIAN).toCanonical(ConversionContext.EMPTY), "σ_y = 1");
        assertCondition(new LibraryGlmnet(1, 0.5, true, ConventionLoss.ANY).toCanonical(ConversionContext.EMPTY), "the family is not gaussian");
        assertCondition(LibrarySklearn.ElasticNet.fromCanonical(new Canonical(1, 0.5, true, ConventionLoss.GAUSSIAN), ConversionContext.EMPTY),
                "standardized beforehand with the 1/n standard deviation");
        assertCondition(LibrarySklearn.Lasso.fromCanonical(new Canonical(1, 1, false, ConventionLoss.ANY), ConversionContext.EMPTY),
                "the model's loss is squared error");
        assertCondition(LibrarySmile.Lasso.fromCanonical(new Canonical(1, 1, false, ConventionLoss.GAUSSIAN), N569), "always standardizes");
        assertCondition(new LibrarySklearn.Mlp(1, "adam").toCanonical(ConversionContext.EMPTY.withN(250).withBatchSize(200)), "n is a multiple of B = 200");
        assertCondition(new LibraryLiblinear(1, 0, -1, false).toCanonical(N569), "without an intercept");
        assertCondition(new LibrarySklearn.Logistic(1, "l2", Double.NaN, "liblinear").toCanonical(N569), "fit_intercept=False");
        assertCondition(new LibraryKeras.WeightDecay("sgd", 0.9, 0.01).toCanonical(ConversionContext.EMPTY), "only the stationary point");
        assertCondition(new LibrarySpark.LinearRegression(1, 0.5, true, "l-bfgs").toCanonical(ConversionContext.EMPTY.withSdY(2)), "n is large");
        assertCondition(new LibrarySpark.LinearRegression(1, 0.5, true, "auto").toCanonical(ConversionContext.EMPTY.withSdY(2)), "at most 4096 features");
        assertCondition(new LibrarySmile.ElasticNet(1, 1).toCanonical(N569), "y has mean 0");
        assertCondition(new LibrarySmile.Ridge(1).toCanonical(N569.withSumWeights(300)), "unit sample weights");
        // momentum: λ = (1 − μ)·wd
        assertThat(canonical(new LibraryKeras.WeightDecay("sgd", 0.9, 0.01).toCanonical(ConversionContext.EMPTY)).lambda()).isCloseTo(0.001, within(1e-18));
    }

    static void assertCondition(Conversion c, String condition) {
        assertThat(c.status()).as(c.explanation()).isEqualTo(ConversionStatus.EXACT_IF);
        assertThat(c.condition()).contains(condition);
    }

    @Test
    void readFromSourceRowsSayVerify() {
        ConversionContext ctx = N569.withSdY(2);
        for (LibrarySetting s : new LibrarySetting[] {new LibrarySpark.LinearRegression(1, 0.5, true, "normal"),
                new LibrarySpark.LogisticRegression(1, 0.5, true), new LibrarySmile.Lasso(1), new LibrarySmile.ElasticNet(1, 1), new LibrarySmile.Ridge(1)}) {
            assertThat(s.toCanonical(ctx).explanation()).as(s.id()).contains("verify");
            assertThat(Conventions.kind(s.id()).fromCanonical(new Canonical(0.1, 0.5, true, ConventionLoss.GAUSSIAN), ctx).explanation()).contains("verify");
        }
    }

    @Test
    void composedConversionKeepsTheWeakestStatusAndEveryCondition() {
        // glmnet (needs σ_y) to scikit-learn ElasticNet (needs unstandardized X): both conditions
        Conversion c = Conventions.convert(new LibraryGlmnet(1, 0.5, true, ConventionLoss.GAUSSIAN), "sklearn", ConversionContext.EMPTY);
        assertThat(c.target()).isInstanceOf(LibrarySklearn.ElasticNet.class);
        assertThat(c.status()).isEqualTo(ConversionStatus.EXACT_IF);
        assertThat(c.condition()).contains("σ_y = 1").contains("standardized beforehand");
        assertThat(c.explanation()).contains(" | ");
        Conversion none = Conventions.convert(new LibraryTorch.AdamW(0.01), "torch-sgd", ConversionContext.EMPTY);
        assertThat(none.status()).isEqualTo(ConversionStatus.NONE);
        assertThat(none.condition()).isNull();
    }

    @Test
    void libraryNamesPickTheFittingSetting() {
        assertThat(Conventions.target("sklearn", new Canonical(1, 1, false, ConventionLoss.GAUSSIAN)).id()).isEqualTo("sklearn-lasso");
        assertThat(Conventions.target("sklearn", new Canonical(1, 0, false, ConventionLoss.GAUSSIAN)).id()).isEqualTo("sklearn-ridge");
        assertThat(Conventions.target("sklearn", new Canonical(1, 0.5, false, ConventionLoss.GAUSSIAN)).id()).isEqualTo("sklearn-elasticnet");
        assertThat(Conventions.target("sklearn", new Canonical(1, 0.5, false, ConventionLoss.BINOMIAL)).id()).isEqualTo("sklearn-logistic");
        assertThat(Conventions.target("sklearn", new Canonical(1, 0, false, ConventionLoss.ANY)).id()).isEqualTo("sklearn-sgd");
        assertThat(Conventions.target("spark", new Canonical(1, 0, false, ConventionLoss.BINOMIAL)).id()).isEqualTo("spark-logistic");
        assertThat(Conventions.target("smile", new Canonical(1, 0.5, true, ConventionLoss.GAUSSIAN)).id()).isEqualTo("smile-elasticnet");
        assertThat(Conventions.target("torch", new Canonical(1, 0, false, ConventionLoss.ANY)).id()).isEqualTo("torch-sgd");
        assertThat(Conventions.target("canonical", new Canonical(1, 0, false, ConventionLoss.ANY)).id()).isEqualTo("canonical");
        assertThat(Conventions.kind("SGDClassifier".equals("x") ? "" : "sklearn-sgdclassifier").id()).isEqualTo("sklearn-sgd");
    }

    // ---- validation: one clear line

    @Test
    void settingsAreValidatedAsRecords() {
        assertThatThrownBy(() -> new LibrarySklearn.Logistic(-1, "l2", Double.NaN, "lbfgs")).hasMessage("C must be > 0; got -1");
        assertThatThrownBy(() -> new LibrarySklearn.Logistic(1, "l3", Double.NaN, "lbfgs"))
                .hasMessage("penalty must be one of l2, l1, elasticnet, none; got 'l3'");
        assertThatThrownBy(() -> new LibrarySklearn.Logistic(1, "l1", Double.NaN, "lbfgs"))
                .hasMessage("penalty 'l1' needs solver 'liblinear' or 'saga'; got 'lbfgs'");
        assertThatThrownBy(() -> new LibrarySklearn.Logistic(1, "l2", 0.5, "lbfgs"))
                .hasMessage("l1_ratio goes only with penalty 'elasticnet'; got penalty 'l2'");
        assertThatThrownBy(() -> new LibrarySklearn.Ridge(-2)).hasMessage("alpha must be >= 0; got -2");
        assertThatThrownBy(() -> new LibrarySklearn.Ridge(Double.POSITIVE_INFINITY)).hasMessage("alpha must be finite; got Infinity");
        assertThatThrownBy(() -> new LibrarySklearn.ElasticNet(1, 1.5)).hasMessage("l1_ratio must be in [0, 1]; got 1.5");
        assertThatThrownBy(() -> new LibrarySklearn.Mlp(1, "newton")).hasMessage("solver must be one of adam, sgd, lbfgs; got 'newton'");
        assertThatThrownBy(() -> new LibraryGlmnet(-1, 1, true, ConventionLoss.GAUSSIAN)).hasMessage("lambda must be >= 0; got -1");
        assertThatThrownBy(() -> new Canonical(0.1, 1.5, true, ConventionLoss.ANY)).hasMessage("alpha must be in [0, 1]; got 1.5");
        assertThatThrownBy(() -> new LibraryLiblinear(1, 2, -1, false)).hasMessage("liblinear's s must be 0, 6 or 7 (the logistic regressions); got 2");
        assertThatThrownBy(() -> new LibraryLiblinear(1, 0, -1, true)).hasMessage("R (unregularized bias) needs a bias term, B > 0; got B = -1");
        assertThatThrownBy(() -> new LibraryLiblinear(1, 7, 1, true)).hasMessage("R (unregularized bias) is available for s 0 and 6, not 7");
        assertThatThrownBy(() -> new LibraryKeras.Regularizer(-0.1, 0)).hasMessage("l1 must be >= 0; got -0.1");
        assertThatThrownBy(() -> new LibraryKeras.WeightDecay("sgd", 1, 0.1)).hasMessage("momentum must be in [0, 1); got 1");
        assertThatThrownBy(() -> new LibraryKeras.WeightDecay("adam", 0.9, 0.1)).hasMessage("momentum goes with optimizer sgd only; got adam");
        assertThatThrownBy(() -> new LibraryTorch.AdamW(-0.01)).hasMessage("weight_decay must be >= 0; got -0.01");
        assertThatThrownBy(() -> new LibrarySpark.LinearRegression(0.1, 0, true, "sgd")).hasMessage("solver must be one of auto, normal, l-bfgs; got 'sgd'");
        assertThatThrownBy(() -> new LibrarySmile.ElasticNet(0, 1)).hasMessage("lambda1 must be > 0; got 0");
    }

    @Test
    void contextIsValidatedAndMissingFactsAreNamed() {
        assertThatThrownBy(() -> ConversionContext.EMPTY.withN(0)).hasMessage("n must be >= 1; got 0");
        assertThatThrownBy(() -> ConversionContext.EMPTY.withSdY(-1)).hasMessage("the standard deviation of y must be finite and > 0; got -1.0");
        assertThatThrownBy(() -> ConversionContext.EMPTY.withBatchSize(0)).hasMessage("batch size must be >= 1; got 0");
        assertThatThrownBy(() -> ConversionContext.EMPTY.withLearningRate(0)).hasMessage("learning rate must be finite and > 0; got 0.0");
        assertThatThrownBy(() -> ConversionContext.EMPTY.withSumWeights(Double.NaN)).hasMessage("the sum of weights must be finite and > 0; got NaN");
        assertThatThrownBy(() -> new LibrarySklearn.Ridge(1).toCanonical(ConversionContext.EMPTY))
                .hasMessage("sklearn-ridge needs the sum of sample weights, or n for unit weights (--sum-weights or --n)");
        assertThatThrownBy(() -> new LibrarySmile.Lasso(1).toCanonical(ConversionContext.EMPTY)).hasMessage("smile-lasso needs n, the number of rows (--n)");
        assertThatThrownBy(() -> new LibrarySklearn.Mlp(1, "adam").toCanonical(ConversionContext.EMPTY))
                .hasMessage("sklearn-mlp needs the batch size (--batch-size), or n for the default min(200, n) (--n)");
    }

    @Test
    void parametersAreCheckedByName() {
        assertThat(Conventions.parse("sklearn-logistic", Map.of("c", "0.5"))).isEqualTo(new LibrarySklearn.Logistic(0.5, "l2", Double.NaN, "lbfgs"));
        assertThat(Conventions.parse("sklearn-logistic", Map.of("penalty", "l1"))).isEqualTo(new LibrarySklearn.Logistic(1, "l1", Double.NaN, "saga"));
        assertThat(Conventions.parse("sklearn-elasticnet", Map.of("l1-ratio", "0.2"))).isEqualTo(new LibrarySklearn.ElasticNet(1, 0.2));
        assertThatThrownBy(() -> Conventions.parse("sklearn-logistic", Map.of("lambda", "1")))
                .hasMessage("sklearn-logistic has no parameter 'lambda'; its parameters: C, penalty, l1_ratio, solver");
        assertThatThrownBy(() -> Conventions.parse("sklearn-logistic", Map.of("C", "half")))
                .hasMessage("sklearn-logistic: C must be a number; got 'half'");
        assertThatThrownBy(() -> Conventions.parse("glmnet", Map.of())).hasMessage("glmnet needs parameter lambda (λ >= 0)");
        assertThatThrownBy(() -> Conventions.parse("glmnet", Map.of("lambda", "1", "standardize", "maybe")))
                .hasMessage("glmnet: standardize must be true or false; got 'maybe'");
        assertThatThrownBy(() -> Conventions.parse("sklearn-elasticnet", Map.of("l1-ratio", "0.2", "l1_ratio", "0.3")))
                .hasMessage("sklearn-elasticnet: parameter l1_ratio is given twice");
        assertThatThrownBy(() -> Conventions.parse("sklearn-logistc", Map.of())).hasMessageStartingWith("unknown setting 'sklearn-logistc'; known: canonical, glmnet, sklearn-ridge");
    }

    @Test
    void conversionRecordKeepsItsContract() {
        Canonical c = new Canonical(1, 0, false, ConventionLoss.ANY);
        assertThatThrownBy(() -> new Conversion(c, ConversionStatus.EXACT_IF, null, "why")).hasMessage("an EXACT_IF conversion needs its condition");
        assertThatThrownBy(() -> new Conversion(c, ConversionStatus.NONE, "x", "why")).hasMessageContaining("only an EXACT_IF conversion has a condition");
        assertThatThrownBy(() -> Conversion.exact(c, "two\nlines")).hasMessageStartingWith("the explanation must be one line");
        // every explanation the converters produce is one line
        for (SettingKind k : Conventions.kinds()) {
            for (Canonical g : ConventionsRoundTripTest.canonicalGrid()) {
                Conversion conv = k.fromCanonical(g, ConventionsRoundTripTest.FULL);
                assertThat(conv.explanation()).doesNotContain("\n");
                Conversion back = conv.target().toCanonical(ConventionsRoundTripTest.FULL);
                assertThat(back.explanation()).doesNotContain("\n");
            }
        }
    }
}

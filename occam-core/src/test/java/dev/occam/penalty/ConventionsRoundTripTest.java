package dev.occam.penalty;

import dev.occam.penalty.LibrarySetting.Canonical;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Every mapping there and back: library → canonical → library, and canonical → library → canonical. */
class ConventionsRoundTripTest {

    /** Everything known; 600 rows in batches of 200; unit weights. */
    static final ConversionContext FULL = ConversionContext.EMPTY.withN(600).withSdY(3.7).withBatchSize(200).withLearningRate(0.01);

    /** The same with sample weights summing to 432.5. */
    static final ConversionContext WEIGHTED = FULL.withSumWeights(432.5);

    /** Settings in the form each kind's fromCanonical produces, so that the round trip returns them unchanged. */
    static Stream<LibrarySetting> settings() {
        return Stream.of(
                new Canonical(0.2, 0.4, true, ConventionLoss.GAUSSIAN),
                new Canonical(0.05, 0, false, ConventionLoss.ANY),
                new LibraryGlmnet(0.5, 0.3, true, ConventionLoss.GAUSSIAN),
                new LibraryGlmnet(0.5, 0, false, ConventionLoss.GAUSSIAN),
                new LibraryGlmnet(0.02, 0.7, true, ConventionLoss.BINOMIAL),
                new LibraryGlmnet(0.1, 0.5, true, ConventionLoss.POISSON),
                new LibrarySklearn.Ridge(3.0),
                new LibrarySklearn.Lasso(0.2),
                new LibrarySklearn.ElasticNet(0.5, 0.25),
                new LibrarySklearn.Logistic(0.5, "l2", Double.NaN, "lbfgs"),
                new LibrarySklearn.Logistic(0.2, "l1", Double.NaN, "saga"),
                new LibrarySklearn.Logistic(0.3, "elasticnet", 0.6, "saga"),
                new LibrarySklearn.Logistic(1.0, "none", Double.NaN, "lbfgs"),
                new LibrarySklearn.Sgd(0.001, "l2", 0.15),
                new LibrarySklearn.Sgd(0.01, "l1", 0.15),
                new LibrarySklearn.Sgd(0.01, "elasticnet", 0.3),
                new LibrarySklearn.Mlp(0.5, "adam"),
                new LibraryLiblinear(0.5, 0, 1, true),
                new LibraryLiblinear(0.2, 6, 1, true),
                new LibraryKeras.Regularizer(0.01, 0.02),
                new LibraryKeras.Regularizer(0, 0.01),
                new LibraryKeras.WeightDecay("sgd", 0, 0.004),
                new LibraryKeras.AddonsWeightDecay("sgdw", 0, 1e-4),
                new LibraryTorch.Sgd(1e-4),
                new LibraryTorch.Adam(5e-4),
                new LibrarySpark.LinearRegression(0.3, 0.2, true, "normal"),
                new LibrarySpark.LinearRegression(0.3, 0.2, false, "normal"),
                new LibrarySpark.LogisticRegression(0.1, 0.5, true),
                new LibrarySpark.LogisticRegression(0.1, 0.5, false),
                new LibrarySmile.Lasso(5),
                new LibrarySmile.ElasticNet(4, 2),
                new LibrarySmile.Ridge(10));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void libraryToCanonicalAndBack(LibrarySetting s) {
        for (ConversionContext ctx : List.of(FULL, WEIGHTED)) {
            Conversion there = s.toCanonical(ctx);
            assertThat(there.status()).as(there.explanation()).isNotEqualTo(ConversionStatus.NONE);
            Canonical c = (Canonical) there.target();
            Conversion back = Conventions.kind(s.id()).fromCanonical(c, ctx);
            assertThat(back.status()).as(back.explanation()).isNotEqualTo(ConversionStatus.NONE);
            assertThat(back.target().id()).isEqualTo(s.id());
            assertSameParameters(back.target().parameters(), s.parameters());
        }
    }

    /** Canonical settings of every shape. */
    static List<Canonical> canonicalGrid() {
        List<Canonical> grid = new ArrayList<>();
        for (double alpha : new double[] {0, 0.3, 1}) {
            for (boolean standardize : new boolean[] {true, false}) {
                for (ConventionLoss loss : ConventionLoss.values()) {
                    grid.add(new Canonical(0.37, alpha, standardize, loss));
                }
            }
        }
        return grid;
    }

    static Stream<SettingKind> kinds() {
        return Conventions.kinds().stream();
    }

    /**
     * For every kind and every canonical shape: a conversion that is not NONE comes back to the
     * same λ and α (and the same standardization and loss when the peer can express them).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void canonicalToLibraryAndBack(SettingKind kind) {
        int equivalent = 0;
        for (ConversionContext ctx : List.of(FULL, WEIGHTED)) {
            for (Canonical c : canonicalGrid()) {
                Conversion there = kind.fromCanonical(c, ctx);
                assertThat(there.target().id()).isEqualTo(kind.id());
                if (there.status() == ConversionStatus.NONE) continue;
                equivalent++;
                Conversion backConv = there.target().toCanonical(ctx);
                Canonical back = (Canonical) backConv.target();
                assertThat(back.lambda()).as("%s from %s", kind.id(), c).isCloseTo(c.lambda(), within(1e-13 * c.lambda()));
                assertThat(back.alpha()).as("%s from %s", kind.id(), c).isCloseTo(c.alpha(), within(1e-13));
                if (there.isExact()) assertThat(back.standardize()).isEqualTo(c.standardize());
                // the logistic peers take binomial and multinomial alike and report binomial
                if (there.isExact() && back.loss() != ConventionLoss.ANY && !(back.loss().isLogLoss() && c.loss().isLogLoss())) {
                    assertThat(back.loss()).isEqualTo(c.loss());
                }
            }
        }
        if (kind.id().equals("torch-adamw")) {
            assertThat(equivalent).as("AdamW has no penalty equivalent").isZero();
        } else {
            assertThat(equivalent).as("canonical settings %s can express", kind.id()).isPositive();
        }
    }

    @Test
    void everyKindHasARoundTripSample() {
        Set<String> sampled = new HashSet<>();
        settings().forEach(s -> sampled.add(s.id()));
        for (SettingKind k : Conventions.kinds()) {
            if (!k.id().equals("torch-adamw")) assertThat(sampled).as("round-trip sample").contains(k.id());
        }
    }

    /** Every setting's parameters, printed as text, parse back to the same setting. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void parametersParseBack(LibrarySetting s) {
        LibrarySetting again = Conventions.parse(s.id(), Conventions.parametersAsText(s));
        assertThat(again).isEqualTo(s);
    }

    static void assertSameParameters(Map<String, Object> actual, Map<String, Object> expected) {
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (Map.Entry<String, Object> e : expected.entrySet()) {
            Object a = actual.get(e.getKey());
            if (e.getValue() instanceof Double d && !d.isNaN()) {
                assertThat((Double) a).as(e.getKey()).isCloseTo(d, within(1e-13 * Math.abs(d)));
            } else {
                assertThat(a).as(e.getKey()).isEqualTo(e.getValue());
            }
        }
    }
}

package dev.occam.glm;

import dev.occam.data.Dataset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A fit that runs out of passes says so; validation messages name the setting and the value. */
class ConvergenceWarningTest {

    @Test
    void runningOutOfPassesIsReportedNotHidden() {
        Dataset d = SyntheticData.binomialData(200, 10, 3, false);
        GlmPath path = ElasticNet.path(d, GlmSettings.of(Family.BINOMIAL).withTolerance(1e-14).withMaxPasses(5));
        assertThat(path.allConverged()).isFalse();
        assertThat(path.warnings()).anySatisfy(w -> assertThat(w).contains("did not converge"));
        assertThat(path.model(path.size() - 1).summary().converged()).isFalse();
    }

    @Test
    void settingsAreValidatedWithTheValueFound() {
        assertThatThrownBy(() -> GlmSettings.of(Family.GAUSSIAN).withAlpha(1.5))
                .hasMessage("alpha must be in [0, 1]; got 1.5");
        assertThatThrownBy(() -> GlmSettings.of(Family.GAUSSIAN).withLambdas(-1))
                .hasMessage("lambda must be finite and >= 0; got -1.0");
        assertThatThrownBy(() -> GlmSettings.of(Family.GAUSSIAN).withLambdas(0.1, 0.2))
                .hasMessageContaining("decreasing");
        assertThatThrownBy(() -> GlmSettings.of(Family.GAUSSIAN).withPenaltyFactors(1, -1))
                .hasMessage("penalty factor must be finite and >= 0; got -1.0");
    }

    @Test
    void aClassTargetWithOneClassIsRefused() {
        Dataset d = SyntheticData.binomialData(50, 3, 3, false);
        Dataset one = new Dataset(d.x(), new double[50], null, d.featureNames(), "y", java.util.List.of("a"));
        assertThatThrownBy(() -> ElasticNet.path(one, GlmSettings.of(Family.BINOMIAL)))
                .hasMessageContaining("binomial needs exactly 2 classes");
    }

    @Test
    void constantTargetCannotDefineAPath() {
        Dataset d = SyntheticData.gaussianData(50, 3, 3, false);
        Dataset flat = Dataset.numeric(d.x(), new double[50], d.featureNames());
        assertThatThrownBy(() -> ElasticNet.path(flat, GlmSettings.of(Family.GAUSSIAN)))
                .hasMessageContaining("is the target constant?");
    }

    @Test
    void aTargetFittedExactlyByUnpenalizedFeaturesIsNamedAsAReason() {
        // y is twice the first feature: with penalty factor 0 it leaves the others gradients of rounding
        // size only, from which a path would chase rounding for the whole pass budget
        Dataset d = SyntheticData.gaussianData(50, 3, 3, false);
        double[] y = new double[50];
        for (int i = 0; i < 50; i++) y[i] = 2 * d.x().get(i, 0);
        Dataset exact = Dataset.numeric(d.x(), y, d.featureNames());
        assertThatThrownBy(() -> ElasticNet.path(exact, GlmSettings.of(Family.GAUSSIAN).withPenaltyFactors(0, 1, 1)))
                .hasMessageContaining("is the target constant, or fitted exactly by the features with penalty factor 0?");
        // the same data with every feature penalized has a path
        assertThat(ElasticNet.path(exact, GlmSettings.of(Family.GAUSSIAN)).size()).isGreaterThan(5);
    }
}

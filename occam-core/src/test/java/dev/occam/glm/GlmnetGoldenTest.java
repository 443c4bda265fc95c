package dev.occam.glm;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Occam's elastic-net paths against glmnet 4.1 on every case in {@code golden/glmnet}
 * (made by {@code golden/make_golden.R}): gaussian, binomial, multinomial and poisson; α ∈ {0, ½, 1};
 * weights, penalty factors (one of 0), coefficient limits, no intercept, no standardization,
 * sparse input and p > n.
 *
 * <p>Gaussian cases with α &lt; 1 use a y that is already standardized: glmnet scales y by its
 * standard deviation internally, which changes the L2 weight on the original scale to
 * λ(1−α)/σ_y; with σ_y = 1 glmnet's objective is Occam's canonical one (CONVENTIONS.md).
 */
class GlmnetGoldenTest {
    /**
     * Occam's convergence threshold here, the same as the references' (glmnet's {@code thresh}
     * semantics: a sweep's largest weighted squared coefficient change below tolerance × null
     * deviance). The comparison needs it: on diabetes lasso glmnet's own path is off its thresh-1e-20
     * solution by 3.2e-4, 3.2e-5, 3.2e-6 and 2.9e-7 (scaled) at thresh 1e-12, 1e-14, 1e-16 and 1e-18,
     * and Occam's errors at a given threshold are the same size.
     */
    static final double OCCAM_TOLERANCE = 1e-20;

    static Stream<GoldenCase> cases() {
        return GoldenCase.all("glmnet").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void pathOnGlmnetsLambdasMatchesGlmnet(GoldenCase c) {
        GlmSettings settings = c.settings().withLambdas(c.expected().lambdas()).withTolerance(OCCAM_TOLERANCE);
        GlmPath path = ElasticNet.path(c.data(), settings);
        GoldenComparison.assertMatches(c, path, c.spec().get("tolerance_link").asDouble(), true);
    }

    /**
     * What a user gets: the same paths at Occam's default settings (the certified KKT rule, no
     * tolerance given), matched to glmnet run at thresh 1e-20 (or 1e-18) within the case's
     * tolerance (1e-6, absolute and relative, on coefficients, intercepts and linear predictors).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void defaultSettingsMatchGlmnetRunToFullPrecision(GoldenCase c) {
        GlmPath path = ElasticNet.path(c.data(), c.settings().withLambdas(c.expected().lambdas()));
        GoldenComparison.assertMatches(c, path, c.spec().get("tolerance_link").asDouble(), true);
    }

    /**
     * The automatic λ sequence: λ_max from the data (for α = 0 glmnet computes it as if α were
     * 0.001), then nlambda values log-spaced down to lambda_min_ratio·λ_max, cut short where glmnet's
     * early-stop rules end the path (deviance ratio above 0.999 or a relative change below 1e-5 after
     * 5 values; glmnet turns the change rule off when a coefficient limit is 0, see the spec's
     * glmnet_control.fdev).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void automaticLambdaSequenceIsGlmnets(GoldenCase c) {
        GlmPath path = ElasticNet.path(c.data(), c.settings().withTolerance(OCCAM_TOLERANCE));
        double[] expected = c.expected().lambdas();
        assertThat(path.lambdas()[0]).as("%s: lambda_max", c.name()).isCloseTo(expected[0], within(1e-10 * expected[0]));
        int m = Math.min(path.size(), expected.length);
        for (int l = 0; l < m; l++) {
            assertThat(path.lambdas()[l]).as("%s: lambda #%d", c.name(), l).isCloseTo(expected[l], within(1e-10 * expected[l]));
        }
        assertThat(path.size()).as("%s: length of the automatic path (glmnet's early stop)", c.name()).isEqualTo(expected.length);
    }
}

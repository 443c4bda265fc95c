package dev.occam.glm;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/**
 * Occam against scikit-learn 1.2 on every case in {@code golden/sklearn} (made by
 * {@code golden/make_golden.py}), through the conversions of CONVENTIONS.md:
 * {@code Lasso(alpha)} and {@code ElasticNet(alpha, l1_ratio)} are λ = alpha, α = l1_ratio;
 * {@code Ridge(alpha)} is λ = alpha/Σv, α = 0; {@code LogisticRegression(C, penalty)} is
 * λ = 1/(C·n) with α = 0, 1 or l1_ratio; all without standardization. The reference λ values are
 * stored already converted; each row is an independent scikit-learn fit, Occam fits them as one path.
 */
class SklearnGoldenTest {

    static Stream<GoldenCase> cases() {
        return GoldenCase.all("sklearn").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void pathMatchesScikitLearn(GoldenCase c) {
        GlmSettings settings = c.settings().withLambdas(c.expected().lambdas())
                .withTolerance(GlmnetGoldenTest.OCCAM_TOLERANCE);
        GlmPath path = ElasticNet.path(c.data(), settings);
        GoldenComparison.assertMatches(c, path, c.spec().get("tolerance_link").asDouble(), false);
    }
}

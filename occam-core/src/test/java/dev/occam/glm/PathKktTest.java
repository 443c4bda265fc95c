package dev.occam.glm;

import dev.occam.data.Dataset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** KKT conditions hold at every λ of every path, for every family, storage and setting. */
class PathKktTest {

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Family f : Family.values()) {
            for (boolean sparse : new boolean[] {false, true}) {
                for (double alpha : new double[] {1.0, 0.5, 0.0}) {
                    for (boolean std : new boolean[] {true, false}) {
                        for (boolean icpt : new boolean[] {true, false}) {
                            out.add(Arguments.of(f, sparse, alpha, std, icpt));
                        }
                    }
                }
            }
        }
        return out.stream();
    }

    static Dataset data(Family f, boolean sparse) {
        return switch (f) {
            case GAUSSIAN -> SyntheticData.gaussianData(120, 15, 7, sparse);
            case BINOMIAL -> SyntheticData.binomialData(150, 12, 8, sparse);
            case POISSON -> SyntheticData.poissonData(150, 10, 9, sparse);
            case MULTINOMIAL -> SyntheticData.multinomialData(150, 8, 3, 10, sparse);
        };
    }

    @ParameterizedTest(name = "{0} sparse={1} alpha={2} standardize={3} intercept={4}")
    @MethodSource("cases")
    void kktHoldsAlongThePath(Family f, boolean sparse, double alpha, boolean std, boolean icpt) {
        Dataset d = data(f, sparse);
        GlmSettings s = GlmSettings.of(f).withAlpha(alpha).withStandardize(std).withIntercept(icpt)
                .withNlambda(30);
        GlmPath path = ElasticNet.path(d, s);
        assertThat(path.size()).isGreaterThan(3);
        assertThat(path.allConverged()).isTrue();
        for (int l = 0; l < path.size(); l++) {
            assertThat(Kkt.worstViolation(d, path, l)).as("KKT at lambda index %d (%s)", l, path.lambdas()[l]).isLessThan(1e-6);
        }
        // the first solution of an automatic path is the null model for penalized features
        if (alpha > 0) assertThat(path.df()[0]).isZero();
        else assertThat(path.df()[0]).isEqualTo(path.df()[path.size() - 1]);
    }
}

package dev.occam.glm;

import dev.occam.data.Dataset;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Ridge in closed form against the coordinate-descent path solver at α = 0: the two solve the same
 * canonical objective by different means, so they agree to the solver's tolerance (a tolerance
 * of 1e-20 makes coordinate descent run to ~1e-10 in the coefficients; without an intercept the
 * uncentred features are correlated and it needs ~60 passes).
 */
class RidgeElasticNetTest {

    @Test
    void closedFormEqualsCoordinateDescentWithAlphaZero() {
        double[] lambdas = {2.0, 0.3, 0.05, 0.01};
        double[] f = {1, 0.5, 2, 1, 0, 1};
        for (boolean weights : new boolean[] {false, true}) {
            Dataset d = RidgeReference.data(41, 60, 6, weights, -1, 0, false);
            for (RidgeSettings s : List.of(RidgeSettings.defaults(), new RidgeSettings(false, true, f),
                    new RidgeSettings(true, false, f), new RidgeSettings(false, false, null))) {
                GlmSettings g = GlmSettings.of(Family.GAUSSIAN).withAlpha(0.0).withLambdas(lambdas)
                        .withStandardize(s.standardize()).withIntercept(s.intercept())
                        .withPenaltyFactors(s.penaltyFactors()).withTolerance(1e-20);
                GlmPath path = ElasticNet.path(d, g);
                assertThat(path.size()).isEqualTo(lambdas.length);
                RidgePathResult ridgePath = RidgePath.fit(d, s, lambdas);
                for (int l = 0; l < lambdas.length; l++) {
                    LinearModel cd = path.model(l);
                    LinearModel closed = Ridge.fit(d, lambdas[l], s);
                    String what = s + " lambda " + lambdas[l] + " weights " + weights;
                    double b0 = closed.intercepts()[0];
                    assertThat(cd.intercepts()[0]).as("b0, %s", what).isCloseTo(b0, within(1e-8 * (1 + Math.abs(b0))));
                    assertThat(ridgePath.intercepts()[l]).isCloseTo(b0, within(1e-10 * (1 + Math.abs(b0))));
                    for (int j = 0; j < 6; j++) {
                        double w = closed.coefficients()[0][j];
                        assertThat(cd.coefficients()[0][j]).as("w[%d], %s", j, what)
                                .isCloseTo(w, within(1e-8 * (1 + Math.abs(w))));
                    }
                    assertThat(cd.summary().devRatio()).as("deviance ratio, %s", what)
                            .isCloseTo(closed.summary().devRatio(), within(1e-10));
                }
            }
        }
    }
}

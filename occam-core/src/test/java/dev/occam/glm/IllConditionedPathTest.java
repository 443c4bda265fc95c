package dev.occam.glm;

import dev.occam.data.Dataset;
import dev.occam.data.DenseMatrix;
import dev.occam.linalg.NativeBlas;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two unpenalized features that differ by 1e-4 of noise: the Hessian over the active set has a
 * condition number near 1e9. A Fisher information in single precision (entries accurate to ~1e-7)
 * cannot resolve its small eigenvalue, so {@link NewtonSystem} must form it in double once its
 * factor shows that; then every λ is certified at the default settings, for every family.
 */
class IllConditionedPathTest {
    private static final int N = 500;
    private static final int P = 6;

    private static Dataset data(Family family) {
        SplittableRandom r = new SplittableRandom(27);
        double[][] x = new double[N][P];
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            double common = r.nextGaussian();
            double eta = 0.3;
            for (int j = 0; j < P; j++) {
                x[i][j] = 0.5 * common + r.nextGaussian();
                eta += (j % 2 == 0 ? 0.5 : -0.3) * x[i][j];
            }
            x[i][5] = x[i][4] + 1e-4 * (r.nextDouble() - 0.5);
            double u = r.nextDouble();
            y[i] = switch (family) {
                case BINOMIAL -> u < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
                case POISSON -> Math.floor(-Math.log(1 - u) * Math.exp(0.3 * eta) * 2);
                default -> eta + r.nextGaussian();
            };
        }
        return family == Family.BINOMIAL
                ? new Dataset(DenseMatrix.ofRows(x), y, null, Dataset.defaultNames(P), "y", List.of("0", "1"))
                : Dataset.numeric(DenseMatrix.ofRows(x), y, Dataset.defaultNames(P));
    }

    @ParameterizedTest
    @EnumSource(value = Family.class, names = {"GAUSSIAN", "BINOMIAL", "POISSON"})
    void nearlyCollinearUnpenalizedFeaturesAreCertifiedAtDefaultSettings(Family family) {
        GlmSettings s = GlmSettings.of(family).withNlambda(20).withPenaltyFactors(1, 1, 1, 1, 0, 0);
        GlmPath path = ElasticNet.path(data(family), s);
        assertThat(path.warnings()).isEmpty();
        assertThat(path.allConverged()).isTrue();
        assertThat(path.maxKktViolation()).isLessThanOrEqualTo(s.kktTolerance());
        assertThat(path.size()).isGreaterThan(5);
    }

    @org.junit.jupiter.api.Test
    void fisherInformationTurnsToDoubleWhenItsFactorIsIllConditioned() {
        Dataset d = data(Family.BINOMIAL);
        Problem pr = SyntheticData.standardizedProblem(d, 1.0, true, null);
        Irls solver = new Irls(pr, Family.BINOMIAL, d.y());
        NewtonSystem system = NewtonSystem.of(pr, solver, Family.BINOMIAL);
        boolean floats = NativeBlas.available();
        assertThat(system.singlePrecision()).isEqualTo(floats);
        // a well-conditioned active set keeps floats
        assertThat(system.solve(new int[] {0, 1, 2}, 3, 0, new double[] {1, 0.5, -0.5, 0.2})).isTrue();
        assertThat(system.singlePrecision()).isEqualTo(floats);
        // the nearly collinear pair joins: its factor's diagonal spans ~1e4.5, so H is formed anew in double
        double[] x = {1, 0.5, -0.5, 0.2, 0.1, -0.1};
        assertThat(system.solve(new int[] {0, 1, 2, 4, 5}, 5, 0, x)).isTrue();
        assertThat(system.singlePrecision()).isFalse();
        for (double v : x) assertThat(v).isFinite();
    }
}

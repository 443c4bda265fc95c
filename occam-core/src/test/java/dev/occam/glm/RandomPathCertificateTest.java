package dev.occam.glm;

import dev.occam.data.Dataset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The certificate at default settings on 240 seeded random problems: gaussian, binomial and
 * poisson; n from 30 to 400, p from 3 to 60, dense and sparse; weights, α from 0 to 1, with and
 * without standardization and intercept, penalty factors with zeros, and coefficient limits (0
 * bounds and upper limits that bind). Every λ must end certified, without a warning, and the
 * independent check ({@link Kkt}) must agree. Seeds 43, 59, 77, 95, 161 and 181 once failed: a
 * coefficient held at a limit that had to move off it was swept by no refinement round. Seed 907
 * (of 1 200 more tried) once failed the independent check only: a coefficient held at its upper
 * limit was reported an ulp inside it (b / scale), so it read as free with a large gradient.
 */
class RandomPathCertificateTest {
    static IntStream seeds() {
        return IntStream.concat(IntStream.range(0, 240), IntStream.of(907));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyLambdaIsCertifiedAtDefaultSettings(int seed) {
        SplittableRandom r = new SplittableRandom(1000 + seed);
        Family f = new Family[] {Family.GAUSSIAN, Family.BINOMIAL, Family.POISSON}[seed % 3];
        int n = 30 + r.nextInt(370);
        int p = 3 + r.nextInt(58);
        boolean sparse = r.nextInt(4) == 0;
        Dataset d = switch (f) {
            case BINOMIAL -> SyntheticData.binomialData(n, p, seed, sparse);
            case POISSON -> SyntheticData.poissonData(n, p, seed, sparse);
            default -> SyntheticData.gaussianData(n, p, seed, sparse);
        };
        if (r.nextBoolean()) {
            double[] w = new double[n];
            for (int i = 0; i < n; i++) w[i] = 0.2 + 2 * r.nextDouble();
            d = d.withWeights(w);
        }
        double alpha = new double[] {1, 0.5, 0.1, 0}[r.nextInt(4)];
        GlmSettings s = GlmSettings.of(f).withAlpha(alpha).withStandardize(r.nextInt(4) != 0).withIntercept(r.nextInt(5) != 0);
        if (r.nextBoolean()) {
            double[] pf = new double[p];
            for (int j = 0; j < p; j++) pf[j] = r.nextInt(6) == 0 ? 0 : 0.2 + 2 * r.nextDouble();
            pf[0] = 1;
            s = s.withPenaltyFactors(pf);
        }
        if (r.nextInt(4) == 0) {
            double[] lo = new double[p];
            double[] hi = new double[p];
            for (int j = 0; j < p; j++) {
                lo[j] = r.nextBoolean() ? 0 : Double.NEGATIVE_INFINITY;
                hi[j] = r.nextInt(3) == 0 ? 0.3 : Double.POSITIVE_INFINITY;
            }
            s = s.withLimits(lo, hi);
        }
        GlmPath path = ElasticNet.path(d, s);
        assertThat(path.warnings()).noneMatch(w -> w.contains("KKT") || w.contains("did not converge"));
        assertThat(path.allConverged()).isTrue();
        assertThat(path.maxKktViolation()).isLessThanOrEqualTo(s.kktTolerance());
        for (int l = 0; l < path.size(); l++) {
            assertThat(Kkt.worstViolation(d, path, l)).as("independent KKT at λ index %d", l).isLessThan(1e-6);
        }
    }
}

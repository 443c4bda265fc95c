package dev.occam.glm;

import dev.occam.data.Dataset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A gaussian path from sufficient statistics equals the path from the rows they came from. */
class GaussianMomentsTest {

    @ParameterizedTest(name = "sparse={0} standardize={1} intercept={2} weights={3} alpha={4}")
    @CsvSource({"false,true,true,false,1", "false,true,true,true,0.5", "false,false,true,false,1", "false,true,false,true,0.5",
            "true,true,true,false,1", "true,false,false,true,0"})
    void pathFromMomentsEqualsPathFromRows(boolean sparse, boolean standardize, boolean intercept, boolean weighted, double alpha) {
        Dataset d = SyntheticData.gaussianData(200, 12, 5, sparse);
        if (weighted) {
            double[] w = new double[d.rows()];
            SplittableRandom r = new SplittableRandom(3);
            for (int i = 0; i < w.length; i++) w[i] = 0.5 + r.nextDouble();
            d = d.withWeights(w);
        }
        GlmSettings s = GlmSettings.of(Family.GAUSSIAN).withAlpha(alpha).withStandardize(standardize).withIntercept(intercept)
                .withNlambda(20).withTolerance(1e-16).withUpdates(GlmSettings.Updates.COVARIANCE);
        GlmPath rows = ElasticNet.path(d, s);
        double[] shift = new double[d.cols()];
        for (int j = 0; j < shift.length; j++) shift[j] = d.x().get(0, j);   // any shift will do
        GaussianMoments m = GaussianMoments.of(d.x(), d.y(), d.weights(), null, shift);
        GlmPath moments = ElasticNet.path(m, d.featureNames(), s);
        assertSame(rows, moments);
    }

    @ParameterizedTest(name = "sparse={0}")
    @CsvSource({"false", "true"})
    void aFoldsMomentsAreTheFullMomentsMinusItsHeldOutRows(boolean sparse) {
        Dataset d = SyntheticData.gaussianData(150, 8, 9, sparse);
        int[] held = {0, 3, 7, 20, 21, 100, 149};
        int[] train = java.util.stream.IntStream.range(0, d.rows()).filter(i -> Arrays.binarySearch(held, i) < 0).toArray();
        double[] shift = new double[d.cols()];
        for (int j = 0; j < shift.length; j++) shift[j] = d.x().get(1, j);
        GaussianMoments full = GaussianMoments.of(d.x(), d.y(), null, null, shift);
        GaussianMoments direct = GaussianMoments.of(d.x(), d.y(), null, train, shift);
        GaussianMoments diff = full.minus(GaussianMoments.of(d.x(), d.y(), null, held, shift));
        assertThat(diff.n()).isEqualTo(direct.n());
        assertThat(diff.weightSum()).isCloseTo(direct.weightSum(), within(1e-9));
        assertThat(diff.sy()).isCloseTo(direct.sy(), within(1e-9));
        for (int j = 0; j < d.cols(); j++) {
            assertThat(diff.sx()[j]).isCloseTo(direct.sx()[j], within(1e-9));
            assertThat(diff.sxy()[j]).isCloseTo(direct.sxy()[j], within(1e-9));
            for (int k = 0; k < d.cols(); k++) assertThat(diff.sxx()[k][j]).isCloseTo(direct.sxx()[k][j], within(1e-8));
        }
    }

    static void assertSame(GlmPath a, GlmPath b) {
        assertThat(b.lambdas()).hasSameSizeAs(a.lambdas());
        for (int l = 0; l < a.size(); l++) {
            assertThat(b.lambdas()[l]).isCloseTo(a.lambdas()[l], within(1e-10 * a.lambdas()[0]));
            assertThat(b.intercepts()[l][0]).isCloseTo(a.intercepts()[l][0], within(1e-8));
            assertThat(b.devRatio()[l]).isCloseTo(a.devRatio()[l], within(1e-10));
            for (int j = 0; j < a.featureNames().size(); j++) {
                assertThat(b.coefficients()[l][0][j]).isCloseTo(a.coefficients()[l][0][j], within(1e-8));
            }
        }
    }
}

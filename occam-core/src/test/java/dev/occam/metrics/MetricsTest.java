package dev.occam.metrics;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Every measure against a computation by hand. */
class MetricsTest {
    private static final double[] Y = {1, 2, 4};
    private static final double[] MU = {2, 2, 1};
    private static final double[] W = {1, 3, 0.5};

    @Test
    void regressionErrors() {
        // errors -1, 0, 3
        assertThat(Regression.mse(Y, MU, null)).isCloseTo(10.0 / 3, within(1e-15));
        assertThat(Regression.mse(Y, MU, W)).isCloseTo((1 + 0 + 0.5 * 9) / 4.5, within(1e-15));
        assertThat(Regression.mae(Y, MU, null)).isCloseTo(4.0 / 3, within(1e-15));
        assertThat(Regression.mae(Y, MU, W)).isCloseTo((1 + 0.5 * 3) / 4.5, within(1e-15));
    }

    @Test
    void rSquared() {
        // unweighted: mean y = 7/3, TSS = 16/9 + 1/9 + 25/9 = 42/9, RSS = 10
        assertThat(Regression.r2(Y, MU, null)).isCloseTo(1 - 10 / (42.0 / 9), within(1e-15));
        // weighted: ybar = (1 + 6 + 2)/4.5 = 2; TSS = 1 + 0 + 0.5*4 = 3; RSS = 5.5
        assertThat(Regression.r2(Y, MU, W)).isCloseTo(1 - 5.5 / 3, within(1e-15));
        assertThat(Regression.r2(Y, Y, null)).isEqualTo(1.0);
        assertThat(Regression.r2(new double[] {2, 2}, new double[] {1, 3}, null)).isNaN();
    }

    @Test
    void deviancesPerFamily() {
        double[] d = new double[3];
        Deviances.unitGaussian(Y, MU, d);
        assertThat(d).containsExactly(1, 0, 9);

        Deviances.unitBinomial(new double[] {1, 0, 1}, new double[] {0.8, 0.25, 1e-9}, 0.0, d);
        assertThat(d[0]).isCloseTo(-2 * Math.log(0.8), within(1e-15));
        assertThat(d[1]).isCloseTo(-2 * Math.log(0.75), within(1e-15));
        assertThat(d[2]).isCloseTo(-2 * Math.log(1e-9), within(1e-12));
        Deviances.unitBinomial(new double[] {1, 0, 1}, new double[] {0.8, 0.25, 1e-9}, 1e-5, d);
        assertThat(d[2]).as("clipped at 1e-5").isCloseTo(-2 * Math.log(1e-5), within(1e-12));
        // a proportion target: 2[y log(y/p) + (1-y) log((1-y)/(1-p))]
        Deviances.unitBinomial(new double[] {0.3}, new double[] {0.6}, 0.0, d);
        assertThat(d[0]).isCloseTo(2 * (0.3 * Math.log(0.5) + 0.7 * Math.log(0.7 / 0.4)), within(1e-15));

        Deviances.unitPoisson(new double[] {0, 2, 3}, new double[] {1.5, 1, 3}, d);
        assertThat(d[0]).isCloseTo(3.0, within(1e-15));
        assertThat(d[1]).isCloseTo(2 * (2 * Math.log(2) - 1), within(1e-15));
        assertThat(d[2]).isCloseTo(0.0, within(1e-15));
        double[] fromLink = new double[3];
        Deviances.unitPoissonFromLink(new double[] {0, 2, 3}, new double[] {Math.log(1.5), 0, Math.log(3)}, fromLink);
        assertThat(fromLink[0]).isCloseTo(3.0, within(1e-14));
        assertThat(fromLink[1]).isCloseTo(d[1], within(1e-14));
        assertThat(fromLink[2]).isCloseTo(0.0, within(1e-14));

        double[][] prob = {{0.2, 0.5}, {0.7, 0.1}, {0.1, 0.4}};
        double[] d2 = new double[2];
        Deviances.unitMultinomial(new double[] {1, 2}, prob, 0.0, d2);
        assertThat(d2[0]).isCloseTo(-2 * Math.log(0.7), within(1e-15));
        assertThat(d2[1]).isCloseTo(-2 * Math.log(0.4), within(1e-15));
        assertThat(Deviances.multinomial(new double[] {1, 2}, prob, new double[] {1, 3}))
                .isCloseTo((-2 * Math.log(0.7) - 6 * Math.log(0.4)) / 4, within(1e-15));
        assertThat(Deviances.binomial(new double[] {1, 0}, new double[] {0.8, 0.25}, null))
                .isCloseTo(-(Math.log(0.8) + Math.log(0.75)), within(1e-15));
        assertThat(Deviances.poisson(new double[] {0, 2}, new double[] {1.5, 1}, new double[] {2, 1}))
                .isCloseTo((2 * 3.0 + 2 * (2 * Math.log(2) - 1)) / 3, within(1e-15));
    }

    @Test
    void misclassificationAndAccuracy() {
        double[] y = {1, 0, 1, 0};
        double[] p = {0.9, 0.5, 0.5, 0.7};
        double[] e = new double[4];
        Classification.misclassifiedBinary(y, p, e);
        // p = 0.5 predicts class 0: right for row 2, wrong for row 3
        assertThat(e).containsExactly(0, 0, 1, 1);
        assertThat(Classification.misclassification(y, p, new double[] {1, 1, 2, 4})).isCloseTo(6.0 / 8, within(1e-15));
        assertThat(Classification.accuracy(y, p, null)).isCloseTo(0.5, within(1e-15));

        double[][] score = {{0.3, 0.2, 0.4}, {0.3, 0.5, 0.4}, {0.4, 0.3, 0.2}};
        Classification.misclassifiedMulti(new double[] {2, 1, 1}, score, e);
        // row 3: classes 0 and 1 tie at 0.4, the first (0) is predicted
        assertThat(e[0]).isZero();
        assertThat(e[1]).isZero();
        assertThat(e[2]).isEqualTo(1.0);
    }

    @Test
    void logLossIsHalfTheDeviance() {
        double[] y = {1, 0};
        double[] p = {0.8, 0.4};
        assertThat(Classification.logLoss(y, p, null)).isCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, within(1e-15));
        assertThat(Classification.logLoss(new double[] {1}, new double[] {0.0}, null))
                .isCloseTo(-Math.log(Classification.LOG_LOSS_EPSILON), within(1e-9));
        double[][] prob = {{0.2}, {0.8}};
        assertThat(Classification.logLossMulti(new double[] {1}, prob, null)).isCloseTo(-Math.log(0.8), within(1e-15));
    }

    /** AUC by its definition: every (positive, negative) pair. */
    private static double aucByPairs(double[] y, double[] s, double[] w) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < y.length; j++) {
                if (y[i] == 1 && y[j] == 0) {
                    double pw = (w == null ? 1 : w[i]) * (w == null ? 1 : w[j]);
                    num += pw * (s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0);
                    den += pw;
                }
            }
        }
        return num / den;
    }

    @Test
    void aucCountsOrderedPairsWithTiesAsHalf() {
        assertThat(Classification.auc(new double[] {0, 0, 1, 1}, new double[] {0.1, 0.2, 0.3, 0.4}, null)).isEqualTo(1.0);
        assertThat(Classification.auc(new double[] {1, 1, 0, 0}, new double[] {0.1, 0.2, 0.3, 0.4}, null)).isEqualTo(0.0);
        assertThat(Classification.auc(new double[] {0, 1}, new double[] {0.5, 0.5}, null)).isEqualTo(0.5);
        // 2 positives (0.8, 0.4), 2 negatives (0.4, 0.1): pairs 1, 1, 0.5, 1 -> 3.5/4
        assertThat(Classification.auc(new double[] {1, 1, 0, 0}, new double[] {0.8, 0.4, 0.4, 0.1}, null)).isEqualTo(0.875);
        assertThat(Classification.auc(new double[] {1, 1}, new double[] {0.8, 0.4}, null)).isNaN();

        SplittableRandom r = new SplittableRandom(3);
        int n = 60;
        double[] y = new double[n];
        double[] s = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextDouble() < 0.4 ? 1 : 0;
            s[i] = Math.floor(r.nextDouble() * 8) / 8 + 0.2 * y[i]; // many ties
            w[i] = r.nextDouble() < 0.1 ? 0 : 0.5 + r.nextDouble();
        }
        assertThat(Classification.auc(y, s, null)).isCloseTo(aucByPairs(y, s, null), within(1e-14));
        assertThat(Classification.auc(y, s, w)).isCloseTo(aucByPairs(y, s, w), within(1e-14));
    }

    @Test
    void meanOfFiniteLeavesOutInfiniteValuesWithTheirWeights() {
        double[] x = {1, Double.POSITIVE_INFINITY, 3, Double.NaN};
        double[] w = {1, 5, 3, 7};
        assertThat(Weighted.meanOfFinite(x, w)).isCloseTo(10.0 / 4, within(1e-15));
        assertThat(Weighted.meanOfFinite(x, null)).isEqualTo(2.0);
        assertThat(Weighted.mean(new double[] {1, 3}, new double[] {0, 0})).isNaN();
        assertThat(Weighted.meanOfFinite(new double[] {Double.NEGATIVE_INFINITY}, null)).isNaN();
    }
}

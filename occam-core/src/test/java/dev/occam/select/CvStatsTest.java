package dev.occam.select;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CvStatsTest {

    @Test
    void weightedMeanAndStandardErrorOverFolds() {
        // 3 folds, 2 lambdas; fold weights 1, 2, 1
        double[][] m = {{1, 4}, {2, 4}, {4, 1}};
        double[] w = {1, 2, 1};
        double[][] s = CvStats.combine(m, w);
        // lambda 0: mean (1 + 4 + 4)/4 = 2.25; variance (1.5625 + 2*0.0625 + 3.0625)/4 = 1.1875; /(K-1) = 0.59375
        assertThat(s[0][0]).isCloseTo(2.25, within(1e-15));
        assertThat(s[1][0]).isCloseTo(Math.sqrt(0.59375), within(1e-15));
        // lambda 1: mean (4 + 8 + 1)/4 = 3.25; variance (0.5625 + 2*0.5625 + 5.0625)/4 = 1.6875; /2
        assertThat(s[0][1]).isCloseTo(3.25, within(1e-15));
        assertThat(s[1][1]).isCloseTo(Math.sqrt(1.6875 / 2), within(1e-15));
    }

    @Test
    void foldsWithAnUndefinedMeasureAreLeftOutButKStaysTheFoldCount() {
        double[][] m = {{1}, {Double.NaN}, {3}};
        double[][] s = CvStats.combine(m, new double[] {1, 1, 1});
        assertThat(s[0][0]).isEqualTo(2.0);
        // weighted variance over the two defined folds is 1, divided by K - 1 = 2
        assertThat(s[1][0]).isCloseTo(Math.sqrt(0.5), within(1e-15));
    }
}

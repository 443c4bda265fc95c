package dev.occam.select;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** glmnet's getOptcv rules on constructed curves. */
class LambdaChoiceTest {
    private static final double[] LAMBDAS = {5, 4, 3, 2, 1, 0.5};

    @Test
    void minIsTheBestAndOneSeTheLargestLambdaWithinOneStandardErrorOfIt() {
        double[] cvm = {10, 5.2, 4.6, 4.0, 4.3, 4.9};
        double[] cvsd = {1, 1, 1, 1.5, 1, 1};
        assertThat(LambdaChoice.MIN.index(LAMBDAS, cvm, cvsd, false)).isEqualTo(3);
        // bound = 4.0 + 1.5 = 5.5: lambdas 4, 3, 2, 1, 0.5 qualify, the largest is 4
        assertThat(LambdaChoice.ONE_SE.index(LAMBDAS, cvm, cvsd, false)).isEqualTo(1);
    }

    @Test
    void oneSeUsesTheStandardErrorAtTheMinimumNotAtTheCandidate() {
        double[] cvm = {10, 5.6, 4.6, 4.0, 4.3, 4.9};
        double[] cvsd = {1, 100, 1, 1.5, 1, 1};
        // 5.6 > 4.0 + 1.5 although 5.6 - 100 would be below: not chosen
        assertThat(LambdaChoice.ONE_SE.index(LAMBDAS, cvm, cvsd, false)).isEqualTo(2);
    }

    @Test
    void boundIsInclusive() {
        double[] cvm = {10, 5.5, 4.6, 4.0, 4.3, 4.9};
        double[] cvsd = {1, 1, 1, 1.5, 1, 1};
        assertThat(LambdaChoice.ONE_SE.index(LAMBDAS, cvm, cvsd, false)).isEqualTo(1);
    }

    @Test
    void tiedMinimaGoToTheLargestLambda() {
        double[] cvm = {9, 3, 4, 3, 3, 5};
        double[] cvsd = {0, 0, 0, 0, 0, 0};
        assertThat(LambdaChoice.MIN.index(LAMBDAS, cvm, cvsd, false)).isEqualTo(1);
        assertThat(LambdaChoice.ONE_SE.index(LAMBDAS, cvm, cvsd, false)).isEqualTo(1);
    }

    @Test
    void aucIsMaximizedAndItsOneSeRuleLooksDownwards() {
        double[] auc = {0.5, 0.70, 0.78, 0.80, 0.79, 0.75};
        double[] sd = {0.01, 0.02, 0.02, 0.03, 0.02, 0.02};
        assertThat(LambdaChoice.MIN.index(LAMBDAS, auc, sd, true)).isEqualTo(3);
        // bound 0.80 - 0.03 = 0.77: the largest lambda with AUC >= 0.77 is 3
        assertThat(LambdaChoice.ONE_SE.index(LAMBDAS, auc, sd, true)).isEqualTo(2);
    }

    @Test
    void nanValuesAreIgnored() {
        double[] cvm = {Double.NaN, 5, 2, Double.NaN, 3, 4};
        double[] cvsd = {Double.NaN, 1, 1.5, Double.NaN, 1, 1};
        assertThat(LambdaChoice.MIN.index(LAMBDAS, cvm, cvsd, false)).isEqualTo(2);
        assertThat(LambdaChoice.ONE_SE.index(LAMBDAS, cvm, cvsd, false)).isEqualTo(2);
        double[] cvm2 = {Double.NaN, 3.4, 2, Double.NaN, 3, 4};
        assertThat(LambdaChoice.ONE_SE.index(LAMBDAS, cvm2, cvsd, false)).isEqualTo(1);
    }

    @Test
    void anUndefinedCurveIsAnError() {
        double[] nan = {Double.NaN, Double.NaN};
        assertThatThrownBy(() -> LambdaChoice.MIN.index(new double[] {2, 1}, nan, nan, false))
                .hasMessage("the CV measure is undefined (NaN) at every lambda");
        assertThatThrownBy(() -> LambdaChoice.MIN.index(new double[] {2, 1}, new double[] {1}, new double[] {1}, false))
                .hasMessageContaining("differ in length");
    }

    @Test
    void parsesGlmnetsNames() {
        assertThat(LambdaChoice.parse("min")).isEqualTo(LambdaChoice.MIN);
        assertThat(LambdaChoice.parse("1se")).isEqualTo(LambdaChoice.ONE_SE);
        assertThat(LambdaChoice.ONE_SE.id()).isEqualTo("1se");
        assertThatThrownBy(() -> LambdaChoice.parse("best")).hasMessage("lambda choice must be min or 1se; got best");
    }
}

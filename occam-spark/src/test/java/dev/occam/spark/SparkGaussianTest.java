package dev.occam.spark;

import dev.occam.glm.ElasticNet;
import dev.occam.glm.Family;
import dev.occam.glm.GlmPath;
import dev.occam.glm.GlmSettings;
import dev.occam.select.CrossValidation;
import dev.occam.select.CvResult;
import dev.occam.select.CvSettings;
import dev.occam.select.Folds;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SparkGaussianTest {
    private final SparkSession spark = SparkTestSession.get();

    static void assertSamePath(GlmPath spark, GlmPath core, double tol) {
        assertThat(spark.lambdas().length).isEqualTo(core.lambdas().length);
        for (int l = 0; l < core.size(); l++) {
            assertThat(spark.lambdas()[l]).as("lambda %d", l).isCloseTo(core.lambdas()[l], org.assertj.core.data.Offset.offset(tol * Math.max(1, core.lambdas()[l])));
            assertThat(spark.intercepts()[l][0]).as("intercept at %d", l).isCloseTo(core.intercepts()[l][0], org.assertj.core.data.Offset.offset(tol));
            for (int j = 0; j < core.coefficients()[l][0].length; j++) {
                assertThat(spark.coefficients()[l][0][j]).as("w[%d] at lambda %d", j, l)
                        .isCloseTo(core.coefficients()[l][0][j], org.assertj.core.data.Offset.offset(tol));
            }
            assertThat(spark.devRatio()[l]).as("dev ratio %d", l).isCloseTo(core.devRatio()[l], org.assertj.core.data.Offset.offset(tol));
        }
    }

    @Test
    void weightedPathWithPenaltyFactorsEqualsOccamCore() {
        TestData d = TestData.of("gaussian", 600, 7, 5, 11);
        GlmSettings s = GlmSettings.of(Family.GAUSSIAN).withAlpha(0.7).withNlambda(30)
                .withPenaltyFactors(1, 0.5, 2, 1, 0, 1, 1.5);
        org.apache.spark.sql.Dataset<Row> df = d.frame(spark, 3);
        GlmPath onSpark = SparkGaussian.path(df, Columns.of("features", "label").withWeight("weight"), s);
        GlmPath core = ElasticNet.path(d.core(true), s);
        assertThat(core.size()).isGreaterThan(10);
        assertSamePath(onSpark, core, 1e-8);
    }

    @Test
    void unweightedPathWithoutStandardizationOrInterceptEqualsOccamCore() {
        TestData d = TestData.of("gaussian", 300, 5, 5, 12);
        GlmSettings s = GlmSettings.of(Family.GAUSSIAN).withAlpha(0.3).withNlambda(20).withStandardize(false).withIntercept(false);
        GlmPath onSpark = SparkGaussian.path(d.frame(spark, 4), Columns.of("features", "label"), s);
        assertSamePath(onSpark, ElasticNet.path(d.core(false), s), 1e-8);
    }

    @Test
    void crossValidationFromOnePassEqualsOccamCoreWithTheSameFoldIds() {
        TestData d = TestData.of("gaussian", 500, 6, 5, 13);
        GlmSettings s = GlmSettings.of(Family.GAUSSIAN).withAlpha(0.9).withNlambda(25).withPenaltyFactors(1, 1, 0.5, 2, 1, 1);
        CvResult onSpark = SparkGaussian.cv(d.frame(spark, 3), Columns.of("features", "label").withWeight("weight").withFold("fold"),
                s, CvSettings.defaults());
        CvResult core = CrossValidation.elasticNet(d.core(true), s, Folds.given(d.foldIds()), CvSettings.defaults());
        assertSamePath(onSpark.path(), core.path(), 1e-8);
        assertThat(onSpark.foldWeights()).containsExactly(core.foldWeights(), org.assertj.core.data.Offset.offset(1e-9));
        for (int f = 0; f < 5; f++) {
            assertThat(onSpark.foldMeasures()[f]).containsExactly(core.foldMeasures()[f], org.assertj.core.data.Offset.offset(1e-8));
        }
        assertThat(onSpark.cvm()).containsExactly(core.cvm(), org.assertj.core.data.Offset.offset(1e-8));
        assertThat(onSpark.cvsd()).containsExactly(core.cvsd(), org.assertj.core.data.Offset.offset(1e-8));
        assertThat(onSpark.indexMin()).isEqualTo(core.indexMin());
        assertThat(onSpark.index1se()).isEqualTo(core.index1se());
    }
}

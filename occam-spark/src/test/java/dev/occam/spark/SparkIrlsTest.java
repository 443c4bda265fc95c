package dev.occam.spark;

import dev.occam.glm.ElasticNet;
import dev.occam.glm.Family;
import dev.occam.glm.GlmPath;
import dev.occam.glm.GlmSettings;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SparkIrlsTest {
    private final SparkSession spark = SparkTestSession.get();

    @Test
    void weightedBinomialPathWithPenaltyFactorsEqualsOccamCore() {
        TestData d = TestData.of("binomial", 500, 6, 5, 21);
        GlmSettings s = GlmSettings.of(Family.BINOMIAL).withAlpha(0.8).withNlambda(20).withPenaltyFactors(1, 2, 0.5, 1, 1, 0)
                // both certify every λ by the same KKT rule; at the default 1e-9 each answer is that close to the
                // optimum, which leaves the two ~1e-8 apart: a tighter certificate makes them agree to 1e-8 with room
                .withKktTolerance(1e-11);
        GlmPath core = ElasticNet.path(d.core(true), s);
        // with an unpenalized feature λ_max is read at the λ = ∞ fit, which occam-core solves only to glmnet's
        // threshold (~1e-8 off); Spark's is exact. Same λ values, then, to compare the solutions themselves.
        SparkIrls.Fit fit = SparkIrls.fit(d.frame(spark, 3), Columns.of("features", "label").withWeight("weight"),
                s.withLambdas(core.lambdas()));
        SparkGaussianTest.assertSamePath(fit.path(), core, 1e-8);
        assertThat(fit.path().maxKktViolation()).isLessThanOrEqualTo(1e-11);
        assertThat(fit.path().allConverged()).isTrue();
        // a pass for the standardization, one at the null model, then Newton steps: far fewer than λ × iterations
        assertThat(fit.passes()).isBetween(3, 4 * core.size());
    }

    @Test
    void poissonPathEqualsOccamCore() {
        TestData d = TestData.of("poisson", 400, 5, 5, 22);
        GlmSettings s = GlmSettings.of(Family.POISSON).withAlpha(0.5).withNlambda(8).withPenaltyFactors(1, 1, 0.3, 2, 1).withKktTolerance(1e-11);
        GlmPath onSpark = SparkIrls.path(d.frame(spark, 2), Columns.of("features", "label").withWeight("weight"), s);
        SparkGaussianTest.assertSamePath(onSpark, ElasticNet.path(d.core(true), s), 1e-8);
    }

    @Test
    void unweightedBinomialWithoutStandardizationEqualsOccamCore() {
        TestData d = TestData.of("binomial", 300, 4, 5, 23);
        GlmSettings s = GlmSettings.of(Family.BINOMIAL).withAlpha(1).withNlambda(12).withStandardize(false).withKktTolerance(1e-11);
        GlmPath onSpark = SparkIrls.path(d.frame(spark, 2), Columns.of("features", "label"), s);
        SparkGaussianTest.assertSamePath(onSpark, ElasticNet.path(d.core(false), s), 1e-8);
    }

    @Test
    void atDefaultSettingsSparkAndOccamCoreGiveTheSameCertifiedAnswers() {
        // what a user gets with no tolerance set: each answer within the default certificate (KKT ≤ 1e-9
        // relative to λ), so the two agree to 1e-6, the default's promise of accuracy
        for (Family f : new Family[] {Family.BINOMIAL, Family.POISSON}) {
            TestData d = TestData.of(f == Family.BINOMIAL ? "binomial" : "poisson", 400, 5, 5, 24);
            GlmSettings s = GlmSettings.of(f).withNlambda(15);
            GlmPath core = ElasticNet.path(d.core(true), s);
            GlmPath onSpark = SparkIrls.path(d.frame(spark, 2), Columns.of("features", "label").withWeight("weight"),
                    s.withLambdas(core.lambdas()));
            SparkGaussianTest.assertSamePath(onSpark, core, 1e-6);
            assertThat(onSpark.maxKktViolation()).as("%s", f).isLessThanOrEqualTo(s.kktTolerance());
            assertThat(onSpark.allConverged()).as("%s", f).isTrue();
        }
    }
}

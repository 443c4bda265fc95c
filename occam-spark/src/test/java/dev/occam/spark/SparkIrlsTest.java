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
        // a pass for the standardization and the null model, one for the unpenalized feature's fit at λ = ∞, then
        // Newton steps of up to 4 λ at a time: about one pass per λ, not one per Newton step
        assertThat(fit.proximalGradient()).isFalse();
        assertThat(fit.passes()).isBetween(3, core.size() + 6);
    }

    @Test
    void lambdasAdvancedTogetherGiveTheSameCertifiedPathInFewerPasses() {
        TestData d = TestData.of("binomial", 600, 6, 5, 25);
        GlmSettings s = GlmSettings.of(Family.BINOMIAL).withAlpha(0.5).withNlambda(20).withLambdaMinRatio(1e-3).withEarlyStop(false)
                .withKktTolerance(1e-11);
        GlmPath core = ElasticNet.path(d.core(true), s);
        Columns cols = Columns.of("features", "label").withWeight("weight");
        org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> df = d.frame(spark, 2);
        SparkIrls.Fit one = SparkIrls.fit(df, cols, s, SparkIrls.End.NONE, IrlsOptions.defaults().withPointsPerPass(1));
        SparkIrls.Fit four = SparkIrls.fit(df, cols, s, SparkIrls.End.NONE, IrlsOptions.defaults().withPointsPerPass(4));
        SparkGaussianTest.assertSamePath(one.path(), core, 1e-8);
        SparkGaussianTest.assertSamePath(four.path(), core, 1e-8);
        assertThat(four.path().maxKktViolation()).isLessThanOrEqualTo(1e-11);
        // one λ at a time every λ costs its Newton steps (2-3 here); four at a time the steps overlap
        assertThat(one.passes()).isGreaterThan(2 * core.size());
        assertThat(four.passes()).isLessThan(one.passes() / 2).isLessThanOrEqualTo(core.size());
    }

    @Test
    void proximalGradientFallbackForLargePEqualsOccamCore() {
        // the fallback runs when p exceeds maxGramFeatures: forced here at p = 5 with a limit of 2
        IrlsOptions fallback = IrlsOptions.defaults().withMaxGramFeatures(2);
        TestData d = TestData.of("binomial", 400, 5, 5, 26);
        GlmSettings s = GlmSettings.of(Family.BINOMIAL).withAlpha(0.7).withNlambda(6).withLambdaMinRatio(0.05)
                .withPenaltyFactors(1, 2, 0.5, 1, 0).withKktTolerance(1e-11);
        GlmPath core = ElasticNet.path(d.core(true), s);
        SparkIrls.Fit fit = SparkIrls.fit(d.frame(spark, 2), Columns.of("features", "label").withWeight("weight"),
                s.withLambdas(core.lambdas()), SparkIrls.End.NONE, fallback);
        assertThat(fit.proximalGradient()).isTrue();
        SparkGaussianTest.assertSamePath(fit.path(), core, 1e-8);
        assertThat(fit.path().allConverged()).isTrue();
        assertThat(fit.path().maxKktViolation()).isLessThanOrEqualTo(1e-11);

        TestData c = TestData.of("poisson", 300, 4, 5, 27);
        GlmSettings ps = GlmSettings.of(Family.POISSON).withAlpha(1).withNlambda(5).withLambdaMinRatio(0.05).withKktTolerance(1e-11);
        SparkIrls.Fit pf = SparkIrls.fit(c.frame(spark, 2), Columns.of("features", "label"), ps, SparkIrls.End.NONE, fallback);
        assertThat(pf.proximalGradient()).isTrue();
        SparkGaussianTest.assertSamePath(pf.path(), ElasticNet.path(c.core(false), ps), 1e-8);
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

    @Test
    void nearlyCollinearUnpenalizedFeaturesAreSolvedExactly() {
        // two unpenalized features that differ by 1e-4 of noise: their Fisher information is too ill-conditioned
        // for single-precision blocks and for coordinate descent alone (millions of sweeps); every λ must still
        // be certified, as occam-core's are
        TestData base = TestData.of("binomial", 500, 6, 5, 27);
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        double[][] x = new double[base.x().length][];
        for (int i = 0; i < x.length; i++) {
            x[i] = base.x()[i].clone();
            x[i][5] = x[i][4] + 1e-4 * (r.nextDouble() - 0.5);
        }
        TestData d = new TestData(x, base.y(), base.w(), base.foldIds(), "binomial");
        // default settings: the unpenalized pair's coefficients reach ±8 000 on the standardized scale, where
        // the rounding of η alone leaves KKT violations of ~1e-11 relative; the default certificate is 1e-9
        GlmSettings s = GlmSettings.of(Family.BINOMIAL).withNlambda(10).withPenaltyFactors(1, 1, 1, 1, 0, 0);
        GlmPath core = ElasticNet.path(d.core(true), s);
        assertThat(core.allConverged()).isTrue();
        SparkIrls.Fit fit = SparkIrls.fit(d.frame(spark, 2), Columns.of("features", "label").withWeight("weight"),
                s.withLambdas(core.lambdas()));
        assertThat(fit.path().allConverged()).isTrue();
        assertThat(fit.path().maxKktViolation()).isLessThanOrEqualTo(s.kktTolerance());
        assertThat(fit.path().warnings()).isEmpty();
        // the two features' coefficients are ill-determined one by one (their difference is 1e-4 noise);
        // the fit, the penalized coefficients and the sum of the two are not
        GlmPath sp = fit.path();
        for (int l = 0; l < core.size(); l++) {
            assertThat(sp.devRatio()[l]).as("dev ratio %d", l).isCloseTo(core.devRatio()[l], org.assertj.core.data.Offset.offset(1e-9));
            double[] a = sp.coefficients()[l][0];
            double[] b = core.coefficients()[l][0];
            for (int j = 0; j < 4; j++) {
                assertThat(a[j]).as("w[%d] at lambda %d", j, l).isCloseTo(b[j], org.assertj.core.data.Offset.offset(1e-6));
            }
            assertThat(a[4] + a[5]).as("w4 + w5 at lambda %d", l).isCloseTo(b[4] + b[5], org.assertj.core.data.Offset.offset(1e-6));
        }
    }
}

package dev.occam.spark;

import dev.occam.glm.ElasticNet;
import dev.occam.glm.Family;
import dev.occam.glm.GlmSettings;
import dev.occam.glm.LinearModel;
import dev.occam.io.ModelFile;
import dev.occam.select.CrossValidation;
import dev.occam.select.CvResult;
import dev.occam.select.CvSettings;
import dev.occam.select.Folds;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

class OccamRegressionTest {
    private final SparkSession spark = SparkTestSession.get();

    @Test
    void modelAtLambdaEqualsOccamCoreFitAt() {
        TestData d = TestData.of("gaussian", 400, 5, 5, 31);
        OccamRegressionModel m = new OccamRegression().setWeightCol("weight").setElasticNetParam(0.6).setLambda(0.05)
                .setPenaltyFactors(1, 2, 1, 0.5, 1).fit(d.frame(spark, 2));
        GlmSettings s = GlmSettings.of(Family.GAUSSIAN).withAlpha(0.6).withPenaltyFactors(1, 2, 1, 0.5, 1);
        LinearModel core = ElasticNet.fitAt(d.core(true), s, 0.05);
        assertThat(m.lambdaValue()).isEqualTo(0.05);
        assertThat(m.intercept()).isCloseTo(core.intercepts()[0], offset(1e-8));
        assertThat(m.coefficients()).containsExactly(core.coefficients()[0], offset(1e-8));
    }

    @Test
    void binomialModelAtLambdaEqualsOccamCoreFitAt() {
        TestData d = TestData.of("binomial", 400, 4, 5, 32);
        OccamRegressionModel m = new OccamRegression().setFamily("binomial").setElasticNetParam(0.5).setLambda(0.01)
                .setKktTolerance(1e-11).fit(d.frame(spark, 2));
        LinearModel core = ElasticNet.fitAt(d.core(false), GlmSettings.of(Family.BINOMIAL).withAlpha(0.5).withKktTolerance(1e-11), 0.01);
        assertThat(m.coefficients()).containsExactly(core.coefficients()[0], offset(1e-8));
        List<Row> rows = m.transform(d.frame(spark, 2)).select("prediction").collectAsList();
        double eta = core.intercepts()[0];
        for (int j = 0; j < 4; j++) eta += core.coefficients()[0][j] * d.x()[0][j];
        assertThat(rows.get(0).getDouble(0)).isCloseTo(1 / (1 + Math.exp(-eta)), offset(1e-8));
    }

    @Test
    void foldColumnGivesOccamCoresCrossValidatedLambda() {
        TestData d = TestData.of("gaussian", 400, 5, 5, 33);
        OccamRegressionModel m = new OccamRegression().setWeightCol("weight").setFoldCol("fold").setNlambda(30)
                .setLambdaChoice("1se").fit(d.frame(spark, 3));
        CvResult core = CrossValidation.elasticNet(d.core(true), GlmSettings.of(Family.GAUSSIAN).withNlambda(30),
                Folds.given(d.foldIds()), CvSettings.defaults());
        assertThat(m.cv()).isPresent();
        assertThat(m.lambdaValue()).isCloseTo(core.lambda1se(), offset(1e-10));
        assertThat(m.coefficients()).containsExactly(core.path().coefficients()[core.index1se()][0], offset(1e-8));
    }

    @Test
    void regParamMeansWhatMllibsLinearRegressionMeans() {
        TestData d = TestData.of("gaussian", 500, 5, 5, 34);
        var df = d.frame(spark, 2).withColumn("label", functions.col("label").multiply(3.0));
        double reg = 0.08;
        double enp = 0.5;
        LinearRegressionModel mllib = new LinearRegression().setSolver("normal").setRegParam(reg).setElasticNetParam(enp)
                .setTol(1e-12).setMaxIter(1000).fit(df);
        OccamRegressionModel occam = new OccamRegression().setRegParam(reg).setElasticNetParam(enp).fit(df);
        // σ_y ≈ 3·1.6 here, so α and λ both move: the mapping is not a renaming
        assertThat(occam.toOccamModel().alpha()).isNotCloseTo(enp, offset(0.05));
        assertThat(occam.intercept()).isCloseTo(mllib.intercept(), offset(1e-5));
        assertThat(occam.coefficients()).containsExactly(mllib.coefficients().toArray(), offset(1e-5));
    }

    @Test
    void regParamMeansWhatMllibsLogisticRegressionMeans() {
        TestData d = TestData.of("binomial", 600, 4, 5, 35);
        var df = d.frame(spark, 2);
        LogisticRegressionModel mllib = new LogisticRegression().setRegParam(0.02).setElasticNetParam(0.4)
                .setTol(1e-12).setMaxIter(2000).fit(df);
        OccamRegressionModel occam = new OccamRegression().setFamily("binomial").setRegParam(0.02).setElasticNetParam(0.4).fit(df);
        assertThat(occam.intercept()).isCloseTo(mllib.intercept(), offset(1e-5));
        assertThat(occam.coefficients()).containsExactly(mllib.coefficients().toArray(), offset(1e-5));
    }

    @Test
    void worksInAPipelineUnderCrossValidatorAndSavesAndLoads(@TempDir Path dir) throws Exception {
        TestData d = TestData.of("gaussian", 300, 3, 5, 36);
        var df = d.frame(spark, 2);
        // raw numeric columns assembled into a vector inside the pipeline
        var raw = df.select(functions.col("label"),
                org.apache.spark.ml.functions.vector_to_array(functions.col("features"), "float64").getItem(0).as("a"),
                org.apache.spark.ml.functions.vector_to_array(functions.col("features"), "float64").getItem(1).as("b"),
                org.apache.spark.ml.functions.vector_to_array(functions.col("features"), "float64").getItem(2).as("c"));
        VectorAssembler assembler = new VectorAssembler().setInputCols(new String[] {"a", "b", "c"}).setOutputCol("features");
        OccamRegression occam = new OccamRegression().setElasticNetParam(0.5);
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {assembler, occam});
        ParamMap[] grid = new ParamGridBuilder().addGrid(occam.lambda(), new double[] {0.5, 0.005}).build();
        CrossValidator cv = new CrossValidator().setEstimator(pipeline).setEvaluator(new RegressionEvaluator())
                .setEstimatorParamMaps(grid).setNumFolds(2).setSeed(7);
        CrossValidatorModel fitted = cv.fit(raw);
        PipelineModel best = (PipelineModel) fitted.bestModel();
        OccamRegressionModel model = (OccamRegressionModel) best.stages()[1];
        assertThat(model.toOccamModel().featureNames()).containsExactly("a", "b", "c");
        assertThat(fitted.avgMetrics()).hasSize(2);

        String where = dir.resolve("cv-model").toString();
        fitted.write().overwrite().save(where);
        CrossValidatorModel loaded = CrossValidatorModel.load(where);
        OccamRegressionModel back = (OccamRegressionModel) ((PipelineModel) loaded.bestModel()).stages()[1];
        assertThat(back.coefficients()).containsExactly(model.coefficients());
        assertThat(back.modelJson()).isEqualTo(model.modelJson());
        assertThat(back.path()).isEmpty();
        List<Row> a = best.transform(raw).select("prediction").collectAsList();
        List<Row> b = loaded.bestModel().transform(raw).select("prediction").collectAsList();
        assertThat(b).isEqualTo(a);

        // the estimator's params survive persistence too
        String est = dir.resolve("estimator").toString();
        occam.copy(new ParamMap()).setLambda(0.3).setWeightCol("w").write().save(est);
        OccamRegression read = OccamRegression.load(est);
        assertThat((Double) read.getOrDefault(read.lambda())).isEqualTo(0.3);
        assertThat(read.getOrDefault(read.weightCol())).isEqualTo("w");
    }

    @Test
    void modelJsonIsOccamCoresModelFile() {
        TestData d = TestData.of("poisson", 300, 3, 5, 37);
        OccamRegressionModel m = new OccamRegression().setFamily("poisson").setNlambda(10).setLambda(0.05).fit(d.frame(spark, 2));
        LinearModel parsed = ModelFile.fromJson(m.modelJson(), "MODEL.json");
        assertThat(parsed.family()).isEqualTo(Family.POISSON);
        assertThat(parsed.coefficients()[0]).containsExactly(m.coefficients());
        assertThat(parsed.lambda()).isEqualTo(0.05);
    }
}

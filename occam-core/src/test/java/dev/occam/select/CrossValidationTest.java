package dev.occam.select;

import dev.occam.data.Dataset;
import dev.occam.glm.ElasticNet;
import dev.occam.glm.Family;
import dev.occam.glm.GlmPath;
import dev.occam.glm.GlmSettings;
import dev.occam.glm.LinearModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CrossValidationTest {

    private static GlmSettings settings(Family f) {
        return GlmSettings.of(f).withAlpha(0.8).withNlambda(30).withTolerance(1e-12);
    }

    @ParameterizedTest
    @CsvSource({"gaussian, mse", "binomial, auc", "multinomial, class", "poisson, deviance"})
    void theResultDoesNotDependOnTheNumberOfThreads(String family, String measure) {
        Dataset d = CvData.make(150, 6, family, 1, 0);
        Family f = Family.parse(family);
        Folds folds = f.hasClasses() ? Folds.stratified(d.y(), 5, 3) : Folds.random(150, 5, 3);
        CvSettings cv = CvSettings.defaults().withMeasure(Measure.parse(measure));
        CvResult one = CrossValidation.elasticNet(d, settings(f), folds, cv.withThreads(1));
        CvResult four = CrossValidation.elasticNet(d, settings(f), folds, cv.withThreads(4));
        assertThat(four.lambdas()).containsExactly(one.lambdas());
        assertThat(four.cvm()).containsExactly(one.cvm());
        assertThat(four.cvsd()).containsExactly(one.cvsd());
        assertThat(four.foldMeasures()).isDeepEqualTo(one.foldMeasures());
        assertThat(four.indexMin()).isEqualTo(one.indexMin());
        assertThat(four.index1se()).isEqualTo(one.index1se());
    }

    @Test
    void gaussianFoldsFromMomentsGiveTheCurveOfFoldsFromRows() {
        Dataset d = CvData.make(200, 6, "gaussian", 2, 0);
        GlmSettings s = settings(Family.GAUSSIAN).withTolerance(1e-16);
        Folds f = Folds.random(200, 5, 3);
        // covariance updates fit each fold from moments; naive updates fit it from its rows
        CvResult moments = CrossValidation.elasticNet(d, s.withUpdates(GlmSettings.Updates.COVARIANCE), f, CvSettings.defaults());
        CvResult rows = CrossValidation.elasticNet(d, s.withUpdates(GlmSettings.Updates.NAIVE), f, CvSettings.defaults());
        assertThat(moments.size()).isEqualTo(rows.size());
        for (int l = 0; l < rows.size(); l++) {
            assertThat(moments.cvm()[l]).isCloseTo(rows.cvm()[l], org.assertj.core.api.Assertions.withinPercentage(1e-6));
            assertThat(moments.cvsd()[l]).isCloseTo(rows.cvsd()[l], org.assertj.core.api.Assertions.withinPercentage(1e-4));
        }
        assertThat(moments.lambdaMin()).isCloseTo(rows.lambdaMin(), org.assertj.core.api.Assertions.withinPercentage(1e-8));
        assertThat(moments.lambda1se()).isCloseTo(rows.lambda1se(), org.assertj.core.api.Assertions.withinPercentage(1e-8));
    }

    @Test
    void theCurveIsOnTheFullPathAndTheModelsArePointsOfIt() {
        Dataset d = CvData.make(120, 8, "gaussian", 2, 0);
        GlmSettings s = settings(Family.GAUSSIAN);
        CvResult r = CrossValidation.elasticNet(d, s, Folds.random(120, 4, 9), CvSettings.defaults());
        GlmPath full = ElasticNet.path(d, s);
        // the same path (for gaussian CV it is computed from the data's moments, so up to rounding)
        assertThat(r.lambdas()).hasSameSizeAs(full.lambdas());
        for (int l = 0; l < r.size(); l++) {
            assertThat(r.lambdas()[l]).isCloseTo(full.lambdas()[l], org.assertj.core.api.Assertions.within(1e-12));
        }
        assertThat(r.measure()).isEqualTo(Measure.MSE);
        assertThat(r.alpha()).isEqualTo(0.8);
        assertThat(r.folds()).isEqualTo(4);
        for (int l = 0; l < r.size(); l++) {
            assertThat(r.nzero()[l]).isEqualTo(full.df()[l]);
            assertThat(r.cvup()[l]).isEqualTo(r.cvm()[l] + r.cvsd()[l]);
            assertThat(r.cvlo()[l]).isEqualTo(r.cvm()[l] - r.cvsd()[l]);
        }
        LinearModel min = r.modelMin();
        assertThat(min.lambda()).isEqualTo(r.lambdaMin());
        assertThat(min.coefficients()[0]).containsExactly(r.path().coefficients()[r.indexMin()][0]);
        assertThat(r.model1se().coefficients()[0]).containsExactly(r.path().coefficients()[r.index1se()][0]);
        for (int j = 0; j < d.cols(); j++) {
            assertThat(min.coefficients()[0][j]).isCloseTo(full.coefficients()[r.indexMin()][0][j],
                    org.assertj.core.api.Assertions.within(1e-6));
        }
        assertThat(r.lambda1se()).isGreaterThanOrEqualTo(r.lambdaMin());
        // y depends on the first three features: the chosen model uses them
        assertThat(min.coefficients()[0][0]).isNotZero();
        assertThat(min.coefficients()[0][1]).isNotZero();
        assertThat(r.cvm()[r.indexMin()]).isLessThan(r.cvm()[0]);
    }

    @Test
    void foldMeasuresAreTheHeldOutErrorsOfTheFoldFits() {
        // FULL: each fold fitted at exactly the full path's lambdas, so a fold's measure can be recomputed by hand
        Dataset d = CvData.make(60, 4, "gaussian", 4, 0);
        GlmSettings s = settings(Family.GAUSSIAN);
        Folds folds = Folds.random(60, 3, 5);
        CvResult r = CrossValidation.elasticNet(d, s, folds, CvSettings.defaults().withFoldLambdas(FoldLambdas.FULL));
        int fold = 1;
        int[] test = folds.testRows(fold);
        GlmPath fp = ElasticNet.path(Rows.subset(d, folds.trainRows(fold)), s.withLambdas(r.lambdas()));
        for (int l : new int[] {0, 5, r.size() - 1}) {
            double[] w = fp.coefficients()[l][0];
            double sse = 0;
            for (int i : test) {
                double eta = fp.intercepts()[l][0];
                for (int j = 0; j < 4; j++) eta += d.x().get(i, j) * w[j];
                sse += (d.y()[i] - eta) * (d.y()[i] - eta);
            }
            assertThat(r.foldMeasures()[fold][l]).isCloseTo(sse / test.length, within(1e-12));
        }
        assertThat(r.foldWeights()).containsExactly(20, 20, 20);
    }

    @Test
    void withAUserLambdaSequenceOwnAndFullAreTheSame() {
        Dataset d = CvData.make(90, 5, "binomial", 6, 0);
        GlmSettings s = settings(Family.BINOMIAL).withLambdas(0.2, 0.1, 0.05, 0.02, 0.01, 0.005);
        Folds folds = Folds.stratified(d.y(), 3, 1);
        CvResult own = CrossValidation.elasticNet(d, s, folds, CvSettings.defaults());
        CvResult full = CrossValidation.elasticNet(d, s, folds, CvSettings.defaults().withFoldLambdas(FoldLambdas.FULL));
        assertThat(own.lambdas()).containsExactly(0.2, 0.1, 0.05, 0.02, 0.01, 0.005);
        assertThat(own.cvm()).containsExactly(full.cvm());
        assertThat(own.measure()).isEqualTo(Measure.DEVIANCE);
    }

    @Test
    void sparseAndDenseStorageGiveTheSameCurve() {
        Dataset dense = CvData.make(100, 6, "binomial", 8, 0.6);
        Folds folds = Folds.stratified(dense.y(), 4, 2);
        GlmSettings s = settings(Family.BINOMIAL).withTolerance(1e-14);
        CvResult a = CrossValidation.elasticNet(dense, s, folds, CvSettings.defaults().withMeasure(Measure.CLASS));
        CvResult b = CrossValidation.elasticNet(CvData.sparse(dense), s, folds, CvSettings.defaults().withMeasure(Measure.CLASS));
        assertThat(b.size()).isEqualTo(a.size());
        for (int l = 0; l < a.size(); l++) assertThat(b.cvm()[l]).isCloseTo(a.cvm()[l], within(1e-9));
        assertThat(b.indexMin()).isEqualTo(a.indexMin());
    }

    @Test
    void sampleWeightsWeightTheRowsAndTheFolds() {
        Dataset d = CvData.make(60, 4, "gaussian", 10, 0);
        double[] w = new double[60];
        for (int i = 0; i < 60; i++) w[i] = 1 + (i % 4);
        Folds folds = Folds.random(60, 3, 5);
        CvResult r = CrossValidation.elasticNet(d.withWeights(w), settings(Family.GAUSSIAN), folds,
                CvSettings.defaults().withFoldLambdas(FoldLambdas.FULL));
        for (int f = 0; f < 3; f++) {
            double total = 0;
            for (int i : folds.testRows(f)) total += w[i];
            assertThat(r.foldWeights()[f]).isEqualTo(total);
        }
        int l = r.size() / 2;
        double cvm = 0;
        for (int f = 0; f < 3; f++) cvm += r.foldWeights()[f] * r.foldMeasures()[f][l];
        assertThat(r.cvm()[l]).isCloseTo(cvm / Arrays.stream(w).sum(), within(1e-12));
    }

    @Test
    void progressIsToldAfterEveryFit() {
        Dataset d = CvData.make(60, 3, "gaussian", 11, 0);
        List<int[]> calls = new ArrayList<>();
        CrossValidation.alphaGrid(d, settings(Family.GAUSSIAN), new double[] {1, 0.5}, Folds.random(60, 4, 1),
                CvSettings.defaults().withThreads(2), (done, total) -> calls.add(new int[] {done, total}));
        assertThat(calls).hasSize(10);
        for (int c = 0; c < 10; c++) assertThat(calls.get(c)).containsExactly(c + 1, 10);
    }

    @Test
    void anAlphaGridUsesTheSameFoldsAndPicksTheBestAlpha() throws IOException {
        // pima, alpha 1 and 0.5, deviance: the golden values of cv.glmnet for each alpha
        CvGoldenTest.Case c1 = null;
        CvGoldenTest.Case c05 = null;
        for (CvGoldenTest.Case c : CvGoldenTest.cases()) {
            if (c.name().equals("pima_a1_deviance")) c1 = c;
            if (c.name().equals("pima_a0.5_deviance")) c05 = c;
        }
        Dataset d = CvGoldenTest.data(c1);
        Folds folds = CvGoldenTest.folds(c1.file());
        AlphaGrid grid = CrossValidation.alphaGrid(d, GlmSettings.of(Family.BINOMIAL),
                new double[] {1, 0.5}, folds, CvSettings.defaults(), CrossValidation.Progress.NONE);
        double[][] g1 = CvGoldenTest.curve(c1.name());
        double[][] g05 = CvGoldenTest.curve(c05.name());
        assertThat(grid.results().get(0).cvm()[c1.indexMin()]).isCloseTo(g1[1][c1.indexMin()], within(1e-8));
        assertThat(grid.results().get(1).cvm()[c05.indexMin()]).isCloseTo(g05[1][c05.indexMin()], within(1e-8));
        int expected = g05[1][c05.indexMin()] < g1[1][c1.indexMin()] ? 1 : 0;
        assertThat(grid.best()).isEqualTo(expected);
        assertThat(grid.bestAlpha()).isEqualTo(expected == 1 ? 0.5 : 1.0);
        assertThat(grid.bestResult().alpha()).isEqualTo(grid.bestAlpha());
        assertThat(grid.results().get(1).alpha()).isEqualTo(0.5);
    }

    @Test
    void gridChoiceMaximizesAuc() {
        Dataset d = CvData.make(200, 5, "binomial", 12, 0);
        AlphaGrid grid = CrossValidation.alphaGrid(d, settings(Family.BINOMIAL), new double[] {0, 0.5, 1},
                Folds.stratified(d.y(), 5, 1), CvSettings.defaults().withMeasure(Measure.AUC), CrossValidation.Progress.NONE);
        double best = Double.NEGATIVE_INFINITY;
        int arg = -1;
        for (int a = 0; a < 3; a++) {
            double v = grid.results().get(a).bestCvm();
            if (v > best) {
                best = v;
                arg = a;
            }
            assertThat(v).isEqualTo(Arrays.stream(grid.results().get(a).cvm()).max().getAsDouble());
        }
        assertThat(grid.best()).isEqualTo(arg);
    }

    @Test
    void multinomialNzeroIsGlmnetsRoundedUpMedianOverClasses() {
        Dataset d = CvData.make(90, 5, "multinomial", 13, 0);
        CvResult r = CrossValidation.elasticNet(d, settings(Family.MULTINOMIAL), Folds.stratified(d.y(), 3, 1),
                CvSettings.defaults());
        for (int l = 0; l < r.size(); l++) {
            int[] perClass = new int[3];
            for (int k = 0; k < 3; k++) {
                for (double v : r.path().coefficients()[l][k]) if (v != 0) perClass[k]++;
            }
            Arrays.sort(perClass);
            assertThat(r.nzero()[l]).isEqualTo(perClass[1]);
        }
    }

    @Test
    void badSetupsAreOneLineErrors() {
        Dataset d = CvData.make(30, 3, "gaussian", 14, 0);
        GlmSettings s = settings(Family.GAUSSIAN);
        CvSettings cv = CvSettings.defaults();
        assertThatThrownBy(() -> CrossValidation.elasticNet(d, s, Folds.random(30, 2, 1), cv))
                .hasMessage("cross-validation needs at least 3 folds; got 2");
        assertThatThrownBy(() -> CrossValidation.elasticNet(d, s, Folds.random(29, 3, 1), cv))
                .hasMessage("the folds cover 29 rows; the data have 30");
        assertThatThrownBy(() -> CrossValidation.elasticNet(d, s, Folds.random(30, 11, 1), cv))
                .hasMessage("cross-validation needs at least 3 rows per fold on average; got 30 rows for 11 folds");
        assertThatThrownBy(() -> CrossValidation.elasticNet(d, s, Folds.random(30, 3, 1), cv.withMeasure(Measure.AUC)))
                .hasMessage("measure auc is not defined for gaussian models; use one of mse, deviance, mae");
        assertThatThrownBy(() -> CrossValidation.elasticNet(d, s.withLambdas(0.1), Folds.random(30, 3, 1), cv))
                .hasMessage("cross-validation needs at least 2 lambda values; got 1");

        Dataset b = CvData.make(40, 3, "binomial", 15, 0);
        assertThatThrownBy(() -> CrossValidation.elasticNet(b, settings(Family.BINOMIAL), Folds.random(40, 5, 1),
                cv.withMeasure(Measure.AUC)))
                .hasMessage("measure auc needs at least 10 rows per fold on average; got 40 rows for 5 folds"
                        + " (use fewer folds or another measure)");
        double[] y = new double[40];
        y[0] = 1;
        y[1] = 1;
        y[2] = 1;
        Dataset rare = new Dataset(b.x(), y, null, b.featureNames(), "y", List.of("no", "yes"));
        int[] ids = new int[40];
        for (int i = 0; i < 40; i++) ids[i] = i < 2 ? 1 : 1 + i % 4;
        assertThatThrownBy(() -> CrossValidation.elasticNet(rare, settings(Family.BINOMIAL), Folds.given(ids), cv))
                .hasMessage("the training rows of fold 1 hold 1 row(s) of class \"yes\"; every class needs at least 2"
                        + " (use stratified folds or fewer folds)");
        double[] w = new double[30];
        Folds f3 = Folds.random(30, 3, 1);
        for (int i = 0; i < 30; i++) w[i] = f3.foldOf(i) == 0 ? 1 : 0;
        assertThatThrownBy(() -> CrossValidation.elasticNet(d.withWeights(w), s, f3, cv))
                .hasMessage("the training rows of fold 1 all have weight 0");
    }

    @Test
    void measuresValidPerFamilyAreGlmnets() {
        assertThat(Measure.validFor(Family.GAUSSIAN)).containsExactly(Measure.MSE, Measure.DEVIANCE, Measure.MAE);
        assertThat(Measure.validFor(Family.BINOMIAL)).contains(Measure.AUC, Measure.CLASS);
        assertThat(Measure.validFor(Family.MULTINOMIAL)).doesNotContain(Measure.AUC);
        assertThat(Measure.validFor(Family.POISSON)).doesNotContain(Measure.CLASS, Measure.AUC);
        assertThat(Measure.defaultFor(Family.POISSON)).isEqualTo(Measure.DEVIANCE);
        assertThat(Measure.DEVIANCE.label(Family.BINOMIAL)).isEqualTo("Binomial Deviance");
        assertThatThrownBy(() -> Measure.parse("rmse")).hasMessage("measure must be one of deviance, mse, mae, class, auc; got rmse");
    }
}

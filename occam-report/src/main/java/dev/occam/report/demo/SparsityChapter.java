package dev.occam.report.demo;

import dev.occam.data.CsvReader;
import dev.occam.data.Dataset;
import dev.occam.data.ReadOptions;
import dev.occam.data.TargetKind;
import dev.occam.glm.Family;
import dev.occam.glm.GlmSettings;
import dev.occam.report.ConstraintGeometry;
import dev.occam.report.ConstraintPlot;
import dev.occam.report.Paragraph;
import dev.occam.select.CrossValidation;
import dev.occam.select.CvResult;
import dev.occam.select.CvSettings;
import dev.occam.select.Folds;
import dev.occam.select.LambdaChoice;
import dev.occam.select.Measure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Why L1 gives exact zeros: a lasso logistic regression on the breast-cancer data keeps a handful
 * of its 30 features; the diamond and the circle show the geometry behind it.
 */
final class SparsityChapter {
    private SparsityChapter() { }

    static Demo.Chapter run(Path dataDir) throws IOException {
        Dataset d = CsvReader.read(dataDir.resolve("breast_cancer.csv"), new ReadOptions("diagnosis", TargetKind.CLASS, null, null));
        Folds folds = Folds.stratified(d.y(), 10, 2026);
        CvResult lasso = CrossValidation.elasticNet(d, GlmSettings.of(Family.BINOMIAL).withAlpha(1), folds,
                CvSettings.defaults().withMeasure(Measure.CLASS));
        CvResult ridge = CrossValidation.elasticNet(d, GlmSettings.of(Family.BINOMIAL).withAlpha(0), folds,
                CvSettings.defaults().withMeasure(Measure.CLASS));
        int kl = lasso.index(LambdaChoice.ONE_SE);
        int kr = ridge.index(LambdaChoice.ONE_SE);
        int nl = lasso.model1se().nonZero();
        // a two-feature least-squares loss whose unconstrained optimum lies off the axes
        ConstraintGeometry g = new ConstraintGeometry(1.0, 0.45, 0.6, 1.4, 0.45, 1.0);
        return new Demo.Chapter(List.of(
                new Paragraph("L1 gives exact zeros. A lasso logistic regression of malignant vs benign on 30 tumour "
                        + "measurements, with λ by 10-fold CV (lambda.1se), keeps " + nl + " of the 30 features and "
                        + "misclassifies " + Demo.fmt(100 * lasso.cvm()[kl]) + "% of held-out tumours; ridge keeps all 30 "
                        + "(" + Demo.fmt(100 * ridge.cvm()[kr]) + "%). The picture shows why: the loss contours first touch "
                        + "the L1 diamond at a corner, where one weight is exactly 0, and the L2 circle at a point where "
                        + "both are small but non-zero."),
                new ConstraintPlot(g).plot()),
                List.of(List.of("breast cancer", "logistic lasso", "lambda.1se = " + Demo.fmt(lasso.lambda1se()),
                                "CV misclassification " + Demo.fmt(lasso.cvm()[kl]), nl + " of " + d.cols()),
                        List.of("breast cancer", "logistic ridge", "lambda.1se = " + Demo.fmt(ridge.lambda1se()),
                                "CV misclassification " + Demo.fmt(ridge.cvm()[kr]), ridge.model1se().nonZero() + " of " + d.cols())));
    }
}

package dev.occam.report.demo;

import dev.occam.data.CsvReader;
import dev.occam.data.Dataset;
import dev.occam.data.ReadOptions;
import dev.occam.data.TargetKind;
import dev.occam.glm.Family;
import dev.occam.glm.GlmSettings;
import dev.occam.report.CoefficientPathPlot;
import dev.occam.report.CvCurvePlot;
import dev.occam.report.Paragraph;
import dev.occam.report.Section;
import dev.occam.select.CrossValidation;
import dev.occam.select.CvResult;
import dev.occam.select.CvSettings;
import dev.occam.select.Folds;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Lasso (α = 1), elastic net (α = 0.5) and ridge (α = 0) on the diabetes data, each with λ chosen
 * by 10-fold cross-validation and glmnet's one-standard-error rule, on the same folds.
 */
final class ShrinkageChapter {
    private ShrinkageChapter() { }

    static Demo.Chapter run(Path dataDir) throws IOException {
        Dataset d = CsvReader.read(dataDir.resolve("diabetes.csv"), new ReadOptions("y", TargetKind.NUMERIC, null, null));
        Folds folds = Folds.random(d.rows(), 10, 2026);
        List<Section> sections = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        sections.add(new Paragraph("Lasso, elastic net and ridge on the diabetes data (442 patients, 10 features), each "
                + "with λ chosen by 10-fold cross-validation on the same folds. The chosen λ is lambda.1se: the largest λ "
                + "whose CV error is within one standard error of the minimum, the simplest model the data cannot tell "
                + "apart from the best one."));
        String[] names = {"lasso (α = 1)", "elastic net (α = 0.5)", "ridge (α = 0)"};
        double[] alphas = {1.0, 0.5, 0.0};
        for (int a = 0; a < alphas.length; a++) {
            GlmSettings s = GlmSettings.of(Family.GAUSSIAN).withAlpha(alphas[a]);
            // glmnet's ridge path starts 1000× higher (λ_max is computed with α = 0.001), so it
            // needs a longer way down to reach its CV minimum
            if (alphas[a] == 0) s = s.withLambdaMinRatio(1e-7);
            CvResult cv = CrossValidation.elasticNet(d, s, folds, CvSettings.defaults());
            int k = cv.index(dev.occam.select.LambdaChoice.ONE_SE);
            rows.add(List.of("diabetes", names[a], "lambda.1se = " + Demo.fmt(cv.lambda1se()),
                    "CV MSE " + Demo.fmt(cv.cvm()[k]), cv.model1se().nonZero() + " of " + d.cols()));
            if (a == 0) {
                sections.add(new CvCurvePlot(cv.lambdas(), cv.cvm(), cv.cvsd(), cv.lambdaMin(), cv.lambda1se(), "mean squared error").plot());
                sections.add(CoefficientPathPlot.of(cv.path()).plot());
            }
        }
        return new Demo.Chapter(sections, rows);
    }
}

package dev.occam.cli;

import dev.occam.data.Dataset;
import dev.occam.glm.ElasticNet;
import dev.occam.glm.GlmPath;
import dev.occam.glm.GlmSettings;
import dev.occam.glm.LinearModel;
import dev.occam.io.ModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code occam fit}: the model at one λ, written as a JSON model file.
 *
 * <p>With {@code --lambda L} the model is the solution at exactly λ = L, computed along the default
 * path down to L with warm starts (not interpolated). Without it, the last (smallest) λ of the
 * default path is used, and a note says so. With {@code --cv K} the λ is chosen by K-fold
 * cross-validation ({@code lambda.1se}, or {@code lambda.min} with {@code --select min}; see
 * {@code occam cv}) and the model is the full-data fit at it.
 */
@Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fit a penalized GLM at one lambda and write it as a JSON model file.",
                "Objective: (1/sum v) sum_i v_i l(y_i, b0 + x_i'w) + lambda * sum_j f_j [alpha |w_j| + (1-alpha)/2 w_j^2]."})
final class FitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Option(names = "--lambda", paramLabel = "L",
            description = "Fit at exactly this lambda (>= 0). Default: the smallest lambda of the default path.")
    Double lambda;

    @Option(names = "--cv", paramLabel = "K",
            description = "Choose lambda by K-fold cross-validation (K >= 3; seeded folds, stratified for classes; see occam cv) and fit at it.")
    Integer cv;

    @Option(names = "--select", paramLabel = "min|1se", description = "With --cv: fit at lambda.min or lambda.1se (default 1se).")
    String select;

    @Option(names = "--out", required = true, paramLabel = "MODEL.json", description = "The model file to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Console console = new Console(spec.commandLine().getErr(), model.quiet);
        if (lambda != null && (!(lambda >= 0) || lambda.isInfinite())) {
            throw new ParameterException(spec.commandLine(), "--lambda must be finite and >= 0; got " + lambda);
        }
        if (cv != null && lambda != null) throw new ParameterException(spec.commandLine(), "--cv chooses lambda; it cannot be combined with --lambda");
        if (cv != null && cv < 3) throw new ParameterException(spec.commandLine(), "--cv must be >= 3 folds; got " + cv);
        if (select != null && cv == null) throw new ParameterException(spec.commandLine(), "--select needs --cv K");
        dev.occam.select.LambdaChoice choice = CvCommand.parseChoice(spec.commandLine(), "--select", select == null ? "1se" : select);
        Outputs.checkWritable(spec.commandLine(), "--out", out);
        Dataset data = model.readData(spec.commandLine(), MemoryCheck.Use.FIT, cv == null ? 0 : cv);
        GlmSettings settings = model.settings(spec.commandLine(), data);
        LinearModel fitted;
        if (cv != null) {
            fitted = CvCommand.chooseByCv(data, settings, cv, choice, console);
        } else if (lambda != null) {
            fitted = ElasticNet.fitAt(data, settings, lambda);
        } else {
            GlmPath path = ElasticNet.path(data, settings, console.progress("lambda values")::update);
            fitted = path.model(path.size() - 1);
            console.info("no --lambda given: using the smallest lambda of the default path, " + fitted.lambda());
        }
        Warnings.report(console, fitted);
        ModelFile.write(out, fitted);
        LinearModel model = fitted;
        console.info(() -> "wrote " + out + ": " + model.family().id() + " at lambda " + model.lambda() + ", "
                + model.nonZero() + " of " + data.cols() + " features non-zero, deviance ratio " + model.summary().devRatio()
                + ", " + Warnings.kktNote(model.summary()));
        return 0;
    }
}

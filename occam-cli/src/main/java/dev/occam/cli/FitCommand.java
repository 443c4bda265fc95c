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
 * default path is used, and a note says so.
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

    @Option(names = "--out", required = true, paramLabel = "MODEL.json", description = "The model file to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Console console = new Console(spec.commandLine().getErr(), model.quiet);
        if (lambda != null && (!(lambda >= 0) || lambda.isInfinite())) {
            throw new ParameterException(spec.commandLine(), "--lambda must be finite and >= 0; got " + lambda);
        }
        Outputs.checkWritable(spec.commandLine(), "--out", out);
        Dataset data = model.readData(spec.commandLine());
        GlmSettings settings = model.settings(spec.commandLine(), data);
        LinearModel fitted;
        if (lambda != null) {
            fitted = ElasticNet.fitAt(data, settings, lambda);
        } else {
            GlmPath path = ElasticNet.path(data, settings);
            fitted = path.model(path.size() - 1);
            console.info("no --lambda given: using the smallest lambda of the default path, " + fitted.lambda());
        }
        Warnings.report(console, fitted);
        ModelFile.write(out, fitted);
        console.info("wrote " + out + ": " + fitted.family().id() + " at lambda " + fitted.lambda() + ", "
                + fitted.nonZero() + " of " + data.cols() + " features non-zero, deviance ratio " + fitted.summary().devRatio());
        return 0;
    }
}

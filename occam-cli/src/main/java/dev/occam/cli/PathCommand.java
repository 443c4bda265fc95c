package dev.occam.cli;

import dev.occam.data.Dataset;
import dev.occam.glm.ElasticNet;
import dev.occam.glm.GlmPath;
import dev.occam.glm.GlmSettings;
import dev.occam.io.PathCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code occam path}: the whole elastic-net path, one CSV row per λ. */
@Command(name = "path", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fit a whole elastic-net path (decreasing lambdas, warm starts) and write it as CSV:",
                "lambda,df,dev_ratio,intercept,<feature...> (multinomial: intercept:<class>, <feature>:<class>)."})
final class PathCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Option(names = "--lambda", paramLabel = "L", split = ",",
            description = "Your own lambda sequence (comma-separated or repeated, any order; fitted largest first) instead of the computed one.")
    List<Double> lambdas;

    @Option(names = "--nlambda", paramLabel = "N", description = "Number of lambda values of the computed sequence (default 100).")
    Integer nlambda;

    @Option(names = "--lambda-min-ratio", paramLabel = "R",
            description = "Smallest lambda as a fraction of lambda_max, in (0, 1) (default 1e-4 if n > p, else 1e-2).")
    Double lambdaMinRatio;

    @Option(names = "--out", required = true, paramLabel = "PATH.csv", description = "The CSV file to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Console console = new Console(spec.commandLine().getErr(), model.quiet);
        Outputs.checkWritable(spec.commandLine(), "--out", out);
        Dataset data = model.readData(spec.commandLine(), MemoryCheck.Use.PATH, 0);
        GlmSettings settings = model.settings(spec.commandLine(), data);
        if (nlambda != null) settings = settings.withNlambda(nlambda);
        if (lambdaMinRatio != null) settings = settings.withLambdaMinRatio(lambdaMinRatio);
        if (lambdas != null && !lambdas.isEmpty()) {
            if (nlambda != null || lambdaMinRatio != null) {
                throw new ParameterException(spec.commandLine(), "--lambda gives the sequence itself; it cannot be combined with --nlambda or --lambda-min-ratio");
            }
            double[] seq = lambdas.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(seq);
            for (int a = 0, b = seq.length - 1; a < b; a++, b--) {
                double t = seq[a];
                seq[a] = seq[b];
                seq[b] = t;
            }
            settings = settings.withLambdas(seq);
        }
        GlmPath path = ElasticNet.path(data, settings, console.progress("lambda values")::update);
        Warnings.report(console, path);
        PathCsv.write(out, path);
        GlmSettings used = settings;
        console.info(() -> "wrote " + out + ": " + path.size() + " lambda values"
                + (path.size() > 0 ? " from " + path.lambdas()[0] + " to " + path.lambdas()[path.size() - 1] : "")
                + ", largest KKT violation " + String.format(java.util.Locale.ROOT, "%.1e", path.maxKktViolation())
                + " relative (" + dev.occam.glm.LinearModel.FitSummary.rule(used) + ")");
        return 0;
    }
}

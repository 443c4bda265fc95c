package dev.occam.cli;

import dev.occam.report.demo.Demo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code occam demo}: runs the whole story of regularization on the bundled data, prints a summary
 * table and writes the HTML report (the library's {@link Demo} does the work).
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the regularization story on bundled data: overfitting and its cure, lasso vs ridge vs "
                + "elastic net by cross-validation, L1 sparsity, weight decay in a network.",
                "Prints a summary table and writes an HTML report (under a minute on two cores)."})
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "The bundled data (default: $OCCAM_HOME/data, set by bin/occam, else ./data).")
    Path dataDir;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "occam-demo-report",
            description = "Directory for the report's index.html (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path data = dataDir != null ? dataDir : defaultData();
        for (String f : new String[] {"diabetes.csv", "breast_cancer.csv", "fashion-mnist/train-images-idx3-ubyte.gz"}) {
            if (!Files.isRegularFile(data.resolve(f))) {
                throw new ParameterException(spec.commandLine(), "the demo's data are missing: no " + data.resolve(f)
                        + " (run it from the repository root, through bin/occam, or give --data-dir)");
            }
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new ParameterException(spec.commandLine(), "--out " + out + " is a file; expected a directory");
        }
        PrintWriter w = spec.commandLine().getOut();
        Path page = Demo.run(data, out, w);
        w.println("open " + page.toAbsolutePath() + " in a browser to see the plots");
        w.flush();
        return 0;
    }

    private static Path defaultData() {
        String home = System.getenv("OCCAM_HOME");
        return home != null && !home.isBlank() ? Path.of(home, "data") : Path.of("data");
    }
}

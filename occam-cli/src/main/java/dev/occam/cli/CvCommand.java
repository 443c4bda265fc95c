package dev.occam.cli;

import dev.occam.data.DataFormatException;
import dev.occam.data.Dataset;
import dev.occam.data.DenseMatrix;
import dev.occam.data.DesignMatrix;
import dev.occam.glm.Family;
import dev.occam.glm.GlmSettings;
import dev.occam.glm.LinearModel;
import dev.occam.io.ModelFile;
import dev.occam.select.AlphaGrid;
import dev.occam.select.CrossValidation;
import dev.occam.select.CvJson;
import dev.occam.select.CvResult;
import dev.occam.select.CvSettings;
import dev.occam.select.CvTable;
import dev.occam.select.FoldLambdas;
import dev.occam.select.Folds;
import dev.occam.select.LambdaChoice;
import dev.occam.select.Measure;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code occam cv}: K-fold cross-validation of the elastic-net path as glmnet's {@code cv.glmnet}
 * (see {@link CrossValidation}), optionally over a grid of α with the same folds. Writes the CV
 * table, the model at the chosen λ (the full-data fit at {@code lambda.1se} by default, as glmnet's
 * {@code coef}/{@code predict} on a cv fit), and with {@code --json} one JSON object on stdout.
 */
@Command(name = "cv", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Cross-validate the elastic-net path (glmnet's cv.glmnet) and pick lambda (and alpha).",
                "Prints lambda.min and lambda.1se; writes the CV table (--table), the chosen model (--out) and JSON (--json)."})
final class CvCommand implements Callable<Integer> {

    /** Seed of the fold assignment when none is given. */
    static final long DEFAULT_SEED = 1;

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "10",
            description = "Number of folds K >= 3 (default: ${DEFAULT-VALUE}). Rows are assigned at random (seeded), stratified by class for binomial and multinomial.")
    int folds;

    @Option(names = "--foldid", paramLabel = "NAME",
            description = "Column of fold ids 1..K (glmnet's foldid) instead of random folds; it is not used as a feature (CSV only).")
    String foldid;

    @Option(names = "--measure", paramLabel = "deviance|mse|mae|class|auc",
            description = "What to average over held-out rows (default: mse for gaussian, deviance otherwise). class: binomial/multinomial; auc: binomial.")
    String measure;

    @Option(names = "--alphas", paramLabel = "A,B,...", split = ",",
            description = "Cross-validate one path per alpha (same folds) and keep the alpha with the best CV measure. Replaces --alpha.")
    List<Double> alphas;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the random fold assignment (default " + DEFAULT_SEED + ").")
    Long seed;

    @Option(names = "--no-stratify", description = "Assign class targets to folds at random without stratifying (as glmnet).")
    boolean noStratify;

    @Option(names = "--select", paramLabel = "min|1se", defaultValue = "1se",
            description = "Which lambda the model of --out is taken at: lambda.min or lambda.1se (default: ${DEFAULT-VALUE}, as glmnet's coef/predict on a cv fit).")
    String select;

    @Option(names = "--fold-lambdas", paramLabel = "own|full", defaultValue = "own",
            description = "own: each fold fits its own lambda sequence, predicted at the full data's lambdas by interpolation (cv.glmnet's default); "
                    + "full: each fold is fitted at exactly the full data's lambdas (default: ${DEFAULT-VALUE}).")
    String foldLambdas;

    @Option(names = "--nlambda", paramLabel = "N", description = "Number of lambda values of the computed sequence (default 100).")
    Integer nlambda;

    @Option(names = "--lambda-min-ratio", paramLabel = "R",
            description = "Smallest lambda as a fraction of lambda_max, in (0, 1) (default 1e-4 if n > p, else 1e-2).")
    Double lambdaMinRatio;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "0",
            description = "Folds fitted at the same time (default: one per processor). The result does not depend on it.")
    int threads;

    @Option(names = "--out", paramLabel = "MODEL.json", description = "Write the full-data model at the selected lambda.")
    Path out;

    @Option(names = "--table", paramLabel = "CV.csv", description = "Write the CV curve: lambda,cvm,cvsd,cvup,cvlo,nzero (alpha first with --alphas).")
    Path table;

    @Option(names = "--json", description = "Print one JSON object with the CV curve and the chosen lambdas on stdout.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CommandLine cmd = spec.commandLine();
        Console console = new Console(cmd.getErr(), model.quiet);
        LambdaChoice choice = parseChoice(cmd, "--select", select);
        FoldLambdas mode = switch (foldLambdas.toLowerCase(Locale.ROOT)) {
            case "own" -> FoldLambdas.OWN;
            case "full" -> FoldLambdas.FULL;
            default -> throw new ParameterException(cmd, "--fold-lambdas must be own or full; got " + foldLambdas);
        };
        boolean foldsGiven = cmd.getParseResult().hasMatchedOption("--folds");
        if (foldid != null && foldsGiven) {
            throw new ParameterException(cmd, "--folds and --foldid cannot be combined: the fold ids give K");
        }
        if (foldid != null && (seed != null || noStratify)) {
            throw new ParameterException(cmd, "--seed and --no-stratify choose random folds; they cannot be combined with --foldid");
        }
        if (folds < 3) throw new ParameterException(cmd, "--folds must be >= 3; got " + folds);
        if (threads < 0) throw new ParameterException(cmd, "--threads must be >= 0; got " + threads);
        double[] alphaGrid = alphaGrid(cmd);
        Measure m = measure == null ? null : parseMeasure(cmd, measure);
        if (m != null) checkMeasure(cmd, m, model.family());
        if (out != null) Outputs.checkWritable(cmd, "--out", out);
        if (table != null) Outputs.checkWritable(cmd, "--table", table);

        Dataset data = model.readData(cmd, MemoryCheck.Use.CV, folds);
        Folds assignment;
        if (foldid != null) {
            FoldColumn fc = FoldColumn.take(cmd, model, data, foldid);
            data = fc.data();
            assignment = fc.folds();
        } else {
            assignment = folds(data, folds, seed == null ? DEFAULT_SEED : seed, !noStratify, model.family(), "--folds");
        }
        GlmSettings settings = model.settings(cmd, data);
        if (nlambda != null) settings = settings.withNlambda(nlambda);
        if (lambdaMinRatio != null) settings = settings.withLambdaMinRatio(lambdaMinRatio);
        CvSettings cv = new CvSettings(m, mode, threads);
        CrossValidation.check(data, settings, assignment, cv);

        console.info("cv: " + assignment.k() + " folds of " + data.rows() + " rows"
                + (alphaGrid.length > 1 ? ", " + alphaGrid.length + " alphas" : ""));
        AlphaGrid grid = CrossValidation.alphaGrid(data, settings, alphaGrid, assignment, cv,
                console.progress("cross-validation fits")::update);
        for (CvResult r : grid.results()) {
            for (String w : r.warnings()) console.warn(alphaGrid.length > 1 ? "alpha " + r.alpha() + ": " + w : w);
        }
        CvResult best = grid.bestResult();
        if (alphaGrid.length > 1) {
            for (CvResult r : grid.results()) {
                console.info("cv: alpha " + r.alpha() + ": best " + r.measure().id() + " " + r.bestCvm()
                        + " at lambda.min " + r.lambdaMin());
            }
            console.info("cv: chose alpha " + best.alpha());
        }
        console.info("cv: " + best.measure().label(model.family()) + ": lambda.min = " + best.lambdaMin()
                + " (cvm " + best.cvm()[best.indexMin()] + ", " + best.nzero()[best.indexMin()] + " non-zero), lambda.1se = "
                + best.lambda1se() + " (cvm " + best.cvm()[best.index1se()] + ", " + best.nzero()[best.index1se()] + " non-zero)");

        if (table != null) {
            if (alphaGrid.length > 1) CvTable.write(table, grid);
            else CvTable.write(table, best);
            console.info("wrote " + table + ": " + best.size() + " lambda values" + (alphaGrid.length > 1 ? " per alpha" : ""));
        }
        if (out != null) {
            LinearModel chosen = best.model(choice);
            Warnings.report(console, chosen);
            ModelFile.write(out, chosen);
            console.info("wrote " + out + ": " + chosen.family().id() + " at lambda." + choice.id() + " = " + chosen.lambda()
                    + ", alpha " + chosen.alpha() + ", " + chosen.nonZero() + " of " + data.cols() + " features non-zero, "
                    + Warnings.kktNote(chosen.summary()));
        }
        if (json) {
            cmd.getOut().println(CvJson.toJson(grid, model.family(), choice, alphaGrid.length > 1));
            cmd.getOut().flush();
        }
        return 0;
    }

    /**
     * {@code occam fit --cv K --select min|1se}: the full-data model at the λ chosen by K-fold
     * cross-validation with the family's default measure and seeded folds (stratified for classes).
     */
    static LinearModel chooseByCv(Dataset data, GlmSettings settings, int k, LambdaChoice choice, Console console) {
        Folds f = folds(data, k, DEFAULT_SEED, true, settings.family(), "--cv");
        CvResult r = CrossValidation.elasticNet(data, settings, f, CvSettings.defaults(),
                console.progress("cross-validation fits")::update);
        r.warnings().forEach(console::warn);
        console.info("cv: " + k + " folds, " + r.measure().label(settings.family()) + ": lambda.min = " + r.lambdaMin()
                + ", lambda.1se = " + r.lambda1se() + "; using lambda." + choice.id());
        return r.model(choice);
    }

    static LambdaChoice parseChoice(CommandLine cmd, String option, String value) {
        try {
            return LambdaChoice.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cmd, option + " must be min or 1se; got " + value);
        }
    }

    /** Seeded folds; {@code option} names the setting of K in messages (--folds, or fit's --cv). */
    private static Folds folds(Dataset data, int k, long seed, boolean stratify, Family family, String option) {
        if (k > data.rows()) {
            throw new IllegalArgumentException(option + " " + k + " is more than the " + data.rows() + " rows of the data");
        }
        return stratify && family.hasClasses() ? Folds.stratified(data.y(), k, seed) : Folds.random(data.rows(), k, seed);
    }

    private double[] alphaGrid(CommandLine cmd) {
        if (alphas == null || alphas.isEmpty()) return new double[] {model.alpha};
        if (cmd.getParseResult().hasMatchedOption("--alpha")) {
            throw new ParameterException(cmd, "--alpha and --alphas cannot be combined");
        }
        double[] a = new double[alphas.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = alphas.get(i);
            if (!(a[i] >= 0 && a[i] <= 1)) throw new ParameterException(cmd, "--alphas: every alpha must be in [0, 1]; got " + alphas.get(i));
        }
        return a;
    }

    private static Measure parseMeasure(CommandLine cmd, String s) {
        try {
            return Measure.parse(s);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cmd, "--measure must be one of deviance, mse, mae, class, auc; got " + s);
        }
    }

    private static void checkMeasure(CommandLine cmd, Measure m, Family f) {
        try {
            m.checkFor(f);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cmd, "--measure " + e.getMessage().substring("measure ".length()));
        }
    }

    /** The fold-id column taken out of the features, and the folds it gives. */
    private record FoldColumn(Dataset data, Folds folds) {

        static FoldColumn take(CommandLine cmd, ModelOptions model, Dataset d, String column) {
            if (!DataFormat.of(model.data, model.format).namedColumns()) {
                throw new ParameterException(cmd, "--foldid needs CSV data; LibSVM files have no named columns");
            }
            if (column.equals(model.target) || column.equals(model.weights)) {
                throw new ParameterException(cmd, "--foldid cannot be the " + (column.equals(model.target) ? "target" : "weight")
                        + " column \"" + column + "\"");
            }
            String file = model.data.toString();
            int j = d.featureNames().indexOf(column);
            if (j < 0) {
                throw new DataFormatException(file, "no column named " + DataFormatException.quote(column)
                        + " (the fold ids); the feature columns are: " + ModelOptions.list(d.featureNames()));
            }
            int n = d.rows();
            double[] ids = new double[n];
            for (int i = 0; i < n; i++) {
                double v = d.x().get(i, j);
                if (!(v >= 1) || v != Math.rint(v) || v > 1_000_000) {
                    String expected = "a fold id 1..K (an integer)";
                    String found = DataFormatException.quote(number(v));
                    if (DataFormat.of(model.data, model.format) == DataFormat.CSV) throw RowErrors.at(model.data, false, column, i, expected, found);
                    throw new DataFormatException(file, 0, 0, column, expected, found + " in data row " + (i + 1));
                }
                ids[i] = v;
            }
            Folds f;
            try {
                f = Folds.given(ids);
            } catch (IllegalArgumentException e) {
                throw new DataFormatException(file, "column " + DataFormatException.quote(column) + ": " + e.getMessage());
            }
            if (d.cols() == 1) {
                throw new DataFormatException(file, "no feature columns besides the target, the weights and the fold ids");
            }
            List<String> names = new ArrayList<>(d.featureNames());
            names.remove(j);
            Dataset rest = new Dataset(withoutColumn((DenseMatrix) d.x(), j), d.y(), d.weights(), names,
                    d.targetName(), d.classes());
            return new FoldColumn(rest, f);
        }

        private static DesignMatrix withoutColumn(DenseMatrix x, int j) {
            int n = x.rows();
            int p = x.cols();
            double[] v = new double[n * (p - 1)];
            double[] src = x.values();
            System.arraycopy(src, 0, v, 0, j * n);
            System.arraycopy(src, (j + 1) * n, v, j * n, (p - 1 - j) * n);
            return new DenseMatrix(n, p - 1, v);
        }

        private static String number(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
    }
}

package dev.occam.cli;

import dev.occam.data.DataFormatException;
import dev.occam.data.Dataset;
import dev.occam.data.LibSvmReader;
import dev.occam.data.ReadOptions;
import dev.occam.data.TargetKind;
import dev.occam.glm.Family;
import dev.occam.glm.GlmSettings;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options {@code fit} and {@code path} share: the data, the model family and the penalty.
 * Turns them into a checked {@link Dataset} and {@link GlmSettings}.
 */
final class ModelOptions {

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Training data: CSV with a header, Parquet, or LibSVM.")
    Path data;

    @Option(names = "--format", paramLabel = "csv|parquet|libsvm",
            description = "Layout of --data (default: libsvm for names ending in .svm or .libsvm, parquet for .parquet, else csv).")
    DataFormat format;

    @Option(names = "--target", paramLabel = "NAME", description = "The target column (required for CSV and Parquet; LibSVM's label is the target).")
    String target;

    @Option(names = "--family", paramLabel = "gaussian|binomial|multinomial|poisson", defaultValue = "gaussian",
            description = "Response distribution (default: ${DEFAULT-VALUE}). binomial and multinomial read the target as class labels.")
    String family;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "1",
            description = "L1 share of the penalty in [0, 1]: 1 lasso, 0 ridge (scikit-learn's l1_ratio; default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--weights", paramLabel = "NAME", description = "Column of sample weights (>= 0; CSV or Parquet).")
    String weights;

    @Option(names = "--penalty-factor", paramLabel = "NAME=F",
            description = "Penalty factor f >= 0 of one feature (0 = unpenalized; default 1). Repeatable.")
    Map<String, Double> penaltyFactors = new LinkedHashMap<>();

    @Option(names = "--lower-limit", paramLabel = "V", description = "Lower bound (<= 0) for every coefficient, e.g. 0 for non-negative.")
    Double lowerLimit;

    @Option(names = "--upper-limit", paramLabel = "V", description = "Upper bound (>= 0) for every coefficient.")
    Double upperLimit;

    @Option(names = "--no-standardize", description = "Penalize coefficients of the features as given, not of features scaled to unit variance.")
    boolean noStandardize;

    @Option(names = "--no-intercept", description = "Fit without an intercept.")
    boolean noIntercept;

    @Option(names = "--tolerance", paramLabel = "T",
            description = "Threshold of coordinate descent's sweeps (default 1e-7, glmnet's thresh). Under --convergence kkt it is where "
                    + "refinement starts; under --convergence thresh it is the stopping rule.")
    Double tolerance;

    @Option(names = "--convergence", paramLabel = "kkt|thresh",
            description = "When a lambda is solved. kkt (default): only when the KKT conditions hold on every feature to --kkt-tolerance "
                    + "(Newton steps on the active set and tighter sweeps as needed). thresh: glmnet's rule, the same passes as glmnet "
                    + "at the same --tolerance, an answer about sqrt(T) from the optimum. Both report the KKT violation.")
    String convergence;

    @Option(names = "--kkt-tolerance", paramLabel = "K",
            description = "Largest KKT violation accepted, relative to max(lambda, 1e-6*lambda_max*alpha) (default 1e-9; --convergence kkt).")
    Double kktTolerance;

    @Option(names = "--max-passes", paramLabel = "N",
            description = "Limit on coordinate-descent passes over the data for the whole path (default 10000000); a path that "
                    + "reaches it stops with a warning naming this option.")
    Integer maxPasses;

    @Option(names = "--quiet", description = "Print nothing but errors and warnings.")
    boolean quiet;

    Family family() {
        return Family.parse(family);
    }

    /**
     * Reads --data as the family needs it and checks the target against the family; first checks
     * that the heap can hold what {@code use} needs of it ({@link MemoryCheck}; {@code folds}: CV folds, 0 for none).
     */
    Dataset readData(CommandLine cmd, MemoryCheck.Use use, int folds) throws IOException {
        Family f = family();
        TargetKind kind = f.hasClasses() ? TargetKind.CLASS : TargetKind.NUMERIC;
        DataFormat layout = DataFormat.of(data, format);
        MemoryCheck.require(data, layout, use, folds, f == Family.GAUSSIAN);
        Dataset d;
        if (layout.namedColumns()) {
            if (target == null) throw new ParameterException(cmd, "Missing required option: '--target=NAME'");
            d = layout.read(data, new ReadOptions(target, kind, weights, null));
        } else {
            if (weights != null) {
                throw new ParameterException(cmd, "--weights needs CSV data; LibSVM files have no weight column");
            }
            d = LibSvmReader.read(data, kind, 0);
        }
        String column = layout.namedColumns() ? target : null;
        TargetChecks.check(data, column, f, d);
        if (d.cols() == 0) {
            throw new DataFormatException(data.toString(), "no feature columns besides the target" + (weights != null ? " and the weights" : ""));
        }
        return d;
    }

    /** The settings these options give for data {@code d}. */
    GlmSettings settings(CommandLine cmd, Dataset d) {
        int p = d.cols();
        GlmSettings s = GlmSettings.of(family())
                .withAlpha(alpha)
                .withStandardize(!noStandardize)
                .withIntercept(!noIntercept);
        if (tolerance != null) s = s.withTolerance(tolerance);
        if (maxPasses != null) {
            if (maxPasses < 1) throw new ParameterException(cmd, "--max-passes must be >= 1; got " + maxPasses);
            s = s.withMaxPasses(maxPasses);
        }
        if (kktTolerance != null) {
            if ("thresh".equals(convergence)) throw new ParameterException(cmd, "--kkt-tolerance applies to --convergence kkt, not thresh");
            s = s.withKktTolerance(kktTolerance);
        }
        if (convergence != null) {
            s = s.withConvergence(switch (convergence) {
                case "kkt" -> GlmSettings.Convergence.KKT;
                case "thresh" -> GlmSettings.Convergence.THRESH;
                default -> throw new ParameterException(cmd, "--convergence must be kkt or thresh; got \"" + convergence + "\"");
            });
        }
        if (!penaltyFactors.isEmpty()) s = s.withPenaltyFactors(penaltyFactorArray(cmd, d.featureNames()));
        if (lowerLimit != null || upperLimit != null) {
            s = s.withLimits(lowerLimit == null ? null : filled(p, lowerLimit), upperLimit == null ? null : filled(p, upperLimit));
        }
        return s;
    }

    private double[] penaltyFactorArray(CommandLine cmd, List<String> features) {
        double[] f = filled(features.size(), 1.0);
        for (Map.Entry<String, Double> e : penaltyFactors.entrySet()) {
            int j = features.indexOf(e.getKey());
            if (j < 0) {
                throw new ParameterException(cmd, "--penalty-factor: no feature named \"" + e.getKey()
                        + "\"; the features are: " + list(features));
            }
            f[j] = e.getValue();
        }
        return f;
    }

    private static double[] filled(int p, double v) {
        double[] a = new double[p];
        Arrays.fill(a, v);
        return a;
    }

    /** Names for a message, at most 20. */
    static String list(List<String> names) {
        if (names.size() <= 20) return String.join(", ", names);
        return String.join(", ", names.subList(0, 20)) + ", ... (" + names.size() + " in all)";
    }
}

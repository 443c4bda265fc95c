package dev.occam.spark;

import dev.occam.glm.Family;
import dev.occam.glm.GlmPath;
import dev.occam.glm.GlmSettings;
import dev.occam.io.ModelFile;
import dev.occam.io.PathCsv;
import dev.occam.select.CvResult;
import dev.occam.select.CvSettings;
import dev.occam.select.CvTable;
import dev.occam.select.LambdaChoice;
import dev.occam.select.Measure;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code spark-submit} entry point: {@code path} and {@code cv} as {@code bin/occam} runs them,
 * on a Parquet or CSV table that Spark reads.
 * <pre>
 *   spark-submit --master local[*] occam-spark/target/occam-spark.jar path --data t.parquet --target y --out path.csv
 *   spark-submit … occam-spark.jar cv --data t.csv --target y --foldid fold --table cv.csv --out MODEL.json
 * </pre>
 * Features are every numeric column but the target, {@code --weights} and {@code --foldid}.
 * Options as {@code bin/occam}: {@code --family --alpha --nlambda --lambda-min-ratio --lambda
 * --no-standardize --no-intercept --kkt-tolerance --weights} (path and cv), {@code --foldid
 * --measure --select --table} (cv, gaussian), and for binomial and poisson paths
 * {@code --points-per-pass --max-gram-features} ({@link IrlsOptions}). A user mistake prints one line and exits with 2;
 * no output file is written then (outputs are written atomically, after the fit).
 */
public final class SparkMain {
    private SparkMain() { }

    private static final Set<String> FLAGS = Set.of("--no-standardize", "--no-intercept");
    private static final Set<String> VALUED = Set.of("--data", "--target", "--weights", "--foldid", "--family", "--alpha",
            "--nlambda", "--lambda-min-ratio", "--lambda", "--kkt-tolerance", "--measure", "--select", "--table", "--out",
            "--points-per-pass", "--max-gram-features");

    public static void main(String[] args) {
        SparkSession spark = SparkSession.builder().appName("occam-spark").getOrCreate();
        // after the session (Spark configures its logging when it starts): warnings only, as a command
        // line tool should; Spark's INFO lines would also repeat a failed task's stack trace
        spark.sparkContext().setLogLevel("WARN");
        quietTaskFailures();
        int status;
        try {
            status = run(spark, args, System.out, System.err);
        } finally {
            spark.stop();
        }
        System.exit(status);
    }

    /**
     * A bad row fails its task, and Spark's executor would log the task's stack trace before our one
     * line; those two loggers are silenced (the failure is still reported, as that line).
     */
    private static void quietTaskFailures() {
        try {
            org.apache.logging.log4j.core.config.Configurator.setLevel("org.apache.spark.executor.Executor",
                    org.apache.logging.log4j.Level.OFF);
            org.apache.logging.log4j.core.config.Configurator.setLevel("org.apache.spark.scheduler.TaskSetManager",
                    org.apache.logging.log4j.Level.OFF);
        } catch (LinkageError e) {
            // another logging back end: its own configuration decides
        }
    }

    /** Runs one command; returns the exit status (0, or 2 for a user mistake). */
    public static int run(SparkSession spark, String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0 || !(args[0].equals("path") || args[0].equals("cv"))) {
                throw new OccamSparkException("usage: SparkMain path|cv --data FILE(.parquet|.csv) --target NAME [options] --out FILE");
            }
            Map<String, String> opt = parse(args);
            return args[0].equals("path") ? path(spark, opt, out) : cv(spark, opt, out);
        } catch (IllegalArgumentException e) {
            err.println("occam-spark: error: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("occam-spark: error: cannot write output: " + e.getMessage());
            return 2;
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> opt = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (FLAGS.contains(a)) {
                opt.put(a, "true");
            } else if (VALUED.contains(a)) {
                if (i + 1 >= args.length) throw new OccamSparkException("option " + a + " needs a value");
                opt.put(a, args[++i]);
            } else {
                throw new OccamSparkException("unknown option '" + a + "'; expected one of " + new java.util.TreeSet<>(VALUED) + " or " + FLAGS);
            }
        }
        for (String required : List.of("--data", "--target", "--out")) {
            if (!opt.containsKey(required) && !(required.equals("--out") && opt.containsKey("--table"))) {
                throw new OccamSparkException("missing required option " + required);
            }
        }
        return opt;
    }

    private static int path(SparkSession spark, Map<String, String> opt, PrintStream out) throws IOException {
        GlmSettings s = settings(opt);
        IrlsOptions o = irlsOptions(opt);
        Input in = read(spark, opt);
        GlmPath path = s.family() == Family.GAUSSIAN ? SparkGaussian.path(in.data, in.cols, s)
                : SparkIrls.fit(in.data, in.cols, s, SparkIrls.End.NONE, o).path();
        PathCsv.write(Path.of(opt.get("--out")), path);
        out.printf(Locale.ROOT, "%s path: %d lambdas from %.6g to %.6g, %d features; wrote %s%n", s.family().id(), path.size(),
                path.lambdas()[0], path.lambdas()[path.size() - 1], path.featureNames().size(), opt.get("--out"));
        return 0;
    }

    private static int cv(SparkSession spark, Map<String, String> opt, PrintStream out) throws IOException {
        GlmSettings s = settings(opt);
        if (s.family() != Family.GAUSSIAN) {
            throw new OccamSparkException("cv on Spark is gaussian-only for now (one pass); got --family " + s.family().id());
        }
        if (!opt.containsKey("--foldid")) throw new OccamSparkException("cv on Spark needs --foldid NAME (a column of fold ids 1..K)");
        CvSettings cvs = CvSettings.defaults();
        if (opt.containsKey("--measure")) cvs = cvs.withMeasure(Measure.parse(opt.get("--measure")));
        LambdaChoice select = opt.containsKey("--select") ? LambdaChoice.parse(opt.get("--select")) : LambdaChoice.MIN;
        Input in = read(spark, opt);
        CvResult r = SparkGaussian.cv(in.data, in.cols, s, cvs);
        int index = select == LambdaChoice.MIN ? r.indexMin() : r.index1se();
        if (opt.containsKey("--table")) CvTable.write(Path.of(opt.get("--table")), r);
        if (opt.containsKey("--out")) ModelFile.write(Path.of(opt.get("--out")), r.path().model(index));
        out.printf(Locale.ROOT, "lambda.min = %.6g, lambda.1se = %.6g (%s %.6g at lambda.min)%n", r.lambdaMin(), r.lambda1se(),
                r.measure().id(), r.cvm()[r.indexMin()]);
        return 0;
    }

    private static GlmSettings settings(Map<String, String> opt) {
        try {
            Family family = Family.valueOf(opt.getOrDefault("--family", "gaussian").toUpperCase(Locale.ROOT));
            GlmSettings s = GlmSettings.of(family);
            if (opt.containsKey("--alpha")) s = s.withAlpha(number(opt, "--alpha"));
            if (opt.containsKey("--nlambda")) s = s.withNlambda((int) number(opt, "--nlambda"));
            if (opt.containsKey("--lambda-min-ratio")) s = s.withLambdaMinRatio(number(opt, "--lambda-min-ratio"));
            if (opt.containsKey("--kkt-tolerance")) s = s.withKktTolerance(number(opt, "--kkt-tolerance"));
            if (opt.containsKey("--lambda")) {
                String[] parts = opt.get("--lambda").split(",");
                double[] l = new double[parts.length];
                for (int i = 0; i < l.length; i++) l[i] = parseNumber("--lambda", parts[i]);
                s = s.withLambdas(l);
            }
            if (opt.containsKey("--no-standardize")) s = s.withStandardize(false);
            if (opt.containsKey("--no-intercept")) s = s.withIntercept(false);
            return s;
        } catch (IllegalArgumentException e) {
            if (e instanceof OccamSparkException) throw e;
            throw new OccamSparkException(e.getMessage() != null && e.getMessage().startsWith("No enum")
                    ? "--family must be gaussian, binomial or poisson; got '" + opt.get("--family") + "'" : e.getMessage());
        }
    }

    private static IrlsOptions irlsOptions(Map<String, String> opt) {
        try {
            IrlsOptions o = IrlsOptions.defaults();
            if (opt.containsKey("--points-per-pass")) o = o.withPointsPerPass(integer(opt, "--points-per-pass"));
            if (opt.containsKey("--max-gram-features")) o = o.withMaxGramFeatures(integer(opt, "--max-gram-features"));
            return o;
        } catch (IllegalArgumentException e) {
            if (e instanceof OccamSparkException) throw e;
            throw new OccamSparkException(e.getMessage());
        }
    }

    private static int integer(Map<String, String> opt, String name) {
        double v = number(opt, name);
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw new OccamSparkException(name + " must be a whole number; got " + opt.get(name));
        }
        return (int) v;
    }

    private static double number(Map<String, String> opt, String name) {
        return parseNumber(name, opt.get(name));
    }

    private static double parseNumber(String name, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new OccamSparkException(name + " expects a number; found '" + text + "'");
        }
    }

    private record Input(Dataset<Row> data, Columns cols) { }

    /** The table, with its numeric columns (but target, weights, fold ids) assembled into {@code features}. */
    private static Input read(SparkSession spark, Map<String, String> opt) {
        String file = opt.get("--data");
        if (!new java.io.File(file).exists() && !file.contains("://")) throw new OccamSparkException(file + ": no such file or directory");
        Dataset<Row> raw;
        String lower = file.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            // inferSchema reads the CSV once more; Parquet carries its schema
            raw = spark.read().option("header", "true").option("inferSchema", "true").option("mode", "FAILFAST").csv(file);
        } else if (lower.endsWith(".parquet") || new java.io.File(file).isDirectory()) {
            raw = spark.read().parquet(file);
        } else {
            throw new OccamSparkException(file + ": expected a .parquet or .csv file");
        }
        String target = opt.get("--target");
        String weights = opt.get("--weights");
        String fold = opt.get("--foldid");
        List<String> features = new ArrayList<>();
        for (StructField f : raw.schema().fields()) {
            String n = f.name();
            if (n.equals(target) || n.equals(weights) || n.equals(fold)) continue;
            if (!(f.dataType() instanceof NumericType)) {
                throw new OccamSparkException(file + ": column '" + n + "' is " + f.dataType().simpleString() + "; expected numeric features");
            }
            features.add(n);
        }
        Columns cols = new Columns("features", target, weights, fold);
        if (features.isEmpty()) throw new OccamSparkException(file + ": no feature columns besides the target");
        List<String> names = java.util.Arrays.asList(raw.schema().fieldNames());
        for (String n : new String[] {target, weights, fold}) {
            if (n != null && !names.contains(n)) throw new OccamSparkException(file + ": no column '" + n + "'; the columns are " + names);
        }
        Dataset<Row> assembled = new VectorAssembler().setInputCols(features.toArray(new String[0])).setOutputCol("features")
                .setHandleInvalid("keep").transform(raw);
        return new Input(assembled, cols);
    }
}

package dev.occam.cli;

import dev.occam.data.DataFormatException;
import dev.occam.data.Dataset;
import dev.occam.data.IdxReader;
import dev.occam.data.LibSvmReader;
import dev.occam.data.ReadOptions;
import dev.occam.data.TargetKind;
import dev.occam.io.AtomicFiles;
import dev.occam.nn.Activation;
import dev.occam.nn.EarlyStopping;
import dev.occam.nn.EpochRecord;
import dev.occam.nn.Loss;
import dev.occam.nn.MeanSquaredError;
import dev.occam.nn.NetworkFile;
import dev.occam.nn.NetworkModel;
import dev.occam.nn.ParameterStats;
import dev.occam.nn.Regularizer;
import dev.occam.nn.Sequential;
import dev.occam.nn.SoftmaxCrossEntropy;
import dev.occam.nn.Trainer;
import dev.occam.nn.TrainerSettings;
import dev.occam.nn.TrainingData;
import dev.occam.nn.TrainingListener;
import dev.occam.nn.TrainingResult;
import dev.occam.optim.Mask;
import dev.occam.optim.OptimizerSettings;
import dev.occam.optim.Schedule;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code occam train}: a multi-layer perceptron trained by mini-batch gradient methods, written as
 * a JSON network file ({@link NetworkFile}).
 *
 * <p>Objective per step: the batch mean of the loss (softmax cross-entropy for a class target,
 * ½(y − ŷ)² for a numeric one) + (l2/2)·Σw² over the weights (--l2: Occam's canonical λ with
 * α = 0, coupled into the gradient) + l1·Σ|w| (--l1: a proximal step, so weights reach exact
 * zeros). --weight-decay is PyTorch's: coupled L2 for sgd, momentum, nesterov and adam; decoupled
 * (w ← w − η·wd·w) for adamw. Biases are not penalized unless --decay-biases.
 *
 * <p>Preprocessing, stated in --help: CSV and LibSVM features are standardized by default (centred
 * by the training mean, divided by the 1/n standard deviation; {@link Inputs#standardize}), and the
 * centre and scale go into NET.json's {@code input} for predict to apply; --no-standardize leaves
 * them as given. IDX pixels are divided by 255 by the reader and never standardized.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a multi-layer perceptron with weight decay and write it as a JSON network file.",
                "Per step: mean batch loss + (l2/2) sum w^2 + l1 sum |w| (proximal: exact zeros); --weight-decay as PyTorch "
                        + "(coupled for sgd, momentum, nesterov, adam; decoupled w <- w - lr*wd*w for adamw).",
                "Inputs: CSV and LibSVM features are standardized by default: each column is centred by its mean over the "
                        + "training rows and divided by its standard deviation (1/n; a constant column is only centred); "
                        + "the target is never scaled. The centre and scale are stored in NET.json (input.center, "
                        + "input.scale) and predict applies them to new rows. --no-standardize uses the features as given "
                        + "(NET.json: \"input\": null). IDX images: pixels are divided by 255 when read, never standardized "
                        + "(input: null; the network expects pixels in [0, 1])."})
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "Training data: CSV with a header, Parquet, LibSVM, or IDX images (--format idx).")
    Path data;

    @Option(names = "--format", paramLabel = "csv|parquet|libsvm|idx",
            description = "Layout of --data and --valid (default: libsvm for .svm/.libsvm names, parquet for .parquet, idx for names containing 'idx', else csv).")
    String format;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "IDX label file of --data (default: the images' name with 'images' -> 'labels' and 'idx3' -> 'idx1').")
    Path labels;

    @Option(names = "--target", paramLabel = "NAME", description = "The target column (required for CSV).")
    String target;

    @Option(names = "--valid", paramLabel = "FILE", description = "Validation data in the same layout, evaluated after every epoch.")
    Path valid;

    @Option(names = "--valid-labels", paramLabel = "FILE", description = "IDX label file of --valid (default: inferred as for --labels).")
    Path validLabels;

    @Option(names = "--loss", paramLabel = "cross-entropy|mse", defaultValue = "cross-entropy",
            description = "cross-entropy: class target, softmax over one output per class; mse: numeric target, ½(y - y^)^2 (default: ${DEFAULT-VALUE}).")
    String loss;

    @Option(names = "--layers", required = true, paramLabel = "W1,W2,...",
            description = "Widths of the hidden layers, e.g. 256,128; 'none' for a linear model.")
    String layers;

    @Option(names = "--activation", paramLabel = "relu|tanh|sigmoid|gelu", defaultValue = "relu",
            description = "Activation after each hidden layer (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--dropout", paramLabel = "R", defaultValue = "0", description = "Dropout rate after each hidden layer, in [0, 1) (default: ${DEFAULT-VALUE}).")
    double dropout;

    @Option(names = "--optimizer", required = true, paramLabel = "sgd|momentum|nesterov|adam|adamw", description = "The optimizer.")
    String optimizer;

    @Option(names = "--lr", required = true, paramLabel = "R", description = "Learning rate (> 0); the peak rate with a schedule.")
    double lr;

    @Option(names = "--momentum", paramLabel = "M", defaultValue = "0.9", description = "Momentum for momentum and nesterov, in [0, 1) (default: ${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--weight-decay", paramLabel = "WD", defaultValue = "0",
            description = "PyTorch's weight_decay: coupled L2 (gradient + wd*w) except for adamw, where it is decoupled (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--l1", paramLabel = "L", defaultValue = "0",
            description = "L1 strength: + L*sum|w|, applied after every step as w <- sign(w)*max(|w| - lr*L, 0) (exact zeros; "
                    + "weights only unless --decay-biases) (default: ${DEFAULT-VALUE}).")
    double l1;

    @Option(names = "--l2", paramLabel = "L", defaultValue = "0", description = "L2 strength: + (L/2)*sum w^2 added to the loss, coupled into the gradient even for adamw (default: ${DEFAULT-VALUE}).")
    double l2;

    @Option(names = "--decay-biases", description = "Apply weight decay, --l1 and --l2 to biases too (default: weights only).")
    boolean decayBiases;

    @Option(names = "--clip-norm", paramLabel = "C", description = "Clip the gradient to this global L2 norm (> 0).")
    Double clipNorm;

    @Option(names = "--schedule", paramLabel = "constant|cosine", defaultValue = "constant",
            description = "Learning-rate schedule over all steps: constant, or cosine decay to 0 (default: ${DEFAULT-VALUE}).")
    String schedule;

    @Option(names = "--warmup-epochs", paramLabel = "N", defaultValue = "0", description = "Linear warm-up over the first N epochs (default: ${DEFAULT-VALUE}).")
    int warmupEpochs;

    @Option(names = "--epochs", required = true, paramLabel = "E", description = "Number of epochs (>= 1).")
    int epochs;

    @Option(names = "--batch-size", required = true, paramLabel = "B", description = "Rows per mini-batch (>= 1).")
    int batchSize;

    @Option(names = "--seed", required = true, paramLabel = "S", description = "Seed of the initial weights, the shuffling and dropout.")
    long seed;

    @Option(names = "--patience", paramLabel = "P",
            description = "Stop when the validation loss (training loss without --valid) has not improved for P epochs; keep the best epoch's weights.")
    Integer patience;

    @Option(names = "--no-standardize",
            description = "Use CSV/LibSVM features as given (default: centre each by its training mean and scale it to unit "
                    + "variance, stored in NET.json and applied by predict). IDX pixels are divided by 255 either way.")
    boolean noStandardize;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "Write a checkpoint after every epoch (atomically).")
    Path checkpoint;

    @Option(names = "--resume", description = "Continue from --checkpoint (same data and settings; --epochs may be larger).")
    boolean resume;

    @Option(names = "--history", paramLabel = "FILE.csv", description = "Write the per-epoch history (losses, accuracy, norms, exact zeros) as CSV.")
    Path history;

    @Option(names = "--out", required = true, paramLabel = "NET.json", description = "The network file to write.")
    Path out;

    @Option(names = "--quiet", description = "Print nothing but errors and warnings.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        CommandLine cmd = spec.commandLine();
        Console console = new Console(cmd.getErr(), quiet);
        OptimizerSettings.Method method = parse(() -> OptimizerSettings.Method.parse(optimizer));
        Activation act = parse(() -> Activation.parse(activation));
        int[] hidden = hiddenWidths(cmd);
        boolean classes = switch (loss.toLowerCase(Locale.ROOT)) {
            case "cross-entropy", "ce" -> true;
            case "mse" -> false;
            default -> throw new ParameterException(cmd, "--loss must be cross-entropy or mse; got " + loss);
        };
        checkNumbers(cmd);
        Outputs.checkWritable(cmd, "--out", out);
        if (history != null) Outputs.checkWritable(cmd, "--history", history);
        if (checkpoint != null) Outputs.checkWritable(cmd, "--checkpoint", checkpoint);
        if (resume && checkpoint == null) throw new ParameterException(cmd, "--resume needs --checkpoint FILE");
        if (resume && !Files.isRegularFile(checkpoint)) {
            throw new ParameterException(cmd, "--resume: checkpoint " + checkpoint + " does not exist");
        }

        Layout layout = Layout.of(cmd, data, format);
        Inputs in = Inputs.read(cmd, layout, this, classes);
        int outputs = classes ? in.classes.size() : 1;
        Loss lossFn = classes ? new SoftmaxCrossEntropy() : new MeanSquaredError();

        Mask decayMask = decayBiases ? Mask.ALL : Mask.WEIGHTS;
        // --l2 L adds (L/2)·Σw² (canonical λ = L) = Keras l2(L/2)
        Regularizer reg = l2 > 0 ? Regularizer.l2(l2 / 2) : Regularizer.NONE;
        Sequential net = Sequential.mlp(in.train.cols(), hidden, outputs, act, dropout, reg, decayBiases ? reg : Regularizer.NONE, seed);
        int batches = (in.train.rows() + Math.min(batchSize, in.train.rows()) - 1) / Math.min(batchSize, in.train.rows());
        OptimizerSettings opt = OptimizerSettings.of(method, learningRate(cmd, batches))
                .withMomentum(momentum).withWeightDecay(weightDecay).withL1(l1).withDecayMask(decayMask);
        if (clipNorm != null) opt = opt.withClipNorm(clipNorm);

        TrainerSettings ts = TrainerSettings.of(epochs, batchSize, seed);
        if (patience != null) ts = ts.withEarlyStopping(new EarlyStopping(patience, 0, true));
        if (checkpoint != null) ts = ts.withCheckpoint(checkpoint);
        console.info("training " + describe(in.train.cols(), hidden, outputs, act) + " on " + in.train.rows() + " rows"
                + (in.valid != null ? " (validation: " + in.valid.rows() + ")" : "") + " with " + opt.describe());

        Trainer trainer = new Trainer(net, lossFn, opt, ts);
        Progress progress = new Progress(cmd.getErr(), quiet, epochs);
        TrainingResult r = resume
                ? trainer.resume(checkpoint, in.train, in.valid, progress)
                : trainer.fit(in.train, in.valid, progress);
        progress.finish();
        if (r.reason() == TrainingResult.StopReason.DIVERGED) {
            // The library kept the last good weights; the user must rerun with the named setting lowered.
            throw new IllegalArgumentException(r.message() + (r.settingToLower().equals("learning rate") ? " (--lr)" : " (--weight-decay)")
                    + "; no network written");
        }
        NetworkModel model = new NetworkModel(net, lossFn, in.features, in.targetName, classes ? in.classes : null, in.center, in.scale);
        NetworkFile.write(out, model, notes(opt, r));
        if (history != null) writeHistory(history, r.history());
        EpochRecord last = r.last();
        String score = last == null ? "" : Double.isNaN(last.validLoss())
                ? ", training loss " + fmt(last.trainLoss())
                : ", validation loss " + fmt(last.validLoss()) + (classes ? ", accuracy " + fmt(last.validAccuracy()) : "");
        console.info(r.message());
        console.info("wrote " + out + score + (r.restoredEpoch() > 0 ? " (weights of epoch " + r.restoredEpoch() + ")" : ""));
        return 0;
    }

    /** Runs a parse that throws IllegalArgumentException with a user message, as a picocli error. */
    private <T> T parse(java.util.function.Supplier<T> p) {
        try {
            return p.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private int[] hiddenWidths(CommandLine cmd) {
        String s = layers.strip();
        if (s.equalsIgnoreCase("none")) return new int[0];
        String[] parts = s.split(",");
        int[] w = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                w[i] = Integer.parseInt(parts[i].strip());
            } catch (NumberFormatException e) {
                w[i] = -1;
            }
            if (w[i] < 1) {
                throw new ParameterException(cmd, "--layers must be widths >= 1 separated by commas (or 'none'); got \"" + layers + "\"");
            }
        }
        return w;
    }

    private void checkNumbers(CommandLine cmd) {
        if (!(lr > 0) || Double.isInfinite(lr)) throw new ParameterException(cmd, "--lr must be finite and > 0; got " + lr);
        if (epochs < 1) throw new ParameterException(cmd, "--epochs must be >= 1; got " + epochs);
        if (batchSize < 1) throw new ParameterException(cmd, "--batch-size must be >= 1; got " + batchSize);
        if (!(dropout >= 0 && dropout < 1)) throw new ParameterException(cmd, "--dropout must be in [0, 1); got " + dropout);
        if (!(momentum >= 0 && momentum < 1)) throw new ParameterException(cmd, "--momentum must be in [0, 1); got " + momentum);
        for (Object[] o : new Object[][]{{"--weight-decay", weightDecay}, {"--l1", l1}, {"--l2", l2}}) {
            double v = (Double) o[1];
            if (!(v >= 0) || Double.isInfinite(v)) throw new ParameterException(cmd, o[0] + " must be finite and >= 0; got " + v);
        }
        if (clipNorm != null && (!(clipNorm > 0) || clipNorm.isInfinite())) {
            throw new ParameterException(cmd, "--clip-norm must be finite and > 0; got " + clipNorm);
        }
        if (warmupEpochs < 0 || warmupEpochs >= epochs && warmupEpochs > 0) {
            throw new ParameterException(cmd, "--warmup-epochs must be in [0, " + epochs + "); got " + warmupEpochs);
        }
        if (patience != null && patience < 1) throw new ParameterException(cmd, "--patience must be >= 1; got " + patience);
    }

    /** The schedule over all steps (epochs × batches per epoch). */
    private Schedule learningRate(CommandLine cmd, int batches) {
        long total = (long) epochs * batches;
        long warm = (long) warmupEpochs * batches;
        Schedule main = switch (schedule.toLowerCase(Locale.ROOT)) {
            case "constant" -> Schedule.constant(lr);
            case "cosine" -> Schedule.cosine(lr, Math.max(1, total - warm), 0);
            default -> throw new ParameterException(cmd, "--schedule must be constant or cosine; got " + schedule);
        };
        return warm > 0 ? Schedule.warmup(warm, main) : main;
    }

    private static String describe(int inputs, int[] hidden, int outputs, Activation act) {
        StringBuilder s = new StringBuilder().append(inputs);
        for (int h : hidden) s.append('-').append(h);
        s.append('-').append(outputs);
        return s + (hidden.length > 0 ? " " + act.label() : " linear") + " network";
    }

    private Map<String, Object> notes(OptimizerSettings opt, TrainingResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("optimizer", opt.describe());
        m.put("l2", l2);
        m.put("epochs", r.history().size());
        m.put("batch_size", batchSize);
        m.put("seed", seed);
        m.put("stopped", r.reason().name().toLowerCase(Locale.ROOT));
        m.put("best_epoch", r.bestEpoch());
        EpochRecord last = r.last();
        if (last != null) {
            Map<String, Object> f = new LinkedHashMap<>();
            putFinite(f, "train_loss", last.trainLoss());
            putFinite(f, "train_accuracy", last.trainAccuracy());
            putFinite(f, "valid_loss", last.validLoss());
            putFinite(f, "valid_accuracy", last.validAccuracy());
            m.put("last_epoch", f);
        }
        return m;
    }

    private static void putFinite(Map<String, Object> m, String k, double v) {
        if (Double.isFinite(v)) m.put(k, v);
    }

    /** The history as CSV: one row per epoch; NaN (no validation, regression accuracy) as an empty cell. */
    static void writeHistory(Path file, List<EpochRecord> h) throws IOException {
        AtomicFiles.writeText(file, w -> {
            w.write("epoch,train_loss,train_accuracy,penalty,valid_loss,valid_accuracy,learning_rate");
            if (!h.isEmpty()) {
                for (ParameterStats p : h.get(0).parameters()) w.write("," + p.name() + "_norm," + p.name() + "_zero_share");
            }
            w.write("\n");
            for (EpochRecord r : h) {
                w.write(r.epoch() + "," + cell(r.trainLoss()) + "," + cell(r.trainAccuracy()) + "," + cell(r.penalty()) + ","
                        + cell(r.validLoss()) + "," + cell(r.validAccuracy()) + "," + cell(r.learningRate()));
                for (ParameterStats p : r.parameters()) w.write("," + cell(p.l2Norm()) + "," + cell(p.zeroShare()));
                w.write("\n");
            }
        });
    }

    private static String cell(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** Where the data comes from. */
    enum Layout {
        CSV, PARQUET, LIBSVM, IDX;

        static Layout of(CommandLine cmd, Path file, String explicit) {
            if (explicit != null) {
                return switch (explicit.toLowerCase(Locale.ROOT)) {
                    case "csv" -> CSV;
                    case "parquet" -> PARQUET;
                    case "libsvm" -> LIBSVM;
                    case "idx" -> IDX;
                    default -> throw new ParameterException(cmd, "--format must be csv, parquet, libsvm or idx; got " + explicit);
                };
            }
            String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.contains("idx") && !name.endsWith(".parquet")) return IDX;
            return switch (DataFormat.of(file, null)) {
                case LIBSVM -> LIBSVM;
                case PARQUET -> PARQUET;
                case CSV -> CSV;
            };
        }

        /** The reader of a layout with named columns (CSV or Parquet). */
        DataFormat columns() {
            return this == PARQUET ? DataFormat.PARQUET : DataFormat.CSV;
        }
    }

    /** Training and validation rows, standardized, with names. */
    static final class Inputs {
        TrainingData train;
        TrainingData valid;
        List<String> features;
        String targetName;
        List<String> classes;
        float[] center;
        float[] scale;

        static Inputs read(CommandLine cmd, Layout layout, TrainCommand o, boolean classes) throws IOException {
            Inputs in = new Inputs();
            TargetKind kind = classes ? TargetKind.CLASS : TargetKind.NUMERIC;
            if (layout == Layout.IDX) {
                if (!classes) throw new ParameterException(cmd, "--format idx holds class labels: use --loss cross-entropy");
                MemoryCheck.requireIdx(o.data);
                IdxReader.LabelledImages tr = IdxReader.readLabelled(o.data, labelsOf(cmd, o.data, o.labels, "--labels"), 1f / 255);
                in.train = TrainingData.from(tr);
                in.classes = tr.classes();
                in.features = Dataset.defaultNames(tr.cols());
                in.targetName = "label";
                if (o.valid != null) {
                    Path validLabels = labelsOf(cmd, o.valid, o.validLabels, "--valid-labels");
                    IdxReader.LabelledImages va = IdxReader.readLabelled(o.valid, validLabels, 1f / 255);
                    if (va.cols() != tr.cols()) {
                        throw new DataFormatException(o.valid.toString(), "images have " + va.cols() + " pixels; the training images have " + tr.cols());
                    }
                    in.valid = recode(validLabels, null, null, TrainingData.from(va), va.classes(), in.classes);
                }
            } else {
                Dataset tr;
                MemoryCheck.require(o.data, layout == Layout.LIBSVM ? DataFormat.LIBSVM : layout.columns(), MemoryCheck.Use.TRAIN, 0, false);
                if (layout != Layout.LIBSVM) {
                    if (o.target == null) throw new ParameterException(cmd, "Missing required option: '--target=NAME'");
                    tr = layout.columns().read(o.data, new ReadOptions(o.target, kind, null, null));
                } else {
                    tr = LibSvmReader.read(o.data, kind, 0);
                }
                if (tr.cols() == 0) throw new DataFormatException(o.data.toString(), "no feature columns besides the target");
                in.features = tr.featureNames();
                in.targetName = tr.targetName();
                in.classes = tr.classes();
                in.train = TrainingData.from(tr);
                if (o.valid != null) {
                    Dataset va = layout != Layout.LIBSVM
                            ? layout.columns().read(o.valid, new ReadOptions(o.target, kind, null, in.features))
                            : LibSvmReader.read(o.valid, kind, tr.cols());
                    if (va.cols() != tr.cols()) {
                        throw new DataFormatException(o.valid.toString(), "has " + va.cols() + " features; the training data has " + tr.cols());
                    }
                    in.valid = recode(o.valid, layout == Layout.LIBSVM, o.target, TrainingData.from(va), va.classes(), in.classes);
                }
                if (!o.noStandardize) in.standardize();
            }
            if (classes && in.classes.size() < 2) {
                throw new DataFormatException(o.data.toString(), 0, 0, o.target, "at least 2 classes",
                        "only \"" + in.classes.get(0) + "\" (a constant target)");
            }
            return in;
        }

        /** The conventional label file next to an IDX image file, or the one given. */
        private static Path labelsOf(CommandLine cmd, Path images, Path given, String option) {
            if (given != null) return given;
            String name = images.getFileName().toString();
            String guess = name.replace("images", "labels").replace("idx3", "idx1");
            Path p = images.resolveSibling(guess);
            if (guess.equals(name) || !Files.isRegularFile(p)) {
                throw new ParameterException(cmd, option + " is needed: no label file " + (guess.equals(name) ? "name follows from " + name : p + " exists"));
            }
            return p;
        }

        /**
         * Maps validation class indices (its own sorted labels) to the training classes.
         *
         * @param libSvm whether {@code file} is LibSVM (true) or CSV (false), for the place of a bad
         *               row; null for IDX labels, which have no lines
         */
        private static TrainingData recode(Path file, Boolean libSvm, String column, TrainingData v, List<String> validClasses,
                                           List<String> trainClasses) {
            if (trainClasses == null) return v;
            Map<String, Integer> index = new HashMap<>();
            for (int k = 0; k < trainClasses.size(); k++) index.put(trainClasses.get(k), k);
            float[] y = new float[v.rows()];
            for (int i = 0; i < y.length; i++) {
                String label = validClasses.get((int) v.y()[i]);
                Integer k = index.get(label);
                if (k == null) {
                    String found = "class " + DataFormatException.quote(label);
                    if (libSvm == null) {
                        throw new DataFormatException(file.toString(), 0, 0, null, "only the training data's classes", found + " in item " + (i + 1));
                    }
                    throw RowErrors.at(file, libSvm, libSvm ? null : column, i, "only the training data's classes", found);
                }
                y[i] = k;
            }
            return new TrainingData(v.x(), v.rows(), v.cols(), y, 1);
        }

        /** Centres and scales every feature to unit variance (1/n) by the training rows; constant features are only centred. */
        void standardize() {
            int n = train.rows();
            int p = train.cols();
            double[] mean = new double[p];
            double[] sq = new double[p];
            float[] x = train.x();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < p; j++) mean[j] += x[i * p + j];
            }
            for (int j = 0; j < p; j++) mean[j] /= n;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < p; j++) {
                    double d = x[i * p + j] - mean[j];
                    sq[j] += d * d;
                }
            }
            center = new float[p];
            scale = new float[p];
            for (int j = 0; j < p; j++) {
                center[j] = (float) mean[j];
                double sd = Math.sqrt(sq[j] / n);
                scale[j] = sd > 0 && Float.isFinite((float) sd) && (float) sd > 0 ? (float) sd : 1f;
            }
            train = scaled(train);
            if (valid != null) valid = scaled(valid);
        }

        private TrainingData scaled(TrainingData d) {
            int p = d.cols();
            float[] z = new float[d.x().length];
            for (int i = 0; i < d.rows(); i++) {
                for (int j = 0; j < p; j++) z[i * p + j] = (d.x()[i * p + j] - center[j]) / scale[j];
            }
            return new TrainingData(z, d.rows(), p, d.y(), d.targetWidth());
        }
    }

    /**
     * Progress on stderr: on a terminal a bar per epoch redrawn with '\r'; otherwise (a pipe, a log
     * file) one plain line per epoch. Nothing with --quiet.
     */
    static final class Progress implements TrainingListener {
        private final PrintWriter err;
        private final boolean quiet;
        private final boolean terminal;
        private final int epochs;
        private long epochStart = System.nanoTime();
        private int lastDrawn = -1;

        Progress(PrintWriter err, boolean quiet, int epochs) {
            this.err = err;
            this.quiet = quiet;
            this.terminal = System.console() != null;
            this.epochs = epochs;
        }

        @Override
        public void batchDone(int epoch, int batch, int batches, double loss) {
            if (quiet || !terminal) return;
            if (batch == 1) {
                epochStart = System.nanoTime();
                lastDrawn = -1;
            }
            int width = 30;
            int filled = (int) ((long) batch * width / batches);
            if (filled == lastDrawn && batch != batches) return;
            lastDrawn = filled;
            err.print("\repoch " + epoch + "/" + epochs + " [" + "=".repeat(filled) + " ".repeat(width - filled) + "] "
                    + batch + "/" + batches + " loss " + fmt(loss) + "   ");
            err.flush();
        }

        @Override
        public void epochDone(EpochRecord r) {
            if (quiet) return;
            double seconds = (System.nanoTime() - epochStart) / 1e9;
            StringBuilder s = new StringBuilder(terminal ? "\r" : "").append("occam: epoch ").append(r.epoch()).append('/').append(epochs)
                    .append(": train loss ").append(fmt(r.trainLoss()));
            if (!Double.isNaN(r.trainAccuracy())) s.append(" acc ").append(fmt(r.trainAccuracy()));
            if (!Double.isNaN(r.validLoss())) s.append(", valid loss ").append(fmt(r.validLoss()));
            if (!Double.isNaN(r.validAccuracy())) s.append(" acc ").append(fmt(r.validAccuracy()));
            s.append(String.format(Locale.ROOT, " (%.1f s)", seconds));
            err.println(s + (terminal ? "          " : ""));
            epochStart = System.nanoTime();
        }

        void finish() {
            err.flush();
        }
    }
}

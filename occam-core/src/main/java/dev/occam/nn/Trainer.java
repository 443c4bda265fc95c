package dev.occam.nn;

import dev.occam.optim.DecayScaling;
import dev.occam.optim.GradientTransform;
import dev.occam.optim.OptState;
import dev.occam.optim.OptimizerSettings;
import dev.occam.optim.Transforms;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Trains a {@link Sequential} network with mini-batches: per step, the mean loss of the batch plus
 * the layers' regularizer penalties is differentiated and the optimizer's chain turns the gradient
 * into an update.
 *
 * <p>Reproducibility: epoch e visits the rows in a permutation drawn from (seed, e), and dropout
 * masks are drawn from (seed, layer, global step); neither depends on earlier draws. So a run
 * resumed from a checkpoint ({@link #resume}) continues bit for bit like an uninterrupted one.
 *
 * <p>Divergence: when a batch loss, a validation loss or a weight is NaN or infinite, training
 * stops, the model gets back the weights it had at the end of the last good epoch (the initial
 * weights if the first epoch diverged), and the result names the setting to lower.
 *
 * <p>The trainer holds settings and the model; the optimizer state, history and early-stopping
 * state live inside one call of {@code fit} or {@code resume}.
 */
public final class Trainer {
    private final Sequential model;
    private final Loss loss;
    private final OptimizerSettings optimizer;
    private final TrainerSettings settings;

    public Trainer(Sequential model, Loss loss, OptimizerSettings optimizer, TrainerSettings settings) {
        this.model = Objects.requireNonNull(model, "model");
        this.loss = Objects.requireNonNull(loss, "loss");
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Mean loss and accuracy of a model on some rows, in inference mode. */
    public record Evaluation(double loss, double accuracy) {
    }

    /** Evaluates {@code model} on {@code data} in batches of 256 (dropout off). */
    public static Evaluation evaluate(Sequential model, Loss loss, TrainingData data) {
        int width = model.outputSize();
        int bs = Math.min(256, data.rows());
        float[] xb = new float[bs * data.cols()];
        float[] yb = new float[bs * data.targetWidth()];
        int[] idx = identity(data.rows());
        double sum = 0;
        double correct = 0;
        for (int r0 = 0; r0 < data.rows(); r0 += bs) {
            int b = Math.min(bs, data.rows() - r0);
            data.gather(idx, r0, b, xb, yb);
            float[] out = model.forward(xb, b, Mode.inference());
            sum += loss.evaluate(out, yb, b, width, null) * b;
            correct += loss.correct(out, yb, b, width);
        }
        return new Evaluation(sum / data.rows(), correct / data.rows());
    }

    /**
     * Trains from the model's current weights and a fresh optimizer state.
     *
     * @param valid validation rows, or null
     * @throws IOException when a checkpoint cannot be written
     */
    public TrainingResult fit(TrainingData train, TrainingData valid, TrainingListener listener) throws IOException {
        check(train, "training");
        if (valid != null) {
            check(valid, "validation");
        }
        GradientTransform t = optimizer.toTransform();
        Run run = new Run(t, t.init(model.parameterInfos()));
        return run.loop(train, valid, listener == null ? TrainingListener.NONE : listener);
    }

    /**
     * Continues a run from a checkpoint written by this trainer's settings: weights, optimizer
     * state, history and early stopping are restored, and training goes on from the next epoch up
     * to {@code settings.epochs()}.
     *
     * @throws IllegalArgumentException with a one-line message when the checkpoint is unreadable or
     *                                  was written for another model, loss, optimizer or data
     */
    public TrainingResult resume(Path checkpoint, TrainingData train, TrainingData valid, TrainingListener listener)
            throws IOException {
        check(train, "training");
        if (valid != null) {
            check(valid, "validation");
        }
        Checkpoint c = Checkpoint.read(checkpoint);
        Map<String, String> expected = fingerprint(train);
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String found = c.fingerprint.get(e.getKey());
            if (!e.getValue().equals(found)) {
                throw new IllegalArgumentException(checkpoint + ": checkpoint was written with " + e.getKey() + " = " + found
                        + "; this run has " + e.getValue());
            }
        }
        GradientTransform t = optimizer.toTransform();
        OptState state = t.init(model.parameterInfos());
        try {
            state.copyFrom(c.optimizer);
            model.setValues(c.values);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(checkpoint + ": " + e.getMessage());
        }
        Run run = new Run(t, state);
        run.epochsDone = c.epochsDone;
        run.step = c.step;
        run.history.addAll(c.history);
        if (settings.earlyStopping() != null && c.early != null) {
            run.early = c.early;
        }
        return run.loop(train, valid, listener == null ? TrainingListener.NONE : listener);
    }

    private void check(TrainingData d, String what) {
        if (d.cols() != model.inputSize()) {
            throw new IllegalArgumentException(what + " data has " + d.cols() + " features; the network expects " + model.inputSize());
        }
        int tw = loss.targetWidth(model.outputSize());
        if (d.targetWidth() != tw) {
            throw new IllegalArgumentException(what + " data has targets of width " + d.targetWidth() + "; " + loss.name()
                    + " with " + model.outputSize() + " outputs needs width " + tw);
        }
        if (loss instanceof SoftmaxCrossEntropy) {
            for (int i = 0; i < d.rows(); i++) {
                float c = d.y()[i];
                if (c != (int) c || c < 0 || c >= model.outputSize()) {
                    throw new IllegalArgumentException(what + " row " + (i + 1) + ": class index must be an integer in [0, "
                            + model.outputSize() + "); got " + c);
                }
            }
        }
    }

    /** The settings a checkpoint must share with this run to be resumed. */
    private Map<String, String> fingerprint(TrainingData train) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("network", model.describe());
        f.put("parameters", model.parameterInfos().toString());
        f.put("loss", loss.name());
        f.put("optimizer", optimizer.describe());
        f.put("batch size", Integer.toString(settings.batchSize()));
        f.put("seed", Long.toString(settings.seed()));
        f.put("shuffle", Boolean.toString(settings.shuffle()));
        f.put("training rows", Integer.toString(train.rows()));
        return f;
    }

    private static int[] identity(int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return idx;
    }

    /** Row order of an epoch: Fisher–Yates from a generator seeded by (seed, epoch). */
    static int[] permutation(int n, long seed, int epoch) {
        int[] idx = identity(n);
        SplittableRandom rng = new SplittableRandom(Init.mix(seed, epoch));
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        return idx;
    }

    /** The mutable state of one training call. */
    private final class Run {
        final GradientTransform transform;
        final OptState state;
        final List<EpochRecord> history = new ArrayList<>();
        int epochsDone;
        long step;
        EarlyStopping.State early;

        Run(GradientTransform transform, OptState state) {
            this.transform = transform;
            this.state = state;
            if (settings.earlyStopping() != null) {
                early = new EarlyStopping.State();
            }
        }

        TrainingResult loop(TrainingData train, TrainingData valid, TrainingListener listener) throws IOException {
            int n = train.rows();
            int bs = Math.min(settings.batchSize(), n);
            int batches = (n + bs - 1) / bs;
            int width = model.outputSize();
            float[] xb = new float[bs * train.cols()];
            float[] yb = new float[bs * train.targetWidth()];
            float[] dOut = new float[bs * width];
            float[][] values = model.values();
            float[][] grads = model.grads();
            for (int epoch = epochsDone + 1; epoch <= settings.epochs(); epoch++) {
                float[][] lastGood = model.copyValues();
                int[] order = settings.shuffle() ? permutation(n, settings.seed(), epoch) : identity(n);
                double lossSum = 0;
                double correct = 0;
                for (int b = 0; b < batches; b++) {
                    int from = b * bs;
                    int count = Math.min(bs, n - from);
                    train.gather(order, from, count, xb, yb);
                    float[] out = model.forward(xb, count, Mode.training(step, settings.seed()));
                    double l = loss.evaluate(out, yb, count, width, dOut);
                    if (!Double.isFinite(l)) {
                        return diverged(lastGood, epoch, "batch " + (b + 1) + " of " + batches + ": loss is " + l);
                    }
                    lossSum += l * count;
                    correct += loss.correct(out, yb, count, width);
                    model.backward(dOut, count);
                    model.addPenaltyGradient();
                    transform.update(grads, state, values);
                    Transforms.applyUpdates(values, grads);
                    step++;
                    listener.batchDone(epoch, b + 1, batches, l);
                }
                for (Parameter p : model.parameters()) {
                    for (float v : p.values()) {
                        if (!Float.isFinite(v)) {
                            return diverged(lastGood, epoch, "weight " + p.name() + " is " + v);
                        }
                    }
                }
                double vl = Double.NaN;
                double va = Double.NaN;
                if (valid != null) {
                    Evaluation ev = evaluate(model, loss, valid);
                    if (!Double.isFinite(ev.loss())) {
                        return diverged(lastGood, epoch, "validation loss is " + ev.loss());
                    }
                    vl = ev.loss();
                    va = ev.accuracy();
                }
                List<ParameterStats> stats = new ArrayList<>();
                for (Parameter p : model.parameters()) {
                    stats.add(ParameterStats.of(p));
                }
                EpochRecord rec = new EpochRecord(epoch, lossSum / n, correct / n, model.penalty(), vl, va,
                        optimizer.learningRate().at(Math.max(step - 1, 0)), stats);
                history.add(rec);
                epochsDone = epoch;
                boolean stop = early != null && early.update(settings.earlyStopping(), epoch, rec.monitored(), model);
                if (settings.checkpoint() != null) {
                    Checkpoint.of(fingerprint(train), epochsDone, step, model.copyValues(), state, history, early)
                            .write(settings.checkpoint());
                }
                listener.epochDone(rec);
                if (stop) {
                    int restored = restoreBest();
                    return new TrainingResult(history, TrainingResult.StopReason.EARLY_STOPPED, bestEpoch(), restored,
                            "stopped early after epoch " + epoch + ": " + (valid != null ? "validation" : "training")
                                    + " loss has not improved for " + settings.earlyStopping().patience() + " epochs"
                                    + (restored > 0 ? "; kept the weights of epoch " + restored : ""), null);
                }
            }
            int restored = restoreBest();
            return new TrainingResult(history, TrainingResult.StopReason.COMPLETED, bestEpoch(), restored,
                    "trained " + epochsDone + " epochs" + (restored > 0 ? "; kept the weights of the best epoch, " + restored : ""), null);
        }

        /** With restore-best, puts the best epoch's weights back; returns that epoch, or 0 if nothing changed. */
        private int restoreBest() {
            if (early == null || !settings.earlyStopping().restoreBest() || early.bestValues == null
                    || early.bestEpoch == epochsDone) {
                return 0;
            }
            model.setValues(early.bestValues);
            return early.bestEpoch;
        }

        private int bestEpoch() {
            int best = 0;
            double v = Double.POSITIVE_INFINITY;
            for (EpochRecord r : history) {
                if (r.monitored() < v) {
                    v = r.monitored();
                    best = r.epoch();
                }
            }
            return best;
        }

        private TrainingResult diverged(float[][] lastGood, int epoch, String what) {
            model.setValues(lastGood);
            double lr = optimizer.learningRate().base();
            double wd = optimizer.weightDecay();
            double decayPerStep = optimizer.method() == OptimizerSettings.Method.ADAMW
                    && optimizer.decayScaling() == DecayScaling.SCHEDULE ? wd : lr * wd;
            String setting;
            String advice;
            // w ← (1 − c·wd)·w alone oscillates with growing amplitude once c·wd > 2; near 1 it
            // already dominates every step. Otherwise the step size is the usual culprit.
            if (decayPerStep >= 1) {
                setting = "weight decay";
                advice = "lower the weight decay (now " + wd + "): the decay per step, " + decayPerStep + ", must stay well below 1";
            } else {
                setting = "learning rate";
                advice = "lower the learning rate (now " + lr + ")";
            }
            int kept = epoch - 1;
            String message = "training diverged in epoch " + epoch + " (" + what + "); kept the weights "
                    + (kept == 0 ? "it started with" : "from the end of epoch " + kept) + ". " + Character.toUpperCase(advice.charAt(0))
                    + advice.substring(1);
            return new TrainingResult(history, TrainingResult.StopReason.DIVERGED, bestEpoch(), kept, message, setting);
        }

    }
}

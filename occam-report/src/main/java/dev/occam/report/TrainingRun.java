package dev.occam.report;

import dev.occam.nn.EpochRecord;
import dev.occam.nn.TrainingResult;
import dev.occam.optim.Mask;
import java.util.List;

/**
 * Per-epoch measurements of one training run, for {@link LossCurvePlot} and {@link WeightNormPlot}.
 * Index i holds epoch i + 1. Values may be NaN or infinite (a diverged run, no validation at some
 * epoch); the plots leave such points out and say so.
 *
 * @param name the run's name in legends, e.g. "AdamW, weight decay 0.01"
 * @param trainLoss mean training loss per epoch
 * @param validLoss validation loss per epoch, or null without validation data
 * @param weightNorm L2 norm of the (decayed) weights at the end of each epoch, or null
 * @param zeroShare share of those weights exactly 0 at the end of each epoch, in [0, 1], or null
 */
public record TrainingRun(String name, double[] trainLoss, double[] validLoss, double[] weightNorm, double[] zeroShare) {

    public TrainingRun {
        name = Checks.text("run name", name);
        trainLoss = Checks.nonEmpty("trainLoss of \"" + name + "\"", trainLoss);
        int n = trainLoss.length;
        validLoss = optional("validLoss", name, validLoss, n);
        weightNorm = optional("weightNorm", name, weightNorm, n);
        zeroShare = optional("zeroShare", name, zeroShare, n);
        if (zeroShare != null) {
            for (int i = 0; i < n; i++) {
                if (zeroShare[i] < 0 || zeroShare[i] > 1) {
                    throw new IllegalArgumentException("zeroShare of \"" + name + "\" must be in [0, 1]; got "
                            + zeroShare[i] + " at epoch " + (i + 1));
                }
            }
        }
    }

    private static double[] optional(String what, String name, double[] values, int n) {
        if (values == null) return null;
        Checks.sameLength(what + " of \"" + name + "\"", values, "trainLoss", n);
        return values.clone();
    }

    /** A run with losses only. */
    public static TrainingRun ofLosses(String name, double[] trainLoss, double[] validLoss) {
        return new TrainingRun(name, trainLoss, validLoss, null, null);
    }

    /**
     * A run from a trainer's history: losses, and the norm and share of exact zeros of the
     * parameters {@code group} selects ({@link Mask#WEIGHTS} for the weights without biases).
     * Validation loss is kept only if some epoch has one.
     */
    public static TrainingRun from(String name, TrainingResult result, Mask group) {
        if (result == null) throw new IllegalArgumentException("training result must be given; got null");
        if (group == null) throw new IllegalArgumentException("parameter group must be given; got null");
        List<EpochRecord> history = result.history();
        if (history.isEmpty()) {
            throw new IllegalArgumentException("training result of \"" + name + "\" has no completed epoch");
        }
        int n = history.size();
        double[] train = new double[n];
        double[] valid = new double[n];
        double[] norm = new double[n];
        double[] zeros = new double[n];
        boolean anyValid = false;
        for (int i = 0; i < n; i++) {
            EpochRecord e = history.get(i);
            train[i] = e.trainLoss();
            valid[i] = e.validLoss();
            anyValid |= !Double.isNaN(e.validLoss());
            norm[i] = e.l2Norm(group);
            zeros[i] = e.zeroShare(group);
        }
        return new TrainingRun(name, train, anyValid ? valid : null, norm, zeros);
    }

    @Override public double[] trainLoss() { return trainLoss.clone(); }
    @Override public double[] validLoss() { return validLoss == null ? null : validLoss.clone(); }
    @Override public double[] weightNorm() { return weightNorm == null ? null : weightNorm.clone(); }
    @Override public double[] zeroShare() { return zeroShare == null ? null : zeroShare.clone(); }

    /** Number of epochs. */
    public int epochs() {
        return trainLoss.length;
    }
}

package dev.occam.robust;

import dev.occam.nn.Activation;
import dev.occam.nn.MeanSquaredError;
import dev.occam.nn.NetworkFile;
import dev.occam.nn.NetworkModel;
import dev.occam.nn.Regularizer;
import dev.occam.nn.Sequential;
import dev.occam.nn.Trainer;
import dev.occam.nn.TrainerSettings;
import dev.occam.nn.TrainingData;
import dev.occam.nn.TrainingResult;
import dev.occam.optim.OptimizerSettings;
import dev.occam.optim.Schedule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The child process of {@link KillDuringTrainingTest}: trains a small network with dropout, AdamW
 * and a cosine schedule (every piece of state a resume must restore: weights, both Adam moments,
 * the step count that seeds dropout and the schedule), writing a checkpoint after every epoch. When
 * the checkpoint exists it resumes from it, as {@code occam train --resume} does; at the end it
 * writes the network to the output file.
 *
 * <p>Arguments: checkpoint file (or "-" for none), output NET.json, epochs.
 */
public final class TrainingLoop {
    static final int ROWS = 2000;
    static final int COLS = 16;
    static final int BATCH = 16;
    static final long SEED = 11;

    private TrainingLoop() { }

    public static void main(String[] args) throws Exception {
        Path checkpoint = args[0].equals("-") ? null : Path.of(args[0]);
        Path out = Path.of(args[1]);
        int epochs = Integer.parseInt(args[2]);
        TrainingData data = data();
        Sequential net = Sequential.mlp(COLS, new int[] {48, 48}, 1, Activation.TANH, 0.2, Regularizer.NONE, SEED);
        OptimizerSettings opt = OptimizerSettings.of(OptimizerSettings.Method.ADAMW,
                Schedule.cosine(1e-2, (long) epochs * (ROWS / BATCH), 0));
        TrainerSettings ts = TrainerSettings.of(epochs, BATCH, SEED);
        if (checkpoint != null) ts = ts.withCheckpoint(checkpoint);
        Trainer trainer = new Trainer(net, new MeanSquaredError(), opt, ts);
        TrainingResult r = checkpoint != null && Files.exists(checkpoint)
                ? trainer.resume(checkpoint, data, null, null)
                : trainer.fit(data, null, null);
        List<String> names = new ArrayList<>();
        for (int j = 0; j < COLS; j++) names.add("x" + j);
        NetworkFile.write(out, new NetworkModel(net, new MeanSquaredError(), names, "y", null, null, null),
                Map.of("epochs", r.history().size()));
    }

    /** A seeded nonlinear regression problem. */
    static TrainingData data() {
        SplittableRandom rng = new SplittableRandom(5);
        float[] x = new float[ROWS * COLS];
        float[] y = new float[ROWS];
        for (int i = 0; i < ROWS; i++) {
            double s = 0;
            for (int j = 0; j < COLS; j++) {
                float v = (float) (rng.nextDouble() * 2 - 1);
                x[i * COLS + j] = v;
                s += Math.sin(3 * v) * (j % 3 == 0 ? 1 : 0.3);
            }
            y[i] = (float) (s + 0.1 * (rng.nextDouble() - 0.5));
        }
        return new TrainingData(x, ROWS, COLS, y, 1);
    }
}

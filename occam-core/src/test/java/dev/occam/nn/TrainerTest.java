package dev.occam.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.occam.optim.Mask;
import dev.occam.optim.OptimizerSettings;
import dev.occam.optim.OptimizerSettings.Method;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {

    private static Sequential mlp(long seed, double dropout) {
        return Sequential.mlp(2, new int[]{16}, 3, Activation.RELU, dropout, Regularizer.NONE, seed);
    }

    @Test
    void learnsThreeBlobsAndRecordsAHistory() throws IOException {
        TrainingData train = Synthetic.blobs(150, 1);
        TrainingData valid = Synthetic.blobs(60, 2);
        Sequential net = mlp(3, 0);
        TrainingResult r = new Trainer(net, new SoftmaxCrossEntropy(), OptimizerSettings.of(Method.ADAM, 0.02),
                TrainerSettings.of(30, 16, 4)).fit(train, valid, null);
        assertThat(r.reason()).isEqualTo(TrainingResult.StopReason.COMPLETED);
        assertThat(r.history()).hasSize(30);
        EpochRecord last = r.last();
        assertThat(last.validAccuracy()).isGreaterThan(0.9);
        assertThat(last.trainLoss()).isLessThan(r.history().get(0).trainLoss());
        assertThat(last.validLoss()).isCloseTo(Trainer.evaluate(net, new SoftmaxCrossEntropy(), valid).loss(), within(1e-12));
        assertThat(last.parameters()).extracting(ParameterStats::name)
                .containsExactly("dense1.weight", "dense1.bias", "dense2.weight", "dense2.bias");
        assertThat(last.l2Norm(Mask.WEIGHTS)).isCloseTo(Math.hypot(net.parameters().get(0).l2Norm(), net.parameters().get(2).l2Norm()),
                within(1e-9));
        assertThat(last.learningRate()).isEqualTo(0.02);
    }

    @Test
    void resumingFromACheckpointContinuesBitForBit(@TempDir Path dir) throws IOException {
        TrainingData train = Synthetic.blobs(90, 5);
        TrainingData valid = Synthetic.blobs(30, 6);
        OptimizerSettings opt = OptimizerSettings.of(Method.NESTEROV, 0.05).withWeightDecay(1e-3).withL1(1e-3);
        TrainerSettings s = TrainerSettings.of(4, 8, 7).withEarlyStopping(new EarlyStopping(10, 0, true));

        Sequential straight = mlp(8, 0.2);
        TrainingResult a = new Trainer(straight, new SoftmaxCrossEntropy(), opt, s).fit(train, valid, null);

        Path ckpt = dir.resolve("run.ckpt");
        Sequential first = mlp(8, 0.2);
        new Trainer(first, new SoftmaxCrossEntropy(), opt, s.withEpochs(2).withCheckpoint(ckpt)).fit(train, valid, null);
        Sequential resumed = mlp(99, 0.2); // other initial weights: the checkpoint's must win
        TrainingResult b = new Trainer(resumed, new SoftmaxCrossEntropy(), opt, s.withCheckpoint(ckpt)).resume(ckpt, train, valid, null);

        assertThat(b.history()).isEqualTo(a.history());
        for (int i = 0; i < straight.parameters().size(); i++) {
            assertThat(resumed.parameters().get(i).values()).containsExactly(straight.parameters().get(i).values());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(ckpt); // no temporary files left behind
        }
    }

    @Test
    void aCheckpointForOtherSettingsOrADamagedOneIsRefused(@TempDir Path dir) throws IOException {
        TrainingData train = Synthetic.blobs(30, 5);
        Path ckpt = dir.resolve("run.ckpt");
        OptimizerSettings sgd = OptimizerSettings.of(Method.SGD, 0.1);
        new Trainer(mlp(1, 0), new SoftmaxCrossEntropy(), sgd, TrainerSettings.of(1, 8, 7).withCheckpoint(ckpt)).fit(train, null, null);
        Trainer other = new Trainer(mlp(1, 0), new SoftmaxCrossEntropy(), OptimizerSettings.of(Method.SGD, 0.2), TrainerSettings.of(2, 8, 7));
        assertThatThrownBy(() -> other.resume(ckpt, train, null, null))
                .hasMessage(ckpt + ": checkpoint was written with optimizer = sgd(lr=constant(lr=0.1), weight_decay=0.0); "
                        + "this run has sgd(lr=constant(lr=0.2), weight_decay=0.0)");

        byte[] bytes = Files.readAllBytes(ckpt);
        bytes[bytes.length / 2] ^= 1;
        Files.write(ckpt, bytes);
        Trainer same = new Trainer(mlp(1, 0), new SoftmaxCrossEntropy(), sgd, TrainerSettings.of(2, 8, 7));
        assertThatThrownBy(() -> same.resume(ckpt, train, null, null))
                .hasMessage(ckpt + ": checkpoint is damaged or truncated (checksum mismatch)");
        Files.writeString(ckpt, "hello, this is not a checkpoint");
        assertThatThrownBy(() -> same.resume(ckpt, train, null, null))
                .hasMessage(ckpt + ": not an Occam checkpoint (expected header OCCAMCKP)");
    }

    @Test
    void earlyStoppingRestoresTheBestEpoch() throws IOException {
        // Validation labels are shifted by one class: the better the network fits the training
        // rows, the worse the validation loss, so the best epoch is the first.
        TrainingData train = Synthetic.blobs(90, 5);
        TrainingData v = Synthetic.blobs(30, 6);
        float[] shifted = v.y().clone();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] = (shifted[i] + 1) % 3;
        }
        TrainingData valid = new TrainingData(v.x(), v.rows(), v.cols(), shifted, 1);
        OptimizerSettings opt = OptimizerSettings.of(Method.ADAM, 0.05);
        TrainerSettings s = TrainerSettings.of(50, 16, 3).withEarlyStopping(new EarlyStopping(3, 0, true));
        Sequential net = mlp(2, 0);
        TrainingResult r = new Trainer(net, new SoftmaxCrossEntropy(), opt, s).fit(train, valid, null);
        assertThat(r.reason()).isEqualTo(TrainingResult.StopReason.EARLY_STOPPED);
        assertThat(r.history()).hasSize(r.bestEpoch() + 3);
        assertThat(r.restoredEpoch()).isEqualTo(r.bestEpoch());
        assertThat(r.message()).isEqualTo("stopped early after epoch " + (r.bestEpoch() + 3)
                + ": validation loss has not improved for 3 epochs; kept the weights of epoch " + r.bestEpoch());

        Sequential ref = mlp(2, 0);
        new Trainer(ref, new SoftmaxCrossEntropy(), opt, TrainerSettings.of(r.bestEpoch(), 16, 3)).fit(train, valid, null);
        for (int i = 0; i < ref.parameters().size(); i++) {
            assertThat(net.parameters().get(i).values()).containsExactly(ref.parameters().get(i).values());
        }
    }

    @Test
    void divergenceStopsKeepsTheLastGoodWeightsAndNamesTheLearningRate() throws IOException {
        TrainingData train = Synthetic.sparseLinear(40, 3, 1);
        OptimizerSettings tooFast = OptimizerSettings.of(Method.SGD, 1e4);
        Sequential net = new Sequential(List.of(new Dense("out", 3, 1)));
        TrainingResult r = new Trainer(net, new MeanSquaredError(), tooFast, TrainerSettings.of(20, 10, 1)).fit(train, null, null);
        assertThat(r.reason()).isEqualTo(TrainingResult.StopReason.DIVERGED);
        assertThat(r.settingToLower()).isEqualTo("learning rate");
        int kept = r.restoredEpoch();
        assertThat(kept).isGreaterThan(0);
        assertThat(r.message()).isEqualTo("training diverged in epoch " + (kept + 1) + " (batch 3 of 4: loss is NaN); kept the weights"
                + " from the end of epoch " + kept + ". Lower the learning rate (now 10000.0)");
        assertThat(r.history()).hasSize(kept);
        // the same run stopped after the last good epoch has exactly these weights
        Sequential ref = new Sequential(List.of(new Dense("out", 3, 1)));
        new Trainer(ref, new MeanSquaredError(), tooFast, TrainerSettings.of(kept, 10, 1)).fit(train, null, null);
        assertThat(net.values()[0]).containsExactly(ref.values()[0]);
        assertThat(net.values()[1]).containsExactly(ref.values()[1]);
    }

    @Test
    void divergenceInTheFirstEpochKeepsTheInitialWeights() throws IOException {
        TrainingData train = Synthetic.sparseLinear(40, 3, 1);
        Sequential net = new Sequential(List.of(new Dense("out", 3, 1).initialize(Init.GLOROT, new java.util.SplittableRandom(1))));
        float[][] start = net.copyValues();
        TrainingResult r = new Trainer(net, new MeanSquaredError(), OptimizerSettings.of(Method.SGD, 1e12),
                TrainerSettings.of(3, 10, 1)).fit(train, null, null);
        assertThat(r.reason()).isEqualTo(TrainingResult.StopReason.DIVERGED);
        assertThat(r.message()).startsWith("training diverged in epoch 1 (").contains("kept the weights it started with");
        assertThat(r.history()).isEmpty();
        assertThat(net.values()[0]).containsExactly(start[0]);
    }

    @Test
    void divergenceFromTooMuchDecayNamesTheWeightDecay() throws IOException {
        TrainingData train = Synthetic.sparseLinear(40, 3, 1);
        Sequential net = new Sequential(List.of(new Dense("out", 3, 1)));
        net.parameters().get(0).values()[0] = 1f;
        // w ← (1 − 0.5·10)·w = −4w each step
        TrainingResult r = new Trainer(net, new MeanSquaredError(), OptimizerSettings.of(Method.SGD, 0.5).withWeightDecay(10),
                TrainerSettings.of(200, 40, 1)).fit(train, null, null);
        assertThat(r.reason()).isEqualTo(TrainingResult.StopReason.DIVERGED);
        assertThat(r.settingToLower()).isEqualTo("weight decay");
        assertThat(r.message()).endsWith("Lower the weight decay (now 10.0): the decay per step, 5.0, must stay well below 1");
        int kept = r.restoredEpoch();
        assertThat(r.history()).hasSize(kept);
        for (float w : net.parameters().get(0).values()) {
            assertThat(w).isFinite();
        }
    }

    @Test
    void badDataIsRejectedWithOneLine() {
        Trainer t = new Trainer(mlp(1, 0), new SoftmaxCrossEntropy(), OptimizerSettings.of(Method.SGD, 0.1), TrainerSettings.of(1, 4, 1));
        TrainingData wide = new TrainingData(new float[6], 2, 3, new float[]{0, 1}, 1);
        assertThatThrownBy(() -> t.fit(wide, null, null)).hasMessage("training data has 3 features; the network expects 2");
        TrainingData badClass = new TrainingData(new float[4], 2, 2, new float[]{0, 3}, 1);
        assertThatThrownBy(() -> t.fit(badClass, null, null))
                .hasMessage("training row 2: class index must be an integer in [0, 3); got 3.0");
        assertThatThrownBy(() -> new TrainingData(new float[]{1, Float.NaN}, 1, 2, new float[]{0}, 1))
                .hasMessage("feature 2 of row 1 is NaN; expected a finite number");
        assertThatThrownBy(() -> TrainerSettings.of(0, 4, 1)).hasMessage("epochs must be >= 1; got 0");
    }
}

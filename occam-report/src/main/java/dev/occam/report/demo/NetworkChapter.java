package dev.occam.report.demo;

import dev.occam.data.IdxReader;
import dev.occam.nn.Activation;
import dev.occam.nn.Loss;
import dev.occam.nn.Parameter;
import dev.occam.optim.ParameterRole;
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
import dev.occam.optim.OptimizerSettings.Method;
import dev.occam.report.LossCurvePlot;
import dev.occam.report.Paragraph;
import dev.occam.report.Section;
import dev.occam.report.TrainingRun;
import dev.occam.report.WeightHistogramPlot;
import dev.occam.report.WeightNormPlot;
import dev.occam.select.LambdaChoice;
import dev.occam.select.ValidationCurve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Weight decay in networks: a 784-64-10 ReLU network on a 3 000-image slice of Fashion-MNIST,
 * trained without a penalty, with SGD + decay, Adam with a coupled L2 penalty, AdamW (decoupled
 * decay) and Adam with an L1 proximal step; then a validation curve over AdamW's decay.
 */
final class NetworkChapter {
    private static final int EPOCHS = 8;
    private static final int BATCH = 64;
    private static final long SEED = 7;

    private NetworkChapter() { }

    private record Run(String name, OptimizerSettings optimizer) { }

    static Demo.Chapter run(Path dataDir) throws IOException {
        Path dir = dataDir.resolve("fashion-mnist");
        TrainingData train = TrainingData.from(IdxReader.readLabelled(dir.resolve("train-images-idx3-ubyte.gz"),
                dir.resolve("train-labels-idx1-ubyte.gz"), 1f / 255));
        TrainingData test = TrainingData.from(IdxReader.readLabelled(dir.resolve("t10k-images-idx3-ubyte.gz"),
                dir.resolve("t10k-labels-idx1-ubyte.gz"), 1f / 255));
        Loss loss = new SoftmaxCrossEntropy();
        List<Run> runs = List.of(
                new Run("Adam, no penalty", OptimizerSettings.of(Method.ADAM, 1e-3)),
                new Run("SGD + decay 5e-4", OptimizerSettings.of(Method.MOMENTUM, 0.05).withMomentum(0.9).withWeightDecay(5e-4)),
                new Run("Adam + L2 1e-3", OptimizerSettings.of(Method.ADAM, 1e-3).withWeightDecay(1e-3)),
                new Run("AdamW, decay 0.1", OptimizerSettings.of(Method.ADAMW, 1e-3).withWeightDecay(0.1)),
                new Run("SGD + L1 prox 2e-3", OptimizerSettings.of(Method.MOMENTUM, 0.05).withMomentum(0.9).withL1(2e-3)));
        List<TrainingRun> curves = new ArrayList<>();
        Map<String, double[]> firstLayer = new LinkedHashMap<>();
        List<List<String>> rows = new ArrayList<>();
        for (Run r : runs) {
            Sequential net = network();
            TrainingResult result = new Trainer(net, loss, r.optimizer(), TrainerSettings.of(EPOCHS, BATCH, SEED))
                    .fit(train, test, TrainingListener.NONE);
            curves.add(TrainingRun.from(r.name(), result, Mask.WEIGHTS));
            Trainer.Evaluation e = Trainer.evaluate(net, loss, test);
            double[] w = firstWeights(net);
            int nz = 0;
            for (double v : w) if (v != 0) nz++;
            rows.add(List.of("fashion slice", r.name(), EPOCHS + " epochs", "test error " + Demo.fmt(1 - e.accuracy()),
                    nz + " of " + w.length + " (layer 1)"));
            if (r.name().startsWith("Adam, no") || r.name().contains("L1") || r.name().startsWith("AdamW")) {
                firstLayer.put(r.name(), w);
            }
        }
        ValidationCurve vc = ValidationCurve.of("AdamW weight decay", new double[] {0, 0.03, 0.3, 3},
                wd -> {
                    Sequential net = network();
                    new Trainer(net, loss, OptimizerSettings.of(Method.ADAMW, 1e-3).withWeightDecay(wd),
                            TrainerSettings.of(4, BATCH, SEED)).fit(train, null, TrainingListener.NONE);
                    return net;
                }, loss, test);
        StringBuilder curve = new StringBuilder();
        for (int g = 0; g < vc.values().length; g++) {
            curve.append(g == 0 ? "" : "; ").append("decay ").append(Demo.fmt(vc.values()[g])).append(": ")
                    .append(Demo.fmt(vc.mean()[g])).append(" ± ").append(Demo.fmt(vc.se()[g]));
        }
        rows.add(List.of("fashion slice", "AdamW, decay by validation curve", "1-SE rule: " + Demo.fmt(vc.value(LambdaChoice.ONE_SE)),
                "held-out loss " + Demo.fmt(vc.mean()[vc.index1se()]), "-"));
        List<Section> sections = List.of(
                new Paragraph("Weight decay in a network: a 784-64-10 ReLU network trained for " + EPOCHS + " epochs on 3 000 "
                        + "Fashion-MNIST images, tested on 1 000 others. SGD's decay shrinks every weight by (1 − ηλ) each "
                        + "step; Adam with an L2 penalty lets Adam rescale that pull per weight, so heavily-updated weights "
                        + "escape it; AdamW decays every weight by the same share, outside Adam's rescaling. The L1 "
                        + "proximal step sets small weights to exactly 0."),
                LossCurvePlot.of(curves.toArray(new TrainingRun[0])).plot(),
                WeightNormPlot.of(curves.toArray(new TrainingRun[0])).plot(),
                WeightHistogramPlot.of(firstLayer).plot(),
                new Paragraph("Validation curve over AdamW's decay (4 epochs each; mean held-out loss ± one standard error): "
                        + curve + ". The 1-SE rule picks decay " + Demo.fmt(vc.value(LambdaChoice.ONE_SE))
                        + ", the minimum is at " + Demo.fmt(vc.value(LambdaChoice.MIN)) + "."));
        return new Demo.Chapter(sections, rows);
    }

    private static Sequential network() {
        return Sequential.mlp(784, new int[] {64}, 10, Activation.RELU, 0.0, Regularizer.NONE, SEED);
    }

    private static double[] firstWeights(Sequential net) {
        for (Parameter p : net.parameters()) {
            if (p.role() == ParameterRole.WEIGHT) {
                float[] v = p.values();
                double[] d = new double[v.length];
                for (int i = 0; i < v.length; i++) d[i] = v[i];
                return d;
            }
        }
        throw new IllegalStateException("the network has no weight matrix");
    }
}

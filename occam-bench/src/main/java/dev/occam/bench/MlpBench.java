package dev.occam.bench;

import dev.occam.data.IdxReader;
import dev.occam.nn.Activation;
import dev.occam.nn.EpochRecord;
import dev.occam.nn.Layer;
import dev.occam.nn.Mode;
import dev.occam.nn.Regularizer;
import dev.occam.nn.Sequential;
import dev.occam.nn.SoftmaxCrossEntropy;
import dev.occam.nn.Trainer;
import dev.occam.nn.TrainerSettings;
import dev.occam.nn.TrainingData;
import dev.occam.nn.TrainingListener;
import dev.occam.nn.TrainingResult;
import dev.occam.optim.GradientTransform;
import dev.occam.optim.OptState;
import dev.occam.optim.OptimizerSettings;
import dev.occam.optim.Transforms;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Occam side of the Fashion-MNIST MLP benchmark (run by {@code scripts/mlp/run_mlp.sh}, which
 * runs PyTorch's side, {@code mlp_torch.py}, in the same script).
 *
 * <p>Network 784-256-128-10, ReLU, softmax cross-entropy, batch 128, AdamW(lr 1e-3, β (0.9,
 * 0.999), ε 1e-8, weight decay 1e-2 decoupled and multiplied by the learning rate) on the weights
 * only (Occam's default mask; the PyTorch script puts the biases in a group with weight_decay 0).
 * Pixels divided by 255. He-normal hidden layers, Glorot-uniform output layer, zero biases
 * ({@link Sequential#mlp}). The epoch time is measured from the start of training (or the end of
 * the previous epoch) to the trainer's end-of-epoch callback, so it includes Occam's per-epoch
 * bookkeeping (finite check, weight norms).
 *
 * <p>Usage: {@code MlpBench [--data DIR] [--epochs 5] [--batch 128] [--seed 1] [--profile | --gemm]}.
 * Threads of the GEMM: {@code -Doccam.threads=N}. {@code --profile} instead times each phase of
 * a training step (gather, each layer's forward and backward, loss, optimizer) in every epoch;
 * {@code --gemm} measures {@code FloatGemm} alone on the eight products of a training step
 * (GFLOP/s, best of repeated timings; {@code -Doccam.blas=java} for the pure-Java kernel).
 */
public final class MlpBench {
    private MlpBench() {
    }

    public static void main(String[] args) throws Exception {
        String dir = "/usr/share/datasets/fashion-mnist";
        int epochs = 5;
        int batch = 128;
        long seed = 1;
        boolean profile = false;
        boolean gemm = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> dir = args[++i];
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--profile" -> profile = true;
                case "--gemm" -> gemm = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (gemm) {
            gemmShapes();
            return;
        }
        Path d = Path.of(dir);
        TrainingData train = TrainingData.from(IdxReader.readLabelled(d.resolve("train-images-idx3-ubyte.gz"),
                d.resolve("train-labels-idx1-ubyte.gz"), 1f / 255));
        TrainingData test = TrainingData.from(IdxReader.readLabelled(d.resolve("t10k-images-idx3-ubyte.gz"),
                d.resolve("t10k-labels-idx1-ubyte.gz"), 1f / 255));
        Sequential net = Sequential.mlp(784, new int[] {256, 128}, 10, Activation.RELU, 0, Regularizer.NONE, seed);
        OptimizerSettings adamw = OptimizerSettings.of(OptimizerSettings.Method.ADAMW, 1e-3).withWeightDecay(1e-2);
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        if (profile) {
            profile(net, loss, adamw, train, batch, seed, epochs);
            return;
        }
        List<Double> times = new ArrayList<>();
        long[] last = {System.nanoTime(), processCpu()};
        TrainingListener timer = new TrainingListener() {
            @Override
            public void epochDone(EpochRecord r) {
                long now = System.nanoTime();
                long cpu = processCpu();
                double s = (now - last[0]) / 1e9;
                times.add(s);
                System.out.printf(Locale.ROOT, "occam epoch=%d seconds=%.4f cpu_seconds=%.4f train_loss=%.5f%n", r.epoch(), s,
                        (cpu - last[1]) / 1e9, r.trainLoss());
                last[1] = processCpu();
                last[0] = System.nanoTime();
            }
        };
        Trainer trainer = new Trainer(net, loss, adamw, TrainerSettings.of(epochs, batch, seed));
        last[1] = processCpu();
        last[0] = System.nanoTime();
        TrainingResult result = trainer.fit(train, null, timer);
        double acc = Trainer.evaluate(net, loss, test).accuracy();
        double[] t = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = t.length % 2 == 1 ? t[t.length / 2] : (t[t.length / 2 - 1] + t[t.length / 2]) / 2;
        System.out.printf(Locale.ROOT, "occam result seed=%d epochs=%d median_epoch_seconds=%.4f test_accuracy=%.4f threads=%s gemm=%s stop=%s%n",
                seed, times.size(), median, acc, System.getProperty("occam.threads", "all"),
                dev.occam.linalg.NativeBlas.available() ? "native" : "java", result.reason());
    }

    /**
     * One training loop written out with a timer around each phase. The timers read this thread's
     * CPU time, which other processes on a loaded machine do not inflate; run it single-threaded
     * ({@code -Doccam.threads=1}, {@code OPENBLAS_NUM_THREADS=1}) so that all work is on this thread.
     */
    private static void profile(Sequential net, SoftmaxCrossEntropy loss, OptimizerSettings opt, TrainingData train,
                                int bs, long seed, int epochs) {
        List<Layer> layers = net.layers();
        int L = layers.size();
        long[] fwd = new long[L];
        long[] bwd = new long[L];
        long tGather = 0;
        long tLoss = 0;
        long tOpt = 0;
        int n = train.rows();
        int p = train.cols();
        float[] xb = new float[bs * p];
        float[] yb = new float[bs];
        float[] dOut = new float[bs * 10];
        GradientTransform t = opt.toTransform();
        OptState state = t.init(net.parameterInfos());
        float[][] values = net.values();
        float[][] grads = net.grads();
        long step = 0;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            Arrays.fill(fwd, 0);
            Arrays.fill(bwd, 0);
            tGather = tLoss = tOpt = 0;
            long e0 = now();
            int[] order = permutation(n, seed + epoch);
            for (int from = 0; from < n; from += bs) {
                int count = Math.min(bs, n - from);
                long a = now();
                for (int r = 0; r < count; r++) {
                    int row = order[from + r];
                    System.arraycopy(train.x(), row * p, xb, r * p, p);
                    yb[r] = train.y()[row];
                }
                long b = now();
                tGather += b - a;
                float[] h = xb;
                Mode mode = Mode.training(step, seed);
                for (int i = 0; i < L; i++) {
                    long c0 = now();
                    h = layers.get(i).forward(h, count, mode);
                    fwd[i] += now() - c0;
                }
                long c = now();
                loss.evaluate(h, yb, count, 10, dOut);
                loss.correct(h, yb, count, 10);
                long dd = now();
                tLoss += dd - c;
                float[] g = dOut;
                for (int i = L - 1; i >= 0; i--) {
                    long c0 = now();
                    g = layers.get(i).backward(g, count, i > 0);
                    bwd[i] += now() - c0;
                }
                long e = now();
                t.update(grads, state, values);
                Transforms.applyUpdates(values, grads);
                tOpt += now() - e;
                step++;
            }
            double total = (now() - e0) / 1e9;
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "profile epoch=%d cpu_seconds=%.3f", epoch, total));
            sb.append(String.format(Locale.ROOT, " gather=%.3f", tGather / 1e9));
            for (int i = 0; i < L; i++) {
                sb.append(String.format(Locale.ROOT, " fwd[%d:%s]=%.3f", i + 1, layers.get(i).describe(), fwd[i] / 1e9));
            }
            sb.append(String.format(Locale.ROOT, " loss=%.3f", tLoss / 1e9));
            for (int i = L - 1; i >= 0; i--) {
                sb.append(String.format(Locale.ROOT, " bwd[%d:%s]=%.3f", i + 1, layers.get(i).describe(), bwd[i] / 1e9));
            }
            sb.append(String.format(Locale.ROOT, " optimizer=%.3f", tOpt / 1e9));
            System.out.println(sb);
        }
    }

    private static final java.lang.management.ThreadMXBean THREAD_CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    /** CPU time of the whole process (all threads, JIT and GC included), in nanoseconds. */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long now() {
        return THREAD_CPU.getCurrentThreadCpuTime();
    }

    /**
     * GFLOP/s of {@link dev.occam.nn.FloatGemm#gemm} on the products of one training step with
     * batch 128: forward X·W, backward dW = Xᵀ·dY and dX = dY·Wᵀ for the three dense layers (the
     * first layer needs no dX). Best of 15 timings of this thread's CPU time.
     */
    private static void gemmShapes() {
        int[][] shapes = { // transA, transB, m, n, k
            {0, 0, 128, 256, 784}, {0, 0, 128, 128, 256}, {0, 0, 128, 10, 128},
            {1, 0, 784, 256, 128}, {1, 0, 256, 128, 128}, {1, 0, 128, 10, 128},
            {0, 1, 128, 128, 10}, {0, 1, 128, 256, 128}};
        SplittableRandom rng = new SplittableRandom(42);
        for (int[] sh : shapes) {
            boolean ta = sh[0] == 1;
            boolean tb = sh[1] == 1;
            int m = sh[2];
            int n = sh[3];
            int k = sh[4];
            float[] a = new float[m * k];
            float[] b = new float[k * n];
            float[] c = new float[m * n];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) (rng.nextDouble() - 0.5);
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) (rng.nextDouble() - 0.5);
            }
            double flops = 2.0 * m * n * k;
            int reps = (int) Math.max(5, 2e8 / flops);
            double best = Double.POSITIVE_INFINITY;
            for (int t = 0; t < 15; t++) {
                long t0 = now();
                for (int r = 0; r < reps; r++) {
                    dev.occam.nn.FloatGemm.gemm(ta, tb, m, n, k, 1f, a, ta ? m : k, b, tb ? k : n, 0f, c, n);
                }
                best = Math.min(best, (now() - t0) / 1e9 / reps);
            }
            System.out.printf(Locale.ROOT, "gemm shape=%s%s:%dx%dx%d gflops=%.1f impl=%s%n", ta ? "T" : "N", tb ? "T" : "N", m, n, k,
                    flops / best / 1e9, dev.occam.linalg.NativeBlas.available() ? "native" : "java");
        }
    }

    private static int[] permutation(int n, long seed) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = idx[i];
            idx[i] = idx[j];
            idx[j] = tmp;
        }
        return idx;
    }
}

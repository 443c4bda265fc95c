package dev.occam.robust;

import dev.occam.data.Dataset;
import dev.occam.data.DenseMatrix;
import dev.occam.data.DesignMatrix;
import dev.occam.data.SparseMatrix;
import dev.occam.glm.ElasticNet;
import dev.occam.glm.Family;
import dev.occam.glm.GlmPath;
import dev.occam.glm.GlmSettings;
import dev.occam.glm.LinearModel;
import dev.occam.io.ModelFile;
import dev.occam.nn.Activation;
import dev.occam.nn.NetworkFile;
import dev.occam.nn.Mode;
import dev.occam.nn.NetworkModel;
import dev.occam.nn.Regularizer;
import dev.occam.nn.Sequential;
import dev.occam.nn.SoftmaxCrossEntropy;
import dev.occam.select.CrossValidation;
import dev.occam.select.CvResult;
import dev.occam.select.CvSettings;
import dev.occam.select.Folds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Loaded models predict from many threads at once with exactly the single-threaded results, and
 * fits and cross-validations run side by side in one JVM give exactly the results they give alone:
 * nothing mutable is shared between calls. Every comparison is bit for bit (arrays of doubles
 * compared by {@code assertArrayEquals}, which uses {@link Double#equals}).
 */
class ConcurrencyTest {
    private static final int THREADS = 8;

    @TempDir
    Path dir;

    private ExecutorService pool;

    @BeforeEach
    void startPool() {
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(30, TimeUnit.SECONDS);
    }

    /** Runs every task at once (released together by a latch) and returns their results in order. */
    private <T> List<T> together(List<Callable<T>> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> t : tasks) {
            futures.add(pool.submit(() -> {
                start.await();
                return t.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) results.add(f.get(300, TimeUnit.SECONDS));
        return results;
    }

    @Test
    void linearModelFromFilePredictsFromManyThreads() throws Exception {
        Dataset data = RobustData.of(Family.MULTINOMIAL, 600, 12, 3, false);
        LinearModel fitted = ElasticNet.fitAt(data, GlmSettings.of(Family.MULTINOMIAL), 0.01);
        Path file = dir.resolve("MODEL.json");
        ModelFile.write(file, fitted);
        LinearModel model = ModelFile.read(file);
        // dense and sparse rows, each call's answer first computed alone
        DesignMatrix[] inputs = {data.x(), SparseMatrix.fromDense((DenseMatrix) data.x())};
        double[][][] expected = new double[2][][];
        String[][] expectedClasses = new String[2][];
        for (int m = 0; m < 2; m++) {
            expected[m] = model.response(inputs[m]);
            expectedClasses[m] = model.predictClass(inputs[m]);
        }
        List<Callable<double[][]>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS * 50; t++) {
            int m = t % 2;
            tasks.add(() -> {
                assertArrayEquals(expectedClasses[m], model.predictClass(inputs[m]));
                return model.response(inputs[m]);
            });
        }
        List<double[][]> results = together(tasks);
        for (int t = 0; t < results.size(); t++) {
            for (int k = 0; k < expected[t % 2].length; k++) assertArrayEquals(expected[t % 2][k], results.get(t)[k]);
        }
    }

    @Test
    void networkFromFilePredictsFromManyThreads() throws Exception {
        int n = 700;
        int p = 10;
        double[][] x = RobustData.features(n, p, 9, 0);
        float[] rows = RobustData.rowMajor(x);
        // dropout too: at inference it must be the identity whatever another thread is doing
        Sequential net = Sequential.mlp(p, new int[] {32, 16}, 3, Activation.TANH, 0.3, Regularizer.NONE, 5);
        float[] center = new float[p];
        float[] scale = new float[p];
        Arrays.fill(center, 0.1f);
        Arrays.fill(scale, 1.5f);
        Path file = dir.resolve("NET.json");
        NetworkFile.write(file, new NetworkModel(net, new SoftmaxCrossEntropy(), RobustData.names(p), "y", List.of("a", "b", "c"),
                center, scale), Map.of());
        NetworkModel model = NetworkFile.read(file);
        // the thread-safe inference path equals the training path's forward pass in inference mode
        // (on one batch of predict's 256 rows: products of other shapes may round differently in a native BLAS)
        int b = 200;
        float[] forward = model.network().forward(model.prepare(rows, b), b, Mode.inference());
        assertArrayEquals(model.outputs(rows, b), Arrays.copyOf(forward, b * 3));
        // calls of different sizes (1 row to all of them, over the 256-row batch size), so any
        // buffer shared between calls would be both resized and overwritten; each call's answer
        // is first computed alone, on this thread
        List<float[]> inputs = new ArrayList<>();
        List<float[]> expected = new ArrayList<>();
        for (int t = 0; t < THREADS * 50; t++) {
            int from = (t * 37) % n;
            int count = 1 + (t * 101) % (n - from);
            float[] in = Arrays.copyOfRange(rows, from * p, (from + count) * p);
            inputs.add(in);
            expected.add(model.outputs(in, count));
        }
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < inputs.size(); t++) {
            float[] in = inputs.get(t);
            float[] want = expected.get(t);
            int count = in.length / p;
            tasks.add(() -> {
                assertArrayEquals(want, model.outputs(in, count), count + " rows");
                assertEquals(count, model.predictClass(in, count).length);
                return null;
            });
        }
        together(tasks);
    }

    /** One fit of each solver path: covariance, active-set Gram, naive sparse, row-split passes, IRLS, multinomial. */
    private static List<Supplier<GlmPath>> fits() {
        List<Supplier<GlmPath>> fits = new ArrayList<>();
        Dataset cov = RobustData.of(Family.GAUSSIAN, 400, 30, 1, false);
        fits.add(() -> ElasticNet.path(cov, GlmSettings.of(Family.GAUSSIAN).withAlpha(0.5)));
        Dataset wide = RobustData.of(Family.GAUSSIAN, 150, 400, 2, false);
        fits.add(() -> ElasticNet.path(wide, GlmSettings.of(Family.GAUSSIAN)));
        Dataset sparse = RobustData.of(Family.GAUSSIAN, 300, 60, 3, true);
        fits.add(() -> ElasticNet.path(sparse, GlmSettings.of(Family.GAUSSIAN)));
        // n ≥ 16 384 dense, naive updates: passes split over rows with the shared RowSplitWorker
        Dataset tall = RobustData.of(Family.GAUSSIAN, 20_000, 8, 4, false);
        fits.add(() -> ElasticNet.path(tall, GlmSettings.of(Family.GAUSSIAN).withUpdates(GlmSettings.Updates.NAIVE).withNlambda(20)));
        Dataset bin = RobustData.of(Family.BINOMIAL, 300, 20, 5, false);
        fits.add(() -> ElasticNet.path(bin, GlmSettings.of(Family.BINOMIAL)));
        Dataset poi = RobustData.of(Family.POISSON, 300, 15, 6, true);
        fits.add(() -> ElasticNet.path(poi, GlmSettings.of(Family.POISSON)));
        Dataset multi = RobustData.of(Family.MULTINOMIAL, 300, 10, 7, false);
        fits.add(() -> ElasticNet.path(multi, GlmSettings.of(Family.MULTINOMIAL).withNlambda(30)));
        return fits;
    }

    @Test
    void fitsSideBySideEqualFitsAlone() throws Exception {
        List<Supplier<GlmPath>> fits = fits();
        List<GlmPath> alone = new ArrayList<>();
        for (Supplier<GlmPath> f : fits) alone.add(f.get());
        List<Callable<GlmPath>> tasks = new ArrayList<>();
        int copies = 3;
        for (int c = 0; c < copies; c++) {
            for (Supplier<GlmPath> f : fits) tasks.add(f::get);
        }
        List<GlmPath> together = together(tasks);
        for (int i = 0; i < together.size(); i++) {
            assertSamePath(alone.get(i % fits.size()), together.get(i), "fit " + (i % fits.size()));
        }
    }

    @Test
    void crossValidationsSideBySideEqualOneAlone() throws Exception {
        Dataset gauss = RobustData.of(Family.GAUSSIAN, 300, 25, 11, false);
        Dataset bin = RobustData.of(Family.BINOMIAL, 300, 15, 12, false);
        Folds folds = Folds.random(300, 5, 1);
        GlmSettings gs = GlmSettings.of(Family.GAUSSIAN).withNlambda(40);
        GlmSettings bs = GlmSettings.of(Family.BINOMIAL).withNlambda(40);
        // folds one after another on one thread: the reference
        CvResult gaussAlone = CrossValidation.elasticNet(gauss, gs, folds, CvSettings.defaults().withThreads(1));
        CvResult binAlone = CrossValidation.elasticNet(bin, bs, folds, CvSettings.defaults().withThreads(1));
        List<Callable<CvResult>> tasks = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            // folds in parallel inside each CV, and several CVs at once
            tasks.add(() -> CrossValidation.elasticNet(gauss, gs, folds, CvSettings.defaults().withThreads(5)));
            tasks.add(() -> CrossValidation.elasticNet(bin, bs, folds, CvSettings.defaults().withThreads(3)));
        }
        List<CvResult> results = together(tasks);
        for (int i = 0; i < results.size(); i++) {
            CvResult expected = i % 2 == 0 ? gaussAlone : binAlone;
            CvResult r = results.get(i);
            assertArrayEquals(expected.lambdas(), r.lambdas());
            assertArrayEquals(expected.cvm(), r.cvm());
            assertArrayEquals(expected.cvsd(), r.cvsd());
            for (int f = 0; f < expected.foldMeasures().length; f++) {
                assertArrayEquals(expected.foldMeasures()[f], r.foldMeasures()[f], "fold " + f);
            }
            assertSamePath(expected.path(), r.path(), "cv " + i);
        }
    }

    private static void assertSamePath(GlmPath expected, GlmPath actual, String what) {
        assertArrayEquals(expected.lambdas(), actual.lambdas(), what + ": lambdas");
        assertArrayEquals(expected.devRatio(), actual.devRatio(), what + ": dev ratio");
        assertArrayEquals(expected.passes(), actual.passes(), what + ": passes");
        for (int l = 0; l < expected.size(); l++) {
            assertArrayEquals(expected.intercepts()[l], actual.intercepts()[l], what + ": intercepts at " + l);
            for (int k = 0; k < expected.coefficients()[l].length; k++) {
                assertArrayEquals(expected.coefficients()[l][k], actual.coefficients()[l][k], what + ": coefficients at " + l);
            }
        }
    }
}

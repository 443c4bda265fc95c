package dev.occam.robust;

import dev.occam.glm.Family;
import dev.occam.glm.GlmPath;
import dev.occam.glm.GlmSettings;
import dev.occam.glm.LinearModel;
import dev.occam.io.ModelFile;
import dev.occam.io.PathCsv;
import dev.occam.nn.Activation;
import dev.occam.nn.MeanSquaredError;
import dev.occam.nn.NetworkFile;
import dev.occam.nn.NetworkModel;
import dev.occam.nn.Regularizer;
import dev.occam.nn.Sequential;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The child process of {@link KillDuringWriteTest}: writes MODEL.json, PATH.csv and NET.json into
 * a directory over and over until it is killed. Version v of every file carries v in every number
 * (coefficients, intercepts, λ, weights), so a reader can tell a whole version from a mixture.
 * Prints "ready" once the first version of all three is in place.
 *
 * <p>Arguments: directory, first version.
 */
public final class FileWriterLoop {
    /** Features of the model and the path: files of tens of kilobytes, so a kill often lands mid-write. */
    static final int P = 400;
    static final int LAMBDAS = 20;
    static final int NET_INPUTS = 40;
    static final int NET_HIDDEN = 64;

    private FileWriterLoop() { }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long version = Long.parseLong(args[1]);
        List<String> names = new ArrayList<>();
        for (int j = 0; j < P; j++) names.add("x" + j);
        List<String> netInputs = names.subList(0, NET_INPUTS);
        Sequential net = Sequential.mlp(NET_INPUTS, new int[] {NET_HIDDEN}, 1, Activation.TANH, 0, Regularizer.NONE, 1);
        for (boolean first = true; ; first = false, version++) {
            ModelFile.write(dir.resolve("MODEL.json"), model(names, version));
            PathCsv.write(dir.resolve("PATH.csv"), path(names, version));
            for (float[] v : net.values()) Arrays.fill(v, version);
            NetworkFile.write(dir.resolve("NET.json"), new NetworkModel(net, new MeanSquaredError(), netInputs, "y", null, null, null),
                    Map.of("version", version));
            if (first) {
                System.out.println("ready");
                System.out.flush();
            }
        }
    }

    /** A gaussian model whose λ, intercept and coefficients all equal {@code v}. */
    static LinearModel model(List<String> names, double v) {
        double[] w = new double[names.size()];
        Arrays.fill(w, v);
        return new LinearModel(Family.GAUSSIAN, 1, v, true, names, null, new double[] {v}, new double[][] {w},
                new LinearModel.FitSummary(100, 0.5, 1, 1, true, List.of()));
    }

    /** A path of {@link #LAMBDAS} points whose every λ, intercept and coefficient equals {@code v}. */
    static GlmPath path(List<String> names, double v) {
        double[] lambdas = new double[LAMBDAS];
        double[][] b0 = new double[LAMBDAS][];
        double[][][] w = new double[LAMBDAS][1][];
        int[] df = new int[LAMBDAS];
        double[] dev = new double[LAMBDAS];
        long[] passes = new long[LAMBDAS];
        boolean[] converged = new boolean[LAMBDAS];
        for (int l = 0; l < LAMBDAS; l++) {
            lambdas[l] = v;
            b0[l] = new double[] {v};
            w[l][0] = new double[names.size()];
            Arrays.fill(w[l][0], v);
            df[l] = names.size();
            converged[l] = true;
        }
        double[] kkt = new double[LAMBDAS];
        Arrays.fill(kkt, v);
        return new GlmPath(GlmSettings.of(Family.GAUSSIAN), names, null, 100, lambdas, b0, w, df, dev, 1, passes, converged,
                List.of(), kkt);
    }
}

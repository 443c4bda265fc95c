package dev.occam.spark;

import dev.occam.linalg.NativeBlas;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class BlockGramTest {
    private static final int P = 13;

    /** Two blocks (37 and 20 rows) of centred rows with weights, and H = Σ w_i a_i a_iᵀ summed directly. */
    private static double[][] blocksAndWeights() {
        SplittableRandom r = new SplittableRandom(7);
        double[][] out = new double[4][];
        for (int b = 0; b < 2; b++) {
            int m = b == 0 ? 37 : 20;
            double[] a = new double[m * P];
            double[] w = new double[m];
            for (int i = 0; i < a.length; i++) a[i] = r.nextDouble() - 0.5;
            for (int i = 0; i < m; i++) w[i] = r.nextDouble() * 0.25;
            out[2 * b] = a;
            out[2 * b + 1] = w;
        }
        return out;
    }

    private static double[] direct(double[][] blocks) {
        double[] h = new double[P * P];
        for (int b = 0; b < 2; b++) {
            double[] a = blocks[2 * b];
            double[] w = blocks[2 * b + 1];
            for (int i = 0; i < w.length; i++) {
                for (int k = 0; k < P; k++) {
                    for (int j = k; j < P; j++) h[k * P + j] += w[i] * a[i * P + j] * a[i * P + k];
                }
            }
        }
        return h;
    }

    /** The largest difference on the lower triangle, relative to the largest diagonal entry. */
    private static double lowerDifference(double[] h, double[] want) {
        double scale = 0;
        for (int j = 0; j < P; j++) scale = Math.max(scale, want[j * P + j]);
        double max = 0;
        for (int k = 0; k < P; k++) {
            for (int j = k; j < P; j++) max = Math.max(max, Math.abs(h[k * P + j] - want[k * P + j]));
        }
        return max / scale;
    }

    private static double[] accumulate(BlockGram g, double[][] blocks, boolean exact) {
        double[] h = new double[P * P];
        for (int b = 0; b < 2; b++) {
            // the weights are read from an offset, as FisherPass passes one point's column of its weight matrix
            double[] w = blocks[2 * b + 1];
            double[] shifted = new double[w.length + 3];
            System.arraycopy(w, 0, shifted, 3, w.length);
            g.add(w.length, blocks[2 * b], shifted, 3, h, exact);
        }
        return h;
    }

    @Test
    void javaKernelAddsEachBlocksWeightedCrossProductInDouble() {
        double[][] blocks = blocksAndWeights();
        double[] h = accumulate(new BlockGram(P, 64, false), blocks, false);
        assertThat(lowerDifference(h, direct(blocks))).isLessThan(1e-14);
    }

    @Test
    void nativeKernelAgreesToSinglePrecision() {
        Assumptions.assumeTrue(NativeBlas.available(), "no native BLAS on this machine");
        double[][] blocks = blocksAndWeights();
        double diff = lowerDifference(accumulate(new BlockGram(P, 64, true), blocks, false), direct(blocks));
        assertThat(diff).isLessThan(1e-6);
        // single precision, not double: the kernel is what the javadoc says it is
        assertThat(diff).isGreaterThan(1e-12);
    }

    @Test
    void nativeKernelAskedForDoublePrecisionAgreesToRounding() {
        Assumptions.assumeTrue(NativeBlas.available(), "no native BLAS on this machine");
        double[][] blocks = blocksAndWeights();
        double[] h = accumulate(new BlockGram(P, 64, true), blocks, true);
        assertThat(lowerDifference(h, direct(blocks))).isLessThan(1e-14);
    }
}

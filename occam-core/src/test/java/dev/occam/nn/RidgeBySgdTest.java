package dev.occam.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.occam.optim.OptimizerSettings;
import dev.occam.optim.OptimizerSettings.Method;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SGD with coupled weight decay λ on a linear model (one dense layer, MSE with ½, biases not
 * decayed) minimizes (1/2n)Σ(y − b − xᵀw)² + (λ/2)‖w‖², Occam's canonical ridge objective with
 * λ and α = 0. Full-batch steps must converge to its closed-form solution.
 */
class RidgeBySgdTest {

    @Test
    void fullBatchSgdWithDecayConvergesToTheRidgeSolution() throws IOException {
        int n = 50;
        int p = 3;
        double lambda = 0.4;
        TrainingData d = Synthetic.sparseLinear(n, p, 11);
        Sequential net = new Sequential(List.of(new Dense("out", p, 1)));
        new Trainer(net, new MeanSquaredError(), OptimizerSettings.of(Method.SGD, 0.3).withWeightDecay(lambda),
                TrainerSettings.of(1500, n, 1).withShuffle(false)).fit(d, null, null);

        double[] expected = ridge(d, lambda);
        float[] w = net.values()[0];
        for (int j = 0; j < p; j++) {
            assertThat((double) w[j]).as("w%d", j).isCloseTo(expected[j], within(2e-6));
        }
        assertThat((double) net.values()[1][0]).as("intercept").isCloseTo(expected[p], within(2e-6));
    }

    /** (XcᵀXc/n + λI) w = Xcᵀ yc / n, b = ȳ − x̄ᵀw, in double by Gaussian elimination. */
    private static double[] ridge(TrainingData d, double lambda) {
        int n = d.rows();
        int p = d.cols();
        double[] mean = new double[p];
        double yMean = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                mean[j] += d.x()[i * p + j] / (double) n;
            }
            yMean += d.y()[i] / (double) n;
        }
        double[][] a = new double[p][p + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                double xj = d.x()[i * p + j] - mean[j];
                for (int k = 0; k < p; k++) {
                    a[j][k] += xj * (d.x()[i * p + k] - mean[k]) / n;
                }
                a[j][p] += xj * (d.y()[i] - yMean) / n;
            }
        }
        for (int j = 0; j < p; j++) {
            a[j][j] += lambda;
        }
        for (int c = 0; c < p; c++) {
            for (int r = c + 1; r < p; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k <= p; k++) {
                    a[r][k] -= f * a[c][k];
                }
            }
        }
        double[] w = new double[p + 1];
        for (int r = p - 1; r >= 0; r--) {
            double s = a[r][p];
            for (int k = r + 1; k < p; k++) {
                s -= a[r][k] * w[k];
            }
            w[r] = s / a[r][r];
        }
        double b = yMean;
        for (int j = 0; j < p; j++) {
            b -= mean[j] * w[j];
        }
        w[p] = b;
        return w;
    }
}

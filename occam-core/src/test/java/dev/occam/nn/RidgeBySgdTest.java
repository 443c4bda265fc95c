package dev.occam.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.occam.data.Dataset;
import dev.occam.data.DenseMatrix;
import dev.occam.glm.ElasticNet;
import dev.occam.glm.Family;
import dev.occam.glm.GlmSettings;
import dev.occam.glm.LinearModel;
import dev.occam.glm.Ridge;
import dev.occam.glm.RidgeSettings;
import dev.occam.optim.OptimizerSettings;
import dev.occam.optim.OptimizerSettings.Method;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SGD with coupled weight decay λ on a linear model (one dense layer, MSE with ½, biases not
 * decayed) minimizes (1/2n)Σ(y − b − xᵀw)² + (λ/2)‖w‖², Occam's canonical ridge objective with
 * λ and α = 0. Full-batch steps must converge to the exact solution of the elastic-net side
 * (closed-form {@link Ridge} and the coordinate-descent path at α = 0, without standardization).
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

        // the exact solutions of the elastic-net side: closed-form ridge and the coordinate-descent
        // path at α = 0, both without standardization (SGD's decay acts on the raw weights)
        Dataset data = dataset(d);
        LinearModel exact = Ridge.fit(data, lambda, new RidgeSettings(false, true, null));
        LinearModel cd = ElasticNet.fitAt(data, GlmSettings.of(Family.GAUSSIAN).withAlpha(0).withStandardize(false)
                .withTolerance(1e-18), lambda);
        float[] w = net.values()[0];
        for (int j = 0; j < p; j++) {
            assertThat((double) w[j]).as("w%d", j).isCloseTo(exact.coefficients()[0][j], within(2e-6));
            assertThat(cd.coefficients()[0][j]).as("coordinate descent w%d", j).isCloseTo(exact.coefficients()[0][j], within(1e-9));
        }
        assertThat((double) net.values()[1][0]).as("intercept").isCloseTo(exact.intercepts()[0], within(2e-6));
    }

    /** The same rows as an elastic-net data set (float values widened exactly to double). */
    private static Dataset dataset(TrainingData d) {
        int n = d.rows();
        int p = d.cols();
        double[][] rows = new double[n][p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) rows[i][j] = d.x()[i * p + j];
            y[i] = d.y()[i];
        }
        return Dataset.numeric(DenseMatrix.ofRows(rows), y, Dataset.defaultNames(p));
    }
}

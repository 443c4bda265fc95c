package dev.occam.nn;

import java.util.SplittableRandom;

/** Small seeded data sets for trainer tests. */
final class Synthetic {
    private Synthetic() {
    }

    /** Three Gaussian blobs in 2-D (centres (±2, 0), (0, 2.5)), class = blob. */
    static TrainingData blobs(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] centres = {{-2, 0}, {2, 0}, {0, 2.5}};
        float[] x = new float[n * 2];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            x[2 * i] = (float) (centres[c][0] + 0.7 * Init.gaussian(rng));
            x[2 * i + 1] = (float) (centres[c][1] + 0.7 * Init.gaussian(rng));
            y[i] = c;
        }
        return new TrainingData(x, n, 2, y, 1);
    }

    /** y = 1.5·x1 − 2·x2 + 0.5 + noise, with p − 2 further features that do not matter. */
    static TrainingData sparseLinear(int n, int p, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n * p];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i * p + j] = (float) Init.gaussian(rng);
            }
            y[i] = (float) (1.5 * x[i * p] - 2 * x[i * p + 1] + 0.5 + 0.1 * Init.gaussian(rng));
        }
        return new TrainingData(x, n, p, y, 1);
    }
}

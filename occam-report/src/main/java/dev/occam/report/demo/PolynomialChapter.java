package dev.occam.report.demo;

import dev.occam.data.Dataset;
import dev.occam.data.DenseMatrix;
import dev.occam.glm.LinearModel;
import dev.occam.glm.Ridge;
import dev.occam.glm.RidgePath;
import dev.occam.glm.RidgePathResult;
import dev.occam.glm.RidgeSettings;
import dev.occam.report.Paragraph;
import dev.occam.report.PolynomialFitPlot;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Overfitting and its cure: a degree-12 polynomial fitted to 30 noisy points of sin(πx), without a
 * penalty (it chases the noise) and with the ridge λ that minimizes the exact leave-one-out error
 * (one eigendecomposition for the whole path). Scored on 500 fresh points.
 */
final class PolynomialChapter {
    static final int DEGREE = 12;
    private static final double NOISE = 0.3;

    private PolynomialChapter() { }

    static Demo.Chapter run() {
        double[][] train = sample(30, 11);
        double[][] test = sample(500, 12);
        Dataset d = features(train[0], train[1]);
        Dataset t = features(test[0], test[1]);
        RidgeSettings s = RidgeSettings.defaults();
        // "no penalty": a λ so small it only keeps the 12×12 system solvable
        LinearModel free = Ridge.fit(d, 1e-10, s);
        RidgePathResult path = RidgePath.fit(d, s);
        int best = path.indexOfMinLoo();
        LinearModel ridge = path.model(best);
        double[] grid = new double[200];
        for (int i = 0; i < grid.length; i++) grid[i] = -1 + 2.0 * i / (grid.length - 1);
        Dataset g = features(grid, new double[grid.length]);
        PolynomialFitPlot plot = new PolynomialFitPlot(train[0], train[1], List.of(
                new PolynomialFitPlot.Curve("truth: sin(πx)", grid, truth(grid)),
                new PolynomialFitPlot.Curve("no penalty", grid, clip(free.link(g.x())[0])),
                new PolynomialFitPlot.Curve("ridge, λ by leave-one-out = " + Demo.fmt(ridge.lambda()), grid, ridge.link(g.x())[0])));
        double freeErr = mse(free, t);
        double ridgeErr = mse(ridge, t);
        return new Demo.Chapter(List.of(
                new Paragraph("Overfitting and its cure. A degree-" + DEGREE + " polynomial has enough freedom to pass near "
                        + "every one of 30 noisy points; without a penalty it does, and its curve swings wildly between "
                        + "them. A small L2 penalty, with λ chosen by exact leave-one-out error, keeps the coefficients "
                        + "small and the curve smooth. Test error on 500 fresh points: " + Demo.fmt(freeErr)
                        + " without a penalty, " + Demo.fmt(ridgeErr) + " with it."),
                plot.plot()),
                List.of(List.of("polynomial", "degree 12, no penalty", "λ = 1e-10", Demo.fmt(freeErr), String.valueOf(DEGREE)),
                        List.of("polynomial", "degree 12, ridge", "min leave-one-out, λ = " + Demo.fmt(ridge.lambda()),
                                Demo.fmt(ridgeErr), String.valueOf(ridge.nonZero()))));
    }

    /** x uniform on [−1, 1], y = sin(πx) + noise; seeded, the same on every JDK. */
    static double[][] sample(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -1 + 2 * r.nextDouble();
            double u1 = r.nextDouble();
            double u2 = r.nextDouble();
            double z = StrictMath.sqrt(-2 * StrictMath.log(1 - u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
            y[i] = StrictMath.sin(StrictMath.PI * x[i]) + NOISE * z;
        }
        return new double[][] {x, y};
    }

    static Dataset features(double[] x, double[] y) {
        int n = x.length;
        double[] v = new double[n * DEGREE];
        String[] names = new String[DEGREE];
        for (int k = 0; k < DEGREE; k++) {
            names[k] = "x^" + (k + 1);
            for (int i = 0; i < n; i++) v[k * n + i] = Math.pow(x[i], k + 1);
        }
        return Dataset.numeric(new DenseMatrix(n, DEGREE, v), y, List.of(names));
    }

    private static double[] truth(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = Math.sin(Math.PI * x[i]);
        return y;
    }

    /** Keeps the wild curve inside the picture (the points stay in [−2, 2]). */
    private static double[] clip(double[] v) {
        double[] c = v.clone();
        for (int i = 0; i < c.length; i++) c[i] = Math.max(-3, Math.min(3, c[i]));
        return c;
    }

    private static double mse(LinearModel m, Dataset t) {
        double[] eta = m.link(t.x())[0];
        double s = 0;
        for (int i = 0; i < eta.length; i++) s += (t.y()[i] - eta[i]) * (t.y()[i] - eta[i]);
        return s / eta.length;
    }
}

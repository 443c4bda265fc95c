package dev.occam.glm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.occam.data.DenseMatrix;
import dev.occam.data.Standardization;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dense weighted least-squares solver with lazy moves and passes cut into row blocks
 * (n = 20 000 ≥ {@link WeightedLeastSquares#SPLIT_ROWS}): what it reports after a move, and its
 * solutions against the same solver on whole passes and against a plain coordinate descent
 * written out here.
 */
class WeightedLeastSquaresTest {
    private static final int N = 20_000;
    private static final int P = 30;
    /** Passes never split (n is below it). */
    private static final int WHOLE = Integer.MAX_VALUE;

    /** A quadratic problem: X, the problem around it, weights W and weighted residual W∘z at b = 0. */
    private record Quadratic(DenseMatrix x, Problem pr, double[] w, double[] r) { }

    private static Quadratic quadratic(double alpha) {
        DenseMatrix x = DenseMatrix.ofRows(SyntheticData.features(N, P, 0.5, 21, 0));
        double[] u = new double[N];
        Arrays.fill(u, 1.0 / N);
        Standardization std = Standardization.of(x, u, true, true);
        double[] vp = new double[P];
        Arrays.fill(vp, 1.0);
        double[] lo = new double[P];
        double[] hi = new double[P];
        Arrays.fill(lo, Double.NEGATIVE_INFINITY);
        Arrays.fill(hi, Double.POSITIVE_INFINITY);
        Problem pr = new Problem(x, u, std, vp, lo, hi, alpha, true);
        // IRLS-like weights u·μ(1−μ) and a response with a sparse signal
        SplittableRandom rnd = new SplittableRandom(5);
        double[] w = new double[N];
        double[] r = new double[N];
        for (int i = 0; i < N; i++) {
            double mu = 0.05 + 0.9 * rnd.nextDouble();
            w[i] = u[i] * mu * (1 - mu);
            double z = 0.4 + 0.8 * x.get(i, 0) - 0.5 * x.get(i, 3) + 0.3 * x.get(i, 10) + SyntheticData.gaussian(rnd);
            r[i] = w[i] * z;
        }
        return new Quadratic(x, pr, w, r);
    }

    private static double xt(Quadratic q, int i, int j) {
        return (q.x().get(i, j) - q.pr().centres[j]) / q.pr().scales[j];
    }

    @ParameterizedTest(name = "split from {0} rows")
    @ValueSource(ints = {WeightedLeastSquares.SPLIT_ROWS, WHOLE})
    void aMoveIsSeenByEveryReader(int splitRows) {
        Quadratic q = quadratic(1.0);
        WeightedLeastSquares wls = new WeightedLeastSquares(q.pr(), splitRows);
        wls.reset(q.w(), q.r());
        wls.move(3, 0.5);
        double[] expected = q.r().clone();
        for (int i = 0; i < N; i++) expected[i] -= q.w()[i] * 0.5 * xt(q, i, 3);
        for (int i = 0; i < N; i += 997) assertThat(wls.residual(i)).isCloseTo(expected[i], within(1e-15));

        wls.move(7, -0.25);
        for (int i = 0; i < N; i++) expected[i] += q.w()[i] * 0.25 * xt(q, i, 7);
        double sumExpected = 0;
        double sumW = 0;
        for (int i = 0; i < N; i++) {
            sumExpected += expected[i];
            sumW += q.w()[i];
        }
        double d = wls.moveIntercept();
        assertThat(d).isCloseTo(sumExpected / sumW, within(1e-12));
        for (int i = 0; i < N; i++) expected[i] -= d * q.w()[i];
        // the gradient and curvature read the residual after both moves and the intercept
        for (int k : new int[] {0, 3, 7, 29}) {
            double g = 0;
            double xv = 0;
            for (int i = 0; i < N; i++) {
                g += xt(q, i, k) * expected[i];
                xv += q.w()[i] * xt(q, i, k) * xt(q, i, k);
            }
            assertThat(wls.gradient(k)).as("gradient %d", k).isCloseTo(g, within(1e-12));
            assertThat(wls.curvature(k)).as("curvature %d", k).isCloseTo(xv, within(1e-12));
        }
        for (int i = 0; i < N; i += 613) assertThat(wls.residual(i)).isCloseTo(expected[i], within(1e-15));
    }

    /** Coefficients and intercept after a warm-started run down a sequence of λ. */
    private static double[][] solvePath(Quadratic q, WeightedLeastSquares wls, double[] lambdas) {
        int[] strong = IntStream.range(0, P).toArray();
        double[] b = new double[P];
        double[] b0 = new double[1];
        wls.reset(q.w(), q.r());
        double[][] out = new double[lambdas.length][];
        for (int l = 0; l < lambdas.length; l++) {
            long passes = wls.solve(b, b0, lambdas[l], strong, 1e-28, 1_000_000);
            assertThat(passes).as("converged at lambda %s", lambdas[l]).isPositive();
            out[l] = Arrays.copyOf(b, P + 1);
            out[l][P] = b0[0];
        }
        return out;
    }

    private static double[] lambdas(Quadratic q) {
        double lmax = 0;
        double sw = 0;
        double sr = 0;
        for (int i = 0; i < N; i++) {
            sw += q.w()[i];
            sr += q.r()[i];
        }
        // the largest |gradient| after the intercept, where every feature leaves zero
        for (int j = 0; j < P; j++) {
            double g = 0;
            for (int i = 0; i < N; i++) g += xt(q, i, j) * (q.r()[i] - sr / sw * q.w()[i]);
            lmax = Math.max(lmax, Math.abs(g));
        }
        double[] l = {0.9, 0.5, 0.2, 0.1, 0.03, 0.01, 0.001};
        for (int k = 0; k < l.length; k++) l[k] *= lmax;
        return l;
    }

    @Test
    void splitPassesGiveTheSolutionsOfWholePassesAndOfAPlainDescent() {
        Quadratic q = quadratic(0.7);
        double[] lambdas = lambdas(q);
        double[][] split = solvePath(q, new WeightedLeastSquares(q.pr(), WeightedLeastSquares.SPLIT_ROWS), lambdas);
        double[][] whole = solvePath(q, new WeightedLeastSquares(q.pr(), WHOLE), lambdas);
        double[][] plain = PlainDescent.path(q, lambdas, 0.7);
        for (int l = 0; l < lambdas.length; l++) {
            double scale = 0;
            for (double v : plain[l]) scale = Math.max(scale, Math.abs(v));
            int nonZero = 0;
            for (int j = 0; j <= P; j++) {
                assertThat(split[l][j]).as("split vs whole, lambda %d, coefficient %d", l, j).isCloseTo(whole[l][j], within(1e-12 * scale));
                assertThat(split[l][j]).as("split vs plain, lambda %d, coefficient %d", l, j).isCloseTo(plain[l][j], within(1e-11 * scale));
                if (j < P && split[l][j] != 0) nonZero++;
                // the same features are zero
                if (j < P) assertThat(split[l][j] == 0).isEqualTo(plain[l][j] == 0);
            }
            if (l == lambdas.length - 1) assertThat(nonZero).as("the last lambda is dense enough to test").isGreaterThan(P / 2);
        }
    }

    @Test
    void theSolutionDoesNotDependOnWhetherTheWorkerWasFree() {
        Quadratic q = quadratic(1.0);
        double[] lambdas = lambdas(q);
        double[][] shared = solvePath(q, new WeightedLeastSquares(q.pr()), lambdas);
        RowSplitWorker held = RowSplitWorker.tryAcquire();
        double[][] alone;
        try {
            // with the worker leased here, the solver runs every block itself
            alone = solvePath(q, new WeightedLeastSquares(q.pr()), lambdas);
        } finally {
            if (held != null) held.release();
        }
        for (int l = 0; l < lambdas.length; l++) assertThat(alone[l]).as("lambda %d", l).containsExactly(shared[l]);
    }

    @Test
    void gradientsAfterASolveMayBeReadFromManyThreads() {
        Quadratic q = quadratic(1.0);
        WeightedLeastSquares wls = new WeightedLeastSquares(q.pr());
        wls.reset(q.w(), q.r());
        double[] b = new double[P];
        double[] b0 = new double[1];
        wls.solve(b, b0, lambdas(q)[3], IntStream.range(0, P).toArray(), 1e-20, 1_000_000);
        double[] sequential = new double[P];
        for (int j = 0; j < P; j++) sequential[j] = wls.gradient(j);
        for (int rep = 0; rep < 20; rep++) {
            double[] parallel = new double[P];
            IntStream.range(0, P).parallel().forEach(j -> parallel[j] = wls.gradient(j));
            assertThat(parallel).containsExactly(sequential);
        }
        // and they are the gradients of the residual the solve left
        for (int j : new int[] {0, 3, 10}) {
            double g = 0;
            for (int i = 0; i < N; i++) g += xt(q, i, j) * wls.residual(i);
            assertThat(sequential[j]).isCloseTo(g, within(1e-13));
        }
    }

    /**
     * Cyclic coordinate descent on the same objective written from its definition: the residual
     * kept explicitly and updated at once, gradients and curvatures by plain loops over x̃.
     */
    private static final class PlainDescent {
        static double[][] path(Quadratic q, double[] lambdas, double alpha) {
            double[][] xt = new double[P][N];
            double[] xv = new double[P];
            for (int j = 0; j < P; j++) {
                for (int i = 0; i < N; i++) {
                    xt[j][i] = xt(q, i, j);
                    xv[j] += q.w()[i] * xt[j][i] * xt[j][i];
                }
            }
            double sw = 0;
            for (double v : q.w()) sw += v;
            double[] r = q.r().clone();
            double[] b = new double[P];
            double b0 = 0;
            double[][] out = new double[lambdas.length][];
            for (int l = 0; l < lambdas.length; l++) {
                double lambda = lambdas[l];
                double dlx;
                do {
                    dlx = 0;
                    for (int j = 0; j < P; j++) {
                        double g = 0;
                        for (int i = 0; i < N; i++) g += xt[j][i] * r[i];
                        double z = g + xv[j] * b[j];
                        double l1 = lambda * alpha;
                        double nb = Math.abs(z) <= l1 ? 0 : (z - Math.signum(z) * l1) / (xv[j] + lambda * (1 - alpha));
                        double d = nb - b[j];
                        if (d == 0) continue;
                        for (int i = 0; i < N; i++) r[i] -= d * q.w()[i] * xt[j][i];
                        b[j] = nb;
                        dlx = Math.max(dlx, xv[j] * d * d);
                    }
                    double s = 0;
                    for (double v : r) s += v;
                    double d0 = s / sw;
                    for (int i = 0; i < N; i++) r[i] -= d0 * q.w()[i];
                    b0 += d0;
                    dlx = Math.max(dlx, sw * d0 * d0);
                } while (dlx >= 1e-28);
                out[l] = Arrays.copyOf(b, P + 1);
                out[l][P] = b0;
            }
            return out;
        }
    }
}

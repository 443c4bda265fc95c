package dev.occam.penalty;

import dev.occam.penalty.LibrarySetting.Canonical;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The rows that cannot be refit here (no TensorFlow, PyTorch, Spark or Smile in the build), checked
 * by algebra: each peer's update step or objective, written out from its documentation or source,
 * against Occam's canonical objective with the converted λ and α. Canonical gradients are taken
 * by central differences of the canonical objective, so the ½ and 1/n conventions are tested, not
 * assumed. Also: AdamW is shown to have no penalty equivalent, and decoupled decay under plain SGD
 * to equal coupled L2.
 */
class ConventionsAlgebraTest {

    /** A small regression problem: 40 rows, 3 features of different scales and means, y with mean far from 0. */
    static final class Data {
        final int n = 40;
        final int p = 3;
        final double[][] x = new double[n][p];
        final double[] y = new double[n];

        Data(long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            double[] scale = {1, 10, 0.2};
            double[] mean = {0.5, 30, -2};
            for (int i = 0; i < n; i++) {
                double eta = 5;
                for (int j = 0; j < p; j++) {
                    x[i][j] = mean[j] + scale[j] * gaussian(r);
                    eta += (j + 1) * 0.3 * x[i][j] / scale[j];
                }
                y[i] = eta + gaussian(r);
            }
        }

        double[] column(int j) {
            double[] c = new double[n];
            for (int i = 0; i < n; i++) c[i] = x[i][j];
            return c;
        }

        /** ½·mean squared error of (b0, w). */
        double squaredLoss(double b0, double[] w) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                double r = y[i] - b0 - dot(x[i], w);
                s += 0.5 * r * r;
            }
            return s / n;
        }

        /** The least-squares intercept for w: ȳ − x̄ᵀw. */
        double intercept(double[] w) {
            double b = mean(y);
            for (int j = 0; j < p; j++) b -= mean(column(j)) * w[j];
            return b;
        }
    }

    static double gaussian(SplittableRandom r) {
        double u1 = r.nextDouble();
        double u2 = r.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(1 - u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) s += a[j] * b[j];
        return s;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double e : v) s += e;
        return s / v.length;
    }

    /** Standard deviation with divisor n (population) or n − 1 (unbiased). */
    static double sd(double[] v, boolean unbiased) {
        double m = mean(v);
        double s = 0;
        for (double e : v) s += (e - m) * (e - m);
        return Math.sqrt(s / (unbiased ? v.length - 1 : v.length));
    }

    /** λΣ[α s_j|w_j| + (1−α)/2 s_j² w_j²]: the canonical penalty with feature scales s (null = 1). */
    static double penalty(Canonical c, double[] w, double[] s) {
        double v = 0;
        for (int j = 0; j < w.length; j++) {
            double sj = s == null ? 1 : s[j];
            v += c.alpha() * sj * Math.abs(w[j]) + 0.5 * (1 - c.alpha()) * sj * sj * w[j] * w[j];
        }
        return c.lambda() * v;
    }

    /** Central-difference gradient of f at w. */
    static double[] gradient(Function<double[], Double> f, double[] w) {
        double[] g = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            double h = 1e-6 * Math.max(1, Math.abs(w[j]));
            double[] a = w.clone();
            double[] b = w.clone();
            a[j] += h;
            b[j] -= h;
            g[j] = (f.apply(a) - f.apply(b)) / (2 * h);
        }
        return g;
    }

    /** Gradient of the squared loss in w at intercept 0, exactly: −(1/n)Σ(y − xᵀw)x. */
    static double[] lossGradient(Data d, double[] w) {
        double[] g = new double[d.p];
        for (int i = 0; i < d.n; i++) {
            double r = d.y[i] - dot(d.x[i], w);
            for (int j = 0; j < d.p; j++) g[j] -= r * d.x[i][j] / d.n;
        }
        return g;
    }

    static Canonical canonical(LibrarySetting s, ConversionContext ctx) {
        Conversion c = s.toCanonical(ctx);
        assertThat(c.status()).as(c.explanation()).isNotEqualTo(ConversionStatus.NONE);
        return (Canonical) c.target();
    }

    static final double[] W = {0.7, -0.04, 1.9};

    // ---- Keras and PyTorch: one update step against the canonical gradient step

    @Test
    void kerasRegularizerStepIsTheCanonicalGradientStep() {
        Data d = new Data(1);
        double l1 = 0.01;
        double l2 = 0.03;
        Canonical c = canonical(new LibraryKeras.Regularizer(l1, l2), ConversionContext.EMPTY);
        double eta = 0.05;
        double[] g = lossGradient(d, W);
        double[] canonicalGrad = gradient(w -> d.squaredLoss(0, w) + penalty(c, w, null), W);
        for (int j = 0; j < d.p; j++) {
            // Keras: loss + l1·Σ|w| + l2·Σw², gradient l1·sign(w) + 2·l2·w
            double keras = W[j] - eta * (g[j] + l1 * Math.signum(W[j]) + 2 * l2 * W[j]);
            assertThat(keras).isCloseTo(W[j] - eta * canonicalGrad[j], within(1e-9));
        }
        // and the values agree: l1·Σ|w| + l2·Σw² = λΣ[α|w| + (1−α)/2·w²]
        double kerasValue = 0;
        for (double w : W) kerasValue += l1 * Math.abs(w) + l2 * w * w;
        assertThat(penalty(c, W, null)).isCloseTo(kerasValue, within(1e-15));
    }

    @Test
    void torchSgdWithMomentumIsSgdOnTheCanonicalObjective() {
        Data d = new Data(2);
        double wd = 0.02;
        double eta = 1e-3;
        double mu = 0.9;
        Canonical c = canonical(new LibraryTorch.Sgd(wd), ConversionContext.EMPTY);
        double[] wTorch = W.clone();
        double[] wCanon = W.clone();
        double[] bufTorch = new double[d.p];
        double[] bufCanon = new double[d.p];
        for (int t = 0; t < 5; t++) {
            // torch.optim.SGD: d_p = grad + wd·p; buf = μ·buf + d_p (buf = d_p at the first step); p −= lr·buf
            double[] g = lossGradient(d, wTorch);
            final double[] at = wCanon.clone();
            double[] gc = gradient(w -> d.squaredLoss(0, w) + penalty(c, w, null), at);
            for (int j = 0; j < d.p; j++) {
                double dp = g[j] + wd * wTorch[j];
                bufTorch[j] = t == 0 ? dp : mu * bufTorch[j] + dp;
                wTorch[j] -= eta * bufTorch[j];
                bufCanon[j] = t == 0 ? gc[j] : mu * bufCanon[j] + gc[j];
                wCanon[j] -= eta * bufCanon[j];
            }
        }
        for (int j = 0; j < d.p; j++) assertThat(wTorch[j]).isCloseTo(wCanon[j], within(1e-9));
    }

    @Test
    void torchAdamIsAdamOnTheCanonicalObjective() {
        Data d = new Data(3);
        double wd = 0.05;
        Canonical c = canonical(new LibraryTorch.Adam(wd), ConversionContext.EMPTY);
        double[] torch = adam(d, W, w -> {
            double[] g = lossGradient(d, w);
            for (int j = 0; j < g.length; j++) g[j] += wd * w[j];   // coupled: grad.add(param, alpha=weight_decay)
            return g;
        }, 0, 1e-3, 5);
        double[] canon = adam(d, W, w -> gradient(v -> d.squaredLoss(0, v) + penalty(c, v, null), w), 0, 1e-3, 5);
        for (int j = 0; j < d.p; j++) assertThat(torch[j]).isCloseTo(canon[j], within(1e-8));
    }

    /** Adam (β 0.9, 0.999, ε 1e-8) from w0 with the given gradient, and decoupled decay wd·η per step (0 for none). */
    static double[] adam(Data d, double[] w0, Function<double[], double[]> grad, double decoupled, double eta, int steps) {
        double[] w = w0.clone();
        double[] m = new double[w.length];
        double[] v = new double[w.length];
        for (int t = 1; t <= steps; t++) {
            double[] g = grad.apply(w);
            for (int j = 0; j < w.length; j++) {
                w[j] -= eta * decoupled * w[j];
                m[j] = 0.9 * m[j] + 0.1 * g[j];
                v[j] = 0.999 * v[j] + 0.001 * g[j] * g[j];
                double mh = m[j] / (1 - Math.pow(0.9, t));
                double vh = v[j] / (1 - Math.pow(0.999, t));
                w[j] -= eta * mh / (Math.sqrt(vh) + 1e-8);
            }
        }
        return w;
    }

    // ---- decoupled decay

    /** L(w) = ½Σh_j(w_j − c_j)²: curvatures 1 and 100. */
    static final double[] H = {1, 100};
    static final double[] C = {3, 2};

    static double[] quadraticGradient(double[] w) {
        return new double[] {H[0] * (w[0] - C[0]), H[1] * (w[1] - C[1])};
    }

    static double ridge(int j, double lambda) {
        return H[j] * C[j] / (H[j] + lambda);
    }

    @Test
    void adamWHasNoPenaltyEquivalentWhileAdamPlusL2IsTheRidge() {
        double wd = 0.1;
        Conversion conv = new LibraryTorch.AdamW(wd).toCanonical(ConversionContext.EMPTY);
        assertThat(conv.status()).isEqualTo(ConversionStatus.NONE);
        double[] adamw = adam(null, new double[2], ConventionsAlgebraTest::quadraticGradient, wd, 1e-2, 20_000);
        double[] adamL2 = adam(null, new double[2], w -> {
            double[] g = quadraticGradient(w);
            for (int j = 0; j < 2; j++) g[j] += wd * w[j];
            return g;
        }, 0, 1e-2, 20_000);
        for (int j = 0; j < 2; j++) {
            assertThat(adamL2[j]).as("Adam + coupled L2 reaches the ridge solution").isCloseTo(ridge(j, wd), within(1e-6));
        }
        // AdamW ends near the unpenalized minimum, far from the ridge solution of λ = wd ...
        assertThat(adamw[0]).isCloseTo(C[0], within(1e-3));
        assertThat(Math.abs(adamw[0] - ridge(0, wd))).isGreaterThan(0.2);
        // ... and the λ each coordinate would need differ: no single penalty gives AdamW's point
        double lambda0 = H[0] * (C[0] - adamw[0]) / adamw[0];
        double lambda1 = H[1] * (C[1] - adamw[1]) / adamw[1];
        assertThat(lambda0).isLessThan(wd / 10);
        assertThat(lambda1).isLessThan(wd / 10);
        assertThat(Math.max(lambda0, lambda1) / Math.min(lambda0, lambda1)).isGreaterThan(3);
    }

    @Test
    void decoupledDecayUnderPlainSgdIsCoupledL2() {
        double wd = 0.1;
        double eta = 0.005;
        Canonical c = canonical(new LibraryKeras.WeightDecay("sgd", 0, wd), ConversionContext.EMPTY);
        assertThat(c.lambda()).isEqualTo(wd);
        double[] decoupled = new double[2];
        double[] coupled = new double[2];
        for (int t = 0; t < 4000; t++) {
            double[] gd = quadraticGradient(decoupled);
            double[] gc = quadraticGradient(coupled);
            for (int j = 0; j < 2; j++) {
                decoupled[j] = decoupled[j] - eta * wd * decoupled[j] - eta * gd[j];   // Keras: w −= η·wd·w, then the SGD step
                coupled[j] = coupled[j] - eta * (gc[j] + c.lambda() * coupled[j]);
            }
        }
        for (int j = 0; j < 2; j++) {
            assertThat(decoupled[j]).isCloseTo(coupled[j], within(1e-12));
            assertThat(coupled[j]).isCloseTo(ridge(j, c.lambda()), within(1e-9));
        }
    }

    @Test
    void decoupledDecayWithMomentumStopsAtTheRidgeOfOneMinusMuTimesWd() {
        double wd = 0.5;
        double mu = 0.9;
        double eta = 1e-3;
        Conversion conv = new LibraryKeras.WeightDecay("sgd", mu, wd).toCanonical(ConversionContext.EMPTY);
        assertThat(conv.status()).isEqualTo(ConversionStatus.EXACT_IF);
        double lambda = ((Canonical) conv.target()).lambda();
        double[] w = new double[2];
        double[] m = new double[2];
        for (int t = 0; t < 20_000; t++) {
            double[] g = quadraticGradient(w);
            for (int j = 0; j < 2; j++) {
                w[j] -= eta * wd * w[j];            // decoupled decay
                m[j] = mu * m[j] - eta * g[j];      // keras.optimizers.SGD momentum
                w[j] += m[j];
            }
        }
        for (int j = 0; j < 2; j++) assertThat(w[j]).isCloseTo(ridge(j, lambda), within(1e-9));
        assertThat(Math.abs(w[0] - ridge(0, wd))).as("not the ridge of wd itself").isGreaterThan(0.3);
    }

    @Test
    void addonsSgdwStepIsCoupledL2OverTheLearningRate() {
        Data d = new Data(4);
        double wd = 2e-4;
        double eta = 0.01;
        Canonical c = canonical(new LibraryKeras.AddonsWeightDecay("sgdw", 0, wd), ConversionContext.EMPTY.withLearningRate(eta));
        double[] g = lossGradient(d, W);
        double[] gc = gradient(w -> d.squaredLoss(0, w) + penalty(c, w, null), W);
        for (int j = 0; j < d.p; j++) {
            double tfa = W[j] - wd * W[j] - eta * g[j];   // decay not multiplied by the learning rate
            assertThat(tfa).isCloseTo(W[j] - eta * gc[j], within(1e-9));
        }
    }

    // ---- scikit-learn's stochastic steps (the refits confirm the limit; these confirm the per-step scaling)

    @Test
    void sklearnSgdExpectedStepIsTheCanonicalGradientWithSampleWeights() {
        Data d = new Data(5);
        double alpha = 0.01;
        double l1Ratio = 0.4;
        double eta = 0.001;
        double[] s = new double[d.n];
        SplittableRandom r = new SplittableRandom(6);
        double sumS = 0;
        for (int i = 0; i < d.n; i++) sumS += s[i] = 0.5 + r.nextDouble();
        ConversionContext ctx = ConversionContext.EMPTY.withN(d.n).withSumWeights(sumS);
        Canonical c = canonical(new LibrarySklearn.Sgd(alpha, "elasticnet", l1Ratio), ctx);
        // sklearn's step on row i: w ← (1 − η·alpha·(1−l1_ratio))w − η·s_i·∇L_i, then the L1 part η·alpha·l1_ratio·sign(w)
        double[] expected = new double[d.p];
        for (int i = 0; i < d.n; i++) {
            double res = dot(d.x[i], W) - d.y[i];
            for (int j = 0; j < d.p; j++) {
                double step = -eta * alpha * (1 - l1Ratio) * W[j] - eta * s[i] * res * d.x[i][j] - eta * alpha * l1Ratio * Math.signum(W[j]);
                expected[j] += step / d.n;   // rows are drawn uniformly
            }
        }
        // the expected step is −η(Σs/n)·∇F for the canonical F = (1/Σs)Σs·½(y − xᵀw)² + λΣ[α|w| + (1−α)/2·w²]
        final double total = sumS;
        Function<double[], Double> f = w -> {
            double v = 0;
            for (int i = 0; i < d.n; i++) {
                double res = d.y[i] - dot(d.x[i], w);
                v += s[i] * 0.5 * res * res;
            }
            return v / total + penalty(c, w, null);
        };
        double[] gc = gradient(f, W);
        for (int j = 0; j < d.p; j++) assertThat(expected[j]).isCloseTo(-eta * sumS / d.n * gc[j], within(1e-10));
    }

    @Test
    void mlpBatchGradientIsCanonicalAndTheLastBatchIsNot() {
        Data d = new Data(7);
        double alpha = 0.3;
        int b = 16;   // 40 rows: batches of 16, 16 and 8
        Conversion conv = new LibrarySklearn.Mlp(alpha, "adam").toCanonical(ConversionContext.EMPTY.withN(d.n).withBatchSize(b));
        assertThat(conv.status()).isEqualTo(ConversionStatus.EXACT_IF);
        Canonical c = (Canonical) conv.target();
        // sklearn's _backprop on a batch of m rows: loss = mean batch loss + (0.5·alpha)·‖W‖²/m, gradient += alpha·W/m
        for (int m : new int[] {b, d.n % b}) {
            double[] g = new double[d.p];
            for (int i = 0; i < m; i++) {
                double res = dot(d.x[i], W) - d.y[i];
                for (int j = 0; j < d.p; j++) g[j] += res * d.x[i][j] / m;
            }
            final int rows = m;
            Function<double[], Double> batchCanonical = w -> {
                double v = 0;
                for (int i = 0; i < rows; i++) v += 0.5 * Math.pow(d.y[i] - dot(d.x[i], w), 2);
                return v / rows + penalty(c, w, null);
            };
            double[] gc = gradient(batchCanonical, W);
            for (int j = 0; j < d.p; j++) {
                double sk = g[j] + alpha * W[j] / m;
                if (m == b) assertThat(sk).isCloseTo(gc[j], within(1e-8));
                else assertThat(sk - gc[j]).as("the last batch of %d rows gets alpha/%d, not alpha/B", m, m)
                        .isCloseTo(alpha * W[j] * (1.0 / m - 1.0 / b), within(1e-8)).isNotCloseTo(0, within(1e-4));
            }
        }
    }

    // ---- Spark and Smile: their objectives, as read from their source, against the canonical one

    /** The canonical objective at (b0, w) with 1/n scales of the features under standardize. */
    static double canonicalObjective(Data d, Canonical c, double b0, double[] w) {
        double[] s = new double[d.p];
        for (int j = 0; j < d.p; j++) s[j] = sd(d.column(j), false);
        return d.squaredLoss(b0, w) + penalty(c, w, c.standardize() ? s : null);
    }

    @Test
    void sparkLinearRegressionObjectiveIsTheCanonicalOneTimesOneOverSigmaSquared() {
        Data d = new Data(8);
        double sigma = sd(d.y, false);
        for (String solver : new String[] {"normal", "l-bfgs"}) {
            for (boolean standardization : new boolean[] {true, false}) {
                double regParam = 0.2;
                double enp = 0.3;
                ConversionContext ctx = ConversionContext.EMPTY.withN(d.n).withSdY(sigma);
                Canonical c = canonical(new LibrarySpark.LinearRegression(regParam, enp, standardization, solver), ctx);
                boolean unbiased = solver.equals("l-bfgs");
                double sy = sd(d.y, unbiased);
                double[] sx = new double[d.p];
                for (int j = 0; j < d.p; j++) sx[j] = sd(d.column(j), unbiased);
                SplittableRandom r = new SplittableRandom(9);
                for (int k = 0; k < 5; k++) {
                    double[] w = {gaussian(r), gaussian(r) / 10, gaussian(r) * 5};
                    double b0 = d.intercept(w) + gaussian(r);
                    // Spark: label / yStd, features / featuresStd, β = w·s/σ', penalty regParam/yStd on β (on β/s without standardization)
                    double loss = d.squaredLoss(b0, w) / (sy * sy);
                    double l1 = 0;
                    double l2 = 0;
                    for (int j = 0; j < d.p; j++) {
                        double beta = w[j] * sx[j] / sy;
                        double pen = standardization ? beta : beta / sx[j];
                        l1 += Math.abs(pen);
                        l2 += pen * pen;
                    }
                    double spark = loss + regParam / sy * (enp * l1 + (1 - enp) / 2 * l2);
                    assertThat(spark * sy * sy).as("%s, standardization %s", solver, standardization)
                            .isCloseTo(canonicalObjective(d, c, b0, w), within(1e-12 * spark * sy * sy));
                }
            }
        }
    }

    @Test
    void sparkLogisticRegressionObjectiveIsTheCanonicalOne() {
        Data d = new Data(10);
        double[] yb = new double[d.n];
        for (int i = 0; i < d.n; i++) yb[i] = d.y[i] > mean(d.y) ? 1 : 0;
        for (boolean standardization : new boolean[] {true, false}) {
            Canonical c = canonical(new LibrarySpark.LogisticRegression(0.05, 0.6, standardization), ConversionContext.EMPTY.withN(d.n));
            double[] s = new double[d.p];
            double[] sUnbiased = new double[d.p];
            for (int j = 0; j < d.p; j++) {
                s[j] = sd(d.column(j), false);
                sUnbiased[j] = sd(d.column(j), true);
            }
            SplittableRandom r = new SplittableRandom(11);
            for (int k = 0; k < 5; k++) {
                double[] w = {gaussian(r), gaussian(r) / 10, gaussian(r) * 5};
                double b0 = gaussian(r);
                double logLoss = 0;
                for (int i = 0; i < d.n; i++) {
                    double eta = b0 + dot(d.x[i], w);
                    logLoss += Math.log1p(Math.exp(eta)) - yb[i] * eta;
                }
                logLoss /= d.n;
                double l1 = 0;
                double l2 = 0;
                for (int j = 0; j < d.p; j++) {
                    double beta = standardization ? w[j] * sUnbiased[j] : w[j];   // Spark's featuresStd is the unbiased one
                    l1 += Math.abs(beta);
                    l2 += beta * beta;
                }
                double spark = logLoss + 0.05 * (0.6 * l1 + 0.4 / 2 * l2);
                double canonicalValue = logLoss + penalty(c, w, standardization ? s : null);
                assertThat(spark).isCloseTo(canonicalValue, within(1e-12 * spark));
            }
        }
    }

    /** ‖y − ȳ − X̃w̃‖² with X̃ centred and scaled by 1/n standard deviations, w̃ = s·w: Smile's least-squares term. */
    static double smileRss(Data d, double[] y, double[] w) {
        double ym = mean(y);
        double rss = 0;
        for (int i = 0; i < d.n; i++) {
            double fit = 0;
            for (int j = 0; j < d.p; j++) {
                double[] col = d.column(j);
                double s = sd(col, false);
                fit += (d.x[i][j] - mean(col)) / s * (w[j] * s);
            }
            rss += Math.pow(y[i] - ym - fit, 2);
        }
        return rss;
    }

    static double[] smileScaled(Data d, double[] w) {
        double[] t = new double[d.p];
        for (int j = 0; j < d.p; j++) t[j] = w[j] * sd(d.column(j), false);
        return t;
    }

    @Test
    void smileObjectivesAreTwoNTimesTheCanonicalOnes() {
        Data d = new Data(12);
        ConversionContext ctx = ConversionContext.EMPTY.withN(d.n);
        double lambda = 3;
        double lambda1 = 2;
        double lambda2 = 5;
        Canonical lasso = canonical(new LibrarySmile.Lasso(lambda), ctx);
        Canonical ridge = canonical(new LibrarySmile.Ridge(lambda), ctx);
        Canonical enet = canonical(new LibrarySmile.ElasticNet(lambda1, lambda2), ctx);
        SplittableRandom r = new SplittableRandom(13);
        for (int k = 0; k < 5; k++) {
            double[] w = {gaussian(r), gaussian(r) / 10, gaussian(r) * 5};
            double b0 = d.intercept(w);   // Smile's intercept ȳ − x̄ᵀw, also the canonical optimum for w
            double rss = smileRss(d, d.y, w);
            double l1 = 0;
            double l2 = 0;
            for (double t : smileScaled(d, w)) {
                l1 += Math.abs(t);
                l2 += t * t;
            }
            int twoN = 2 * d.n;
            assertThat(rss + lambda * l1).isCloseTo(twoN * canonicalObjective(d, lasso, b0, w), within(1e-10 * (rss + lambda * l1)));
            assertThat(rss + lambda * l2).isCloseTo(twoN * canonicalObjective(d, ridge, b0, w), within(1e-10 * (rss + lambda * l2)));
            double naive = rss + lambda1 * l1 + lambda2 * l2;
            assertThat(naive).isCloseTo(twoN * canonicalObjective(d, enet, b0, w), within(1e-10 * naive));
        }
    }

    /**
     * Why Smile's ElasticNet row is conditional: versions that centre the padded response
     * [y; 0] by its own mean Σy/(n+p) add a term linear in w̃ unless ȳ = 0. The augmented objective
     * minus 2n times the canonical one is then not constant in w (and is when y is centred).
     */
    @Test
    void olderSmileElasticNetCentringIsExactOnlyForCentredY() {
        Data d = new Data(14);
        double lambda1 = 2;
        double lambda2 = 5;
        double[] centred = new double[d.n];
        double ym = mean(d.y);
        for (int i = 0; i < d.n; i++) centred[i] = d.y[i] - ym;
        double[] spreads = new double[2];
        double[][] ys = {d.y, centred};
        for (int v = 0; v < 2; v++) {
            double[] y = ys[v];
            SplittableRandom r = new SplittableRandom(15);
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < 6; k++) {
                double[] w = {gaussian(r), gaussian(r) / 10, gaussian(r) * 5};
                double[] t = smileScaled(d, w);
                // padded rows: target 0, design √λ2·I (with c = 1/√(1+λ2) on both and β = w̃/c this is exact);
                // the old code subtracts mean([y; 0]) from every row of the padded response
                double y2mean = 0;
                for (double e : y) y2mean += e;
                y2mean /= d.n + d.p;
                double aug = 0;
                for (int i = 0; i < d.n; i++) {
                    double fit = 0;
                    for (int j = 0; j < d.p; j++) {
                        double[] col = d.column(j);
                        fit += (d.x[i][j] - mean(col)) / sd(col, false) * t[j];
                    }
                    aug += Math.pow(y[i] - y2mean - fit, 2);
                }
                double l1 = 0;
                for (int j = 0; j < d.p; j++) {
                    aug += Math.pow(-y2mean - Math.sqrt(lambda2) * t[j], 2);
                    l1 += Math.abs(t[j]);
                }
                aug += lambda1 * l1;
                double naive = smileRss(d, y, w) + lambda1 * l1 + lambda2 * dot(t, t);
                min = Math.min(min, aug - naive);
                max = Math.max(max, aug - naive);
            }
            spreads[v] = max - min;
        }
        assertThat(spreads[0]).as("raw y: a term that depends on w").isGreaterThan(1.0);
        assertThat(spreads[1]).as("centred y: a constant").isLessThan(1e-9);
    }
}

package dev.occam.glm;

import dev.occam.data.Dataset;
import dev.occam.data.DenseMatrix;
import dev.occam.data.Standardization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fits elastic-net paths by coordinate descent (Friedman, Hastie and Tibshirani 2010; glmnet).
 *
 * <p>The objective at each λ (canonical form, DESIGN.md):
 * <pre>
 *   (1/Σv) Σ_i v_i ℓ(y_i, b0 + x_iᵀw)  +  λ · Σ_j f_j [ α|w_j| + (1−α)/2 · w_j² ]
 * </pre>
 * with ℓ = ½(y − η)² for gaussian and the negative log-likelihood otherwise. Under
 * {@code standardize} the penalty applies to the coefficients of features scaled to unit weighted
 * variance (1/n formula), centred only when there is an intercept; reported coefficients are on
 * the original scale. Penalty factors are rescaled to sum to p, as glmnet does.
 *
 * <p>Difference from glmnet: for gaussian fits glmnet also standardizes y internally and reports
 * λ on y's scale, which leaves lasso fits unchanged but makes its L2 part λ(1−α)/σ_y on the
 * original scale when α &lt; 1. Occam does not rescale y; for α &lt; 1 glmnet's fit at λ equals
 * Occam's on y/σ_y at λ/σ_y, multiplied back by σ_y.
 *
 * <p>This class is the driver layer (validate, standardize implicitly, dispatch);
 * {@code PathLoop} walks the λ sequence and the {@code PointSolver}s solve one λ.
 */
public final class ElasticNet {
    private ElasticNet() { }

    /** Fits the whole path described by {@code settings} to {@code data}. */
    public static GlmPath path(Dataset data, GlmSettings settings) {
        return path(data, settings, settings.lambdas());
    }

    /**
     * The exact solution at λ = {@code lambda}: the path is computed with warm starts down the
     * default λ grid until it reaches {@code lambda}, and then at {@code lambda} itself.
     */
    public static LinearModel fitAt(Dataset data, GlmSettings settings, double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and >= 0; got " + lambda);
        }
        GlmPath grid = path(data, settings.withLambdas((double[]) null).withEarlyStop(false).withNlambda(1));
        double lambdaMax = grid.lambdas()[0];
        List<Double> seq = new ArrayList<>();
        if (lambda < lambdaMax) {
            double ratio = defaultMinRatio(settings, data);
            int nl = settings.nlambda();
            double factor = nl > 1 ? Math.pow(ratio, 1.0 / (nl - 1)) : ratio;
            double l = lambdaMax;
            while (l > lambda && seq.size() < nl) {
                seq.add(l);
                l *= factor;
            }
        }
        seq.add(lambda);
        double[] lambdas = seq.stream().mapToDouble(Double::doubleValue).toArray();
        GlmPath p = path(data, settings.withLambdas(lambdas));
        return p.model(p.size() - 1);
    }

    private static double defaultMinRatio(GlmSettings s, Dataset d) {
        if (!Double.isNaN(s.lambdaMinRatio())) return s.lambdaMinRatio();
        return d.rows() > d.cols() ? 1e-4 : 1e-2;
    }

    private static GlmPath path(Dataset data, GlmSettings s, double[] userLambdas) {
        int n = data.rows();
        int p = data.cols();
        Family family = s.family();
        double[] y = validateTarget(data, family);
        if (n == 0) throw new IllegalArgumentException("the data have no rows");
        double[] u = Standardization.normalizedWeights(data.weights(), n);
        Standardization std = Standardization.of(data.x(), u, s.intercept(), s.standardize());
        double[] vp = penaltyFactors(s.penaltyFactors(), p);
        double[] lo = limits(s.lowerLimits(), p, Double.NEGATIVE_INFINITY, "lower");
        double[] hi = limits(s.upperLimits(), p, Double.POSITIVE_INFINITY, "upper");
        double[] loOrig = lo.clone();
        double[] hiOrig = hi.clone();
        for (int j = 0; j < p; j++) {
            lo[j] *= std.scales()[j];
            hi[j] *= std.scales()[j];
        }
        Problem pr = new Problem(data.x(), u, std, vp, lo, hi, s.alpha(), s.intercept());
        int classes = family == Family.MULTINOMIAL ? data.classes().size() : 1;
        PointSolver solver = switch (family) {
            case GAUSSIAN -> useCovariance(s, data) ? new GaussianCovariance(pr, y) : new GaussianNaive(pr, y);
            case BINOMIAL, POISSON -> new Irls(pr, family, y);
            case MULTINOMIAL -> new Multinomial(pr, y, classes);
        };
        PathLoop.Result r = PathLoop.run(pr, solver, family, s, userLambdas, defaultMinRatio(s, data));

        int nl = r.lambdas().length;
        double[][] b0 = new double[nl][classes];
        double[][][] w = new double[nl][classes][p];
        int[] df = new int[nl];
        double[] devRatio = new double[nl];
        for (int l = 0; l < nl; l++) {
            for (int k = 0; k < classes; k++) {
                double[] b = r.coefficients()[l][k];
                double shift = 0;
                for (int j = 0; j < p; j++) {
                    if (b[j] != 0) {
                        // clip: the limits were moved to the standardized scale and back
                        w[l][k][j] = Math.min(Math.max(b[j] / std.scales()[j], loOrig[j]), hiOrig[j]);
                        shift += w[l][k][j] * std.centres()[j];
                    }
                }
                b0[l][k] = r.intercepts()[l][k] - shift;
            }
            for (int j = 0; j < p; j++) {
                for (int k = 0; k < classes; k++) {
                    if (w[l][k][j] != 0) {
                        df[l]++;
                        break;
                    }
                }
            }
            devRatio[l] = r.nullDeviance() > 0 ? 1 - r.deviance()[l] / r.nullDeviance() : 0.0;
        }
        double totalWeight = data.weights() == null ? n : Arrays.stream(data.weights()).sum();
        List<String> warnings = new ArrayList<>(r.warnings());
        List<String> classes2 = family == Family.BINOMIAL || family == Family.MULTINOMIAL ? data.classes() : null;
        return new GlmPath(s, data.featureNames(), classes2, n, r.lambdas(), b0, w, df, devRatio,
                r.nullDeviance() * totalWeight, r.passes(), r.converged(), warnings);
    }

    private static boolean useCovariance(GlmSettings s, Dataset data) {
        return switch (s.updates()) {
            case COVARIANCE -> true;
            case NAIVE -> false;
            case AUTO -> data.cols() <= 2000 && data.rows() >= 2L * data.cols();
        };
    }

    /** The target as the solver needs it; one clear message when it does not fit the family. */
    private static double[] validateTarget(Dataset data, Family family) {
        double[] y = data.y();
        if (y == null) throw new IllegalArgumentException("the data have no target");
        switch (family) {
            case GAUSSIAN -> {
                for (double v : y) {
                    if (!Double.isFinite(v)) throw new IllegalArgumentException("the target must be finite; found " + v);
                }
            }
            case POISSON -> {
                for (double v : y) {
                    if (!(v >= 0) || Double.isInfinite(v)) {
                        throw new IllegalArgumentException("a poisson target must be a finite count >= 0; found " + v);
                    }
                }
            }
            case BINOMIAL, MULTINOMIAL -> {
                List<String> classes = data.classes();
                if (classes == null) {
                    throw new IllegalArgumentException(family.id() + " needs a class target; the data have a numeric one");
                }
                if (family == Family.BINOMIAL && classes.size() != 2) {
                    throw new IllegalArgumentException("binomial needs exactly 2 classes in the target; found "
                            + classes.size() + " " + classes);
                }
                if (family == Family.MULTINOMIAL && classes.size() < 2) {
                    throw new IllegalArgumentException("multinomial needs at least 2 classes in the target; found "
                            + classes.size() + " " + classes);
                }
            }
        }
        return y;
    }

    private static double[] penaltyFactors(double[] f, int p) {
        double[] vp = new double[p];
        if (f == null) {
            Arrays.fill(vp, 1.0);
            return vp;
        }
        if (f.length != p) {
            throw new IllegalArgumentException("penalty factors must have one value per feature (" + p + "); got " + f.length);
        }
        double sum = 0;
        for (double v : f) sum += v;
        if (!(sum > 0)) throw new IllegalArgumentException("penalty factors must not all be 0");
        for (int j = 0; j < p; j++) vp[j] = f[j] * p / sum;
        return vp;
    }

    private static double[] limits(double[] given, int p, double none, String what) {
        double[] out = new double[p];
        if (given == null) {
            Arrays.fill(out, none);
            return out;
        }
        if (given.length == 1) {
            Arrays.fill(out, given[0]);
            return out;
        }
        if (given.length != p) {
            throw new IllegalArgumentException(what + " limits must have one value per feature (" + p + ") or one for all; got " + given.length);
        }
        return given.clone();
    }

    /** Dense convenience for tests and small problems: rows of X, y. */
    static Dataset dense(double[][] rows, double[] y) {
        return Dataset.numeric(DenseMatrix.ofRows(rows), y, Dataset.defaultNames(rows[0].length));
    }
}

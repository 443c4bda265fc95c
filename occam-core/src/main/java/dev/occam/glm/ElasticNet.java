package dev.occam.glm;

import dev.occam.data.Dataset;
import dev.occam.data.DenseMatrix;
import dev.occam.data.Standardization;
import dev.occam.penalty.PenaltyFactors;

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

    /** Told after each λ of a path is solved (for progress bars). */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param done λ values solved so far
         * @param total λ values planned (a path may stop early)
         */
        void update(int done, int total);

        /** Tells nobody. */
        Progress NONE = (done, total) -> { };
    }

    /** Fits the whole path described by {@code settings} to {@code data}. */
    public static GlmPath path(Dataset data, GlmSettings settings) {
        return path(data, settings, Progress.NONE);
    }

    /** Fits the whole path, telling {@code progress} after each λ. */
    public static GlmPath path(Dataset data, GlmSettings settings, Progress progress) {
        return path(data, settings, settings.lambdas(), progress);
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
        double[] lambdas = lambdasEndingAt(lambdaMax, defaultMinRatio(settings, data.rows(), data.cols()),
                settings.nlambda(), lambda);
        GlmPath p = path(data, settings.withLambdas(lambdas));
        return p.model(p.size() - 1);
    }

    private static double defaultMinRatio(GlmSettings s, int n, int p) {
        if (!Double.isNaN(s.lambdaMinRatio())) return s.lambdaMinRatio();
        // glmnet: 1e-2 only when there are fewer rows than features
        return n < p ? 1e-2 : 1e-4;
    }

    /** The problem in the solvers' internal scale, as {@link #path} builds it (tests drive solvers with it). */
    static Problem problem(Dataset data, GlmSettings s) {
        double[] u = Standardization.normalizedWeights(data.weights(), data.rows());
        Standardization std = Standardization.of(data.x(), u, s.intercept(), s.standardize());
        return problem(data, s, u, std, Limits.of(s, std));
    }

    private static Problem problem(Dataset data, GlmSettings s, double[] u, Standardization std, Limits lim) {
        int p = data.cols();
        return new Problem(data.x(), data.rows(), p, u, std, PenaltyFactors.rescaled(s.penaltyFactors(), p), lim.lo, lim.hi,
                s.alpha(), s.intercept());
    }

    private static GlmPath path(Dataset data, GlmSettings s, double[] userLambdas, Progress progress) {
        int n = data.rows();
        int p = data.cols();
        Family family = s.family();
        double[] y = validateTarget(data, family);
        if (n == 0) throw new IllegalArgumentException("the data have no rows");
        // one row is fitted exactly by the intercept alone (infinitely, for the likelihood families): nothing to estimate
        if (n == 1) throw new IllegalArgumentException("the data have 1 row; a fit needs at least 2");
        double[] u = Standardization.normalizedWeights(data.weights(), n);
        checkTargetWeights(data, family, y, u);
        Standardization std = Standardization.of(data.x(), u, s.intercept(), s.standardize());
        List<String> featureWarnings = FeatureChecks.check(data.x(), std, data.featureNames());
        Limits lim = Limits.of(s, std);
        Problem pr = problem(data, s, u, std, lim);
        int classes = family == Family.MULTINOMIAL ? data.classes().size() : 1;
        PointSolver solver = switch (family) {
            case GAUSSIAN -> gaussianSolver(s, pr, y);
            case BINOMIAL, POISSON -> new Irls(pr, family, y);
            case MULTINOMIAL -> new Multinomial(pr, y, classes);
        };
        PathLoop.Result r = PathLoop.run(pr, solver, family, s, userLambdas, defaultMinRatio(s, n, p), progress);
        double totalWeight = data.weights() == null ? n : Arrays.stream(data.weights()).sum();
        List<String> classNames = family.hasClasses() ? data.classes() : null;
        List<String> warnings = new ArrayList<>(featureWarnings);
        warnings.addAll(r.warnings());
        if (r.lambdas().length > 0 && r.lambdas()[r.lambdas().length - 1] == 0) {
            String unique = RankCheck.atLambdaZero(data.x(), u, std, s.intercept(), data.featureNames());
            if (unique != null) warnings.add(unique);
        }
        return toPath(r, s, std, lim, data.featureNames(), classNames, n, totalWeight, warnings);
    }

    /**
     * A gaussian path from sufficient statistics instead of rows (covariance updates): the same
     * result as {@link #path(Dataset, GlmSettings)} on the rows the moments were taken from, without
     * touching them again. Cross-validation uses it to fit every fold from the full data's moments
     * minus the fold's held-out ones.
     *
     * @param m the moments of the rows (weights included)
     * @param featureNames names of the features
     * @param s settings; the family must be gaussian
     */
    public static GlmPath path(GaussianMoments m, List<String> featureNames, GlmSettings s) {
        if (s.family() != Family.GAUSSIAN) {
            throw new IllegalArgumentException("fitting from moments needs the gaussian family; got " + s.family().id());
        }
        int p = m.cols();
        if (featureNames.size() != p) {
            throw new IllegalArgumentException(featureNames.size() + " feature names for " + p + " features");
        }
        if (m.n() == 0 || !(m.weightSum() > 0)) throw new IllegalArgumentException("the data have no rows");
        double vs = m.weightSum();
        double[] means = new double[p];
        double[] variances = new double[p];
        double[] centres = new double[p];
        double[] scales = new double[p];
        boolean[] constant = new boolean[p];
        for (int j = 0; j < p; j++) {
            double d = m.sx()[j] / vs;
            double second = m.sxx()[j][j] / vs;
            means[j] = m.shift()[j] + d;
            variances[j] = Math.max(second - d * d, 0.0);
            // exactly 0 around the full data's mean for a constant column; rounding-level when a
            // column is constant only on these rows
            constant[j] = variances[j] <= 1e-12 * second;
            centres[j] = s.intercept() ? means[j] : 0.0;
            scales[j] = s.standardize() && !constant[j] ? Math.sqrt(variances[j]) : 1.0;
        }
        Standardization std = new Standardization(means, centres, scales, variances, constant);
        Limits lim = Limits.of(s, std);
        Problem pr = new Problem(null, m.n(), p, null, std, PenaltyFactors.rescaled(s.penaltyFactors(), p), lim.lo, lim.hi,
                s.alpha(), s.intercept());
        PathLoop.Result r = PathLoop.run(pr, new GaussianCovariance(pr, m), Family.GAUSSIAN, s, s.lambdas(),
                defaultMinRatio(s, m.n(), p), Progress.NONE);
        return toPath(r, s, std, lim, featureNames, null, m.n(), vs, r.warnings());
    }

    /**
     * The λ sequence {@link #fitAt} solves: the default log-spaced grid from λ_max (ratio
     * {@code minRatio} over {@code nlambda} values) down to, not including, λ, then λ itself, so warm
     * starts reach λ the same way wherever the path runs (occam-spark uses it too).
     */
    public static double[] lambdasEndingAt(double lambdaMax, double minRatio, int nlambda, double lambda) {
        List<Double> seq = new ArrayList<>();
        if (lambda < lambdaMax) {
            double factor = nlambda > 1 ? Math.pow(minRatio, 1.0 / (nlambda - 1)) : minRatio;
            double l = lambdaMax;
            while (l > lambda && seq.size() < nlambda) {
                seq.add(l);
                l *= factor;
            }
        }
        seq.add(lambda);
        return seq.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Coefficient limits on the original scale and moved to the standardized one. */
    private record Limits(double[] lo, double[] hi, double[] loOrig, double[] hiOrig) {
        static Limits of(GlmSettings s, Standardization std) {
            int p = std.scales().length;
            double[] lo = limits(s.lowerLimits(), p, Double.NEGATIVE_INFINITY, "lower");
            double[] hi = limits(s.upperLimits(), p, Double.POSITIVE_INFINITY, "upper");
            double[] loOrig = lo.clone();
            double[] hiOrig = hi.clone();
            for (int j = 0; j < p; j++) {
                lo[j] *= std.scales()[j];
                hi[j] *= std.scales()[j];
            }
            return new Limits(lo, hi, loOrig, hiOrig);
        }
    }

    /** Maps the path loop's standardized solutions back to the original scale; {@code warnings} go with it. */
    private static GlmPath toPath(PathLoop.Result r, GlmSettings s, Standardization std, Limits lim,
                                  List<String> featureNames, List<String> classNames, int n, double totalWeight,
                                  List<String> warnings) {
        int p = std.scales().length;
        int nl = r.lambdas().length;
        int classes = r.coefficients().length == 0 ? 1 : r.coefficients()[0].length;
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
                        // a coefficient held at a limit is reported as exactly that limit (b / scale
                        // may miss it by an ulp, and then reads as just inside it); clip: the limits
                        // were moved to the standardized scale and back
                        if (b[j] <= lim.lo()[j]) w[l][k][j] = lim.loOrig[j];
                        else if (b[j] >= lim.hi()[j]) w[l][k][j] = lim.hiOrig[j];
                        else w[l][k][j] = Math.min(Math.max(b[j] / std.scales()[j], lim.loOrig[j]), lim.hiOrig[j]);
                        shift += w[l][k][j] * std.centres()[j];
                    }
                }
                b0[l][k] = r.intercepts()[l][k] - shift;
            }
            if (classes > 1) {
                // a softmax is unchanged by one constant added to every class's intercept: report the
                // centred ones (as glmnet does), so the answer does not depend on how it was reached
                double mean = 0;
                for (int k = 0; k < classes; k++) mean += b0[l][k];
                mean /= classes;
                for (int k = 0; k < classes; k++) b0[l][k] -= mean;
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
        return new GlmPath(s, featureNames, classNames, n, r.lambdas(), b0, w, df, devRatio,
                r.nullDeviance() * totalWeight, r.passes(), r.converged(), warnings, r.kkt());
    }

    /**
     * Whether a gaussian fit of n rows and p features keeps its gradient by covariance updates
     * (from the Gram matrix) rather than naive ones (from the residual).
     */
    public static boolean useCovariance(GlmSettings s, int n, int p) {
        return switch (s.updates()) {
            case COVARIANCE -> true;
            case NAIVE, ACTIVE_COVARIANCE -> false;
            case AUTO -> p <= 2000 && n >= 2L * p;
        };
    }

    /** Full covariance updates, active-set covariance (dense X) or naive updates: see {@link GlmSettings.Updates}. */
    private static PointSolver gaussianSolver(GlmSettings s, Problem pr, double[] y) {
        if (useCovariance(s, pr.n, pr.p)) return new GaussianCovariance(pr, y);
        boolean dense = pr.x instanceof dev.occam.data.DenseMatrix;
        boolean active = s.updates() == GlmSettings.Updates.ACTIVE_COVARIANCE || s.updates() == GlmSettings.Updates.AUTO;
        return dense && active ? new GaussianActiveGram(pr, y) : new GaussianNaive(pr, y);
    }

    /** The target as the solver needs it; one clear message when it does not fit the family. */
    private static double[] validateTarget(Dataset data, Family family) {
        double[] y = data.y();
        if (y == null) throw new IllegalArgumentException("the data have no target");
        switch (family) {
            case GAUSSIAN -> {
                for (double v : y) {
                    if (!Double.isFinite(v)) throw new IllegalArgumentException("the target must be finite; found " + v);
                    // the deviance sums squares of y: beyond this they overflow and every ratio is NaN
                    if (Math.abs(v) > 1e150) {
                        throw new IllegalArgumentException("the target has the value " + v + ", too large for its squares in double "
                                + "precision; divide it by a power of ten and fit again");
                    }
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

    /**
     * Every class of a binomial or multinomial target needs rows of positive weight, and a poisson
     * target a positive count in one: otherwise the null model's intercept is −∞ (log 0) and every
     * gradient NaN.
     */
    private static void checkTargetWeights(Dataset data, Family family, double[] y, double[] u) {
        if (family.hasClasses()) {
            double[] share = new double[data.classes().size()];
            for (int i = 0; i < y.length; i++) {
                int k = (int) y[i];
                if (k >= 0 && k < share.length) share[k] += u[i];
            }
            for (int k = 0; k < share.length; k++) {
                if (!(share[k] > 0)) {
                    throw new IllegalArgumentException("class '" + data.classes().get(k) + "' of the target has no row"
                            + (data.weights() == null ? "" : " with positive weight") + "; every class needs some "
                            + "(drop the class, or fit without it)");
                }
            }
        } else if (family == Family.POISSON) {
            double s = 0;
            for (int i = 0; i < y.length; i++) s += u[i] * y[i];
            if (!(s > 0)) {
                throw new IllegalArgumentException("a poisson target needs a count above 0 in some row"
                        + (data.weights() == null ? "" : " of positive weight") + "; every count is 0");
            }
        }
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

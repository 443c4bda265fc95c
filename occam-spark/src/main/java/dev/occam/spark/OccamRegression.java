package dev.occam.spark;

import dev.occam.glm.ElasticNet;
import dev.occam.glm.Family;
import dev.occam.glm.GlmPath;
import dev.occam.glm.GlmSettings;
import dev.occam.glm.LinearModel;
import dev.occam.select.CvResult;
import dev.occam.select.CvSettings;
import dev.occam.select.LambdaChoice;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleArrayParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;

/**
 * Occam's elastic-net GLM as a Spark ML {@link Estimator}: works in a {@code Pipeline} and under
 * {@code CrossValidator}, saves and loads with Spark ML persistence.
 *
 * <p>Params named as MLlib's mean the same: {@code featuresCol}, {@code labelCol},
 * {@code weightCol}, {@code predictionCol}, {@code elasticNetParam} (α), {@code standardization},
 * {@code fitIntercept}, {@code regParam}. Occam's own: {@code family} (gaussian, binomial,
 * poisson), {@code lambda} (Occam's λ of the canonical objective
 * (1/Σv)Σvℓ + λΣf[α|w| + (1−α)/2 w²]), {@code foldCol} (fold ids 1..K: cross-validated λ, gaussian),
 * {@code lambdaChoice} (min or 1se), {@code nlambda}, {@code lambdaMinRatio},
 * {@code penaltyFactors}, {@code kktTolerance}; and for binomial and poisson how the path is
 * computed ({@link IrlsOptions}): {@code pointsPerPass} (λ advanced together by one pass of
 * distributed IRLS) and {@code maxGramFeatures} (above it, the Gram-free proximal-gradient fallback).
 *
 * <p>Which λ the model predicts at: {@code lambda} when set; else {@code regParam} when set,
 * mapped from MLlib's objective by {@link MllibPenalty} (for gaussian α &lt; 1 this also changes α,
 * because MLlib divides y by σ_y first); else, with a {@code foldCol}, the cross-validated
 * {@code lambdaChoice}; else the last λ of the path. In each case the exact solution there,
 * reached by warm starts down the path.
 */
public final class OccamRegression extends Estimator<OccamRegressionModel> implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final Param<String> featuresCol;
    private final Param<String> labelCol;
    private final Param<String> weightCol;
    private final Param<String> foldCol;
    private final Param<String> predictionCol;
    private final Param<String> family;
    private final DoubleParam elasticNetParam;
    private final DoubleParam lambda;
    private final DoubleParam regParam;
    private final Param<String> lambdaChoice;
    private final IntParam nlambda;
    private final DoubleParam lambdaMinRatio;
    private final BooleanParam standardization;
    private final BooleanParam fitIntercept;
    private final DoubleArrayParam penaltyFactors;
    private final DoubleParam kktTolerance;
    private final IntParam pointsPerPass;
    private final IntParam maxGramFeatures;

    public OccamRegression() {
        this(Identifiable$.MODULE$.randomUID("occamRegression"));
    }

    public OccamRegression(String uid) {
        this.uid = uid;
        featuresCol = new Param<>(this, "featuresCol", "features column name (an ML vector)");
        labelCol = new Param<>(this, "labelCol", "label column name (0/1 for binomial, counts for poisson)");
        weightCol = new Param<>(this, "weightCol", "sample weight column name; empty for weight 1");
        foldCol = new Param<>(this, "foldCol", "fold id column (1..K, glmnet's foldid); empty for none");
        predictionCol = new Param<>(this, "predictionCol", "prediction column name (the mean: y, P(y=1), or the count)");
        family = new Param<>(this, "family", "gaussian, binomial or poisson");
        elasticNetParam = new DoubleParam(this, "elasticNetParam", "alpha: the L1 share in [0, 1]");
        lambda = new DoubleParam(this, "lambda", "Occam's lambda (canonical objective); NaN for unset");
        regParam = new DoubleParam(this, "regParam", "MLlib's regParam, mapped to Occam's lambda (see MllibPenalty); NaN for unset");
        lambdaChoice = new Param<>(this, "lambdaChoice", "min or 1se: the cross-validated lambda used with a foldCol");
        nlambda = new IntParam(this, "nlambda", "number of lambda values of the path");
        lambdaMinRatio = new DoubleParam(this, "lambdaMinRatio", "smallest lambda over lambda_max; NaN for glmnet's default");
        standardization = new BooleanParam(this, "standardization", "penalize coefficients of features scaled to unit variance");
        fitIntercept = new BooleanParam(this, "fitIntercept", "fit an unpenalized intercept");
        penaltyFactors = new DoubleArrayParam(this, "penaltyFactors", "penalty factor per feature (0 = unpenalized); empty for all 1");
        kktTolerance = new DoubleParam(this, "kktTolerance", "bound on each lambda's KKT violation, relative to lambda");
        pointsPerPass = new IntParam(this, "pointsPerPass", "binomial/poisson: coefficient vectors one IRLS pass evaluates (λ advanced together), >= 1");
        maxGramFeatures = new IntParam(this, "maxGramFeatures", "binomial/poisson: the largest number of features solved by IRLS with a "
                + "(p+1)^2 matrix on the driver; above it, distributed proximal gradient");
        setDefault(featuresCol, "features");
        setDefault(labelCol, "label");
        setDefault(weightCol, "");
        setDefault(foldCol, "");
        setDefault(predictionCol, "prediction");
        setDefault(family, "gaussian");
        setDefault(elasticNetParam, (Object) 1.0);
        setDefault(lambda, (Object) Double.NaN);
        setDefault(regParam, (Object) Double.NaN);
        setDefault(lambdaChoice, "min");
        setDefault(nlambda, (Object) 100);
        setDefault(lambdaMinRatio, (Object) Double.NaN);
        setDefault(standardization, (Object) true);
        setDefault(fitIntercept, (Object) true);
        setDefault(penaltyFactors, new double[0]);
        setDefault(kktTolerance, (Object) GlmSettings.DEFAULT_KKT_TOLERANCE);
        setDefault(pointsPerPass, (Object) IrlsOptions.DEFAULT_POINTS_PER_PASS);
        setDefault(maxGramFeatures, (Object) IrlsOptions.DEFAULT_MAX_GRAM_FEATURES);
    }

    @Override public String uid() { return uid; }

    public Param<String> featuresCol() { return featuresCol; }
    public Param<String> labelCol() { return labelCol; }
    public Param<String> weightCol() { return weightCol; }
    public Param<String> foldCol() { return foldCol; }
    public Param<String> predictionCol() { return predictionCol; }
    public Param<String> family() { return family; }
    public DoubleParam elasticNetParam() { return elasticNetParam; }
    public DoubleParam lambda() { return lambda; }
    public DoubleParam regParam() { return regParam; }
    public Param<String> lambdaChoice() { return lambdaChoice; }
    public IntParam nlambda() { return nlambda; }
    public DoubleParam lambdaMinRatio() { return lambdaMinRatio; }
    public BooleanParam standardization() { return standardization; }
    public BooleanParam fitIntercept() { return fitIntercept; }
    public DoubleArrayParam penaltyFactors() { return penaltyFactors; }
    public DoubleParam kktTolerance() { return kktTolerance; }
    public IntParam pointsPerPass() { return pointsPerPass; }
    public IntParam maxGramFeatures() { return maxGramFeatures; }

    public OccamRegression setFeaturesCol(String v) { set(featuresCol, v); return this; }
    public OccamRegression setLabelCol(String v) { set(labelCol, v); return this; }
    public OccamRegression setWeightCol(String v) { set(weightCol, v); return this; }
    public OccamRegression setFoldCol(String v) { set(foldCol, v); return this; }
    public OccamRegression setPredictionCol(String v) { set(predictionCol, v); return this; }
    public OccamRegression setFamily(String v) { set(family, v); return this; }
    public OccamRegression setElasticNetParam(double v) { set(elasticNetParam, (Object) v); return this; }
    public OccamRegression setLambda(double v) { set(lambda, (Object) v); return this; }
    public OccamRegression setRegParam(double v) { set(regParam, (Object) v); return this; }
    public OccamRegression setLambdaChoice(String v) { set(lambdaChoice, v); return this; }
    public OccamRegression setNlambda(int v) { set(nlambda, (Object) v); return this; }
    public OccamRegression setLambdaMinRatio(double v) { set(lambdaMinRatio, (Object) v); return this; }
    public OccamRegression setStandardization(boolean v) { set(standardization, (Object) v); return this; }
    public OccamRegression setFitIntercept(boolean v) { set(fitIntercept, (Object) v); return this; }
    public OccamRegression setPenaltyFactors(double... v) { set(penaltyFactors, v); return this; }
    public OccamRegression setKktTolerance(double v) { set(kktTolerance, (Object) v); return this; }
    public OccamRegression setPointsPerPass(int v) { set(pointsPerPass, (Object) v); return this; }
    public OccamRegression setMaxGramFeatures(int v) { set(maxGramFeatures, (Object) v); return this; }

    private double num(DoubleParam p) {
        return (Double) getOrDefault(p);
    }

    private String str(Param<String> p) {
        return getOrDefault(p);
    }

    /** The occam-core settings these params describe. */
    public GlmSettings settings() {
        Family f;
        try {
            f = Family.valueOf(str(family).toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new OccamSparkException("family must be gaussian, binomial or poisson; got '" + str(family) + "'");
        }
        if (f == Family.MULTINOMIAL) throw new OccamSparkException("family multinomial is not supported on Spark yet");
        GlmSettings s = GlmSettings.of(f).withAlpha(num(elasticNetParam)).withNlambda((Integer) getOrDefault(nlambda))
                .withLambdaMinRatio(num(lambdaMinRatio)).withStandardize((Boolean) getOrDefault(standardization))
                .withIntercept((Boolean) getOrDefault(fitIntercept)).withKktTolerance(num(kktTolerance));
        double[] pf = getOrDefault(penaltyFactors);
        return pf.length == 0 ? s : s.withPenaltyFactors(pf);
    }

    /** How binomial and poisson paths are computed. */
    public IrlsOptions irlsOptions() {
        return new IrlsOptions((Integer) getOrDefault(pointsPerPass), (Integer) getOrDefault(maxGramFeatures),
                IrlsOptions.DEFAULT_MAX_PASSES_PER_LAMBDA);
    }

    /** The named columns (empty weight and fold names mean none). */
    public Columns columns() {
        return new Columns(str(featuresCol), str(labelCol), str(weightCol), str(foldCol));
    }

    @Override
    public OccamRegressionModel fit(Dataset<?> data) {
        transformSchema(data.schema());
        GlmSettings s;
        IrlsOptions irls;
        try {
            s = settings();
            irls = irlsOptions();
        } catch (IllegalArgumentException e) {
            throw new OccamSparkException(e.getMessage());
        }
        Columns cols = columns();
        double lam = num(lambda);
        double reg = num(regParam);
        boolean given = !Double.isNaN(lam) || !Double.isNaN(reg);
        GlmPath path;
        CvResult cv = null;
        LinearModel chosen;
        if (s.family() == Family.GAUSSIAN) {
            if (cols.fold() != null && !given) {
                cv = SparkGaussian.cv(data, cols, s, CvSettings.defaults());
                path = cv.path();
                LambdaChoice choice = LambdaChoice.parse(str(lambdaChoice));
                chosen = path.model(choice == LambdaChoice.MIN ? cv.indexMin() : cv.index1se());
            } else {
                SparkGaussian.Moments m = SparkGaussian.moments(data, cols.withFold(null));
                if (!Double.isNaN(lam)) {
                    path = SparkGaussian.pathTo(m, s, lam);
                } else if (!Double.isNaN(reg)) {
                    double[] la = MllibPenalty.toOccam(Family.GAUSSIAN, reg, s.alpha(), s.standardize(), m.moments().n(), m.sdY());
                    path = SparkGaussian.pathTo(m, s.withAlpha(la[1]), la[0]);
                } else {
                    path = ElasticNet.path(m.moments(), m.names(), s);
                }
                chosen = path.model(path.size() - 1);
            }
        } else {
            if (cols.fold() != null && !given) {
                throw new OccamSparkException("cross-validated lambda on Spark is gaussian-only for now; for " + s.family().id()
                        + " set lambda, or tune it with CrossValidator");
            }
            path = SparkIrls.fit(data, cols.withFold(null), s, new SparkIrls.End(lam, Double.isNaN(lam) ? reg : Double.NaN), irls).path();
            chosen = path.model(path.size() - 1);
        }
        OccamRegressionModel model = new OccamRegressionModel(uid, chosen, path, cv);
        copyValues(model, extractParamMap());
        return model.setParent(this);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        Columns cols = columns();
        cols.check(schema);
        return OccamRegressionModel.withPrediction(schema, str(predictionCol));
    }

    @Override
    public OccamRegression copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    /** Spark ML persistence: the params only (an estimator has no data). */
    public static MLReader<OccamRegression> read() {
        return new DefaultParamsReader<>();
    }

    public static OccamRegression load(String path) {
        return read().load(path);
    }
}

package dev.occam.spark;

import dev.occam.glm.Family;
import dev.occam.glm.GlmPath;
import dev.occam.glm.LinearModel;
import dev.occam.io.ModelFile;
import dev.occam.select.CvResult;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.List;
import java.util.Optional;

/**
 * A fitted {@link OccamRegression}: one occam-core {@link LinearModel} (what {@code MODEL.json}
 * holds) that predicts the mean — y for gaussian, P(y = 1) for binomial, the expected count for
 * poisson — into {@code predictionCol}. The path and cross-validation it was chosen from are kept
 * in memory ({@link #path()}, {@link #cv()}) but not saved. Saved with Spark ML persistence: the
 * params as Spark's metadata, the model as its MODEL.json text in {@code data/}.
 */
public final class OccamRegressionModel extends Model<OccamRegressionModel> implements MLWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final LinearModel model;
    private final transient GlmPath path;
    private final transient CvResult cv;
    private final Param<String> featuresCol;
    private final Param<String> predictionCol;

    OccamRegressionModel(String uid, LinearModel model, GlmPath path, CvResult cv) {
        this.uid = uid;
        this.model = model;
        this.path = path;
        this.cv = cv;
        featuresCol = new Param<>(this, "featuresCol", "features column name (an ML vector)");
        predictionCol = new Param<>(this, "predictionCol", "prediction column name (the mean: y, P(y=1), or the count)");
        setDefault(featuresCol, "features");
        setDefault(predictionCol, "prediction");
    }

    @Override public String uid() { return uid; }

    public Param<String> featuresCol() { return featuresCol; }
    public Param<String> predictionCol() { return predictionCol; }

    public OccamRegressionModel setFeaturesCol(String v) { set(featuresCol, v); return this; }
    public OccamRegressionModel setPredictionCol(String v) { set(predictionCol, v); return this; }

    /** The occam-core model (the same as {@code occam fit} writes to MODEL.json). */
    public LinearModel toOccamModel() {
        return model;
    }

    /** The MODEL.json text of {@link #toOccamModel()}. */
    public String modelJson() {
        return ModelFile.toJson(model);
    }

    public double lambdaValue() {
        return model.lambda();
    }

    public double intercept() {
        return model.intercepts()[0];
    }

    /** Coefficients on the original feature scale. */
    public double[] coefficients() {
        return model.coefficients()[0].clone();
    }

    /** The path the model was taken from (absent after loading). */
    public Optional<GlmPath> path() {
        return Optional.ofNullable(path);
    }

    /** The cross-validation that chose λ (present when fitted with a foldCol and no explicit λ). */
    public Optional<CvResult> cv() {
        return Optional.ofNullable(cv);
    }

    static StructType withPrediction(StructType schema, String name) {
        if (java.util.Arrays.asList(schema.fieldNames()).contains(name)) {
            throw new OccamSparkException("the prediction column '" + name + "' already exists");
        }
        return schema.add(name, DataTypes.DoubleType, false);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        Columns.of(getOrDefault(featuresCol), getOrDefault(featuresCol)).checkFeatures(schema);
        return withPrediction(schema, getOrDefault(predictionCol));
    }

    @Override
    public Dataset<Row> transform(Dataset<?> data) {
        transformSchema(data.schema());
        double[] w = model.coefficients()[0].clone();
        double b0 = model.intercepts()[0];
        Family family = model.family();
        String name = getOrDefault(featuresCol);
        UDF1<Vector, Double> predict = v -> {
            if (v == null) return null;
            if (v.size() != w.length) {
                throw new OccamSparkException("the features column '" + name + "' has a vector of size " + v.size()
                        + "; the model has " + w.length + " features");
            }
            double eta = b0;
            if (v instanceof DenseVector d) {
                double[] x = d.values();
                for (int j = 0; j < w.length; j++) eta += w[j] * x[j];
            } else {
                eta += v.dot(new DenseVector(w));
            }
            return switch (family) {
                case BINOMIAL -> eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
                case POISSON -> Math.exp(eta);
                default -> eta;
            };
        };
        UserDefinedFunction udf = functions.udf(predict, DataTypes.DoubleType);
        return data.withColumn(getOrDefault(predictionCol), udf.apply(data.col(name)));
    }

    @Override
    public OccamRegressionModel copy(ParamMap extra) {
        OccamRegressionModel c = new OccamRegressionModel(uid, model, path, cv);
        return copyValues(c, extra).setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new Writer(this);
    }

    public static MLReader<OccamRegressionModel> read() {
        return new Reader();
    }

    public static OccamRegressionModel load(String path) {
        return read().load(path);
    }

    /** Spark's metadata for the params, MODEL.json as one row of {@code data/} (Parquet). */
    private static final class Writer extends MLWriter {
        private final OccamRegressionModel instance;

        Writer(OccamRegressionModel instance) {
            this.instance = instance;
        }

        @Override
        public void saveImpl(String path) {
            DefaultParamsWriter.saveMetadata(instance, path, sparkSession());
            StructType schema = new StructType().add("model_json", DataTypes.StringType, false);
            sparkSession().createDataFrame(List.of(RowFactory.create(instance.modelJson())), schema)
                    .repartition(1).write().parquet(path + "/data");
        }
    }

    private static final class Reader extends MLReader<OccamRegressionModel> {
        @Override
        public OccamRegressionModel load(String path) {
            DefaultParamsReader.Metadata meta = DefaultParamsReader.loadMetadata(path, sparkSession(), OccamRegressionModel.class.getName());
            String json = sparkSession().read().parquet(path + "/data").head().getString(0);
            OccamRegressionModel m = new OccamRegressionModel(meta.uid(), ModelFile.fromJson(json, path + "/data"), null, null);
            meta.getAndSetParams(m, scala.Option.empty());
            return m;
        }
    }
}

package dev.occam.spark;

import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which columns of a Spark {@code Dataset} hold the features (an ML vector), the target, and the
 * optional sample weights and fold ids — MLlib's {@code featuresCol}, {@code labelCol},
 * {@code weightCol}, plus Occam's {@code foldCol} (glmnet's {@code foldid}, 1..K).
 *
 * @param features name of the vector column
 * @param label name of the numeric target column
 * @param weight name of the numeric weight column, or null for weight 1
 * @param fold name of the integer fold-id column, or null
 */
public record Columns(String features, String label, String weight, String fold) implements Serializable {

    public Columns {
        if (features == null || features.isEmpty()) throw new OccamSparkException("the features column must be named");
        if (label == null || label.isEmpty()) throw new OccamSparkException("the label column must be named");
        if (weight != null && weight.isEmpty()) weight = null;
        if (fold != null && fold.isEmpty()) fold = null;
    }

    /** MLlib's defaults: {@code features}, {@code label}, no weights, no folds. */
    public static Columns of(String features, String label) {
        return new Columns(features, label, null, null);
    }

    public Columns withWeight(String w) {
        return new Columns(features, label, w, fold);
    }

    public Columns withFold(String f) {
        return new Columns(features, label, weight, f);
    }

    /**
     * Checks the schema: every named column present with the right type.
     *
     * @throws OccamSparkException naming the first missing or mistyped column and the columns there are
     */
    public void check(StructType schema) {
        List<String> names = Arrays.asList(schema.fieldNames());
        require(schema, names, features, "features", true);
        require(schema, names, label, "label", false);
        if (weight != null) require(schema, names, weight, "weight", false);
        if (fold != null) require(schema, names, fold, "fold", false);
    }

    /** Checks the features column alone (what a fitted model reads). */
    void checkFeatures(StructType schema) {
        require(schema, Arrays.asList(schema.fieldNames()), features, "features", true);
    }

    private static void require(StructType schema, List<String> names, String name, String role, boolean vector) {
        if (!names.contains(name)) {
            throw new OccamSparkException("no " + role + " column '" + name + "'; the data have " + names);
        }
        DataType t = schema.apply(name).dataType();
        if (vector && !t.equals(SQLDataTypes.VectorType())) {
            throw new OccamSparkException("the " + role + " column '" + name + "' must be an ML vector (e.g. from VectorAssembler); found "
                    + t.simpleString());
        }
        if (!vector && !(t instanceof NumericType)) {
            throw new OccamSparkException("the " + role + " column '" + name + "' must be numeric; found " + t.simpleString());
        }
    }

    /** The data reduced to the named columns, in the order features, label, weight?, fold?. */
    Dataset<Row> select(Dataset<?> data) {
        check(data.schema());
        List<Column> cols = new ArrayList<>();
        cols.add(data.col(features));
        cols.add(data.col(label).cast("double"));
        if (weight != null) cols.add(data.col(weight).cast("double"));
        if (fold != null) cols.add(data.col(fold).cast("double"));
        return data.select(cols.toArray(new Column[0]));
    }

    /**
     * Feature names from the vector column's ML attributes (as VectorAssembler writes them), or
     * x1..xp when there are none.
     */
    List<String> featureNames(StructType schema, int p) {
        StructField f = schema.apply(features);
        List<String> out = new ArrayList<>();
        try {
            AttributeGroup g = AttributeGroup.fromStructField(f);
            if (g.size() == p && g.attributes().isDefined()) {
                Attribute[] attrs = g.attributes().get();
                for (Attribute a : attrs) {
                    if (a.name().isEmpty()) return dev.occam.data.Dataset.defaultNames(p);
                    out.add(a.name().get());
                }
                if (out.stream().distinct().count() == p) return out;
            }
        } catch (RuntimeException ignored) {
            // no usable attributes: default names
        }
        return dev.occam.data.Dataset.defaultNames(p);
    }
}

package dev.occam.data;

import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of a Parquet file that {@link ParquetReader} reads, found by name among the schema's
 * top-level fields (the footer's flattened {@code SchemaElement} list), with the checks of their
 * types. Messages follow {@link CsvColumns}: an unknown name lists the columns there are; a column
 * of a type that cannot hold numbers is one line, e.g.
 * {@code d.parquet: column "city": expected a numeric column (DOUBLE, FLOAT, INT32, INT64 or BOOLEAN), found a string column}.
 *
 * @param features the feature columns in read order
 * @param target the target column, or null
 * @param weights the sample-weight column, or null
 * @param leaves the number of leaf columns (column chunks per row group)
 */
record ParquetColumns(List<Column> features, Column target, Column weights, int leaves) {

    /** At most this many column names are listed in an "unknown column" message. */
    private static final int MAX_LISTED = 20;

    /** What the numeric types are, for messages. */
    static final String NUMERIC_TYPES = "DOUBLE, FLOAT, INT32, INT64 or BOOLEAN";

    /** How a column's stored values become doubles (or class labels). */
    enum Kind {
        DOUBLE, FLOAT, INT32, UINT32, INT64, UINT64, BOOLEAN,
        /** INT32 or INT64 holding a DECIMAL: unscaled value / 10^scale. */
        DECIMAL32, DECIMAL64,
        /** UTF-8 text: a class label only. */
        STRING,
        /** Anything else; {@link Column#what} says what, for the message. */
        OTHER
    }

    /**
     * One top-level column.
     *
     * @param name its name in the schema
     * @param position 1-based position among the top-level fields
     * @param leaf index of its column chunk in each row group (-1 for a nested group)
     * @param descriptor type and levels, for Parquet's value decoders (null for a nested group)
     * @param kind how its values are read
     * @param scale the decimal scale for DECIMAL32/DECIMAL64, else 0
     * @param what a description such as "a string column", for messages
     */
    record Column(String name, int position, int leaf, ColumnDescriptor descriptor, Kind kind, int scale, String what) { }

    /** Resolves the columns named by {@code o} in {@code schema}; the first problem is one line naming {@code file}. */
    static ParquetColumns resolve(String file, List<SchemaElement> schema, ReadOptions o) {
        if (schema.isEmpty()) throw new DataFormatException(file, "not a valid Parquet file: the schema is empty");
        List<Column> all = new ArrayList<>();
        Map<String, Column> byName = new HashMap<>();
        int fields = schema.get(0).getNum_children();
        int at = 1;
        int leaf = 0;
        for (int c = 0; c < fields; c++) {
            if (at >= schema.size()) throw new DataFormatException(file, "not a valid Parquet file: the schema ends early");
            SchemaElement e = schema.get(at);
            Column col;
            if (e.isSetNum_children() && e.getNum_children() > 0) {
                int end = subtreeEnd(file, schema, at);
                int inner = 0;
                for (int k = at; k < end; k++) {
                    if (!schema.get(k).isSetNum_children() || schema.get(k).getNum_children() == 0) inner++;
                }
                col = new Column(e.getName(), c + 1, -1, null, Kind.OTHER, 0, "a nested column (a group of fields)");
                leaf += inner;
                at = end;
            } else {
                col = describe(e, c + 1, leaf);
                leaf++;
                at++;
            }
            Column first = byName.putIfAbsent(col.name(), col);
            if (first != null) {
                throw new DataFormatException(file, "column " + (c + 1) + ": expected a unique column name, found a second "
                        + DataFormatException.quote(col.name()) + " (first in column " + first.position() + ")");
            }
            all.add(col);
        }
        Column target = o.target() == null ? null : find(file, all, byName, o.target(), "the target");
        Column weights = o.weights() == null ? null : find(file, all, byName, o.weights(), "the weights");
        List<Column> features = new ArrayList<>();
        if (o.features() == null) {
            for (Column col : all) {
                if (col != target && col != weights) features.add(col);
            }
        } else {
            for (String name : o.features()) features.add(find(file, all, byName, name, "a feature"));
        }
        for (Column f : features) requireNumeric(file, f);
        if (weights != null) requireNumeric(file, weights);
        if (target != null && !(o.targetKind() == TargetKind.CLASS && target.kind() == Kind.STRING)) {
            requireNumeric(file, target);
        }
        return new ParquetColumns(List.copyOf(features), target, weights, leaf);
    }

    /** Index just past the subtree of the group at {@code at}. */
    private static int subtreeEnd(String file, List<SchemaElement> schema, int at) {
        int pending = 1;
        int k = at;
        while (pending > 0) {
            if (k >= schema.size()) throw new DataFormatException(file, "not a valid Parquet file: the schema ends early");
            SchemaElement e = schema.get(k++);
            pending--;
            if (e.isSetNum_children()) pending += e.getNum_children();
        }
        return k;
    }

    /** Every column read, features first (their order in X), then the target and the weights. */
    List<Column> read() {
        List<Column> cols = new ArrayList<>(features);
        if (target != null) cols.add(target);
        if (weights != null) cols.add(weights);
        return cols;
    }

    List<String> featureNames() {
        List<String> names = new ArrayList<>(features.size());
        for (Column c : features) names.add(c.name());
        return names;
    }

    private static void requireNumeric(String file, Column c) {
        if (c.kind() == Kind.STRING || c.kind() == Kind.OTHER) {
            throw new DataFormatException(file, "column " + DataFormatException.quote(c.name())
                    + ": expected a numeric column (" + NUMERIC_TYPES + "), found " + c.what());
        }
    }

    private static Column find(String file, List<Column> all, Map<String, Column> byName, String name, String role) {
        Column c = byName.get(name);
        if (c == null) {
            StringBuilder available = new StringBuilder();
            for (int k = 0; k < Math.min(all.size(), MAX_LISTED); k++) {
                if (k > 0) available.append(", ");
                available.append(all.get(k).name());
            }
            if (all.size() > MAX_LISTED) available.append(", ... (").append(all.size()).append(" in all)");
            throw new DataFormatException(file, "no column named " + DataFormatException.quote(name)
                    + " (" + role + "); the columns are: " + available);
        }
        return c;
    }

    /** The kind of a top-level leaf, from its physical type and its logical (or legacy converted) type. */
    private static Column describe(SchemaElement e, int position, int leaf) {
        String name = e.getName();
        if (!e.isSetType()) {
            return new Column(name, position, leaf, null, Kind.OTHER, 0, "a column without a type");
        }
        PrimitiveTypeName physical = switch (e.getType()) {
            case BOOLEAN -> PrimitiveTypeName.BOOLEAN;
            case INT32 -> PrimitiveTypeName.INT32;
            case INT64 -> PrimitiveTypeName.INT64;
            case INT96 -> PrimitiveTypeName.INT96;
            case FLOAT -> PrimitiveTypeName.FLOAT;
            case DOUBLE -> PrimitiveTypeName.DOUBLE;
            case BYTE_ARRAY -> PrimitiveTypeName.BINARY;
            case FIXED_LEN_BYTE_ARRAY -> PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY;
        };
        FieldRepetitionType repetition = e.isSetRepetition_type() ? e.getRepetition_type() : FieldRepetitionType.OPTIONAL;
        if (repetition == FieldRepetitionType.REPEATED) {
            return new Column(name, position, leaf, null, Kind.OTHER, 0, "a repeated column (a list per row)");
        }
        boolean optional = repetition == FieldRepetitionType.OPTIONAL;
        PrimitiveType type = new PrimitiveType(optional ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED, physical,
                e.isSetType_length() ? e.getType_length() : 0, name);
        ColumnDescriptor d = new ColumnDescriptor(new String[] {name}, type, 0, optional ? 1 : 0);
        LogicalType logical = e.isSetLogicalType() ? e.getLogicalType() : null;
        ConvertedType converted = e.isSetConverted_type() ? e.getConverted_type() : null;
        String annotation = logical != null ? logical.getSetField().getFieldName().toLowerCase(Locale.ROOT)
                : converted != null ? converted.name().toLowerCase(Locale.ROOT).replaceFirst("_.*", "") : null;
        boolean decimal = "decimal".equals(annotation);
        boolean unsigned = logical != null && logical.isSetINTEGER() ? !logical.getINTEGER().isIsSigned()
                : converted != null && converted.name().startsWith("UINT_");
        boolean integer = annotation == null || "integer".equals(annotation) || "int".equals(annotation) || "uint".equals(annotation);
        Kind kind;
        switch (physical) {
            case DOUBLE -> kind = annotation == null ? Kind.DOUBLE : null;
            case FLOAT -> kind = annotation == null ? Kind.FLOAT : null;
            case BOOLEAN -> kind = annotation == null ? Kind.BOOLEAN : null;
            case INT32 -> kind = decimal ? Kind.DECIMAL32 : integer ? (unsigned ? Kind.UINT32 : Kind.INT32) : null;
            case INT64 -> kind = decimal ? Kind.DECIMAL64 : integer ? (unsigned ? Kind.UINT64 : Kind.INT64) : null;
            case BINARY -> kind = "string".equals(annotation) || "utf8".equals(annotation) || "enum".equals(annotation) ? Kind.STRING : null;
            default -> kind = null;
        }
        if (kind == Kind.STRING) return new Column(name, position, leaf, d, kind, 0, "a string column");
        if (kind == null) {
            String what = physical == PrimitiveTypeName.BINARY && annotation == null ? "a binary column"
                    : annotation != null ? "a " + annotation + " column" : "a " + physical + " column";
            return new Column(name, position, leaf, d, Kind.OTHER, 0, what);
        }
        int scale = decimal && e.isSetScale() ? e.getScale() : 0;
        if (decimal && logical != null && logical.isSetDECIMAL()) scale = logical.getDECIMAL().getScale();
        return new Column(name, position, leaf, d, kind, scale, "a " + physical + " column");
    }
}

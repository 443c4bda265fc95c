package dev.occam.data;

import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of a Parquet file that {@link ParquetReader} reads, found by name among the schema's
 * top-level fields, with the checks of their types. Messages follow {@link CsvColumns}: an unknown
 * name lists the columns there are; a column of a type that cannot hold numbers is one line, e.g.
 * {@code d.parquet: column "city": expected a numeric column (DOUBLE, FLOAT, INT32, INT64 or BOOLEAN), found a string column}.
 *
 * @param features the feature columns in read order
 * @param target the target column, or null
 * @param weights the sample-weight column, or null
 */
record ParquetColumns(List<Column> features, Column target, Column weights) {

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
     * @param descriptor the leaf's descriptor (null for a nested group)
     * @param kind how its values are read
     * @param scale the decimal scale for DECIMAL32/DECIMAL64, else 0
     * @param what a description such as "a string column", for messages
     */
    record Column(String name, int position, ColumnDescriptor descriptor, Kind kind, int scale, String what) {
        /** True when each row may hold a null (an optional column). */
        boolean nullable() {
            return descriptor.getMaxDefinitionLevel() > 0;
        }
    }

    /** Resolves the columns named by {@code o} in {@code schema}; the first problem is one line naming {@code file}. */
    static ParquetColumns resolve(String file, MessageType schema, ReadOptions o) {
        List<Column> all = new ArrayList<>();
        Map<String, Column> byName = new HashMap<>();
        List<Type> fields = schema.getFields();
        for (int c = 0; c < fields.size(); c++) {
            Column col = describe(schema, fields.get(c), c + 1);
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
        if (target != null) {
            if (o.targetKind() == TargetKind.CLASS && target.kind() == Kind.STRING) {
                requireLeaf(file, target);
            } else {
                requireNumeric(file, target);
            }
        }
        return new ParquetColumns(List.copyOf(features), target, weights);
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

    private static void requireLeaf(String file, Column c) {
        if (c.descriptor() == null) {
            throw new DataFormatException(file, "column " + DataFormatException.quote(c.name())
                    + ": expected a column of class labels, found " + c.what());
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

    /** The kind of top-level field {@code t}. */
    private static Column describe(MessageType schema, Type t, int position) {
        String name = t.getName();
        if (!t.isPrimitive()) {
            return new Column(name, position, null, Kind.OTHER, 0, "a nested column (a group of fields)");
        }
        ColumnDescriptor d = schema.getColumnDescription(new String[] {name});
        if (t.isRepetition(Type.Repetition.REPEATED)) {
            return new Column(name, position, d, Kind.OTHER, 0, "a repeated column (a list per row)");
        }
        PrimitiveType p = t.asPrimitiveType();
        LogicalTypeAnnotation logical = p.getLogicalTypeAnnotation();
        Kind kind;
        int scale = 0;
        switch (p.getPrimitiveTypeName()) {
            case DOUBLE -> kind = Kind.DOUBLE;
            case FLOAT -> kind = Kind.FLOAT;
            case BOOLEAN -> kind = Kind.BOOLEAN;
            case INT32, INT64 -> {
                boolean wide = p.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT64;
                if (logical == null) {
                    kind = wide ? Kind.INT64 : Kind.INT32;
                } else if (logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i) {
                    kind = i.isSigned() ? (wide ? Kind.INT64 : Kind.INT32) : (wide ? Kind.UINT64 : Kind.UINT32);
                } else if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation dec) {
                    kind = wide ? Kind.DECIMAL64 : Kind.DECIMAL32;
                    scale = dec.getScale();
                } else {
                    return new Column(name, position, d, Kind.OTHER, 0, "a " + typeName(logical) + " column");
                }
            }
            case BINARY -> {
                if (logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                        || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation) {
                    return new Column(name, position, d, Kind.STRING, 0, "a string column");
                }
                return new Column(name, position, d, Kind.OTHER, 0,
                        logical == null ? "a binary column" : "a " + typeName(logical) + " column");
            }
            default -> {
                return new Column(name, position, d, Kind.OTHER, 0, "a " + p.getPrimitiveTypeName()
                        + (logical == null ? "" : " (" + typeName(logical) + ")") + " column");
            }
        }
        return new Column(name, position, d, kind, scale, "a " + p.getPrimitiveTypeName() + " column");
    }

    /** "timestamp", "date", "decimal" … from the annotation's own text, e.g. TIMESTAMP(MILLIS,true). */
    private static String typeName(LogicalTypeAnnotation logical) {
        String s = logical.toString();
        int paren = s.indexOf('(');
        return (paren > 0 ? s.substring(0, paren) : s).toLowerCase(java.util.Locale.ROOT);
    }
}

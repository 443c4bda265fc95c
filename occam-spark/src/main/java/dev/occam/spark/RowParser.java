package dev.occam.spark;

import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;

import java.io.Serializable;

/**
 * Reads one row of {@link Columns#select} on an executor and checks it: a non-null feature vector
 * of finite values, a finite target (0/1 for binomial, ≥ 0 for poisson), a finite weight ≥ 0, an
 * integer fold id ≥ 1. Problems are one-line {@link OccamSparkException}s naming the column and
 * the row (partition and row within it, since a distributed row has no global number).
 */
final class RowParser implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What the target must be. */
    enum Target { REAL, BINARY, COUNT }

    private final Columns cols;
    private final Target target;
    private final int foldIndex;
    private final int weightIndex;

    RowParser(Columns cols, Target target) {
        this.cols = cols;
        this.target = target;
        this.weightIndex = cols.weight() == null ? -1 : 2;
        this.foldIndex = cols.fold() == null ? -1 : (cols.weight() == null ? 2 : 3);
    }

    boolean hasFolds() {
        return foldIndex >= 0;
    }

    /** The feature values (the vector's own array for dense vectors: do not modify). */
    double[] features(Row r, Where where) {
        Object o = r.get(0);
        if (o == null) throw new OccamSparkException("the features column '" + cols.features() + "' is null at " + where);
        Vector v = (Vector) o;
        double[] x = v instanceof DenseVector d ? d.values() : v.toArray();
        for (int j = 0; j < x.length; j++) {
            if (!Double.isFinite(x[j])) {
                throw new OccamSparkException("the features column '" + cols.features() + "' has " + x[j] + " in element " + (j + 1)
                        + " at " + where + "; expected a finite number");
            }
        }
        return x;
    }

    double label(Row r, Where where) {
        if (r.isNullAt(1)) throw new OccamSparkException("the label column '" + cols.label() + "' is null at " + where);
        double y = r.getDouble(1);
        switch (target) {
            case REAL -> {
                if (!Double.isFinite(y)) throw bad("label", cols.label(), y, where, "a finite number");
            }
            case BINARY -> {
                if (y != 0 && y != 1) throw bad("label", cols.label(), y, where, "0 or 1 (binomial)");
            }
            case COUNT -> {
                if (!(y >= 0) || Double.isInfinite(y)) throw bad("label", cols.label(), y, where, "a finite count >= 0 (poisson)");
            }
        }
        return y;
    }

    double weight(Row r, Where where) {
        if (weightIndex < 0) return 1.0;
        if (r.isNullAt(weightIndex)) throw new OccamSparkException("the weight column '" + cols.weight() + "' is null at " + where);
        double w = r.getDouble(weightIndex);
        if (!(w >= 0) || Double.isInfinite(w)) throw bad("weight", cols.weight(), w, where, "a finite weight >= 0");
        return w;
    }

    /** The 0-based fold (fold id − 1), or 0 without a fold column. */
    int fold(Row r, Where where) {
        if (foldIndex < 0) return 0;
        if (r.isNullAt(foldIndex)) throw new OccamSparkException("the fold column '" + cols.fold() + "' is null at " + where);
        double f = r.getDouble(foldIndex);
        if (!(f >= 1) || f != Math.rint(f) || f > 1000) throw bad("fold", cols.fold(), f, where, "an integer fold id 1..K");
        return (int) f - 1;
    }

    private static OccamSparkException bad(String role, String name, double value, Where where, String expected) {
        String v = value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
        return new OccamSparkException("the " + role + " column '" + name + "' has " + v + " at " + where + "; expected " + expected);
    }

    /**
     * Where a row is, formatted only when a message needs it ("partition P, row R", 1-based row
     * within the partition; a distributed row has no global number).
     */
    static final class Where {
        int partition;
        long row;

        Where(int partition) {
            this.partition = partition;
        }

        @Override
        public String toString() {
            return "partition " + partition + ", row " + row;
        }
    }
}

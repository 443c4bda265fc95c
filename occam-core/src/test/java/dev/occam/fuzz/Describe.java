package dev.occam.fuzz;

import dev.occam.data.Dataset;
import dev.occam.data.DenseMatrix;
import dev.occam.data.SparseMatrix;

import java.util.Arrays;

/** Text that describes a data set exactly (every number by its bits), to compare two reads. */
final class Describe {
    private Describe() { }

    static String dataset(Dataset d) {
        if (d == null) return null;
        StringBuilder s = new StringBuilder();
        s.append(d.rows()).append('x').append(d.cols()).append(' ').append(d.featureNames())
                .append(" target=").append(d.targetName()).append(" classes=").append(d.classes())
                .append(" y=").append(bits(d.y())).append(" w=").append(bits(d.weights()));
        if (d.x() instanceof DenseMatrix m) {
            s.append(" dense=").append(bits(m.values()));
        } else if (d.x() instanceof SparseMatrix m) {
            s.append(" colPtr=").append(Arrays.toString(m.colPtr()))
                    .append(" rows=").append(Arrays.toString(Arrays.copyOf(m.rowIndex(), m.colPtr()[m.cols()])))
                    .append(" values=").append(bits(Arrays.copyOf(m.values(), m.colPtr()[m.cols()])));
        }
        return s.toString();
    }

    /** The values with -0.0 and 0.0 told apart (Double.toString does). */
    private static String bits(double[] v) {
        return v == null ? "null" : Arrays.toString(v);
    }
}

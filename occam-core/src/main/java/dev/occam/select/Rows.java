package dev.occam.select;

import dev.occam.data.Dataset;
import dev.occam.data.DenseMatrix;
import dev.occam.data.DesignMatrix;
import dev.occam.data.SparseMatrix;

/**
 * The rows of a data set that a fold fits or holds out, copied into a data set of their own (as
 * glmnet's {@code x[!which, ]}): dense stays dense, sparse stays sparse.
 */
final class Rows {
    private Rows() { }

    /** Rows {@code rows} (increasing) of {@code d}, with the same names and classes. */
    static Dataset subset(Dataset d, int[] rows) {
        double[] y = d.y() == null ? null : pick(d.y(), rows);
        double[] w = d.weights() == null ? null : pick(d.weights(), rows);
        return new Dataset(subset(d.x(), rows), y, w, d.featureNames(), d.targetName(), d.classes());
    }

    static double[] pick(double[] v, int[] rows) {
        double[] out = new double[rows.length];
        for (int r = 0; r < rows.length; r++) out[r] = v[rows[r]];
        return out;
    }

    static DesignMatrix subset(DesignMatrix x, int[] rows) {
        if (x instanceof DenseMatrix dense) return dense(dense, rows);
        return sparse((SparseMatrix) x, rows);
    }

    private static DenseMatrix dense(DenseMatrix x, int[] rows) {
        int n = x.rows();
        int m = rows.length;
        int p = x.cols();
        double[] src = x.values();
        double[] dst = new double[m * p];
        for (int j = 0; j < p; j++) {
            int from = j * n;
            int to = j * m;
            for (int r = 0; r < m; r++) dst[to + r] = src[from + rows[r]];
        }
        return new DenseMatrix(m, p, dst);
    }

    private static SparseMatrix sparse(SparseMatrix x, int[] rows) {
        int n = x.rows();
        int p = x.cols();
        int[] newRow = new int[n];
        java.util.Arrays.fill(newRow, -1);
        for (int r = 0; r < rows.length; r++) newRow[rows[r]] = r;
        int[] ptr = x.colPtr();
        int[] idx = x.rowIndex();
        double[] val = x.values();
        int nnz = 0;
        for (int k = 0; k < ptr[p]; k++) if (newRow[idx[k]] >= 0) nnz++;
        int[] outPtr = new int[p + 1];
        int[] outIdx = new int[nnz];
        double[] outVal = new double[nnz];
        int c = 0;
        for (int j = 0; j < p; j++) {
            for (int k = ptr[j]; k < ptr[j + 1]; k++) {
                int r = newRow[idx[k]];
                if (r >= 0) {
                    outIdx[c] = r;
                    outVal[c++] = val[k];
                }
            }
            outPtr[j + 1] = c;
        }
        return new SparseMatrix(rows.length, p, outPtr, outIdx, outVal);
    }
}

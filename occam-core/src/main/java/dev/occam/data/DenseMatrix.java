package dev.occam.data;

import java.util.Objects;

/**
 * Dense X stored column-major in one {@code double[]}: column j occupies
 * {@code values[j*n .. j*n+n)}. The array is shared, not copied: callers must not modify it
 * after construction.
 */
public final class DenseMatrix implements DesignMatrix {
    private final int n;
    private final int p;
    private final double[] values;

    /**
     * @param n rows
     * @param p columns
     * @param values column-major values, length n·p (not copied)
     */
    public DenseMatrix(int n, int p, double[] values) {
        if (n < 0 || p < 0) {
            throw new IllegalArgumentException("matrix dimensions must be >= 0; got " + n + "x" + p);
        }
        Objects.requireNonNull(values, "values");
        if ((long) n * p != values.length) {
            throw new IllegalArgumentException("values must have n*p = " + ((long) n * p) + " entries; got " + values.length);
        }
        this.n = n;
        this.p = p;
        this.values = values;
    }

    /** Builds a dense matrix from row-major rows (copies). */
    public static DenseMatrix ofRows(double[][] rows) {
        int n = rows.length;
        int p = n == 0 ? 0 : rows[0].length;
        double[] v = new double[n * p];
        for (int i = 0; i < n; i++) {
            if (rows[i].length != p) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values; expected " + p);
            }
            for (int j = 0; j < p; j++) {
                v[j * n + i] = rows[i][j];
            }
        }
        return new DenseMatrix(n, p, v);
    }

    @Override public int rows() { return n; }
    @Override public int cols() { return p; }

    /** The backing column-major array (not a copy; do not modify). */
    public double[] values() { return values; }

    /** Offset of column j in {@link #values()}. */
    public int offset(int j) { return j * n; }

    @Override
    public double dotColumn(int j, double[] v) {
        return dev.occam.linalg.Blas1.dot(n, values, j * n, v, 0);
    }

    @Override
    public void axpyColumn(int j, double a, double[] v) {
        double[] x = values;
        int off = j * n;
        for (int i = 0; i < n; i++) {
            v[i] += a * x[off + i];
        }
    }

    @Override
    public void axpyColumnWeighted(int j, double a, double[] w, double[] v) {
        double[] x = values;
        int off = j * n;
        for (int i = 0; i < n; i++) {
            v[i] += a * w[i] * x[off + i];
        }
    }

    @Override
    public double weightedSumOfSquares(int j, double[] w) {
        double[] x = values;
        int off = j * n;
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            double xi = x[off + i];
            s += w[i] * xi * xi;
        }
        return s;
    }

    /**
     * y = Xβ + b0. With many non-zero coefficients one BLAS dgemv (OpenBLAS when present) beats a
     * column-by-column axpy; with few, skipping the zero columns does.
     */
    @Override
    public void multiply(double[] beta, double b0, double[] y) {
        int nz = 0;
        for (int j = 0; j < p; j++) if (beta[j] != 0.0) nz++;
        if (nz * 4L < p || n == 0) {
            DesignMatrix.super.multiply(beta, b0, y);
            return;
        }
        java.util.Arrays.fill(y, 0, n, b0);
        dev.occam.linalg.NativeBlas.blas().dgemv("N", n, p, 1.0, values, n, beta, 1, 1.0, y, 1);
    }

    @Override public double get(int i, int j) { return values[j * n + i]; }
    @Override public long storedEntries() { return (long) n * p; }
}

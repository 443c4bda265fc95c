package dev.occam.nn;

import dev.occam.data.Dataset;
import dev.occam.data.DesignMatrix;
import dev.occam.data.IdxReader;
import java.util.Objects;

/**
 * Rows for training or evaluating a network: features as row-major float32 (row r at
 * {@code r*cols}) and targets of width {@code targetWidth} per row (a class index as a float for
 * softmax cross-entropy).
 *
 * @param x rows × cols features, all finite
 * @param rows number of rows, &gt; 0
 * @param cols features per row, &gt; 0
 * @param y rows × targetWidth targets, all finite
 * @param targetWidth values per target row, &gt; 0
 */
public record TrainingData(float[] x, int rows, int cols, float[] y, int targetWidth) {
    public TrainingData {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (rows <= 0 || cols <= 0 || targetWidth <= 0) {
            throw new IllegalArgumentException("training data needs rows, columns and targets; got " + rows + " rows, "
                    + cols + " columns, target width " + targetWidth);
        }
        if (x.length != (long) rows * cols) {
            throw new IllegalArgumentException("x has " + x.length + " values; " + rows + " rows of " + cols + " need " + ((long) rows * cols));
        }
        if (y.length != (long) rows * targetWidth) {
            throw new IllegalArgumentException("y has " + y.length + " values; " + rows + " rows of width " + targetWidth + " need "
                    + ((long) rows * targetWidth));
        }
        for (int i = 0; i < x.length; i++) {
            if (!Float.isFinite(x[i])) {
                throw new IllegalArgumentException("feature " + (i % cols + 1) + " of row " + (i / cols + 1) + " is " + x[i] + "; expected a finite number");
            }
        }
        for (int i = 0; i < y.length; i++) {
            if (!Float.isFinite(y[i])) {
                throw new IllegalArgumentException("target of row " + (i / targetWidth + 1) + " is " + y[i] + "; expected a finite number");
            }
        }
    }

    /**
     * From a {@link Dataset}: X converted to row-major float32; y as one target per row (the value
     * for a numeric target, the class index for a class target).
     */
    public static TrainingData from(Dataset data) {
        if (data.y() == null) {
            throw new IllegalArgumentException("the data set has no target");
        }
        DesignMatrix m = data.x();
        int n = m.rows();
        int p = m.cols();
        float[] x = rowMajor(m);
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = (float) data.y()[i];
        }
        return new TrainingData(x, n, p, y, 1);
    }

    /** X as row-major float32 (row i at {@code i*p}). */
    static float[] rowMajor(DesignMatrix m) {
        int n = m.rows();
        int p = m.cols();
        float[] x = new float[Math.multiplyExact(n, p)];
        double[] col = new double[n];
        for (int j = 0; j < p; j++) {
            java.util.Arrays.fill(col, 0);
            m.axpyColumn(j, 1.0, col);
            for (int i = 0; i < n; i++) {
                x[i * p + j] = (float) col[i];
            }
        }
        return x;
    }

    /**
     * From IDX images and labels: the images' float array is used as is (not copied), one
     * class index per row.
     */
    public static TrainingData from(IdxReader.LabelledImages data) {
        float[] y = new float[data.rows()];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) data.y()[i];
        }
        return new TrainingData(data.images().values(), data.rows(), data.cols(), y, 1);
    }

    /** Copies rows {@code idx[from .. from+count)} into xb and yb (row-major). xb, yb modified. */
    void gather(int[] idx, int from, int count, float[] xb, float[] yb) {
        for (int r = 0; r < count; r++) {
            int row = idx[from + r];
            System.arraycopy(x, row * cols, xb, r * cols, cols);
            System.arraycopy(y, row * targetWidth, yb, r * targetWidth, targetWidth);
        }
    }
}

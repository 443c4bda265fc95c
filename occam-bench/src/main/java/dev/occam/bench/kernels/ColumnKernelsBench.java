package dev.occam.bench.kernels;

import dev.occam.data.DenseMatrix;
import dev.occam.data.SparseMatrix;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The per-coordinate work of coordinate descent, through the {@link dev.occam.data.DesignMatrix}
 * column operations the solver calls, next to a plain counted loop on the raw array (what the JIT
 * can do at best) so a gap between the two shows up. Column indices rotate over several columns so
 * the data do not sit in cache more than they would in a real sweep.
 *
 * <p>Data: dense X with n = 100 000 rows and 16 columns; sparse X with 100 000 rows, 64 columns
 * and 0.1 % non-zeros (100 per column); a Gram column is X_jᵀX over the 16 dense columns.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class ColumnKernelsBench {
    @Param({"100000"})
    int n;

    static final int DENSE_COLS = 16;
    static final int SPARSE_COLS = 64;
    static final double DENSITY = 0.001;

    DenseMatrix dense;
    SparseMatrix sparse;
    double[] residual;
    double[] gramColumn;
    int column;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        double[] values = new double[n * DENSE_COLS];
        for (int k = 0; k < values.length; k++) values[k] = random.nextDouble() - 0.5;
        dense = new DenseMatrix(n, DENSE_COLS, values);
        residual = new double[n];
        for (int i = 0; i < n; i++) residual[i] = random.nextDouble() - 0.5;
        gramColumn = new double[DENSE_COLS];

        int perColumn = (int) Math.round(DENSITY * n);
        int[] colPtr = new int[SPARSE_COLS + 1];
        int[] rows = new int[perColumn * SPARSE_COLS];
        double[] vals = new double[rows.length];
        for (int j = 0; j < SPARSE_COLS; j++) {
            // Evenly spaced rows with a random offset: distinct and increasing, as CSC requires.
            int step = n / perColumn;
            int offset = random.nextInt(step);
            for (int k = 0; k < perColumn; k++) {
                rows[j * perColumn + k] = offset + k * step;
                vals[j * perColumn + k] = 0.5 + random.nextDouble();
            }
            colPtr[j + 1] = (j + 1) * perColumn;
        }
        sparse = new SparseMatrix(n, SPARSE_COLS, colPtr, rows, vals);
    }

    private int nextDense() {
        column = (column + 1) % DENSE_COLS;
        return column;
    }

    @Benchmark
    public double denseDot() {
        return dense.dotColumn(nextDense(), residual);
    }

    /** The same dot product as a counted loop on the backing array: the JIT's best case. */
    @Benchmark
    public double denseDotRawLoop() {
        int j = nextDense();
        double[] x = dense.values();
        double[] r = residual;
        int off = j * n;
        double s = 0;
        for (int i = 0; i < n; i++) s += x[off + i] * r[i];
        return s;
    }

    @Benchmark
    public void denseAxpy(Blackhole bh) {
        // A tiny step so the residual stays bounded over millions of calls.
        dense.axpyColumn(nextDense(), 1e-12, residual);
        bh.consume(residual);
    }

    @Benchmark
    public double sparseDot() {
        column = (column + 1) % SPARSE_COLS;
        return sparse.dotColumn(column, residual);
    }

    @Benchmark
    public double[] gramColumn() {
        int j = nextDense();
        double[] x = dense.values();
        int off = j * n;
        // X_kᵀ X_j for every k: what the covariance update computes when feature j enters.
        for (int k = 0; k < DENSE_COLS; k++) {
            double s = 0;
            int offK = k * n;
            for (int i = 0; i < n; i++) s += x[offK + i] * x[off + i];
            gramColumn[k] = s;
        }
        return gramColumn;
    }
}

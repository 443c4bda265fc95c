package dev.occam.data;

/**
 * The feature matrix X (n rows, p columns) in one of two storage forms: dense column-major
 * ({@link DenseMatrix}) or sparse compressed-sparse-column ({@link SparseMatrix}).
 *
 * <p>Solvers read X one column at a time; the column operations below are the whole contract
 * they need. Centring and scaling are never applied to the stored values: solvers apply them
 * implicitly (see {@code dev.occam.glm}), so a sparse matrix stays sparse.
 */
public sealed interface DesignMatrix permits DenseMatrix, SparseMatrix {

    /** Number of rows (observations), n. */
    int rows();

    /** Number of columns (features), p. */
    int cols();

    /** Σ_i X[i,j]·v[i]. {@code v} not modified. */
    double dotColumn(int j, double[] v);

    /** v[i] += a·X[i,j] for every i. {@code v} modified. */
    void axpyColumn(int j, double a, double[] v);

    /** v[i] += a·w[i]·X[i,j] for every i. {@code v} modified, {@code w} not. */
    void axpyColumnWeighted(int j, double a, double[] w, double[] v);

    /** Σ_i w[i]·X[i,j]² . {@code w} not modified. */
    double weightedSumOfSquares(int j, double[] w);

    /** The value X[i,j] (slow for sparse storage; for tests and small outputs). */
    double get(int i, int j);

    /** Number of stored entries (n·p for dense). */
    long storedEntries();

    /** y[i] = Σ_j X[i,j]·beta[j] + b0 for every row. {@code y} modified, the rest not. */
    default void multiply(double[] beta, double b0, double[] y) {
        java.util.Arrays.fill(y, 0, rows(), b0);
        for (int j = 0; j < cols(); j++) {
            if (beta[j] != 0.0) {
                axpyColumn(j, beta[j], y);
            }
        }
    }
}

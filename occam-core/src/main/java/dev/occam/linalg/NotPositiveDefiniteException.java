package dev.occam.linalg;

/**
 * Thrown by {@link Cholesky#factor} when the matrix is not (numerically) positive definite: the
 * pivot of column {@link #column()} was not safely above zero.
 */
public final class NotPositiveDefiniteException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    private final int column;
    private final double pivot;

    /**
     * @param column the column (0-based) whose pivot failed
     * @param pivot the value of that pivot (≤ the threshold, possibly negative or NaN)
     * @param diagonal the original diagonal element of that column
     */
    public NotPositiveDefiniteException(int column, double pivot, double diagonal) {
        super("matrix is not positive definite: pivot " + pivot + " of column " + column
                + " (diagonal " + diagonal + ")");
        this.column = column;
        this.pivot = pivot;
    }

    /** The column (0-based) whose pivot failed. */
    public int column() {
        return column;
    }

    /** The failed pivot. */
    public double pivot() {
        return pivot;
    }
}

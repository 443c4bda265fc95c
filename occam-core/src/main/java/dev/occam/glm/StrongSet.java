package dev.occam.glm;

/**
 * The strong set of a path: the features that coordinate descent and the KKT check treat as the
 * ones that may be non-zero. It only grows along the path, as in glmnet. Members are kept in the
 * order they joined: the order in which the entering candidates of a Newton step are listed, and so
 * the order of their columns in its system.
 */
final class StrongSet {
    private final boolean[] member;
    private final int[] order;
    private int size;

    /** An empty strong set over p features. */
    StrongSet(int p) {
        member = new boolean[p];
        order = new int[p];
    }

    /** Adds feature j, which must not be a member yet. */
    void add(int j) {
        member[j] = true;
        order[size++] = j;
    }

    boolean contains(int j) {
        return member[j];
    }

    /** Members so far. */
    int size() {
        return size;
    }

    /**
     * The members in the order they joined, in {@code [0, size())} of the returned array; the array
     * is the set's own (read only, and grows in place as members join).
     */
    int[] order() {
        return order;
    }

    /** The members in increasing order, a copy: the order sweeps visit them in. */
    int[] sorted() {
        int[] c = java.util.Arrays.copyOf(order, size);
        java.util.Arrays.sort(c);
        return c;
    }

    /** Writes the features neither excluded nor members into {@code rest} in increasing order; returns how many. */
    int complement(Problem pr, int[] rest) {
        int nr = 0;
        for (int j = 0; j < pr.p; j++) if (!pr.excluded[j] && !member[j]) rest[nr++] = j;
        return nr;
    }

    /**
     * Adds the features that are non-zero in some response outside the set (taken in by Newton
     * steps), since sweeps and the KKT check treat members as the ones that may be non-zero.
     */
    void joinNonZero(Problem pr, PointSolver solver) {
        double[][] b = solver.coefficients();
        for (int j = 0; j < pr.p; j++) {
            if (member[j] || pr.excluded[j]) continue;
            for (double[] bk : b) {
                if (bk[j] != 0.0) {
                    add(j);
                    break;
                }
            }
        }
    }
}

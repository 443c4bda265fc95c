package dev.occam.spark;

import java.io.Serializable;
import java.util.Arrays;

/**
 * One {@link MomentSums} per fold (a single one without folds), so that one pass gives the
 * statistics of every fold's held-out rows and, by subtraction from their total, of every fold's
 * training rows: the whole cross-validated gaussian path from one pass.
 */
final class FoldedSums implements Serializable {
    private static final long serialVersionUID = 1L;

    private MomentSums[] folds = new MomentSums[0];

    void add(int fold, double[] x, double y, double w) {
        grow(fold + 1);
        folds[fold].add(x, y, w);
    }

    private void grow(int k) {
        if (folds.length >= k) return;
        int old = folds.length;
        folds = Arrays.copyOf(folds, k);
        for (int f = old; f < k; f++) folds[f] = new MomentSums();
    }

    FoldedSums merge(FoldedSums other) {
        grow(other.folds.length);
        for (int f = 0; f < other.folds.length; f++) folds[f].merge(other.folds[f]);
        return this;
    }

    /** Number of folds seen (the largest fold id). */
    int k() {
        return folds.length;
    }

    MomentSums fold(int f) {
        return folds[f];
    }

    /** The sums over all rows (a new object). */
    MomentSums total() {
        MomentSums t = new MomentSums();
        for (MomentSums f : folds) t.merge(f.copy());
        return t;
    }
}

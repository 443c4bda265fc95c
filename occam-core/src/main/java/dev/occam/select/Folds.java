package dev.occam.select;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * An assignment of n rows to K folds: row i is held out in fold {@code fold[i]} ∈ [0, K). Every
 * fold holds at least one row. The factories are the usual ways to make one:
 * <ul>
 *   <li>{@link #random}: a seeded random permutation of the balanced labels 1..K, 1..K, … (glmnet's
 *       {@code sample(rep(seq(nfolds), length = N))}): fold sizes differ by at most one;</li>
 *   <li>{@link #stratified}: as random, but each class is spread evenly over the folds, so class
 *       proportions in every fold match the whole data's to within one row per class;</li>
 *   <li>{@link #given}: the user's fold ids 1..K (glmnet's {@code foldid}).</li>
 * </ul>
 * Randomness comes from {@link SplittableRandom#nextLong()} only, turned into bounded integers by
 * this class, so the same seed gives the same folds on every JDK.
 *
 * @param k number of folds K ≥ 2
 * @param fold fold index of every row, 0-based (user-facing fold ids are 1-based: {@link #foldIds()})
 */
public record Folds(int k, int[] fold) {

    public Folds {
        if (k < 2) throw new IllegalArgumentException("the number of folds must be >= 2; got " + k);
        if (fold == null) throw new IllegalArgumentException("fold assignment must be given");
        fold = fold.clone();
        int[] size = new int[k];
        for (int i = 0; i < fold.length; i++) {
            if (fold[i] < 0 || fold[i] >= k) {
                throw new IllegalArgumentException("fold index of row " + (i + 1) + " must be in [0, " + k + "); got " + fold[i]);
            }
            size[fold[i]]++;
        }
        for (int f = 0; f < k; f++) {
            if (size[f] == 0) {
                throw new IllegalArgumentException("fold " + (f + 1) + " of " + k + " has no rows");
            }
        }
    }

    /**
     * Random folds: the labels 0, 1, …, K−1, 0, 1, … (n of them) in a seeded random order.
     *
     * @throws IllegalArgumentException when k &lt; 2 or k &gt; n
     */
    public static Folds random(int n, int k, long seed) {
        checkCount(n, k);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) labels[i] = i % k;
        shuffle(labels, new SplittableRandom(seed));
        return new Folds(k, labels);
    }

    /**
     * Stratified folds for a class target: the rows of each class (in a seeded random order, classes
     * in order of their index) are dealt to the folds in turn, continuing from class to class, and
     * the fold labels are then permuted at random. Fold sizes differ by at most one, and so do the
     * counts of any one class in any two folds.
     *
     * @param classes class index of every row (0, 1, …), as {@code Dataset.y()} holds it for class targets
     * @throws IllegalArgumentException when k &lt; 2, k &gt; n, or a value is not a class index
     */
    public static Folds stratified(double[] classes, int k, long seed) {
        int n = classes.length;
        checkCount(n, k);
        int classCount = 0;
        for (int i = 0; i < n; i++) {
            double c = classes[i];
            if (!(c >= 0) || c != Math.rint(c) || c > Integer.MAX_VALUE - 1) {
                throw new IllegalArgumentException("stratified folds need class indices 0, 1, ...; row " + (i + 1) + " has " + c);
            }
            classCount = Math.max(classCount, (int) c + 1);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[][] members = new int[classCount][];
        int[] count = new int[classCount];
        for (double c : classes) count[(int) c]++;
        for (int c = 0; c < classCount; c++) members[c] = new int[count[c]];
        Arrays.fill(count, 0);
        for (int i = 0; i < n; i++) {
            int c = (int) classes[i];
            members[c][count[c]++] = i;
        }
        int[] relabel = new int[k];
        for (int f = 0; f < k; f++) relabel[f] = f;
        int[] fold = new int[n];
        int next = 0;
        for (int c = 0; c < classCount; c++) {
            shuffle(members[c], random);
            for (int row : members[c]) {
                fold[row] = next;
                next = next + 1 == k ? 0 : next + 1;
            }
        }
        shuffle(relabel, random);
        for (int i = 0; i < n; i++) fold[i] = relabel[fold[i]];
        return new Folds(k, fold);
    }

    /**
     * The user's fold ids, 1..K as glmnet's {@code foldid}: K is the largest id, and every id from 1
     * to K must occur.
     *
     * @throws IllegalArgumentException naming the first bad row (1-based) when an id is not an
     *         integer ≥ 1, or when an id in 1..K has no rows
     */
    public static Folds given(double[] foldIds) {
        int[] ids = new int[foldIds.length];
        for (int i = 0; i < foldIds.length; i++) {
            double v = foldIds[i];
            if (!(v >= 1) || v != Math.rint(v) || v > 1_000_000) {
                throw new IllegalArgumentException("fold ids must be integers 1..K; row " + (i + 1) + " has " + format(v));
            }
            ids[i] = (int) v;
        }
        return given(ids);
    }

    /** The user's fold ids 1..K (see {@link #given(double[])}). */
    public static Folds given(int[] foldIds) {
        if (foldIds.length == 0) throw new IllegalArgumentException("fold ids must be given for at least one row");
        int k = 0;
        for (int i = 0; i < foldIds.length; i++) {
            if (foldIds[i] < 1) {
                throw new IllegalArgumentException("fold ids must be integers 1..K; row " + (i + 1) + " has " + foldIds[i]);
            }
            k = Math.max(k, foldIds[i]);
        }
        if (k < 2) throw new IllegalArgumentException("fold ids must name at least 2 folds; every row has fold id 1");
        boolean[] seen = new boolean[k];
        for (int id : foldIds) seen[id - 1] = true;
        for (int f = 0; f < k; f++) {
            if (!seen[f]) {
                throw new IllegalArgumentException("fold ids must use every value 1.." + k + " (K is the largest id); "
                        + (f + 1) + " does not occur");
            }
        }
        int[] fold = new int[foldIds.length];
        for (int i = 0; i < fold.length; i++) fold[i] = foldIds[i] - 1;
        return new Folds(k, fold);
    }

    /** Number of rows n. */
    public int n() {
        return fold.length;
    }

    @Override
    public int[] fold() {
        return fold.clone();
    }

    /** The fold of row i, 0-based. */
    public int foldOf(int i) {
        return fold[i];
    }

    /** Fold ids 1..K per row, as glmnet's {@code foldid}. */
    public int[] foldIds() {
        int[] ids = new int[fold.length];
        for (int i = 0; i < ids.length; i++) ids[i] = fold[i] + 1;
        return ids;
    }

    /** Number of rows held out in fold f (0-based). */
    public int size(int f) {
        int s = 0;
        for (int v : fold) if (v == f) s++;
        return s;
    }

    /** Rows held out in fold f (0-based), increasing. */
    public int[] testRows(int f) {
        int[] rows = new int[size(f)];
        int m = 0;
        for (int i = 0; i < fold.length; i++) if (fold[i] == f) rows[m++] = i;
        return rows;
    }

    /** Rows fitted when fold f (0-based) is held out, increasing. */
    public int[] trainRows(int f) {
        int[] rows = new int[fold.length - size(f)];
        int m = 0;
        for (int i = 0; i < fold.length; i++) if (fold[i] != f) rows[m++] = i;
        return rows;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Folds other && k == other.k && Arrays.equals(fold, other.fold);
    }

    @Override
    public int hashCode() {
        return 31 * k + Arrays.hashCode(fold);
    }

    @Override
    public String toString() {
        return "Folds[k=" + k + ", n=" + fold.length + "]";
    }

    private static void checkCount(int n, int k) {
        if (k < 2) throw new IllegalArgumentException("the number of folds must be >= 2; got " + k);
        if (k > n) throw new IllegalArgumentException("the number of folds (" + k + ") must not exceed the number of rows (" + n + ")");
    }

    /** Fisher–Yates shuffle of {@code a} in place. */
    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = below(random, i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /**
     * A uniform integer in [0, bound) from {@code nextLong()} by rejection, so that the result does
     * not depend on how a JDK implements {@code nextInt(bound)}.
     */
    static int below(SplittableRandom random, int bound) {
        long range = 1L << 31;
        long limit = range - range % bound;
        while (true) {
            long u = random.nextLong() >>> 33;
            if (u < limit) return (int) (u % bound);
        }
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}

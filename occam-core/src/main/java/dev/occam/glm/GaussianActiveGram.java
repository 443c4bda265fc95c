package dev.occam.glm;

import dev.occam.data.DenseMatrix;
import dev.occam.linalg.Blas1;

/**
 * Gaussian point solver for dense X with many features (p large, or n not much larger than p):
 * covariance updates restricted to the features that have ever moved, naive updates for the rest.
 *
 * <p>glmnet offers two bookkeepings. Covariance updates keep every gradient current through Gram
 * columns computed against <em>all</em> p features, which for p ≫ n costs a pass over X per new
 * feature; naive updates keep the residual and pay 2n per coordinate visit. This solver keeps the
 * Gram matrix of the ever-active set E only (|E| is at most a few times the number of non-zero
 * coefficients), with the gradients of E. The sweeps over the non-zero coefficients — nearly all of
 * a path's work — then cost |E| per coordinate that moves and nothing for one that does not, and
 * never touch the n rows: the moves are collected and applied to the residual once, before the
 * next sweep over the strong set. That sweep keeps the residual current (naive updates), since
 * strong features outside E are read from it, and a feature that moves for the first time joins
 * E: its Gram column against E costs |E| dot products of length n, once.
 *
 * <p>Same objective, same sweep schedule and convergence test as {@link ActiveSetSweeps}:
 * the solution agrees with {@link GaussianNaive} up to the tolerance.
 *
 * <p>The Gram entries are Σ_i u_i x̃_ik x̃_ij of the implicitly centred and scaled columns,
 * formed from one centred column against raw ones (no n·c² cancellation). E is capped at
 * {@link #MAX_GRAM} features (a Gram of 128 MiB); past it the solver continues with naive updates
 * only.
 */
final class GaussianActiveGram extends GaussianNaive {
    static final int MAX_GRAM = 4096;

    private final int maxGram;

    private final double[] xd;
    private final int n;

    /** Position of each feature in E, −1 outside. */
    private final int[] pos;
    private int[] members = new int[16];
    private int ne;
    /**
     * gram[e][t] = Σ u x̃_{members[t]} x̃_{members[e]}, t &lt; ne (columns share one capacity), in
     * single precision: the sweeps stream these columns from cache, and half the bytes is nearly
     * half the time. The rounding only perturbs the inner sweeps — every sweep over the strong set
     * starts from gradients recomputed exactly from the residual, and convergence is only declared by
     * such a sweep, so the solution is as exact as with a double-precision Gram.
     */
    private float[][] gram = new float[16][];
    /** Gradient Σ u x̃_j r of each member, kept current. */
    private double[] gE = new double[16];
    /** Coefficient changes of members not yet applied to the residual. */
    private double[] pending = new double[16];
    private boolean anyPending;
    /** Set once E is full: from then on plain naive sweeps. */
    private boolean naiveOnly;
    /** Scratch column u∘x̃_j. */
    private final double[] v;

    GaussianActiveGram(Problem pr, double[] y) {
        this(pr, y, MAX_GRAM);
    }

    /** @param maxGram most features kept in the Gram matrix (tests lower it to reach the fallback) */
    GaussianActiveGram(Problem pr, double[] y, int maxGram) {
        super(pr, y);
        if (maxGram < 1) throw new IllegalArgumentException("maxGram must be >= 1; got " + maxGram);
        this.maxGram = maxGram;
        if (!(pr.x instanceof DenseMatrix dm)) {
            throw new IllegalArgumentException("active-set Gram updates need a dense matrix");
        }
        this.xd = dm.values();
        this.n = pr.n;
        this.pos = new int[pr.p];
        java.util.Arrays.fill(pos, -1);
        this.v = new double[n];
    }

    @Override
    public long solve(double lambda, int[] strong, double thr, long budget) {
        if (naiveOnly) return naiveRest(lambda, strong, thr, budget, 0);
        long passes = 0;
        int[] active = new int[strong.length];
        while (true) {
            flush();
            // exact gradients of the members from the residual (the sweeps since updated them
            // through the single-precision Gram)
            for (int e = 0; e < ne; e++) gE[e] = wls.gradient(members[e]);
            double dlx = 0;
            int na = 0;
            for (int j : strong) {
                dlx = Math.max(dlx, strongStep(j, lambda));
                // E just filled up: finish this λ with naive sweeps (the residual is current)
                if (naiveOnly) return naiveRest(lambda, strong, thr, budget, passes);
                if (b[j] != 0.0) {
                    // a coefficient set non-zero from outside (setSolution: Newton steps, a warm
                    // start) rather than by these sweeps joins E here
                    if (pos[j] < 0) {
                        if (ne == maxGram) {
                            naiveOnly = true;
                            return naiveRest(lambda, strong, thr, budget, passes);
                        }
                        enter(j, wls.gradient(j));
                    }
                    active[na++] = j;
                }
            }
            passes++;
            if (dlx < thr) break;
            if (passes >= budget) {
                flush();
                return -passes - 1;
            }
            while (true) {
                dlx = 0;
                for (int k = 0; k < na; k++) dlx = Math.max(dlx, activeStep(active[k], lambda));
                passes++;
                if (dlx < thr) break;
                if (passes >= budget) {
                    flush();
                    return -passes - 1;
                }
            }
        }
        flush();
        return passes;
    }

    /** The rest of a solve by naive sweeps, once E is full; counts the passes already taken. */
    private long naiveRest(double lambda, int[] strong, double thr, long budget, long passes) {
        long r = wls.solve(b, b0, lambda, strong, thr, budget - passes);
        return r < 0 ? r - passes : r + passes;
    }

    /** A visit in a sweep over the strong set: the residual stays current. */
    private double strongStep(int j, double lambda) {
        int e = pos[j];
        double g = e >= 0 ? gE[e] : wls.gradient(j);
        double bj = b[j];
        if (bj == 0.0 && !pr.canLeaveZero(j, g, lambda)) return 0.0;
        double xvj = wls.curvature(j);
        if (xvj == 0.0) return 0.0;
        double nb = pr.update(j, bj, g, xvj, lambda);
        double d = nb - bj;
        if (d == 0.0) return 0.0;
        if (e < 0) {
            if (ne == maxGram) {
                naiveOnly = true;
                return 0.0;
            }
            e = enter(j, g);
        }
        b[j] = nb;
        Blas1.axpy(ne, -d, gram[e], gE);
        wls.move(j, d);
        return xvj * d * d;
    }

    /** A visit in a sweep over the non-zero coefficients (all in E): O(|E|), rows untouched. */
    private double activeStep(int j, double lambda) {
        int e = pos[j];
        double bj = b[j];
        double xvj = wls.curvature(j);
        double nb = pr.update(j, bj, gE[e], xvj, lambda);
        double d = nb - bj;
        if (d == 0.0) return 0.0;
        b[j] = nb;
        Blas1.axpy(ne, -d, gram[e], gE);
        pending[e] += d;
        anyPending = true;
        return xvj * d * d;
    }

    /** Applies the collected moves of the members to the residual. */
    private void flush() {
        if (!anyPending) return;
        for (int e = 0; e < ne; e++) {
            if (pending[e] != 0.0) {
                wls.move(members[e], pending[e]);
                pending[e] = 0.0;
            }
        }
        anyPending = false;
    }

    /** Adds feature j, whose gradient is g, to E; returns its position. */
    private int enter(int j, double g) {
        if (ne == members.length) grow();
        int e = ne++;
        members[e] = j;
        pos[j] = e;
        gE[e] = g;
        pending[e] = 0.0;
        // v = u∘x̃_j; Σ u x̃_k x̃_j = (x_kᵀv − c_k Σv)/s_k needs only raw x_k
        double c = pr.centres[j];
        double s = pr.scales[j];
        int off = j * n;
        double sv = 0;
        for (int i = 0; i < n; i++) {
            v[i] = pr.u[i] * (xd[off + i] - c) / s;
            sv += v[i];
        }
        float[] col = new float[members.length];
        for (int t = 0; t < ne; t++) {
            int k = members[t];
            double val = (Blas1.dot(n, xd, k * n, v, 0) - pr.centres[k] * sv) / pr.scales[k];
            col[t] = (float) val;
            if (t < e) gram[t][e] = (float) val;
        }
        gram[e] = col;
        return e;
    }

    private void grow() {
        int cap = Math.min(2 * members.length, Math.max(maxGram, 16));
        members = java.util.Arrays.copyOf(members, cap);
        gE = java.util.Arrays.copyOf(gE, cap);
        pending = java.util.Arrays.copyOf(pending, cap);
        gram = java.util.Arrays.copyOf(gram, cap);
        for (int e = 0; e < ne; e++) gram[e] = java.util.Arrays.copyOf(gram[e], cap);
    }
}

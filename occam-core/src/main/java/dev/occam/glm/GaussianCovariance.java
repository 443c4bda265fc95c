package dev.occam.glm;

import dev.occam.linalg.Blas1;

/**
 * Gaussian point solver with covariance updates (glmnet's "covariance" type): the gradient
 * g_j = Σ_i u_i x̃_ij r_i of every feature is kept current through the Gram columns of the
 * features that have entered the strong set, so a coordinate update costs p and never touches
 * the n rows. The right choice when n ≫ p.
 *
 * <p>With an intercept the standardized features are centred, so the intercept is the weighted
 * mean of y throughout; without one it is 0.
 */
final class GaussianCovariance implements PointSolver {
    private final Problem pr;
    private final double[] b;
    private final double[] b0 = new double[1];
    /** Current negative gradient, every feature. */
    private final double[] g;
    /** Gradient at b = 0. */
    private final double[] g0;
    private final double[] xv;
    /** Gram columns G[:, k] for features in the strong set, else null. */
    private final double[][] gram;
    /** Σ u (y − b0)², the null deviance (set by each constructor). */
    private double yy;

    private GaussianCovariance(Problem pr) {
        this.pr = pr;
        int p = pr.p;
        this.b = new double[p];
        this.g = new double[p];
        this.g0 = new double[p];
        this.xv = new double[p];
        this.gram = new double[p][];
    }

    GaussianCovariance(Problem pr, double[] y) {
        this(pr);
        int n = pr.n;
        int p = pr.p;
        double ybar = 0;
        for (int i = 0; i < n; i++) ybar += pr.u[i] * y[i];
        b0[0] = pr.intercept ? ybar : 0.0;
        double[] ur = new double[n];
        double sumUr = 0;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double ri = y[i] - b0[0];
            ur[i] = pr.u[i] * ri;
            sumUr += ur[i];
            ss += pr.u[i] * ri * ri;
        }
        this.yy = ss;
        // Xᵀ(u∘r), one column pass per feature, on all cores when X is large
        final double sum = sumUr;
        int[] all = java.util.stream.IntStream.range(0, p).filter(j -> !pr.excluded[j]).toArray();
        ParallelColumns.forEach(all, all.length, pr.entriesPerColumn(), j -> g0[j] = pr.gradient(j, ur, sum));
        for (int j = 0; j < p; j++) {
            if (pr.excluded[j]) continue;
            g[j] = g0[j];
            // Σu x̃² = (variance + (mean − centre)²)/scale², from the standardization's own passes
            double off = pr.means[j] - pr.centres[j];
            double s = pr.scales[j];
            xv[j] = (pr.variances[j] + off * off) / (s * s);
        }
    }

    /**
     * The same solver from sufficient statistics instead of rows: the Gram matrix, the gradient at
     * 0 and the null deviance all follow from the moments, moved from their shift c to the
     * problem's centres (e = c − centre) and scaled.
     */
    GaussianCovariance(Problem pr, GaussianMoments m) {
        this(pr);
        int p = pr.p;
        double vs = m.weightSum();
        double ybar = m.sy() / vs;
        b0[0] = pr.intercept ? ybar : 0.0;
        double b = b0[0];
        this.yy = Math.max(m.syy() / vs - 2 * b * ybar + b * b, 0.0);
        double[] e = new double[p];
        double[] mx = new double[p];
        for (int j = 0; j < p; j++) {
            e[j] = m.shift()[j] - pr.centres[j];
            mx[j] = m.sx()[j] / vs;
        }
        for (int k = 0; k < p; k++) {
            double[] col = new double[p];
            double[] sxxk = m.sxx()[k];
            for (int j = 0; j < p; j++) {
                // Σu (x_j − centre_j)(x_k − centre_k) from the moments around c
                double d = sxxk[j] / vs + e[j] * mx[k] + e[k] * mx[j] + e[j] * e[k];
                col[j] = d / (pr.scales[j] * pr.scales[k]);
            }
            gram[k] = col;
            if (pr.excluded[k]) continue;
            xv[k] = Math.max(col[k], 0.0);
            g0[k] = (m.sxy()[k] / vs + e[k] * ybar - b * (mx[k] + e[k])) / pr.scales[k];
            g[k] = g0[k];
        }
    }

    @Override public int responses() { return 1; }

    /**
     * Makes the Gram columns of the strong set available. Each batch streams all of X once, so
     * small batches are memory-bound: up to {@link #FULL_GRAM_MAX_P} features the whole Gram is
     * computed at the first need (half the flops, by symmetry); beyond, a batch is topped up to
     * {@link #MIN_BATCH} columns with the features whose gradients are largest (the next to enter).
     */
    private void ensureGram(int[] strong) {
        int[] missing = new int[pr.p];
        int m = 0;
        for (int j : strong) {
            if (gram[j] == null) missing[m++] = j;
        }
        if (m == 0) return;
        if (pr.p <= FULL_GRAM_MAX_P) {
            GramColumns.full(pr, gram);
            return;
        }
        if (m < MIN_BATCH) {
            Integer[] order = new Integer[pr.p];
            int c = 0;
            for (int j = 0; j < pr.p; j++) {
                if (gram[j] == null && !pr.excluded[j]) order[c++] = j;
            }
            java.util.Arrays.sort(order, 0, c, (a, bb) -> Double.compare(Math.abs(g[bb]), Math.abs(g[a])));
            boolean[] taken = new boolean[pr.p];
            for (int t = 0; t < m; t++) taken[missing[t]] = true;
            for (int t = 0; t < c && m < MIN_BATCH; t++) {
                if (!taken[order[t]]) missing[m++] = order[t];
            }
        }
        GramColumns.compute(pr, missing, m, gram);
    }

    private static final int FULL_GRAM_MAX_P = 1000;
    private static final int MIN_BATCH = 128;

    @Override
    public long solve(double lambda, int[] strong, double thr, long budget) {
        ensureGram(strong);
        // centred features keep the intercept at the weighted mean of y: no intercept step
        return ActiveSetSweeps.run(new ActiveSetSweeps.Coordinates() {
            @Override public double step(int j, double l) { return GaussianCovariance.this.step(j, l); }
            @Override public double interceptStep() { return 0.0; }
            @Override public boolean nonZero(int j) { return b[j] != 0.0; }
        }, lambda, strong, thr, budget);
    }

    private double step(int j, double lambda) {
        double xvj = xv[j];
        if (xvj == 0.0) return 0.0;
        double bj = b[j];
        double nb = pr.update(j, bj, g[j], xvj, lambda);
        double d = nb - bj;
        if (d == 0.0) return 0.0;
        b[j] = nb;
        double[] col = gram[j];
        Blas1.axpy(g.length, -d, col, 0, g, 0);
        return xvj * d * d;
    }

    @Override
    public void refreshGradients(int[] which, int count) {
        // g is kept current for every feature
    }

    @Override public double gradientScore(int j) { return Math.abs(g[j]); }
    @Override public double gradient(int k, int j) { return g[j]; }
    /** The features are centred with the intercept's weights, so the intercept stays at its optimum. */
    @Override public double interceptGradient(int k) { return 0.0; }

    @Override
    public void setSolution(double[] newB0, double[][] newB) {
        int p = pr.p;
        int[] nz = java.util.stream.IntStream.range(0, p).filter(j -> newB[0][j] != 0.0).toArray();
        ensureGram(nz);
        System.arraycopy(g0, 0, g, 0, p);
        for (int j = 0; j < p; j++) {
            b[j] = newB[0][j];
            if (b[j] != 0.0) Blas1.axpy(p, -b[j], gram[j], 0, g, 0);
        }
    }

    @Override
    public boolean hessian(int[][] featuresOf, int[] counts, boolean intercept, double[] out) {
        int[] features = featuresOf[0];
        int m = counts[0];
        ensureGram(java.util.Arrays.copyOf(features, m));
        int o = intercept ? 1 : 0;
        int d = m + o;
        java.util.Arrays.fill(out, 0, d * d, 0.0);
        // Σu = 1, and Σ u x̃_j = 0 for the centred features
        if (intercept) out[0] = 1.0;
        for (int s = 0; s < m; s++) {
            double[] col = gram[features[s]];
            for (int t = 0; t < m; t++) out[(o + s) * d + o + t] = col[features[t]];
        }
        return true;
    }

    @Override
    public boolean gramColumns(int[] features, int m, boolean intercept, int first, double[] out) {
        ensureGram(java.util.Arrays.copyOf(features, m));
        int o = intercept ? 1 : 0;
        int d = m + o;
        for (int c = first; c < d; c++) {
            int at = (c - first) * d;
            if (c < o) {
                // the intercept's column: Σu = 1, and Σ u x̃_j = 0 for the centred features
                out[at] = 1.0;
                java.util.Arrays.fill(out, at + 1, at + d, 0.0);
                continue;
            }
            double[] col = gram[features[c - o]];
            if (o == 1) out[at] = 0.0;
            for (int t = 0; t < m; t++) out[at + o + t] = col[features[t]];
        }
        return true;
    }

    @Override public double sweepCost(int strongCount) { return (double) strongCount * pr.p; }
    @Override public double hessianCost(int d) { return (double) d * d; }

    @Override
    public double lossAt(double[] trialB0, double[][] trialB) {
        // ½ Σu r² = ½ (yy − 2bᵀg0 + bᵀGb)
        double[] bt = trialB[0];
        double s = yy;
        for (int j = 0; j < bt.length; j++) {
            if (bt[j] == 0.0) continue;
            s -= 2 * bt[j] * g0[j];
            double[] col = gram[j];
            if (col == null) return Double.NaN;
            for (int k = 0; k < bt.length; k++) if (bt[k] != 0.0) s += bt[j] * col[k] * bt[k];
        }
        return Math.max(s, 0.0) / 2;
    }
    @Override public boolean violates(int j, double lambda) { return pr.violates(j, g[j], lambda); }

    @Override
    public double deviance() {
        // Σu r² = yy − 2bᵀg0 + bᵀGb and Gb = g0 − g
        double s = yy;
        for (int j = 0; j < b.length; j++) {
            if (b[j] != 0.0) s -= b[j] * (g0[j] + g[j]);
        }
        return Math.max(s, 0.0);
    }

    @Override public double nullDeviance() { return yy; }
    @Override public double[][] coefficients() { return new double[][] {b}; }
    @Override public double[] intercepts() { return b0; }
}

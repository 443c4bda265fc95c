package dev.occam.glm;

import java.util.Arrays;

/**
 * Point solver for multinomial fits, glmnet's "ungrouped" scheme: each class k in turn gets a
 * Newton step on its own coefficients — weights u·p_k(1−p_k), weighted residual u∘(y_k − p_k) —
 * solved by coordinate descent, with the L1 penalty on every coefficient separately. Because the
 * softmax ignores a shift common to all classes, after each round the coefficients of each feature
 * are shifted by the amount that minimizes its penalty (glmnet's {@code elc}); this changes no
 * probability and only speeds convergence. Intercepts are reported centred to sum to zero.
 */
final class Multinomial implements PointSolver {
    private static final double PMIN = 1e-5;

    private final Problem pr;
    private final int classes;
    /** Class index of each row. */
    private final double[] y;
    private final double[][] b;
    private final double[] b0;
    private final double[][] eta;
    private final double[][] prob;
    private final double[] wv;
    private final double[][] r;
    private final double[] sumR;
    private final double[][] grad;
    private final WeightedLeastSquares wls;
    private final double nullDev;
    private final InexactNewton inner = new InexactNewton();

    Multinomial(Problem pr, double[] y, int classes) {
        this.pr = pr;
        this.classes = classes;
        this.y = y;
        this.b = new double[classes][pr.p];
        this.b0 = new double[classes];
        this.eta = new double[classes][pr.n];
        this.prob = new double[classes][pr.n];
        this.wv = new double[pr.n];
        this.r = new double[classes][pr.n];
        this.sumR = new double[classes];
        this.grad = new double[classes][pr.p];
        this.wls = new WeightedLeastSquares(pr);
        if (pr.intercept) {
            double[] share = new double[classes];
            for (int i = 0; i < pr.n; i++) share[(int) y[i]] += pr.u[i];
            double mean = 0;
            for (int k = 0; k < classes; k++) {
                b0[k] = Math.log(share[k]);
                mean += b0[k] / classes;
            }
            for (int k = 0; k < classes; k++) {
                b0[k] -= mean;
                Arrays.fill(eta[k], b0[k]);
            }
        }
        this.nullDev = Deviance.multinomial(y, eta, pr.u);
        refreshResiduals();
    }

    private void refreshProbabilities() {
        for (int i = 0; i < pr.n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) max = Math.max(max, eta[k][i]);
            double z = 0;
            for (int k = 0; k < classes; k++) {
                prob[k][i] = Math.exp(eta[k][i] - max);
                z += prob[k][i];
            }
            for (int k = 0; k < classes; k++) prob[k][i] /= z;
        }
    }

    private void refreshResiduals() {
        refreshProbabilities();
        for (int k = 0; k < classes; k++) {
            double s = 0;
            double[] rk = r[k];
            double[] pk = prob[k];
            for (int i = 0; i < pr.n; i++) {
                rk[i] = pr.u[i] * ((y[i] == k ? 1.0 : 0.0) - pk[i]);
                s += rk[i];
            }
            sumR[k] = s;
        }
    }

    @Override public int responses() { return classes; }

    @Override
    public long solve(double lambda, int[] strong, double thr, long budget) {
        long passes = 0;
        double[] old = new double[strong.length];
        double[] b0k = new double[1];
        inner.start(thr);
        while (true) {
            double dlx = 0;
            for (int k = 0; k < classes; k++) {
                refreshProbabilities();
                double[] pk = prob[k];
                double[] rk = r[k];
                for (int i = 0; i < pr.n; i++) {
                    double q = Math.min(Math.max(pk[i], PMIN), 1 - PMIN);
                    wv[i] = pr.u[i] * q * (1 - q);
                    rk[i] = pr.u[i] * ((y[i] == k ? 1.0 : 0.0) - pk[i]);
                }
                wls.reset(wv, rk);
                for (int m = 0; m < strong.length; m++) old[m] = b[k][strong[m]];
                b0k[0] = b0[k];
                double before = Deviance.multinomial(y, eta, pr.u) / 2 + ActiveSetNewton.penalty(pr, new double[][] {b[k]}, lambda);
                double oldB0 = b0[k];
                long used = wls.solve(b[k], b0k, lambda, strong, inner.threshold(), budget - passes);
                b0[k] = b0k[0];
                pr.linearPredictor(b0[k], b[k], eta[k]);
                // the class's Newton step may overshoot (the softmax's curvature changes fast far from
                // the answer, e.g. for unpenalized features that nearly separate a class): halve it
                // until the objective does not rise, so the iteration cannot diverge
                for (int halving = 0; halving < MAX_HALVINGS; halving++) {
                    double after = Deviance.multinomial(y, eta, pr.u) / 2 + ActiveSetNewton.penalty(pr, new double[][] {b[k]}, lambda);
                    if (after <= before + 1e-12 * Math.abs(before)) break;
                    for (int m = 0; m < strong.length; m++) b[k][strong[m]] = 0.5 * (old[m] + b[k][strong[m]]);
                    b0[k] = 0.5 * (oldB0 + b0[k]);
                    pr.linearPredictor(b0[k], b[k], eta[k]);
                }
                double d0 = b0[k] - oldB0;
                dlx = Math.max(dlx, wls.sumWeights() * d0 * d0);
                for (int m = 0; m < strong.length; m++) {
                    double d = b[k][strong[m]] - old[m];
                    if (d != 0) dlx = Math.max(dlx, wls.curvature(strong[m]) * d * d);
                }
                if (used < 0) {
                    refreshResiduals();
                    return used - passes;
                }
                passes += used;
            }
            if (!pr.hasLimits && shiftCoefficients(strong)) {
                for (int k = 0; k < classes; k++) pr.linearPredictor(b0[k], b[k], eta[k]);
            }
            if (dlx < thr && inner.exact()) break;
            inner.stepped(dlx);
            if (passes >= budget) {
                refreshResiduals();
                return -passes - 1;
            }
        }
        centreIntercepts();
        refreshResiduals();
        return passes;
    }

    /** Halvings of a class's Newton step at most (each halves its length). */
    private static final int MAX_HALVINGS = 30;

    /** Moves each feature's class coefficients by the common shift that minimizes their penalty. */
    private boolean shiftCoefficients(int[] strong) {
        boolean changed = false;
        double[] v = new double[classes];
        for (int j : strong) {
            if (pr.vp[j] == 0) continue;
            for (int k = 0; k < classes; k++) v[k] = b[k][j];
            double c = PenaltyShift.optimal(v, pr.alpha);
            if (c != 0) {
                for (int k = 0; k < classes; k++) b[k][j] -= c;
                changed = true;
            }
        }
        return changed;
    }

    private void centreIntercepts() {
        double mean = 0;
        for (double v : b0) mean += v / classes;
        for (int k = 0; k < classes; k++) {
            b0[k] -= mean;
            for (int i = 0; i < pr.n; i++) eta[k][i] -= mean;
        }
    }

    @Override
    public void refreshGradients(int[] which, int count) {
        if (pr.denseColumns()) {
            // every class's residual against each column in one read of it (ColumnDots)
            double[] v = new double[classes * pr.n];
            for (int k = 0; k < classes; k++) System.arraycopy(r[k], 0, v, k * pr.n, pr.n);
            double[] raw = new double[classes * count];
            pr.columnDots(which, count, v, classes, raw);
            for (int k = 0; k < classes; k++) {
                for (int t = 0; t < count; t++) grad[k][which[t]] = pr.gradientOf(which[t], raw[k * count + t], sumR[k]);
            }
            return;
        }
        ParallelColumns.forEach(which, count, pr.entriesPerColumn() * classes, j -> {
            for (int k = 0; k < classes; k++) grad[k][j] = pr.gradient(j, r[k], sumR[k]);
        });
    }

    @Override
    public double gradientScore(int j) {
        double s = 0;
        for (int k = 0; k < classes; k++) s = Math.max(s, Math.abs(grad[k][j]));
        return s;
    }

    @Override
    public boolean violates(int j, double lambda) {
        for (int k = 0; k < classes; k++) {
            if (pr.violates(j, grad[k][j], lambda)) return true;
        }
        return false;
    }

    @Override public double gradient(int k, int j) { return grad[k][j]; }
    @Override public double interceptGradient(int k) { return pr.intercept ? sumR[k] : 0.0; }

    @Override
    public void setSolution(double[] newB0, double[][] newB) {
        for (int k = 0; k < classes; k++) {
            System.arraycopy(newB[k], 0, b[k], 0, pr.p);
            b0[k] = newB0[k];
            pr.linearPredictor(b0[k], b[k], eta[k]);
        }
        refreshResiduals();
    }

    /**
     * The softmax Hessian: block (k, k') is Σ_i u_i p_ik (δ_kk' − p_ik') z_i z_iᵀ over the
     * coordinates of classes k and k' (z the intercept's 1 and the standardized features). It is
     * singular along a shift common to all classes (the softmax ignores it); the Newton solver
     * regularizes that direction.
     */
    @Override
    public boolean hessian(int[][] features, int[] m, boolean intercept, double[] out) {
        int o = intercept ? 1 : 0;
        int[] off = new int[classes + 1];
        for (int k = 0; k < classes; k++) off[k + 1] = off[k] + m[k] + o;
        int total = off[classes];
        if ((long) pr.n * total > ActiveHessian.MAX_ENTRIES) return false;
        double[][] z = new double[classes][];
        for (int k = 0; k < classes; k++) {
            z[k] = ActiveHessian.block(pr, features[k], m[k], intercept);
            if (z[k] == null) return false;
        }
        double[] w = new double[pr.n];
        double[] part = new double[total * total];
        for (int k = 0; k < classes; k++) {
            for (int k2 = k; k2 < classes; k2++) {
                int dk = m[k] + o;
                int dk2 = m[k2] + o;
                if (dk == 0 || dk2 == 0) continue;
                double[] pk = prob[k];
                double[] pk2 = prob[k2];
                for (int i = 0; i < pr.n; i++) w[i] = pr.u[i] * pk[i] * ((k == k2 ? 1.0 : 0.0) - pk2[i]);
                dev.occam.linalg.Gram.cross(pr.n, dk, dk2, z[k], 0, pr.n, w, z[k2], 0, pr.n, part, 0, dk);
                for (int c = 0; c < dk2; c++) {
                    for (int r = 0; r < dk; r++) {
                        double v = part[c * dk + r];
                        out[(off[k2] + c) * total + off[k] + r] = v;
                        out[(off[k] + r) * total + off[k2] + c] = v;
                    }
                }
            }
        }
        return true;
    }

    @Override public double sweepCost(int strongCount) { return classes * strongCount * Math.max(pr.entriesPerColumn(), 1.0); }
    @Override public double hessianCost(int d) { return (double) d * d * Math.max(pr.entriesPerColumn(), 1.0); }

    @Override
    public double lossAt(double[] trialB0, double[][] trialB) {
        double[][] e = new double[classes][pr.n];
        for (int k = 0; k < classes; k++) pr.linearPredictor(trialB0[k], trialB[k], e[k]);
        return Deviance.multinomial(y, e, pr.u) / 2;
    }

    @Override public double deviance() { return Deviance.multinomial(y, eta, pr.u); }
    @Override public double nullDeviance() { return nullDev; }
    @Override public double[][] coefficients() { return b; }
    @Override public double[] intercepts() { return b0; }
}

package dev.occam.glm;

/**
 * Point solver for binomial and poisson fits: iteratively reweighted least squares. Each Newton
 * step replaces the loss by its quadratic approximation at the current η — weights
 * W = u·V(μ) with V(μ) = μ(1−μ) (binomial) or μ (poisson), weighted residual u∘(y − μ) — and
 * minimizes that by coordinate descent ({@link WeightedLeastSquares}), until a step moves no
 * coefficient by more than the threshold (glmnet's lognet / fishnet scheme).
 */
final class Irls implements PointSolver {
    /** Floor on μ(1−μ)-type variances, so a saturated row cannot make a weight vanish (glmnet's pmin). */
    private static final double PMIN = 1e-5;

    private final Problem pr;
    private final Family family;
    private final double[] y;
    private final double[] b;
    private final double[] b0 = new double[1];
    private final double[] eta;
    private final double[] wv;
    private final double[] r;
    private double sumR;
    private final double[] grad;
    private final WeightedLeastSquares wls;
    private final double nullDev;
    private final boolean positiveWeights;
    private final InexactNewton inner = new InexactNewton();

    Irls(Problem pr, Family family, double[] y) {
        this.pr = pr;
        this.family = family;
        this.y = y;
        this.b = new double[pr.p];
        this.eta = new double[pr.n];
        this.wv = new double[pr.n];
        this.r = new double[pr.n];
        this.grad = new double[pr.p];
        this.wls = new WeightedLeastSquares(pr);
        boolean positive = true;
        for (double v : pr.u) positive &= v > 0;
        this.positiveWeights = positive;
        double ybar = 0;
        for (int i = 0; i < pr.n; i++) ybar += pr.u[i] * y[i];
        if (pr.intercept) {
            b0[0] = family == Family.BINOMIAL ? Math.log(ybar / (1 - ybar)) : Math.log(ybar);
        }
        java.util.Arrays.fill(eta, b0[0]);
        this.nullDev = deviance();
        refreshState();
    }

    /** Recomputes μ, W and the residual at the current η and starts a new quadratic problem. */
    private void refreshState() {
        double s = 0;
        for (int i = 0; i < pr.n; i++) {
            double mu;
            double v;
            if (family == Family.BINOMIAL) {
                mu = Links.logistic(eta[i]);
                double q = Math.min(Math.max(mu, PMIN), 1 - PMIN);
                v = q * (1 - q);
            } else {
                mu = Math.exp(eta[i]);
                v = mu;
            }
            wv[i] = pr.u[i] * v;
            r[i] = pr.u[i] * (y[i] - mu);
            s += r[i];
        }
        sumR = s;
        wls.reset(wv, r);
    }

    /**
     * η after a Newton step, in O(n): the step's residual is W∘(z − η_new) with
     * z = η_old + r0/W, so η_new = η_old + (r0 − residual)/W. Rows of zero weight have no
     * residual to read η from; with any of them η is recomputed from the coefficients.
     */
    private void updateEta() {
        if (!positiveWeights) {
            pr.linearPredictor(b0[0], b, eta);
            return;
        }
        for (int i = 0; i < pr.n; i++) eta[i] += (r[i] - wls.residual(i)) / wv[i];
    }

    @Override public int responses() { return 1; }

    /**
     * {@inheritDoc}
     *
     * <p>Each Newton step's quadratic is solved to {@code thr} — glmnet's scheme — except when
     * {@code thr} is below the threshold of the path ({@link InexactNewton}): then the quadratics are
     * solved only as exactly as the last step's size warrants, since the next step replaces them.
     */
    @Override
    public long solve(double lambda, int[] strong, double thr, long budget) {
        long passes = 0;
        double[] old = new double[strong.length];
        inner.start(thr);
        while (true) {
            for (int k = 0; k < strong.length; k++) old[k] = b[strong[k]];
            double oldB0 = b0[0];
            long used = wls.solve(b, b0, lambda, strong, inner.threshold(), budget - passes);
            // the curvatures of this Newton step measure how far it moved
            double dlx = wls.sumWeights() * (b0[0] - oldB0) * (b0[0] - oldB0);
            for (int k = 0; k < strong.length; k++) {
                double d = b[strong[k]] - old[k];
                if (d != 0) dlx = Math.max(dlx, wls.curvature(strong[k]) * d * d);
            }
            updateEta();
            refreshState();
            if (used < 0) return used - passes;
            passes += used;
            if (!Double.isFinite(sumR)) {
                throw new ArithmeticException("the " + family.id() + " fit diverged (non-finite fitted values)");
            }
            if (dlx < thr && inner.exact()) break;
            inner.stepped(dlx);
            if (passes >= budget) return -passes - 1;
        }
        // the cheap η updates of the Newton steps carry rounding; end each λ exactly
        pr.linearPredictor(b0[0], b, eta);
        refreshState();
        return passes;
    }

    @Override
    public void refreshGradients(int[] which, int count) {
        if (pr.denseColumns()) {
            // four columns per read of r, each column streamed once (ColumnDots)
            double[] raw = new double[count];
            pr.columnDots(which, count, r, 1, raw);
            for (int t = 0; t < count; t++) grad[which[t]] = pr.gradientOf(which[t], raw[t], sumR);
            return;
        }
        ParallelColumns.forEach(which, count, pr.entriesPerColumn(), j -> grad[j] = pr.gradient(j, r, sumR));
    }

    @Override public double[] residual() { return r; }

    @Override public double gradientScore(int j) { return Math.abs(grad[j]); }
    @Override public double gradient(int k, int j) { return grad[j]; }
    @Override public double interceptGradient(int k) { return pr.intercept ? sumR : 0.0; }

    @Override
    public void setSolution(double[] newB0, double[][] newB) {
        System.arraycopy(newB[0], 0, b, 0, pr.p);
        b0[0] = newB0[0];
        pr.linearPredictor(b0[0], b, eta);
        refreshState();
    }

    @Override
    public boolean hessian(int[][] features, int[] m, boolean intercept, double[] out) {
        return ActiveHessian.compute(pr, hessianWeights(), features[0], m[0], intercept, out);
    }

    @Override
    public double[] hessianWeights() {
        // the exact Fisher information u·V(μ): without the floor on μ(1−μ) that keeps coordinate
        // descent's weights away from 0, so Newton's steps converge quadratically on nearly separable data
        if (family != Family.BINOMIAL) return wv.clone();
        double[] w = new double[pr.n];
        for (int i = 0; i < pr.n; i++) {
            double mu = Links.logistic(eta[i]);
            w[i] = pr.u[i] * mu * (1 - mu);
        }
        return w;
    }

    @Override public double sweepCost(int strongCount) { return strongCount * Math.max(pr.entriesPerColumn(), 1.0); }
    @Override public double hessianCost(int d) { return (double) d * d * Math.max(pr.entriesPerColumn(), 1.0); }

    @Override
    public double lossAt(double[] trialB0, double[][] trialB) {
        double[] e = new double[pr.n];
        pr.linearPredictor(trialB0[0], trialB[0], e);
        double dev = family == Family.BINOMIAL ? Deviance.binomial(y, e, pr.u) : Deviance.poisson(y, e, pr.u);
        return dev / 2;
    }
    @Override
    public double lossAlong(double[] trialB0, double[][] trialB, double[] dEta, double t) {
        if (dEta == null) return lossAt(trialB0, trialB);
        double[] e = new double[pr.n];
        for (int i = 0; i < pr.n; i++) e[i] = eta[i] + t * dEta[i];
        double dev = family == Family.BINOMIAL ? Deviance.binomial(y, e, pr.u) : Deviance.poisson(y, e, pr.u);
        return dev / 2;
    }

    @Override
    public void setSolutionAlong(double[] newB0, double[][] newB, double[] dEta, double t) {
        if (dEta == null) {
            setSolution(newB0, newB);
            return;
        }
        System.arraycopy(newB[0], 0, b, 0, pr.p);
        b0[0] = newB0[0];
        // η moved along the step (its rounding stays far below the certificate's tolerance; each
        // λ's solve ends with η recomputed from the coefficients)
        for (int i = 0; i < pr.n; i++) eta[i] += t * dEta[i];
        refreshState();
    }

    @Override public boolean violates(int j, double lambda) { return pr.violates(j, grad[j], lambda); }

    @Override
    public double deviance() {
        return family == Family.BINOMIAL ? Deviance.binomial(y, eta, pr.u) : Deviance.poisson(y, eta, pr.u);
    }

    @Override public double nullDeviance() { return nullDev; }
    @Override public double[] linearPredictor() { return eta; }
    @Override public double[][] coefficients() { return new double[][] {b}; }
    @Override public double[] intercepts() { return b0; }
}

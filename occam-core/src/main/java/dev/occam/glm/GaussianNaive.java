package dev.occam.glm;

/**
 * Gaussian point solver with naive updates: the weighted residual is kept and a feature's gradient
 * is computed when the feature is visited (cost n, or the column's non-zeros, per visit). The right
 * choice when p is large relative to n, and for sparse X.
 */
class GaussianNaive implements PointSolver {
    // shared with GaussianActiveGram, which only changes how solve() sweeps
    final Problem pr;
    final double[] y;
    /** Standardized coefficients. */
    final double[] b;
    final double[] b0 = new double[1];
    final WeightedLeastSquares wls;
    /** Gradients of the features outside the strong set, as last refreshed (KKT check). */
    private final double[] grad;
    private final double nullDev;
    /** Scratch copy of the residual for {@link #residual()}. */
    private double[] residual;

    GaussianNaive(Problem pr, double[] y) {
        this.pr = pr;
        this.y = y;
        this.b = new double[pr.p];
        this.grad = new double[pr.p];
        GaussianNullModel start = GaussianNullModel.of(pr, y);
        b0[0] = start.intercept();
        this.nullDev = start.deviance();
        this.wls = new WeightedLeastSquares(pr);
        wls.reset(pr.u, start.weightedResidual());
    }

    @Override public int responses() { return 1; }

    @Override
    public long solve(double lambda, int[] strong, double thr, long budget) {
        return wls.solve(b, b0, lambda, strong, thr, budget);
    }

    @Override
    public void refreshGradients(int[] which, int count) {
        // solve() always ends with the residual current
        ParallelColumns.forEach(which, count, pr.entriesPerColumn(), j -> grad[j] = wls.gradient(j));
    }

    @Override
    public double[] residual() {
        if (residual == null) residual = new double[pr.n];
        for (int i = 0; i < pr.n; i++) residual[i] = wls.residual(i);
        return residual;
    }

    @Override public double gradientScore(int j) { return Math.abs(grad[j]); }
    @Override public double gradient(int k, int j) { return grad[j]; }
    @Override public double interceptGradient(int k) { return pr.intercept ? wls.residualSum() : 0.0; }

    @Override
    public void setSolution(double[] newB0, double[][] newB) {
        System.arraycopy(newB[0], 0, b, 0, pr.p);
        b0[0] = newB0[0];
        double[] eta = new double[pr.n];
        pr.linearPredictor(b0[0], b, eta);
        double[] r = new double[pr.n];
        for (int i = 0; i < pr.n; i++) r[i] = pr.u[i] * (y[i] - eta[i]);
        wls.reset(pr.u, r);
    }

    @Override
    public boolean hessian(int[][] features, int[] m, boolean intercept, double[] out) {
        return ActiveHessian.compute(pr, pr.u, features[0], m[0], intercept, out);
    }

    @Override public double[] hessianWeights() { return pr.u; }

    @Override public double sweepCost(int strongCount) { return strongCount * Math.max(pr.entriesPerColumn(), 1.0); }
    @Override public double hessianCost(int d) { return (double) d * d * Math.max(pr.entriesPerColumn(), 1.0); }

    @Override
    public double lossAt(double[] trialB0, double[][] trialB) {
        double[] eta = new double[pr.n];
        pr.linearPredictor(trialB0[0], trialB[0], eta);
        return Deviance.gaussian(y, eta, pr.u) / 2;
    }

    @Override public boolean violates(int j, double lambda) { return pr.violates(j, grad[j], lambda); }

    @Override
    public double deviance() {
        double[] eta = new double[pr.n];
        pr.linearPredictor(b0[0], b, eta);
        return Deviance.gaussian(y, eta, pr.u);
    }

    @Override public double nullDeviance() { return nullDev; }
    @Override public double[][] coefficients() { return new double[][] {b}; }
    @Override public double[] intercepts() { return b0; }
}

package dev.occam.glm;

/**
 * Gaussian point solver with naive updates: the weighted residual is kept and a feature's gradient
 * is computed when the feature is visited (cost n, or the column's non-zeros, per visit). The right
 * choice when p is large relative to n, and for sparse X.
 */
final class GaussianNaive implements PointSolver {
    private final Problem pr;
    private final double[] y;
    private final double[] b;
    private final double[] b0 = new double[1];
    private final WeightedLeastSquares wls;
    private final double[] grad;
    private final double nullDev;

    GaussianNaive(Problem pr, double[] y) {
        this.pr = pr;
        this.y = y;
        this.b = new double[pr.p];
        this.grad = new double[pr.p];
        double ybar = 0;
        for (int i = 0; i < pr.n; i++) ybar += pr.u[i] * y[i];
        b0[0] = pr.intercept ? ybar : 0.0;
        double[] r = new double[pr.n];
        double dev = 0;
        for (int i = 0; i < pr.n; i++) {
            double ri = y[i] - b0[0];
            r[i] = pr.u[i] * ri;
            dev += pr.u[i] * ri * ri;
        }
        this.nullDev = dev;
        this.wls = new WeightedLeastSquares(pr);
        wls.reset(pr.u, r);
    }

    @Override public int responses() { return 1; }

    @Override
    public long solve(double lambda, int[] strong, double thr, long budget) {
        return wls.solve(b, b0, lambda, strong, thr, budget);
    }

    @Override
    public void refreshGradients(int[] which, int count) {
        ParallelColumns.forEach(which, count, pr.entriesPerColumn(), j -> grad[j] = wls.gradient(j));
    }

    @Override public double gradientScore(int j) { return Math.abs(grad[j]); }

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

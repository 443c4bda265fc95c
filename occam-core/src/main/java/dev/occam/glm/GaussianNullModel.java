package dev.occam.glm;

/**
 * The start of a gaussian path solved from the rows: the intercept-only model (b0 = weighted mean
 * of y with an intercept, 0 without), its weighted residual u∘(y − b0) and its deviance Σu(y − b0)².
 *
 * @param intercept b0
 * @param weightedResidual u∘(y − b0)
 * @param deviance Σ_i u_i (y_i − b0)²
 */
record GaussianNullModel(double intercept, double[] weightedResidual, double deviance) {

    static GaussianNullModel of(Problem pr, double[] y) {
        double ybar = 0;
        for (int i = 0; i < pr.n; i++) ybar += pr.u[i] * y[i];
        double b0 = pr.intercept ? ybar : 0.0;
        double[] r = new double[pr.n];
        double dev = 0;
        for (int i = 0; i < pr.n; i++) {
            double ri = y[i] - b0;
            r[i] = pr.u[i] * ri;
            dev += pr.u[i] * ri * ri;
        }
        return new GaussianNullModel(b0, r, dev);
    }
}

package dev.occam.select;

import dev.occam.data.DenseMatrix;
import dev.occam.data.DesignMatrix;
import dev.occam.glm.LinearModel;

/**
 * The linear predictors of many models on the same rows at once: for dense X one matrix product
 * X·[w_1 … w_L] per response column instead of L passes over X (a fold's held-out rows are
 * predicted at every λ of the path).
 */
final class Links {
    private Links() { }

    /** links[l][k][i] = η of model l, response column k, row i. Nothing modified. */
    static double[][][] all(DesignMatrix x, LinearModel[] models) {
        int nl = models.length;
        double[][][] out = new double[nl][][];
        if (!(x instanceof DenseMatrix d) || nl == 0) {
            for (int l = 0; l < nl; l++) out[l] = models[l].link(x);
            return out;
        }
        int n = d.rows();
        int p = d.cols();
        int responses = models[0].responses();
        for (int l = 0; l < nl; l++) out[l] = new double[responses][];
        double[] coef = new double[p * nl];
        double[] eta = new double[n * nl];
        for (int k = 0; k < responses; k++) {
            for (int l = 0; l < nl; l++) System.arraycopy(models[l].coefficients()[k], 0, coef, l * p, p);
            dev.occam.linalg.NativeBlas.blas().dgemm("N", "N", n, nl, p, 1.0, d.values(), n, coef, p, 0.0, eta, n);
            for (int l = 0; l < nl; l++) {
                double[] e = new double[n];
                double b0 = models[l].intercepts()[k];
                for (int i = 0; i < n; i++) e[i] = eta[l * n + i] + b0;
                out[l][k] = e;
            }
        }
        return out;
    }
}

package dev.occam.select;

import dev.occam.glm.Family;
import dev.occam.metrics.Classification;
import dev.occam.metrics.Deviances;
import dev.occam.metrics.Regression;
import dev.occam.metrics.Weighted;

/**
 * The measure on one fold's held-out rows at one λ, from their linear predictors, exactly as
 * glmnet's {@code cv.elnet}, {@code cv.lognet}, {@code cv.multnet} and {@code cv.fishnet} compute
 * the per-row losses, followed by {@code cvcompute}'s weighted mean over the fold (rows whose loss
 * is infinite are left out, as glmnet turns them into NA). AUC is one number per fold.
 */
final class FoldLosses {
    private FoldLosses() { }

    /**
     * @param y held-out targets: values, or class indices for class families
     * @param eta linear predictors η[k][i] of the held-out rows (k over response columns)
     * @param w sample weights of the held-out rows, or null for all 1
     * @param loss scratch buffer of length ≥ y.length, overwritten
     */
    static double value(Family family, Measure measure, double[] y, double[][] eta, double[] w, double[] loss) {
        int n = y.length;
        switch (family) {
            case GAUSSIAN -> {
                if (measure == Measure.MAE) Regression.absoluteErrors(y, eta[0], loss);
                else Regression.squaredErrors(y, eta[0], loss);
            }
            case POISSON -> {
                double[] e = eta[0];
                switch (measure) {
                    case DEVIANCE -> Deviances.unitPoissonFromLink(y, e, loss);
                    case MSE -> {
                        for (int i = 0; i < n; i++) {
                            double r = y[i] - Math.exp(e[i]);
                            loss[i] = r * r;
                        }
                    }
                    default -> {
                        for (int i = 0; i < n; i++) loss[i] = Math.abs(y[i] - Math.exp(e[i]));
                    }
                }
            }
            case BINOMIAL -> {
                double[] p = new double[n];
                for (int i = 0; i < n; i++) p[i] = 1 / (1 + Math.exp(-eta[0][i]));
                switch (measure) {
                    case AUC -> {
                        return Classification.auc(y, p, w);
                    }
                    case DEVIANCE -> Deviances.unitBinomial(y, p, Deviances.GLMNET_CLIP, loss);
                    case CLASS -> Classification.misclassifiedBinary(y, p, loss);
                    case MSE, MAE -> {
                        // glmnet sums over both indicator columns: (y1 − (1 − p))² + (y2 − p)²
                        boolean squared = measure == Measure.MSE;
                        for (int i = 0; i < n; i++) {
                            double y2 = y[i] > 0.5 ? 1.0 : 0.0;
                            double a = (1 - y2) - (1 - p[i]);
                            double b = y2 - p[i];
                            loss[i] = squared ? a * a + b * b : Math.abs(a) + Math.abs(b);
                        }
                    }
                }
            }
            case MULTINOMIAL -> {
                double[][] prob = softmax(eta);
                switch (measure) {
                    case DEVIANCE -> Deviances.unitMultinomial(y, prob, Deviances.GLMNET_CLIP, loss);
                    case CLASS -> Classification.misclassifiedMulti(y, prob, loss);
                    default -> {
                        boolean squared = measure == Measure.MSE;
                        for (int i = 0; i < n; i++) {
                            int c = (int) y[i];
                            double s = 0;
                            for (int k = 0; k < prob.length; k++) {
                                double r = (k == c ? 1.0 : 0.0) - prob[k][i];
                                s += squared ? r * r : Math.abs(r);
                            }
                            loss[i] = s;
                        }
                    }
                }
            }
        }
        double[] l = loss.length == n ? loss : java.util.Arrays.copyOf(loss, n);
        return Weighted.meanOfFinite(l, w);
    }

    /** Class probabilities from linear predictors, with the maximum subtracted for stability. */
    private static double[][] softmax(double[][] eta) {
        int kk = eta.length;
        int n = eta[0].length;
        double[][] prob = new double[kk][n];
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double[] e : eta) max = Math.max(max, e[i]);
            double z = 0;
            for (int k = 0; k < kk; k++) {
                prob[k][i] = Math.exp(eta[k][i] - max);
                z += prob[k][i];
            }
            for (int k = 0; k < kk; k++) prob[k][i] /= z;
        }
        return prob;
    }
}

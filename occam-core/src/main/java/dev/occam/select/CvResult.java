package dev.occam.select;

import dev.occam.glm.GlmPath;
import dev.occam.glm.LinearModel;

import java.util.List;

/**
 * The cross-validation curve of one elastic-net path (cv.glmnet's result) and the models it picks.
 *
 * <p>For the l-th λ of the full-data path, {@code foldMeasures[f][l]} is the measure on the rows held
 * out in fold f (for per-row measures the weighted mean over those rows, weights = sample weights),
 * {@code cvm[l]} the mean over folds weighted by each fold's total sample weight, and
 * {@code cvsd[l]} its standard error sqrt(Σ_f W_f (m_fl − cvm_l)² / Σ_f W_f / (K − 1)).
 * The models are points of the full-data path, i.e. the refit on all rows. Arrays are shared with
 * the caller, not copied: treat them as read-only.
 *
 * @param alpha the L1 share the path was fitted with
 * @param measure what was averaged
 * @param lambdas λ values of the full-data path, decreasing
 * @param cvm mean CV measure per λ
 * @param cvsd its standard error per λ
 * @param cvup cvm + cvsd
 * @param cvlo cvm − cvsd
 * @param nzero non-zero features of the full-data fit per λ (multinomial: glmnet's rounded-up median over classes)
 * @param indexMin index of {@code lambda.min}
 * @param index1se index of {@code lambda.1se}
 * @param foldMeasures the measure per fold (rows) and λ (columns)
 * @param foldWeights the total sample weight of each fold's held-out rows
 * @param path the full-data path
 * @param warnings what the user must know (e.g. a fold's path that did not converge)
 */
public record CvResult(double alpha, Measure measure, double[] lambdas, double[] cvm, double[] cvsd, double[] cvup,
                       double[] cvlo, int[] nzero, int indexMin, int index1se, double[][] foldMeasures,
                       double[] foldWeights, GlmPath path, List<String> warnings) {

    public CvResult {
        int nl = lambdas.length;
        if (cvm.length != nl || cvsd.length != nl || cvup.length != nl || cvlo.length != nl || nzero.length != nl) {
            throw new IllegalArgumentException("every per-lambda array must have " + nl + " entries");
        }
        if (path.size() != nl) {
            throw new IllegalArgumentException("the path has " + path.size() + " lambdas; the curve has " + nl);
        }
        if (indexMin < 0 || indexMin >= nl || index1se < 0 || index1se >= nl) {
            throw new IllegalArgumentException("lambda indices must be in [0, " + nl + "); got " + indexMin + ", " + index1se);
        }
        if (foldMeasures.length != foldWeights.length) {
            throw new IllegalArgumentException("one weight per fold expected");
        }
        warnings = List.copyOf(warnings);
    }

    /** {@code lambda.min}: the largest λ with the best mean CV measure. */
    /**
     * The result for a CV curve already averaged over the folds: cvup / cvlo and the indices of
     * {@code lambda.min} and {@code lambda.1se} (glmnet's rules) follow from it.
     *
     * @throws IllegalArgumentException when the measure is undefined in every fold at some λ
     */
    public static CvResult ofCurve(double alpha, Measure measure, double[] lambdas, double[] cvm, double[] cvsd, int[] nzero,
                                   double[][] foldMeasures, double[] foldWeights, GlmPath path, List<String> warnings) {
        for (int l = 0; l < lambdas.length; l++) {
            if (Double.isNaN(cvm[l])) {
                throw new IllegalArgumentException("the measure " + measure.id() + " is undefined in every fold at lambda "
                        + lambdas[l] + " (e.g. AUC on folds with a single class)");
            }
        }
        double[] up = new double[cvm.length];
        double[] lo = new double[cvm.length];
        for (int l = 0; l < cvm.length; l++) {
            up[l] = cvm[l] + cvsd[l];
            lo[l] = cvm[l] - cvsd[l];
        }
        boolean larger = measure.largerIsBetter();
        int min = LambdaChoice.MIN.index(lambdas, cvm, cvsd, larger);
        int oneSe = LambdaChoice.ONE_SE.index(lambdas, cvm, cvsd, larger);
        return new CvResult(alpha, measure, lambdas, cvm, cvsd, up, lo, nzero, min, oneSe, foldMeasures, foldWeights, path,
                warnings);
    }

    public double lambdaMin() {
        return lambdas[indexMin];
    }

    /** {@code lambda.1se}: the largest λ within one standard error of the best. */
    public double lambda1se() {
        return lambdas[index1se];
    }

    /** The index chosen by {@code choice}. */
    public int index(LambdaChoice choice) {
        return choice == LambdaChoice.MIN ? indexMin : index1se;
    }

    /** The λ chosen by {@code choice}. */
    public double lambda(LambdaChoice choice) {
        return lambdas[index(choice)];
    }

    /** The full-data model at the λ chosen by {@code choice}. */
    public LinearModel model(LambdaChoice choice) {
        return path.model(index(choice));
    }

    /** The model at {@code lambda.min}. */
    public LinearModel modelMin() {
        return model(LambdaChoice.MIN);
    }

    /** The model at {@code lambda.1se}. */
    public LinearModel model1se() {
        return model(LambdaChoice.ONE_SE);
    }

    /** The best mean CV measure, cvm at {@code lambda.min}. */
    public double bestCvm() {
        return cvm[indexMin];
    }

    /** Number of folds. */
    public int folds() {
        return foldWeights.length;
    }

    /** Number of λ values. */
    public int size() {
        return lambdas.length;
    }
}

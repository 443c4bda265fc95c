package dev.occam.report;

import dev.occam.data.Dataset;
import dev.occam.data.DenseMatrix;
import dev.occam.glm.ElasticNet;
import dev.occam.glm.Family;
import dev.occam.glm.GlmPath;
import dev.occam.glm.GlmSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Reports with every kind of plot, computed from seeded data with Occam's own solver: an
 * elastic-net path, a plain 5-fold cross-validation of it, weights fitted with no penalty, L1 and
 * L2, a polynomial fitted by least squares with and without a ridge penalty, the constraint picture.
 * Training curves are plain per-epoch arrays shaped like real runs.
 */
final class ExampleReports {
    private ExampleReports() { }

    static final int N = 150;
    static final int P = 12;
    static final int FOLDS = 5;

    /** Standard normal draws from uniforms (Box–Muller with StrictMath: stable across JDKs). */
    static double gaussian(SplittableRandom r) {
        double u1 = r.nextDouble();
        double u2 = r.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(1 - u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    }

    /** y = x·β + noise with 4 of 12 features active. */
    static Dataset regression() {
        SplittableRandom r = new SplittableRandom(42);
        double[] beta = {3, -2, 0, 0, 1.5, 0, 0, 0, -1, 0, 0, 0};
        double[][] x = new double[N][P];
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < P; j++) {
                x[i][j] = gaussian(r);
                y[i] += beta[j] * x[i][j];
            }
            y[i] += 2 * gaussian(r);
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < P; j++) names.add("x" + (j + 1));
        return Dataset.numeric(DenseMatrix.ofRows(x), y, names);
    }

    static GlmPath lassoPath() {
        return ElasticNet.path(regression(), GlmSettings.of(Family.GAUSSIAN));
    }

    /** Mean squared error per λ by 5-fold cross-validation on the full data's λ sequence. */
    static CvCurvePlot crossValidation() {
        Dataset data = regression();
        double[][] x = rows(data);
        GlmPath full = ElasticNet.path(data, GlmSettings.of(Family.GAUSSIAN));
        double[] lambdas = full.lambdas();
        int m = lambdas.length;
        double[][] foldMse = new double[FOLDS][m];
        for (int k = 0; k < FOLDS; k++) {
            List<double[]> trainX = new ArrayList<>();
            List<Double> trainY = new ArrayList<>();
            for (int i = 0; i < N; i++) {
                if (i % FOLDS != k) {
                    trainX.add(x[i]);
                    trainY.add(data.y()[i]);
                }
            }
            Dataset train = Dataset.numeric(DenseMatrix.ofRows(trainX.toArray(double[][]::new)),
                    trainY.stream().mapToDouble(Double::doubleValue).toArray(), data.featureNames());
            GlmPath path = ElasticNet.path(train, GlmSettings.of(Family.GAUSSIAN).withLambdas(lambdas));
            for (int l = 0; l < path.size(); l++) {
                double sum = 0;
                int count = 0;
                for (int i = k; i < N; i += FOLDS) {
                    double e = data.y()[i] - predict(path, l, x[i]);
                    sum += e * e;
                    count++;
                }
                foldMse[k][l] = sum / count;
            }
        }
        double[] cvm = new double[m];
        double[] cvsd = new double[m];
        for (int l = 0; l < m; l++) {
            double mean = 0;
            for (int k = 0; k < FOLDS; k++) mean += foldMse[k][l] / FOLDS;
            double ss = 0;
            for (int k = 0; k < FOLDS; k++) ss += (foldMse[k][l] - mean) * (foldMse[k][l] - mean);
            cvm[l] = mean;
            cvsd[l] = Math.sqrt(ss / (FOLDS - 1) / FOLDS);
        }
        int best = 0;
        for (int l = 1; l < m; l++) if (cvm[l] < cvm[best]) best = l;
        int oneSe = best;
        for (int l = 0; l < best; l++) {
            if (cvm[l] <= cvm[best] + cvsd[best]) {
                oneSe = l;
                break;
            }
        }
        return new CvCurvePlot(lambdas, cvm, cvsd, lambdas[best], lambdas[oneSe], "mean squared error");
    }

    static double predict(GlmPath path, int l, double[] xi) {
        double eta = path.intercepts()[l][0];
        double[] w = path.coefficients()[l][0];
        for (int j = 0; j < w.length; j++) eta += w[j] * xi[j];
        return eta;
    }

    static double[][] rows(Dataset data) {
        DenseMatrix dm = (DenseMatrix) data.x();
        double[][] x = new double[dm.rows()][dm.cols()];
        for (int i = 0; i < dm.rows(); i++) for (int j = 0; j < dm.cols(); j++) x[i][j] = dm.values()[j * dm.rows() + i];
        return x;
    }

    /** Coefficients with no penalty (λ tiny), L1 and L2 at a moderate λ. */
    static WeightHistogramPlot weights() {
        Dataset data = regression();
        Map<String, double[]> named = new LinkedHashMap<>();
        named.put("no penalty", ElasticNet.fitAt(data, GlmSettings.of(Family.GAUSSIAN).withAlpha(0), 1e-9).coefficients()[0]);
        named.put("L1 (lasso)", ElasticNet.fitAt(data, GlmSettings.of(Family.GAUSSIAN), 0.5).coefficients()[0]);
        named.put("L2 (ridge)", ElasticNet.fitAt(data, GlmSettings.of(Family.GAUSSIAN).withAlpha(0), 2.0).coefficients()[0]);
        return WeightHistogramPlot.of(named);
    }

    /** Per-epoch curves shaped like three real runs: no decay overfits, decay does not, L1 makes zeros. */
    static List<TrainingRun> trainingRuns() {
        int epochs = 30;
        List<TrainingRun> runs = new ArrayList<>();
        String[] names = {"SGD, no penalty", "AdamW, decay 0.01", "SGD + L1 prox"};
        for (int r = 0; r < names.length; r++) {
            double[] train = new double[epochs];
            double[] valid = new double[epochs];
            double[] norm = new double[epochs];
            double[] zeros = new double[epochs];
            for (int e = 0; e < epochs; e++) {
                double t = e + 1;
                train[e] = 0.2 + 0.05 * r + 2.0 / (1 + 0.4 * t) - (r == 0 ? 0.004 * t : 0);
                valid[e] = 0.3 + 0.03 * r + 2.0 / (1 + 0.4 * t) + (r == 0 ? 0.01 * t : 0.001 * t);
                norm[e] = r == 0 ? 2 + 0.3 * t : 2 + (3 - r) * (1 - Math.exp(-t / 5));
                zeros[e] = r == 2 ? 0.6 * (1 - Math.exp(-t / 6)) : 0;
            }
            runs.add(new TrainingRun(names[r], train, valid, norm, zeros));
        }
        return runs;
    }

    /** A degree-12 polynomial on 20 noisy points of sin(πx), by least squares with μ = 0 and μ = 1e-3 ridge. */
    static PolynomialFitPlot polynomial() {
        SplittableRandom r = new SplittableRandom(7);
        int n = 20;
        int degree = 12;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -1 + 2 * r.nextDouble();
            y[i] = Math.sin(Math.PI * x[i]) + 0.25 * gaussian(r);
        }
        int grid = 200;
        double[] gx = new double[grid];
        double[] truth = new double[grid];
        for (int i = 0; i < grid; i++) {
            gx[i] = -1 + 2.0 * i / (grid - 1);
            truth[i] = Math.sin(Math.PI * gx[i]);
        }
        List<PolynomialFitPlot.Curve> curves = new ArrayList<>();
        curves.add(new PolynomialFitPlot.Curve("true function sin(πx)", gx, truth));
        curves.add(new PolynomialFitPlot.Curve("degree 12, no penalty", gx, evaluate(polyFit(x, y, degree, 0), gx)));
        curves.add(new PolynomialFitPlot.Curve("degree 12, ridge μ = 1e-3", gx, evaluate(polyFit(x, y, degree, 1e-3), gx)));
        return new PolynomialFitPlot(x, y, curves);
    }

    /** Coefficients minimizing (1/n)‖y − Vc‖² + μ‖c‖² (intercept not penalized) by Gaussian elimination with pivoting. */
    static double[] polyFit(double[] x, double[] y, int degree, double mu) {
        int k = degree + 1;
        double[][] a = new double[k][k + 1];
        for (int i = 0; i < x.length; i++) {
            double[] powers = new double[k];
            powers[0] = 1;
            for (int d = 1; d < k; d++) powers[d] = powers[d - 1] * x[i];
            for (int p = 0; p < k; p++) {
                for (int q = 0; q < k; q++) a[p][q] += powers[p] * powers[q] / x.length;
                a[p][k] += powers[p] * y[i] / x.length;
            }
        }
        for (int d = 1; d < k; d++) a[d][d] += mu;
        for (int c = 0; c < k; c++) {
            int pivot = c;
            for (int i = c + 1; i < k; i++) if (Math.abs(a[i][c]) > Math.abs(a[pivot][c])) pivot = i;
            double[] tmp = a[c]; a[c] = a[pivot]; a[pivot] = tmp;
            for (int i = c + 1; i < k; i++) {
                double f = a[i][c] / a[c][c];
                for (int j = c; j <= k; j++) a[i][j] -= f * a[c][j];
            }
        }
        double[] coef = new double[k];
        for (int i = k - 1; i >= 0; i--) {
            double s = a[i][k];
            for (int j = i + 1; j < k; j++) s -= a[i][j] * coef[j];
            coef[i] = s / a[i][i];
        }
        return coef;
    }

    static double[] evaluate(double[] coef, double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double v = 0;
            for (int d = coef.length - 1; d >= 0; d--) v = v * x[i] + coef[d];
            out[i] = v;
        }
        return out;
    }

    static ConstraintGeometry geometry() {
        return new ConstraintGeometry(1.0, 0.4, 0.8, 1.6, 0.7, 1.0);
    }

    /** Every plot kind and a table. */
    static Report full() {
        CvCurvePlot cv = crossValidation();
        List<TrainingRun> runs = trainingRuns();
        return Report.titled("Occam report <test> & \"quotes\"")
                .heading("Choosing λ")
                .paragraph("A seeded regression with 12 features, 4 of them active; λ by 5-fold cross-validation.")
                .add(cv.plot())
                .add(CoefficientPathPlot.of(lassoPath()).plot())
                .add(weights().plot())
                .heading("Training")
                .add(new LossCurvePlot(runs, false).plot())
                .add(new WeightNormPlot(runs).plot())
                .heading("Why penalties help")
                .add(polynomial().plot())
                .add(new ConstraintPlot(geometry()).plot())
                .add(Table.builder("Chosen λ", "rule", "λ").caption("From the cross-validation above.")
                        .row("λ.min", cv.lambdaMin()).row("λ.1se", cv.lambda1se()).build());
    }
}

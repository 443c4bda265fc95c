package dev.occam.glm;

import dev.occam.data.DesignMatrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.fail;

/**
 * Compares an Occam path with a golden reference path and fails with every mismatch listed
 * (case, λ index, what, Occam's value, the reference value), so a failure says where Occam and
 * the peer part ways.
 *
 * <p>A value a matches a reference r when |a − r| ≤ tol·(1 + |r|) (absolute and relative tol).
 * Compared at every λ: the λ itself, every coefficient and intercept, the linear predictor on the
 * fitted data, the deviance ratio (absolute), and df. Multinomial intercepts and linear predictors
 * are compared after subtracting their mean over the classes: the softmax model is unchanged by a
 * common shift, so only the centred values are determined by the objective (glmnet reports
 * intercepts centred to sum to 0).
 */
final class GoldenComparison {
    private static final int MAX_LISTED = 25;

    private final GoldenCase golden;
    private final double tol;
    private final List<String> failures = new ArrayList<>();
    private int count;
    private double worstCoefficient;
    private double worstLink;
    private double worstDevRatio;

    private GoldenComparison(GoldenCase golden, double tol) {
        this.golden = golden;
        this.tol = tol;
    }

    /**
     * Asserts that {@code path} matches the golden path of {@code golden} within {@code tol}.
     *
     * @param firstLambdaIsLambdaMax the first reference λ is glmnet's λ_max: a coefficient there sits
     *                               exactly on the edge of entering, so glmnet's own value may be a
     *                               rounding-level non-zero (≈1e-17) where an exact solver gives 0.
     *                               At that λ only, df counts coefficients larger than 1e-9 of the
     *                               feature's largest value along the path; elsewhere df must be equal.
     */
    static void assertMatches(GoldenCase golden, GlmPath path, double tol, boolean firstLambdaIsLambdaMax) {
        GoldenComparison c = new GoldenComparison(golden, tol);
        c.compare(path, firstLambdaIsLambdaMax);
        c.report();
    }

    private void compare(GlmPath path, boolean firstLambdaIsLambdaMax) {
        GoldenCase.Reference ref = golden.expected();
        if (path.size() != ref.size()) {
            failure("path has %d lambda values; reference has %d", path.size(), ref.size());
        }
        if (!path.allConverged()) failure("path did not converge everywhere: %s", path.warnings());
        boolean multinomial = golden.family() == Family.MULTINOMIAL;
        DesignMatrix x = golden.data().x();
        int m = Math.min(path.size(), ref.size());
        double[][] maxAbs = maxAbsoluteCoefficients(ref);
        for (int l = 0; l < m; l++) {
            check(l, "lambda", path.lambdas()[l], ref.lambdas()[l], 1e-12);
            int responses = ref.intercepts()[l].length;
            if (path.coefficients()[l].length != responses) {
                failure("lambda #%d: %d coefficient vectors; reference has %d", l, path.coefficients()[l].length, responses);
                continue;
            }
            double[] b0 = path.intercepts()[l].clone();
            double[] r0 = ref.intercepts()[l].clone();
            if (multinomial) {
                centre(b0);
                centre(r0);
            }
            for (int k = 0; k < responses; k++) {
                worstCoefficient = Math.max(worstCoefficient, check(l, label("intercept", k), b0[k], r0[k], tol));
                for (int j = 0; j < x.cols(); j++) {
                    worstCoefficient = Math.max(worstCoefficient, check(l, label(golden.data().featureNames().get(j), k),
                            path.coefficients()[l][k][j], ref.coefficients()[l][k][j], tol));
                }
            }
            compareLink(l, path, ref, x, multinomial);
            double dd = Math.abs(path.devRatio()[l] - ref.devRatio()[l]);
            worstDevRatio = Math.max(worstDevRatio, dd);
            if (!(dd <= tol)) failure("lambda #%d: dev_ratio %s; reference %s", l, fmt(path.devRatio()[l]), fmt(ref.devRatio()[l]));
            compareDf(l, path, ref, maxAbs, firstLambdaIsLambdaMax && l == 0);
        }
    }

    private void compareLink(int l, GlmPath path, GoldenCase.Reference ref, DesignMatrix x, boolean multinomial) {
        double[][] eta = path.model(l).link(x);
        int responses = eta.length;
        double[][] expected = new double[responses][x.rows()];
        for (int k = 0; k < responses; k++) x.multiply(ref.coefficients()[l][k], ref.intercepts()[l][k], expected[k]);
        if (multinomial) {
            centreRows(eta);
            centreRows(expected);
        }
        double worst = 0;
        int worstRow = -1;
        int worstK = 0;
        for (int k = 0; k < responses; k++) {
            for (int i = 0; i < x.rows(); i++) {
                double e = Math.abs(eta[k][i] - expected[k][i]) / (1 + Math.abs(expected[k][i]));
                if (!(e <= worst)) {
                    worst = e;
                    worstRow = i;
                    worstK = k;
                }
            }
        }
        worstLink = Math.max(worstLink, worst);
        if (!(worst <= tol)) {
            failure("lambda #%d: linear predictor%s of row %d is %s; reference %s", l,
                    responses > 1 ? " " + worstK : "", worstRow, fmt(eta[worstK][worstRow]), fmt(expected[worstK][worstRow]));
        }
    }

    private void compareDf(int l, GlmPath path, GoldenCase.Reference ref, double[][] maxAbs, boolean atLambdaMax) {
        int own = path.model(l).nonZero();
        if (path.df()[l] != own) failure("lambda #%d: df is %d but %d features are non-zero", l, path.df()[l], own);
        if (!atLambdaMax) {
            if (path.df()[l] != ref.df()[l]) failure("lambda #%d: df %d; reference %d", l, path.df()[l], ref.df()[l]);
            return;
        }
        int a = 0;
        int r = 0;
        for (int j = 0; j < maxAbs[0].length; j++) {
            boolean inA = false;
            boolean inR = false;
            for (int k = 0; k < maxAbs.length; k++) {
                double negligible = 1e-9 * Math.max(1, maxAbs[k][j]);
                inA |= Math.abs(path.coefficients()[l][k][j]) > negligible;
                inR |= Math.abs(ref.coefficients()[l][k][j]) > negligible;
            }
            if (inA) a++;
            if (inR) r++;
        }
        if (a != r) failure("lambda #%d (lambda_max): %d clearly non-zero features; reference %d", l, a, r);
    }

    private static double[][] maxAbsoluteCoefficients(GoldenCase.Reference ref) {
        int responses = ref.intercepts()[0].length;
        int p = ref.coefficients()[0][0].length;
        double[][] max = new double[responses][p];
        for (double[][] wl : ref.coefficients()) {
            for (int k = 0; k < responses; k++) {
                for (int j = 0; j < p; j++) max[k][j] = Math.max(max[k][j], Math.abs(wl[k][j]));
            }
        }
        return max;
    }

    /** Records a mismatch when |a − r| > tol(1 + |r|); returns the scaled error. */
    private double check(int l, String what, double a, double r, double tolerance) {
        double e = Math.abs(a - r) / (1 + Math.abs(r));
        if (!(e <= tolerance)) failure("lambda #%d: %s = %s; reference %s (scaled error %.2e)", l, what, fmt(a), fmt(r), e);
        return Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
    }

    private String label(String name, int k) {
        if (golden.family() != Family.MULTINOMIAL) return name;
        return name + ":" + golden.data().classes().get(k);
    }

    /** Subtracts the mean of {@code v} from each entry (multinomial intercepts). */
    static void centre(double[] v) {
        double mean = 0;
        for (double x : v) mean += x;
        mean /= v.length;
        for (int k = 0; k < v.length; k++) v[k] -= mean;
    }

    /** Subtracts, for each row i, the mean over classes of eta[k][i] (multinomial linear predictors). */
    static void centreRows(double[][] eta) {
        for (int i = 0; i < eta[0].length; i++) {
            double mean = 0;
            for (double[] e : eta) mean += e[i];
            mean /= eta.length;
            for (double[] e : eta) e[i] -= mean;
        }
    }

    private void failure(String format, Object... args) {
        count++;
        if (failures.size() < MAX_LISTED) failures.add(String.format(Locale.ROOT, format, args));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.10g", v);
    }

    private void report() {
        if (count == 0) return;
        fail(String.format(Locale.ROOT,
                "%s (%s): %d mismatches at tolerance %.0e; worst scaled errors: coefficients %.2e, linear predictor %.2e, "
                        + "dev_ratio %.2e%n  %s%s",
                golden.name(), golden.tool(), count, tol, worstCoefficient, worstLink, worstDevRatio,
                String.join("\n  ", failures), count > failures.size() ? "\n  ..." : ""));
    }
}

package dev.occam.glm;

import dev.occam.data.Dataset;
import dev.occam.data.DesignMatrix;
import dev.occam.data.Standardization;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the golden references themselves, independently of Occam's solver: every reference
 * solution must satisfy the KKT conditions of Occam's canonical objective (DESIGN.md)
 * <pre>
 *   (1/Σv) Σ_i v_i ℓ(y_i, b0 + x_iᵀw)  +  λ Σ_j f_j [ α s_j |w_j| + (1−α)/2 s_j² w_j² ]
 * </pre>
 * with w on the original scale, s_j the scales of {@link Standardization} (1 without
 * standardize) and f the penalty factors rescaled to sum to p. This pins down that the peers'
 * settings recorded in each spec mean exactly this objective (glmnet's scalings, the conversions
 * from scikit-learn's parameters, limits on the original scale), so a mismatch in
 * {@link GlmnetGoldenTest} or {@link SklearnGoldenTest} is Occam's and not the reference's.
 *
 * <p>At a coefficient w_j ≠ 0 inside its limits: g_j + λ f_j[(1−α) s_j² w_j + α s_j sign(w_j)] = 0,
 * with g the gradient of the mean loss; at w_j = 0: |g_j| ≤ λ f_j α s_j, one-sided when a limit
 * is 0; at a limit, one-sided. With an intercept, Σ_i v_i ℓ'(η_i) = 0 for every response.
 * Violations are measured relative to the largest gradient of the null model.
 */
class GoldenKktTest {
    /** The references were solved to ~1e-9 relative or better (make_golden.R and .py print it). */
    private static final double KKT_TOLERANCE = 1e-8;

    static Stream<GoldenCase> cases() {
        return Stream.concat(GoldenCase.all("glmnet").stream(), GoldenCase.all("sklearn").stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void referenceSolutionsSatisfyTheCanonicalKktConditions(GoldenCase c) {
        Dataset d = c.data();
        GlmSettings s = c.settings();
        DesignMatrix x = d.x();
        int n = d.rows();
        int p = d.cols();
        double[] u = Standardization.normalizedWeights(d.weights(), n);
        double[] scale = Standardization.of(x, u, s.intercept(), s.standardize()).scales();
        double[] f = rescaledPenaltyFactors(s.penaltyFactors(), p);
        double lower = s.lowerLimits() == null ? Double.NEGATIVE_INFINITY : s.lowerLimits()[0];
        double upper = s.upperLimits() == null ? Double.POSITIVE_INFINITY : s.upperLimits()[0];
        double[][] target = responses(c);
        double nullGradient = maxAbs(gradient(c, target, nullLink(c, target, u), u).coefficients);

        GoldenCase.Reference ref = c.expected();
        double worst = 0;
        int worstAt = -1;
        for (int l = 0; l < ref.size(); l++) {
            double[][] w = ref.coefficients()[l];
            double[][] eta = new double[w.length][n];
            for (int k = 0; k < w.length; k++) x.multiply(w[k], ref.intercepts()[l][k], eta[k]);
            Gradient g = gradient(c, target, eta, u);
            double v = s.intercept() ? maxAbs(new double[][] {g.intercepts}) : 0;
            for (int k = 0; k < w.length; k++) {
                for (int j = 0; j < p; j++) {
                    double l1 = ref.lambdas()[l] * f[j] * s.alpha() * scale[j];
                    double l2 = ref.lambdas()[l] * f[j] * (1 - s.alpha()) * scale[j] * scale[j];
                    v = Math.max(v, violation(w[k][j], g.coefficients[k][j], l1, l2, lower, upper));
                }
            }
            if (v > worst) {
                worst = v;
                worstAt = l;
            }
        }
        assertThat(worst / nullGradient)
                .as("%s: worst KKT violation (at lambda #%d) relative to the null gradient %.3e", c.name(), worstAt, nullGradient)
                .isLessThanOrEqualTo(KKT_TOLERANCE);
    }

    /** KKT violation of one coordinate b with loss gradient g, L1 weight l1 and L2 weight l2. */
    static double violation(double b, double g, double l1, double l2, double lower, double upper) {
        boolean atLower = atBound(b, lower);
        boolean atUpper = atBound(b, upper);
        if (b == 0) {
            // moving b down changes the objective at rate −g + l1 (impossible at a lower limit 0),
            // moving it up at rate g + l1 (impossible at an upper limit 0); both must be ≥ 0
            double down = atLower ? Double.POSITIVE_INFINITY : l1;
            double up = atUpper ? Double.POSITIVE_INFINITY : l1;
            return Math.max(0, Math.max(g - down, -g - up));
        }
        double d = g + l2 * b + l1 * Math.signum(b);
        if (atLower) return Math.max(0, -d);
        if (atUpper) return Math.max(0, d);
        return Math.abs(d);
    }

    private static boolean atBound(double b, double bound) {
        return Double.isFinite(bound) && Math.abs(b - bound) <= 1e-9 * Math.max(1, Math.abs(bound));
    }

    private static double[] rescaledPenaltyFactors(double[] pf, int p) {
        double[] f = new double[p];
        if (pf == null) {
            java.util.Arrays.fill(f, 1.0);
            return f;
        }
        double sum = 0;
        for (double v : pf) sum += v;
        for (int j = 0; j < p; j++) f[j] = pf[j] * p / sum;
        return f;
    }

    /** y per response column: the value (gaussian, poisson), the indicator of the modelled class(es). */
    private static double[][] responses(GoldenCase c) {
        double[] y = c.data().y();
        int n = y.length;
        return switch (c.family()) {
            case GAUSSIAN, POISSON -> new double[][] {y.clone()};
            case BINOMIAL -> {
                double[] t = new double[n];
                for (int i = 0; i < n; i++) t[i] = y[i] == 1 ? 1 : 0;
                yield new double[][] {t};
            }
            case MULTINOMIAL -> {
                double[][] t = new double[c.data().classes().size()][n];
                for (int i = 0; i < n; i++) t[(int) y[i]][i] = 1;
                yield t;
            }
        };
    }

    /** The null model's linear predictor: the weighted mean on the link scale, or 0 without intercept. */
    private static double[][] nullLink(GoldenCase c, double[][] target, double[] u) {
        int n = u.length;
        double[][] eta = new double[target.length][n];
        if (!c.settings().intercept()) return eta;
        for (int k = 0; k < target.length; k++) {
            double mean = 0;
            for (int i = 0; i < n; i++) mean += u[i] * target[k][i];
            double link = switch (c.family()) {
                case GAUSSIAN -> mean;
                case BINOMIAL -> Math.log(mean / (1 - mean));
                case POISSON, MULTINOMIAL -> Math.log(mean);
            };
            java.util.Arrays.fill(eta[k], link);
        }
        return eta;
    }

    private record Gradient(double[][] coefficients, double[] intercepts) { }

    /** Gradient of (1/Σv) Σ v ℓ with respect to every coefficient and intercept, at linear predictor eta. */
    private static Gradient gradient(GoldenCase c, double[][] target, double[][] eta, double[] u) {
        int n = u.length;
        int responses = eta.length;
        double[][] r = new double[responses][n];
        for (int i = 0; i < n; i++) {
            switch (c.family()) {
                case GAUSSIAN -> r[0][i] = eta[0][i] - target[0][i];
                case BINOMIAL -> r[0][i] = 1 / (1 + Math.exp(-eta[0][i])) - target[0][i];
                case POISSON -> r[0][i] = Math.exp(eta[0][i]) - target[0][i];
                case MULTINOMIAL -> {
                    double max = Double.NEGATIVE_INFINITY;
                    for (double[] e : eta) max = Math.max(max, e[i]);
                    double sum = 0;
                    for (double[] e : eta) sum += Math.exp(e[i] - max);
                    for (int k = 0; k < responses; k++) r[k][i] = Math.exp(eta[k][i] - max) / sum - target[k][i];
                }
            }
        }
        DesignMatrix x = c.data().x();
        double[][] g = new double[responses][x.cols()];
        double[] g0 = new double[responses];
        for (int k = 0; k < responses; k++) {
            for (int i = 0; i < n; i++) {
                r[k][i] *= u[i];
                g0[k] += r[k][i];
            }
            for (int j = 0; j < x.cols(); j++) g[k][j] = x.dotColumn(j, r[k]);
        }
        return new Gradient(g, g0);
    }

    private static double maxAbs(double[][] a) {
        double m = 0;
        for (double[] row : a) for (double v : row) m = Math.max(m, Math.abs(v));
        return m;
    }
}

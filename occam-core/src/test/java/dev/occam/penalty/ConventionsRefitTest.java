package dev.occam.penalty;

import dev.occam.data.Dataset;
import dev.occam.glm.ElasticNet;
import dev.occam.glm.Family;
import dev.occam.glm.GlmSettings;
import dev.occam.glm.LinearModel;
import dev.occam.glm.Ridge;
import dev.occam.glm.RidgeSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every exact conversion confirmed by refitting under both conventions. Each golden case
 * ({@code golden/conventions/*.json}, made by {@code make_conventions.py} and {@code make_conventions.R})
 * is a peer setting in the peer's own parameters and the peer's solution; here the setting is
 * converted to canonical form by {@link Conventions}, Occam fits it ({@link ElasticNet#fitAt},
 * tolerance 1e-20; {@link Ridge} too for ridge cases), and coefficients, intercept and the canonical
 * objective must agree. Each case also shows that the comparison can fail: its tolerance is far
 * below the change caused by doubling the peer's strength.
 */
class ConventionsRefitTest {

    static final double OCCAM_TOLERANCE = 1e-20;

    static Stream<ConventionCase> cases() {
        return Stream.concat(ConventionCase.all("sklearn").stream(), ConventionCase.all("glmnet").stream());
    }

    static Stream<ConventionCase> matching() {
        return cases().filter(ConventionCase::expectMatch);
    }

    /** Occam's family for the canonical loss; an unstated loss is the one the peer fitted to this target. */
    static Family family(LibrarySetting.Canonical c, ConventionCase k) {
        return switch (c.loss()) {
            case GAUSSIAN -> Family.GAUSSIAN;
            case BINOMIAL -> Family.BINOMIAL;
            case MULTINOMIAL -> Family.MULTINOMIAL;
            case POISSON -> Family.POISSON;
            case ANY -> k.isClassTarget() ? Family.BINOMIAL : Family.GAUSSIAN;
        };
    }

    static CanonicalObjective.Loss loss(Family f) {
        return switch (f) {
            case GAUSSIAN -> CanonicalObjective.Loss.GAUSSIAN;
            case BINOMIAL -> CanonicalObjective.Loss.BINOMIAL;
            case POISSON -> CanonicalObjective.Loss.POISSON;
            case MULTINOMIAL -> throw new IllegalArgumentException("no multinomial case");
        };
    }

    static LinearModel fit(Dataset data, LibrarySetting.Canonical c, Family family, boolean intercept) {
        GlmSettings s = GlmSettings.of(family).withAlpha(c.alpha()).withStandardize(c.standardize())
                .withIntercept(intercept).withTolerance(OCCAM_TOLERANCE);
        return ElasticNet.fitAt(data, s, c.lambda());
    }

    static void assertClose(String what, double[] actual, double[] expected, double tol) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int j = 0; j < expected.length; j++) {
            assertThat(actual[j]).as("%s[%d]", what, j).isCloseTo(expected[j], within(tol * (1 + Math.abs(expected[j]))));
        }
    }

    /** The largest difference, relative as in {@link #assertClose}, between a fit and the peer. */
    static double distance(LinearModel m, ConventionCase k) {
        double[] w = k.peerCoefficients();
        double d = Math.abs(m.intercepts()[0] - k.peerIntercept()) / (1 + Math.abs(k.peerIntercept()));
        for (int j = 0; j < w.length; j++) d = Math.max(d, Math.abs(m.coefficients()[0][j] - w[j]) / (1 + Math.abs(w[j])));
        return d;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matching")
    void canonicalRefitMatchesThePeer(ConventionCase k) {
        Dataset data = k.data();
        Conversion conv = k.setting().toCanonical(k.context());
        assertThat(conv.status()).as(conv.explanation()).isNotEqualTo(ConversionStatus.NONE);
        LibrarySetting.Canonical c = (LibrarySetting.Canonical) conv.target();
        Family family = family(c, k);

        LinearModel m = fit(data, c, family, k.intercept());

        double tol = k.tolerance();
        assertThat(m.summary().converged()).isTrue();
        assertClose("coefficient", m.coefficients()[0], k.peerCoefficients(), tol);
        assertThat(m.intercepts()[0]).as("intercept").isCloseTo(k.peerIntercept(), within(tol * (1 + Math.abs(k.peerIntercept()))));

        // the same canonical objective at both solutions; Occam's, the exact minimizer, is not above the peer's
        double ours = CanonicalObjective.value(data, loss(family), m.intercepts()[0], m.coefficients()[0], c, k.intercept());
        double theirs = CanonicalObjective.value(data, loss(family), k.peerIntercept(), k.peerCoefficients(), c, k.intercept());
        // a coefficient error of tol in a high-curvature direction of raw X moves the objective by ~1e-9 relative
        double objTol = (tol > 1e-6 ? 1e-6 : 1e-8) * Math.abs(theirs);
        assertThat(ours).as("canonical objective").isCloseTo(theirs, within(objTol)).isLessThanOrEqualTo(theirs + 1e-13 * Math.abs(theirs));

        // the check can fail: doubling the peer's strength moves the solution far more than the tolerance
        assertThat(k.sensitivity()).as("sensitivity of %s", k).isGreaterThan(100 * tol * (1 + maxAbs(k.peerCoefficients())));
    }

    private static double maxAbs(double[] w) {
        double m = 0;
        for (double v : w) m = Math.max(m, Math.abs(v));
        return Math.min(m, 1.0);
    }

    /** Ridge cases (α = 0, gaussian) solved once more in closed form by {@link Ridge}. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("matching")
    void ridgeCasesAlsoInClosedForm(ConventionCase k) {
        LibrarySetting.Canonical c = (LibrarySetting.Canonical) k.setting().toCanonical(k.context()).target();
        if (c.alpha() != 0 || family(c, k) != Family.GAUSSIAN) return;
        LinearModel m = Ridge.fit(k.data(), c.lambda(), new RidgeSettings(c.standardize(), k.intercept(), null));
        assertClose("coefficient", m.coefficients()[0], k.peerCoefficients(), k.tolerance());
        assertThat(m.intercepts()[0]).isCloseTo(k.peerIntercept(), within(k.tolerance() * (1 + Math.abs(k.peerIntercept()))));
    }

    /** The context's σ_y in the glmnet cases is glmnet's scale of y, recomputed here from the data. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("matching")
    void storedScaleOfYIsThatOfTheData(ConventionCase k) {
        if (k.context().sdY() == null) return;
        assertThat(k.context().sdY()).isCloseTo(CanonicalObjective.sdY(k.data(), k.intercept()), within(1e-12 * k.context().sdY()));
    }

    /**
     * glmnet's gaussian fits with α &lt; 1 on a y whose σ_y is far from 1: the same (λ, α) in Occam
     * gives another solution; only the mapping through σ_y matches (the previous test).
     */
    @Test
    void glmnetGaussianWithoutSigmaYDoesNotMatch() {
        List<String> checked = new ArrayList<>();
        for (ConventionCase k : ConventionCase.all("glmnet")) {
            LibraryGlmnet g = (LibraryGlmnet) k.setting();
            if (g.family() != ConventionLoss.GAUSSIAN || g.alpha() == 1) continue;
            assertThat(k.context().sdY()).isNotCloseTo(1.0, within(0.5));
            Conversion withoutSd = g.toCanonical(new ConversionContext(k.context().n(), k.context().sumWeights(), null, null, null));
            assertThat(withoutSd.status()).isEqualTo(ConversionStatus.EXACT_IF);
            assertThat(withoutSd.condition()).contains("σ_y = 1");
            LibrarySetting.Canonical naive = (LibrarySetting.Canonical) withoutSd.target();
            assertThat(naive.lambda()).isEqualTo(g.lambda());
            LinearModel m = fit(k.data(), naive, Family.GAUSSIAN, k.intercept());
            assertThat(distance(m, k)).as(k.toString()).isGreaterThan(1e3 * k.tolerance());
            checked.add(k.name());
        }
        assertThat(checked).hasSizeGreaterThanOrEqualTo(4);
    }

    /**
     * liblinear with a penalized bias (-B b, no -R) has no canonical equivalent: Occam's fit with an
     * unpenalized intercept differs from liblinear's, while liblinear's solution satisfies the
     * stationarity conditions of the objective the explanation states, the canonical one plus
     * λ·½(b0/b)² on the intercept. (Occam cannot refit that: like glmnet it drops constant columns.)
     */
    @Test
    void liblinearPenalizedBiasIsNotCanonical() {
        List<ConventionCase> nones = cases().filter(k -> !k.expectMatch()).toList();
        assertThat(nones).isNotEmpty();
        for (ConventionCase k : nones) {
            Conversion conv = k.setting().toCanonical(k.context());
            assertThat(conv.status()).isEqualTo(ConversionStatus.NONE);
            assertThat(conv.explanation()).contains("penalizes its bias", "½(b0/B)²", "not exactly canonical unless -R");
            LibrarySetting.Canonical c = (LibrarySetting.Canonical) conv.target();
            Dataset data = k.data();

            LinearModel canonicalFit = fit(data, c, Family.BINOMIAL, true);
            assertThat(distance(canonicalFit, k)).as("unpenalized intercept must differ").isGreaterThan(100 * k.tolerance());

            // gradient of the mean log-loss at liblinear's solution, for the weights and the intercept
            double b0 = k.peerIntercept();
            double[] w = k.peerCoefficients();
            double[] g = logLossGradient(data, b0, w);
            double[] g0 = logLossGradient(data, 0, new double[w.length]);
            double scale = 0;
            for (double v : g0) scale = Math.max(scale, Math.abs(v));
            double bias = k.constantFeature();
            double worst = Math.abs(g[w.length] + c.lambda() * b0 / (bias * bias));
            for (int j = 0; j < w.length; j++) worst = Math.max(worst, Math.abs(g[j] + c.lambda() * w[j]));
            assertThat(worst / scale).as("stationarity with the penalized bias").isLessThan(1e-8);
            // and not stationary for an unpenalized intercept: its gradient is far from 0
            assertThat(Math.abs(g[w.length]) / scale).isGreaterThan(1e4 * worst / scale);
        }
    }

    /** (1/n)Σ(p_i − y_i)x_i for the weights, then (1/n)Σ(p_i − y_i) for the intercept. */
    static double[] logLossGradient(Dataset d, double b0, double[] w) {
        int n = d.rows();
        double[] g = new double[w.length + 1];
        for (int i = 0; i < n; i++) {
            double eta = b0;
            for (int j = 0; j < w.length; j++) eta += d.x().get(i, j) * w[j];
            double r = 1 / (1 + Math.exp(-eta)) - d.y()[i];
            for (int j = 0; j < w.length; j++) g[j] += r * d.x().get(i, j) / n;
            g[w.length] += r / n;
        }
        return g;
    }

    /** The cases cover every row that is confirmed by refits. */
    @Test
    void everyRefitRowHasCases() {
        List<String> settings = cases().map(k -> k.setting().id()).distinct().sorted().toList();
        assertThat(settings).containsExactly("glmnet", "liblinear", "sklearn-elasticnet", "sklearn-lasso", "sklearn-logistic",
                "sklearn-mlp", "sklearn-ridge", "sklearn-sgd");
    }
}

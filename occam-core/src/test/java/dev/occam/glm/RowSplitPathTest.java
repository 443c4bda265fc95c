package dev.occam.glm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.occam.data.Dataset;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Paths on n = 20 000 dense rows, where the weighted least-squares passes are cut into row blocks
 * shared with the helper thread: optimal at every λ, and identical whether or not the helper was
 * free (the solvers then run every block themselves).
 */
class RowSplitPathTest {
    private static final int N = 20_000;

    @Test
    void binomialPath() {
        Dataset d = SyntheticData.binomialData(N, 30, 31, false);
        GlmSettings s = GlmSettings.of(Family.BINOMIAL).withNlambda(20).withTolerance(1e-14);
        check(d, () -> ElasticNet.path(d, s));
    }

    @Test
    void gaussianPathWithNaiveUpdates() {
        Dataset d = SyntheticData.gaussianData(N, 30, 32, false);
        GlmSettings s = GlmSettings.of(Family.GAUSSIAN).withAlpha(0.5).withNlambda(20).withTolerance(1e-14)
                .withUpdates(GlmSettings.Updates.NAIVE);
        check(d, () -> ElasticNet.path(d, s));
    }

    private static void check(Dataset d, Supplier<GlmPath> fit) {
        assertThat(d.rows()).isGreaterThanOrEqualTo(WeightedLeastSquares.SPLIT_ROWS);
        GlmPath shared = fit.get();
        assertThat(shared.allConverged()).isTrue();
        assertThat(shared.df()[shared.size() - 1]).as("the path reaches most features").isGreaterThan(20);
        for (int l = 0; l < shared.size(); l++) {
            assertThat(Kkt.worstViolation(d, shared, l)).as("KKT at lambda index %d", l).isLessThan(1e-7);
        }
        GlmPath alone;
        RowSplitWorker held = RowSplitWorker.tryAcquire();
        try {
            alone = fit.get();
        } finally {
            if (held != null) held.release();
        }
        assertThat(alone.lambdas()).containsExactly(shared.lambdas());
        for (int l = 0; l < shared.size(); l++) {
            LinearModel a = alone.model(l);
            LinearModel b = shared.model(l);
            assertThat(a.coefficients()[0]).as("coefficients at lambda index %d", l).containsExactly(b.coefficients()[0]);
            assertThat(a.intercepts()).containsExactly(b.intercepts());
        }
    }
}

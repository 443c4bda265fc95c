package dev.occam.glm;

import dev.occam.data.Dataset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ActiveHessian#columns} against the same columns of {@link ActiveHessian#compute}: for up
 * to {@link ActiveHessian#DOT_JOINS} joining coordinates (inner products with a dense X's columns
 * in place) and, for more, for sets that cover most of a dense X (read in place, centred
 * afterwards) and few of its columns (copied block by block), for sparse X, with and without the
 * intercept coordinate.
 */
class ActiveHessianTest {
    private static final int N = 5000;
    private static final int P = 120;

    private static Problem problem(Dataset d, boolean intercept) {
        return SyntheticData.standardizedProblem(d, 1.0, intercept, null);
    }

    @ParameterizedTest
    @CsvSource({
        // sparse, intercept, features in the set, of which joining, in single precision
        "false, true, 25, 3, false",     // up to DOT_JOINS joining: inner products with X's columns in place
        "false, false, 6, 2, false",
        "false, true, 25, 25, false",
        "false, false, 100, 60, false",  // more, most of X: X read in place, one product per block
        "false, true, 55, 50, false",    // more, few columns: copied block by block
        "true, true, 25, 4, false",
        "true, false, 6, 6, false",
        "true, true, 90, 70, false",
        // columnsSingle: more than DOT_JOINS joining, one sgemm per block of rows (with a native BLAS)
        "false, true, 80, 55, true",
        "false, false, 60, 60, true",
        "true, true, 20, 10, true",
        "false, true, 30, 20, true",     // up to DOT_JOINS joining: the double inner products, as columns
    })
    void joiningColumnsEqualThoseOfTheWholeMatrix(boolean sparse, boolean intercept, int m, int joining, boolean single) {
        Dataset data = SyntheticData.gaussianData(N, P, 21, sparse);
        Problem pr = problem(data, intercept);
        SplittableRandom r = new SplittableRandom(5);
        double[] w = new double[N];
        for (int i = 0; i < N; i++) w[i] = r.nextDouble() * 0.25;
        int[] features = new int[m];
        for (int t = 0; t < m; t++) features[t] = (7 * t + 3) % P;
        int o = intercept ? 1 : 0;
        int d = m + o;
        double[] whole = new double[d * d];
        assertThat(ActiveHessian.compute(pr, w, features, m, intercept, whole)).isTrue();
        int first = d - joining;
        double[] cols = new double[d * joining];
        assertThat(single ? ActiveHessian.columnsSingle(pr, w, features, m, intercept, first, cols)
                : ActiveHessian.columns(pr, w, features, m, intercept, first, cols)).isTrue();
        double scale = 0;
        for (double v : whole) scale = Math.max(scale, Math.abs(v));
        for (int b = 0; b < joining; b++) {
            for (int a = 0; a < d; a++) {
                assertThat(Math.abs(cols[b * d + a] - whole[(first + b) * d + a]))
                        .as("H[%d][%d]", a, first + b).isLessThan((single ? 1e-5 : 1e-12) * scale);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"false, true", "false, false", "true, true"})
    void singlePrecisionHessianIsTheDoubleOneToFloatAccuracy(boolean sparse, boolean intercept) {
        Dataset data = SyntheticData.gaussianData(N, P, 22, sparse);
        Problem pr = problem(data, intercept);
        SplittableRandom r = new SplittableRandom(6);
        double[] w = new double[N];
        for (int i = 0; i < N; i++) w[i] = r.nextDouble() * 0.25;
        int m = 20;
        int[] features = new int[m];
        for (int t = 0; t < m; t++) features[t] = (3 * t + 1) % P;
        int d = m + (intercept ? 1 : 0);
        double[] exact = new double[d * d];
        double[] single = new double[d * d];
        assertThat(ActiveHessian.compute(pr, w, features, m, intercept, exact)).isTrue();
        assertThat(ActiveHessian.computeSingle(pr, w, features, m, intercept, single)).isTrue();
        double scale = 0;
        for (double v : exact) scale = Math.max(scale, Math.abs(v));
        double worst = 0;
        for (int t = 0; t < d * d; t++) worst = Math.max(worst, Math.abs(single[t] - exact[t]));
        assertThat(worst).isLessThan(1e-5 * scale);
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < a; b++) assertThat(single[a * d + b]).isEqualTo(single[b * d + a]);
        }
    }
}

package dev.occam.glm;

import dev.occam.data.Dataset;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link StrongSet}: members in the order they joined (the order Newton steps list entering
 * candidates in), sorted copies for sweeps, the complement for the KKT check, and features that
 * Newton steps made non-zero outside it joining in increasing order.
 */
class StrongSetTest {
    @Test
    void keepsJoinOrderAndGivesSortedCopiesAndTheComplement() {
        Dataset d = SyntheticData.gaussianData(50, 8, 3, false);
        Problem pr = SyntheticData.standardizedProblem(d, 1.0, true, null);
        StrongSet set = new StrongSet(pr.p);
        assertThat(set.size()).isZero();
        set.add(5);
        set.add(1);
        set.add(6);
        assertThat(set.size()).isEqualTo(3);
        assertThat(Arrays.copyOf(set.order(), set.size())).containsExactly(5, 1, 6);
        assertThat(set.sorted()).containsExactly(1, 5, 6);
        assertThat(set.contains(1)).isTrue();
        assertThat(set.contains(2)).isFalse();

        int[] rest = new int[pr.p];
        int nr = set.complement(pr, rest);
        assertThat(Arrays.copyOf(rest, nr)).containsExactly(0, 2, 3, 4, 7);

        // the sorted copy is a copy: sorting it leaves the join order as it was
        set.sorted()[0] = 99;
        assertThat(Arrays.copyOf(set.order(), set.size())).containsExactly(5, 1, 6);
    }

    @Test
    void featuresNonZeroOutsideJoinInIncreasingOrder() {
        Dataset d = SyntheticData.binomialData(60, 8, 7, false);
        Problem pr = SyntheticData.standardizedProblem(d, 1.0, true, null);
        Irls solver = new Irls(pr, Family.BINOMIAL, d.y());
        double[] b = new double[pr.p];
        b[6] = 0.2;
        b[2] = -0.1;
        b[4] = 0.3;
        solver.setSolution(solver.intercepts().clone(), new double[][] {b});
        StrongSet set = new StrongSet(pr.p);
        set.add(4);
        set.joinNonZero(pr, solver);
        assertThat(Arrays.copyOf(set.order(), set.size())).containsExactly(4, 2, 6);
        int[] rest = new int[pr.p];
        assertThat(Arrays.copyOf(rest, set.complement(pr, rest))).containsExactly(0, 1, 3, 5, 7);
    }
}

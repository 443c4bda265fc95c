package dev.occam.select;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FoldsTest {

    private static int[] sizes(Folds f) {
        int[] s = new int[f.k()];
        for (int i = 0; i < f.n(); i++) s[f.foldOf(i)]++;
        return s;
    }

    @ParameterizedTest
    @CsvSource({"10, 3", "100, 10", "101, 10", "7, 7", "32, 5", "1000, 7"})
    void randomFoldSizesDifferByAtMostOne(int n, int k) {
        Folds f = Folds.random(n, k, 42);
        int[] s = sizes(f);
        assertThat(f.k()).isEqualTo(k);
        assertThat(Arrays.stream(s).sum()).isEqualTo(n);
        assertThat(Arrays.stream(s).max().getAsInt() - Arrays.stream(s).min().getAsInt()).isLessThanOrEqualTo(1);
        for (int fold = 0; fold < k; fold++) assertThat(f.size(fold)).isEqualTo(s[fold]);
    }

    @Test
    void theSameSeedGivesTheSameFoldsAndAnotherSeedOtherFolds() {
        assertThat(Folds.random(200, 10, 7)).isEqualTo(Folds.random(200, 10, 7));
        assertThat(Folds.random(200, 10, 7).fold()).isNotEqualTo(Folds.random(200, 10, 8).fold());
        double[] y = classes(300, 3, 5);
        assertThat(Folds.stratified(y, 5, 11)).isEqualTo(Folds.stratified(y, 5, 11));
        assertThat(Folds.stratified(y, 5, 11).fold()).isNotEqualTo(Folds.stratified(y, 5, 12).fold());
    }

    @Test
    void randomFoldsAreAShuffleNotTheRowOrder() {
        int[] fold = Folds.random(100, 4, 3).fold();
        int inOrder = 0;
        for (int i = 0; i < 100; i++) if (fold[i] == i % 4) inOrder++;
        // a uniform shuffle leaves about a quarter of the 100 labels in place; 100 would mean no shuffle
        assertThat(inOrder).isLessThan(50);
    }

    @Test
    void trainAndTestRowsPartitionTheData() {
        Folds f = Folds.random(23, 4, 1);
        for (int fold = 0; fold < 4; fold++) {
            int[] test = f.testRows(fold);
            int[] train = f.trainRows(fold);
            assertThat(test.length + train.length).isEqualTo(23);
            int[] all = new int[23];
            for (int i : test) {
                assertThat(f.foldOf(i)).isEqualTo(fold);
                all[i]++;
            }
            for (int i : train) {
                assertThat(f.foldOf(i)).isNotEqualTo(fold);
                all[i]++;
            }
            assertThat(all).containsOnly(1);
            assertThat(test).isSorted();
            assertThat(train).isSorted();
        }
    }

    /** Unbalanced classes: 0 is 60 %, 1 is 30 %, 2 is 10 %. */
    private static double[] classes(int n, int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            y[i] = u < 0.6 ? 0 : u < 0.9 || count == 2 ? 1 : 2;
        }
        return y;
    }

    @ParameterizedTest
    @CsvSource({"300, 3, 5", "157, 2, 10", "41, 3, 4", "1000, 3, 7"})
    void stratifiedFoldsKeepClassProportionsAndBalancedSizes(int n, int classes, int k) {
        double[] y = classes(n, classes, n);
        Folds f = Folds.stratified(y, k, 99);
        int[] s = sizes(f);
        assertThat(Arrays.stream(s).max().getAsInt() - Arrays.stream(s).min().getAsInt()).isLessThanOrEqualTo(1);
        for (int c = 0; c < classes; c++) {
            int[] perFold = new int[k];
            int total = 0;
            for (int i = 0; i < n; i++) {
                if (y[i] == c) {
                    perFold[f.foldOf(i)]++;
                    total++;
                }
            }
            int min = Arrays.stream(perFold).min().getAsInt();
            int max = Arrays.stream(perFold).max().getAsInt();
            assertThat(max - min).as("class %d counts per fold %s", c, Arrays.toString(perFold)).isLessThanOrEqualTo(1);
            assertThat(min).isEqualTo(total / k);
        }
    }

    @Test
    void givenFoldIdsAreGlmnetsFoldid() {
        Folds f = Folds.given(new double[] {3, 1, 2, 2, 3, 1});
        assertThat(f.k()).isEqualTo(3);
        assertThat(f.fold()).containsExactly(2, 0, 1, 1, 2, 0);
        assertThat(f.foldIds()).containsExactly(3, 1, 2, 2, 3, 1);
        assertThat(f.testRows(2)).containsExactly(0, 4);
    }

    @Test
    void badFoldIdsGetOneClearMessage() {
        assertThatThrownBy(() -> Folds.given(new double[] {1, 2, 0}))
                .hasMessage("fold ids must be integers 1..K; row 3 has 0");
        assertThatThrownBy(() -> Folds.given(new double[] {1, 2.5, 2}))
                .hasMessage("fold ids must be integers 1..K; row 2 has 2.5");
        assertThatThrownBy(() -> Folds.given(new double[] {1, 2, Double.NaN}))
                .hasMessage("fold ids must be integers 1..K; row 3 has NaN");
        assertThatThrownBy(() -> Folds.given(new double[] {1, 2, 4, 4}))
                .hasMessage("fold ids must use every value 1..4 (K is the largest id); 3 does not occur");
        assertThatThrownBy(() -> Folds.given(new double[] {1, 1}))
                .hasMessage("fold ids must name at least 2 folds; every row has fold id 1");
    }

    @Test
    void impossibleFoldCountsAreRejected() {
        assertThatThrownBy(() -> Folds.random(5, 6, 1))
                .hasMessage("the number of folds (6) must not exceed the number of rows (5)");
        assertThatThrownBy(() -> Folds.random(5, 1, 1)).hasMessage("the number of folds must be >= 2; got 1");
        assertThatThrownBy(() -> new Folds(3, new int[] {0, 1, 1})).hasMessage("fold 3 of 3 has no rows");
        assertThatThrownBy(() -> new Folds(2, new int[] {0, 2})).hasMessage("fold index of row 2 must be in [0, 2); got 2");
        assertThatThrownBy(() -> Folds.stratified(new double[] {0, 1, 0.5}, 2, 1))
                .hasMessage("stratified folds need class indices 0, 1, ...; row 3 has 0.5");
    }

    @Test
    void boundedDrawsCoverTheRangeEvenly() {
        SplittableRandom r = new SplittableRandom(5);
        int[] count = new int[7];
        for (int t = 0; t < 70_000; t++) count[Folds.below(r, 7)]++;
        // each count is Binomial(70000, 1/7): mean 10000, sd ~ 93; 600 is more than 6 sd
        for (int c : count) assertThat(c).isBetween(9_400, 10_600);
    }
}

package dev.occam.select;

import java.util.List;

/**
 * Cross-validation over several α (L1 shares) with the same folds: one {@link CvResult} per α, and
 * the α whose best mean CV measure is best (lowest; highest for AUC; the first α among ties).
 *
 * @param alphas the α values in the order given
 * @param results the CV result for each α
 * @param best index of the chosen α
 */
public record AlphaGrid(double[] alphas, List<CvResult> results, int best) {

    public AlphaGrid {
        alphas = alphas.clone();
        results = List.copyOf(results);
        if (alphas.length != results.size()) {
            throw new IllegalArgumentException("one result per alpha expected: " + alphas.length + " alphas, " + results.size() + " results");
        }
        if (best < 0 || best >= alphas.length) throw new IllegalArgumentException("best must index an alpha; got " + best);
    }

    /** Builds the grid result, choosing the α with the best {@link CvResult#bestCvm()}. */
    static AlphaGrid of(double[] alphas, List<CvResult> results) {
        int best = 0;
        for (int a = 1; a < results.size(); a++) {
            CvResult r = results.get(a);
            double sign = r.measure().largerIsBetter() ? -1 : 1;
            if (sign * r.bestCvm() < sign * results.get(best).bestCvm()) best = a;
        }
        return new AlphaGrid(alphas, results, best);
    }

    @Override
    public double[] alphas() {
        return alphas.clone();
    }

    /** The result of the chosen α. */
    public CvResult bestResult() {
        return results.get(best);
    }

    /** The chosen α. */
    public double bestAlpha() {
        return alphas[best];
    }
}

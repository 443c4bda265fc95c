package dev.occam.glm;

import java.util.Arrays;

/**
 * The shift c minimizing Σ_k [α|v_k − c| + (1−α)/2 (v_k − c)²] — a median for α = 1, the mean for
 * α = 0 — used by the multinomial solver, whose loss ignores a shift common to all classes.
 * Among equally good shifts the one closest to 0 is returned, so zeros are kept where possible.
 */
final class PenaltyShift {
    private PenaltyShift() { }

    static double optimal(double[] v, double alpha) {
        int k = v.length;
        double[] s = v.clone();
        Arrays.sort(s);
        // h(c) = Σ[α sign(c − v_k) + (1−α)(c − v_k)] is non-decreasing in c; find where it crosses 0.
        double best = Double.NaN;
        // candidate: c = 0 if 0 is optimal (h(0−) ≤ 0 ≤ h(0+))
        if (derivative(s, alpha, 0.0, -1) <= 0 && derivative(s, alpha, 0.0, 1) >= 0) return 0.0;
        // check each breakpoint
        for (int m = 0; m < k; m++) {
            double c = s[m];
            if (derivative(s, alpha, c, -1) <= 0 && derivative(s, alpha, c, 1) >= 0) {
                best = c;
                break;
            }
        }
        if (!Double.isNaN(best)) return best;
        // otherwise the root lies strictly between breakpoints, where h is linear (α < 1)
        for (int m = 0; m <= k; m++) {
            double lo = m == 0 ? Double.NEGATIVE_INFINITY : s[m - 1];
            double hi = m == k ? Double.POSITIVE_INFINITY : s[m];
            // on (lo, hi): m values below c, k − m above: h(c) = α(m − (k−m)) + (1−α)(k c − Σv)
            double sum = 0;
            for (double x : s) sum += x;
            double c = (sum - alpha * (2 * m - k) / (1 - alpha)) / k;
            if (c > lo && c < hi) return c;
        }
        return 0.0;
    }

    /** One-sided derivative of the penalty sum at c (side −1: from the left, +1: from the right). */
    private static double derivative(double[] s, double alpha, double c, int side) {
        double h = 0;
        for (double x : s) {
            double sign;
            if (x < c) sign = 1;
            else if (x > c) sign = -1;
            else sign = side;
            h += alpha * sign + (1 - alpha) * (c - x);
        }
        return h;
    }
}

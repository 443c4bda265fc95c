package dev.occam.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.DoubleSupplier;

/**
 * Central finite differences for float32 forward passes: step h = 10⁻²·max(1, |v|), loss
 * accumulated in double, tolerance |fd − analytic| ≤ 2·10⁻³·max(1, |fd|). Float rounding of the
 * forward pass (~10⁻⁷ relative) divided by h and the O(h²) truncation error both stay well below
 * that; a backward pass off by 1% fails.
 */
final class GradientCheck {
    private GradientCheck() {
    }

    /**
     * Checks analytic[i] ≈ dL/dv[i] for every i, where L is re-evaluated by {@code loss} after
     * perturbing v[i] in place (v is restored).
     */
    static void check(String what, float[] v, float[] analytic, DoubleSupplier loss) {
        for (int i = 0; i < v.length; i++) {
            float old = v[i];
            float h = 1e-2f * Math.max(1f, Math.abs(old));
            v[i] = old + h;
            double up = loss.getAsDouble();
            v[i] = old - h;
            double down = loss.getAsDouble();
            v[i] = old;
            // the perturbation actually applied, after rounding to float
            double step = (double) (old + h) - (double) (old - h);
            double fd = (up - down) / step;
            assertThat(analytic[i]).as("%s[%d]: finite difference %s", what, i, fd)
                    .isCloseTo((float) fd, org.assertj.core.api.Assertions.within((float) (2e-3 * Math.max(1, Math.abs(fd)))));
        }
    }
}

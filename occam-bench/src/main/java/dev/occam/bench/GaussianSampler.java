package dev.occam.bench;

import java.util.SplittableRandom;

/**
 * Standard normal draws that are identical on every JDK: {@link SplittableRandom#nextDouble()}
 * feeds the Box–Muller transform computed with {@link StrictMath} ({@code Random.nextGaussian}
 * and {@code Math.log}/{@code Math.cos} may differ between JDKs and CPUs).
 *
 * <p>Not thread-safe: one sampler per generating thread.
 */
final class GaussianSampler {
    private final SplittableRandom random;
    private double spare;
    private boolean hasSpare;

    GaussianSampler(SplittableRandom random) {
        this.random = random;
    }

    /** The underlying uniform source (shared: draws from it interleave with the Gaussian draws). */
    SplittableRandom random() {
        return random;
    }

    /** A uniform draw in [0, 1). */
    double uniform() {
        return random.nextDouble();
    }

    /** A standard normal draw. */
    double next() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        // 1 − u lies in (0, 1], so the logarithm is finite.
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        double radius = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
        double angle = 2.0 * StrictMath.PI * u2;
        spare = radius * StrictMath.sin(angle);
        hasSpare = true;
        return radius * StrictMath.cos(angle);
    }
}

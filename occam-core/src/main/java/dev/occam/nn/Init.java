package dev.occam.nn;

import java.util.SplittableRandom;

/**
 * Seeded weight initialisation. Draws come from {@link SplittableRandom#nextDouble()} (stable
 * across JDKs) and normal variates from Box–Muller with {@link StrictMath}, so the same seed gives
 * the same weights on every JVM.
 */
public enum Init {
    /** He (Kaiming) normal: N(0, 2/fanIn), for ReLU and GELU layers. */
    HE,
    /** Glorot (Xavier) uniform: U(−√(6/(fanIn+fanOut)), +√(6/(fanIn+fanOut))), for tanh and sigmoid. */
    GLOROT;

    /** Fills w (fanIn × fanOut values) with draws from this distribution. w modified. */
    public void fill(float[] w, int fanIn, int fanOut, SplittableRandom rng) {
        switch (this) {
            case HE -> {
                double sd = Math.sqrt(2.0 / fanIn);
                for (int i = 0; i < w.length; i++) {
                    w[i] = (float) (sd * gaussian(rng));
                }
            }
            case GLOROT -> {
                double limit = Math.sqrt(6.0 / (fanIn + fanOut));
                for (int i = 0; i < w.length; i++) {
                    w[i] = (float) (limit * (2 * rng.nextDouble() - 1));
                }
            }
        }
    }

    /** One standard normal draw (Box–Muller, one of the pair; StrictMath for reproducibility). */
    static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        while (u1 == 0) {
            u1 = rng.nextDouble();
        }
        double u2 = rng.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
    }

    /** A well-mixed seed for stream {@code index} of {@code seed} (SplitMix64's finalizer). */
    static long mix(long seed, long index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

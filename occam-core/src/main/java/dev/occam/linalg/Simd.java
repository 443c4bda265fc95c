package dev.occam.linalg;

/**
 * Whether the vector kernels ({@code jdk.incubator.vector}) are in use.
 *
 * <p>Java 17 ships SIMD only as an incubator module, which a program must ask for at start-up
 * ({@code java --add-modules jdk.incubator.vector}; {@code bin/occam} and the benchmarks do). When
 * the module is absent the kernels fall back to plain loops with the same results up to rounding,
 * so the library still runs everywhere. {@code -Doccam.simd=false} forces the plain loops (the
 * tests use it to compare the two).
 *
 * <p>Why it matters: the JIT does not vectorize floating-point reductions (it may not reorder the
 * additions of a dot product), and a coordinate-descent solver is little else: with 4 or 8 lanes
 * the dot products and residual updates that dominate a path run about 2–3× faster.
 */
public final class Simd {
    /** True when the vector kernels run; fixed at class initialisation. */
    public static final boolean ENABLED = !"false".equals(System.getProperty("occam.simd"))
            && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private Simd() { }

    /** A one-line description for {@code occam --version}, logs and benchmark reports: on or off, and why. */
    public static String describe() {
        if (ENABLED) return "vector kernels on (jdk.incubator.vector, " + VectorKernels.lanes() + " doubles per vector)";
        if ("false".equals(System.getProperty("occam.simd"))) return "vector kernels off: plain loops (disabled by -Doccam.simd=false)";
        return "vector kernels off: plain loops (the JVM was started without --add-modules jdk.incubator.vector)";
    }
}

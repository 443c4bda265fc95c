package dev.occam.linalg;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;

/**
 * Access to a native BLAS (OpenBLAS from the operating system, found by
 * {@code dev.ludovic.netlib.blas.BLAS.getInstance()}) for the level-3 products where it beats the
 * pure-Java kernels. When no native library is present, {@link #available()} is false and every
 * caller uses the pure-Java kernel; results agree to rounding either way.
 *
 * <p>Setting the system property {@code occam.blas=java} forces the pure-Java kernels (for
 * comparisons and reproducibility).
 */
public final class NativeBlas {
    private static final BLAS NATIVE = find();

    private NativeBlas() { }

    private static BLAS find() {
        if ("java".equalsIgnoreCase(System.getProperty("occam.blas"))) {
            return null;
        }
        try {
            BLAS b = BLAS.getInstance();
            // Only the JNI (NativeBLAS) instance is native; netlib's own Java fallbacks are slower than ours.
            return b instanceof NativeBLAS ? b : null;
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** Whether a native BLAS was found (and not disabled by {@code -Doccam.blas=java}). */
    public static boolean available() {
        return NATIVE != null;
    }

    /** The native BLAS; call only when {@link #available()}. */
    static BLAS get() {
        if (NATIVE == null) {
            throw new IllegalStateException("no native BLAS available");
        }
        return NATIVE;
    }
}

package dev.occam.linalg;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;

import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where Occam decides whether a native BLAS (OpenBLAS from the operating system,
 * loaded by {@code dev.ludovic.netlib} through JNI) is used for the level-3 products where it beats
 * the pure-Java kernels. When no native library is present, {@link #available()} is false and every
 * caller uses a pure-Java kernel; results agree to rounding either way.
 *
 * <p>A missing optional library prints nothing. netlib reports a failed load in two ways, both
 * handled here: through {@code java.util.logging} (its INFO lines "Using …" are silenced by setting
 * the {@code dev.ludovic.netlib} logger to WARNING, unless the application has given it a level),
 * and from native code, which writes {@code netlib-blas: JNI_OnLoad: dlopen(libblas.so.3) failed}
 * directly to file descriptor 2. Against the second, netlib is allowed to try the native load only
 * when {@link BlasLibraryProbe} has found the library file (on Linux); otherwise the system property
 * {@code dev.ludovic.netlib.blas.allowNative} is set to {@code false} (unless already set) before
 * netlib initializes, so netlib goes straight to its Java implementation. {@link #describe()} says
 * which BLAS is in use and why; the CLI prints it for {@code --version} and {@code --verbose}.
 *
 * <p>Setting the system property {@code occam.blas=java} forces the pure-Java kernels (for
 * comparisons and reproducibility), also for the products that always go through netlib
 * ({@link #blas()}).
 */
public final class NativeBlas {
    /** Why the native BLAS is or is not in use. */
    public enum Status {
        /** Loaded through netlib's JNI shim. */
        NATIVE,
        /** Not attempted: {@code -Doccam.blas=java} or {@code -Ddev.ludovic.netlib.blas.allowNative=false}. */
        DISABLED,
        /** Not attempted: the library file is not in the dynamic linker's search path. */
        NOT_FOUND,
        /** The library file was found but netlib could not load it (netlib may have printed why). */
        LOAD_FAILED
    }

    /** Held strongly: java.util.logging keeps loggers weakly, and a collected logger loses its level. */
    private static final Logger NETLIB_LOG = quietNetlibLogger();

    private static final Lookup LOOKUP = find();

    private NativeBlas() { }

    /** The outcome of the look-up: status, the native instance (or null) and the one-line reason. */
    private record Lookup(Status status, BLAS blas, String description) { }

    private static Logger quietNetlibLogger() {
        Logger log = Logger.getLogger("dev.ludovic.netlib");
        if (log.getLevel() == null) log.setLevel(Level.WARNING);
        return log;
    }

    private static Lookup find() {
        if ("java".equalsIgnoreCase(System.getProperty("occam.blas"))) {
            forbidNativeLoad();
            return new Lookup(Status.DISABLED, null, "pure Java (native BLAS disabled by -Doccam.blas=java)");
        }
        if ("false".equalsIgnoreCase(System.getProperty(BLAS.ALLOW_NATIVE_BLAS))) {
            return new Lookup(Status.DISABLED, null,
                    "pure Java (native BLAS disabled by -D" + BLAS.ALLOW_NATIVE_BLAS + "=false)");
        }
        String name = BlasLibraryProbe.wantedName();
        Path file = null;
        if (BlasLibraryProbe.supported()) {
            Optional<Path> found = BlasLibraryProbe.find(name);
            if (found.isEmpty()) {
                forbidNativeLoad();
                return new Lookup(Status.NOT_FOUND, null, "pure Java (no native BLAS: " + name
                        + " not found in the library search path; on Debian: apt-get install libopenblas0-pthread)");
            }
            file = found.get();
        }
        try {
            BLAS b = BLAS.getInstance();
            // Only the JNI (NativeBLAS) instance is native; netlib's own Java fallbacks are slower than ours.
            if (b instanceof NativeBLAS) {
                String where = file != null ? file.toString() : name;
                String kind = where.toLowerCase(java.util.Locale.ROOT).contains("openblas") ? "OpenBLAS" : "BLAS";
                return new Lookup(Status.NATIVE, b, "native " + kind + " via JNI (" + where + ")");
            }
        } catch (RuntimeException | LinkageError e) {
            // reported below as a failed load
        }
        return new Lookup(Status.LOAD_FAILED, null, "pure Java (native BLAS " + name
                + (file != null ? " found at " + file : "") + " but netlib could not load it)");
    }

    /** Makes netlib skip its native attempt, unless the user has said otherwise. */
    private static void forbidNativeLoad() {
        if (System.getProperty(BLAS.ALLOW_NATIVE_BLAS) == null) {
            System.setProperty(BLAS.ALLOW_NATIVE_BLAS, "false");
        }
    }

    /** Whether a native BLAS was found and loaded (and not disabled by {@code -Doccam.blas=java}). */
    public static boolean available() {
        return LOOKUP.blas() != null;
    }

    /** Why the native BLAS is or is not in use. */
    public static Status status() {
        return LOOKUP.status();
    }

    /**
     * One line for {@code occam --version} and logs: which BLAS is in use and why, e.g.
     * "native OpenBLAS via JNI (/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3)" or
     * "pure Java (native BLAS disabled by -Doccam.blas=java)".
     */
    public static String describe() {
        return LOOKUP.description();
    }

    /** The native BLAS; call only when {@link #available()}. */
    public static BLAS get() {
        if (LOOKUP.blas() == null) {
            throw new IllegalStateException("no native BLAS available");
        }
        return LOOKUP.blas();
    }

    /**
     * A BLAS for the products that always go through netlib: the native one when {@link #available()},
     * else netlib's pure-Java implementation, obtained without a native load attempt (so without
     * netlib's message on stderr).
     */
    public static BLAS blas() {
        return LOOKUP.blas() != null ? LOOKUP.blas() : JavaHolder.JAVA;
    }

    /** netlib's Java BLAS, initialized on first use (after {@link #find()} has set netlib's property). */
    private static final class JavaHolder {
        static final BLAS JAVA = dev.ludovic.netlib.blas.JavaBLAS.getInstance();
    }
}

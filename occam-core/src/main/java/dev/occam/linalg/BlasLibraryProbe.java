package dev.occam.linalg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds, without loading it, the system BLAS library that netlib's JNI shim would {@code dlopen}.
 *
 * <p>Why: when netlib's shim ({@code libnetlibblasjni.so}) fails to open the library, its
 * {@code JNI_OnLoad} writes {@code netlib-blas: JNI_OnLoad: dlopen(libblas.so.3) failed: …} from
 * native code straight to file descriptor 2 — no Java logger can silence it. So {@link NativeBlas}
 * lets netlib try only when this probe has found the file.
 *
 * <p>The name is netlib's: the system property {@code dev.ludovic.netlib.blas.nativeLibPath} (a
 * path) if set, else {@code dev.ludovic.netlib.blas.nativeLib}, else {@code libblas.so.3} (on Debian
 * the alternatives link that {@code libopenblas0-pthread} points at OpenBLAS). A bare name is looked
 * up as the Linux dynamic linker does: the directories of {@code LD_LIBRARY_PATH}, the paths listed
 * in {@code /etc/ld.so.cache}, then {@code /lib}, {@code /usr/lib}, {@code /lib64}, {@code /usr/lib64}.
 * A candidate counts only if it is a readable ELF file of the JVM's word size (the cache also lists
 * 32-bit libraries). The probe can still be wrong (a library that exists but lacks BLAS symbols);
 * then netlib's own message appears, once.
 */
final class BlasLibraryProbe {
    static final String PATH_PROPERTY = "dev.ludovic.netlib.blas.nativeLibPath";
    static final String NAME_PROPERTY = "dev.ludovic.netlib.blas.nativeLib";
    static final String DEFAULT_NAME = "libblas.so.3";

    private static final Path LD_SO_CACHE = Path.of("/etc/ld.so.cache");
    private static final List<String> DEFAULT_DIRS = List.of("/lib", "/usr/lib", "/lib64", "/usr/lib64");

    private BlasLibraryProbe() { }

    /** The library netlib would open: the path or name from netlib's properties, else {@code libblas.so.3}. */
    static String wantedName() {
        String path = System.getProperty(PATH_PROPERTY);
        if (path != null && !path.isBlank()) return path;
        String name = System.getProperty(NAME_PROPERTY);
        return name != null && !name.isBlank() ? name : DEFAULT_NAME;
    }

    /** Whether the probe applies: only Linux has the search rules implemented here. */
    static boolean supported() {
        return System.getProperty("os.name", "").startsWith("Linux");
    }

    /** The file {@code name} resolves to (a path is taken as it is), or empty when none is found. */
    static Optional<Path> find(String name) {
        if (name.contains("/")) return usable(name);
        for (String dir : searchDirs(name)) {
            Optional<Path> p = usable(dir + "/" + name);
            if (p.isPresent()) return p;
        }
        return Optional.empty();
    }

    /** Directories to try, in the dynamic linker's order (the cache contributes whole paths' directories). */
    private static List<String> searchDirs(String name) {
        List<String> dirs = new ArrayList<>();
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) {
            for (String d : ld.split(":")) if (!d.isEmpty()) dirs.add(d);
        }
        for (String cached : cachedPaths(name)) dirs.add(cached.substring(0, cached.length() - name.length() - 1));
        dirs.addAll(DEFAULT_DIRS);
        return dirs;
    }

    /**
     * Absolute paths ending in {@code /name} among the NUL-terminated strings of
     * {@code /etc/ld.so.cache} (both the old and the new format keep the paths as plain strings).
     */
    private static List<String> cachedPaths(String name) {
        List<String> found = new ArrayList<>();
        byte[] cache;
        try {
            if (!Files.isReadable(LD_SO_CACHE)) return found;
            cache = Files.readAllBytes(LD_SO_CACHE);
        } catch (IOException | SecurityException e) {
            return found;
        }
        String suffix = "/" + name;
        int start = 0;
        for (int i = 0; i <= cache.length; i++) {
            if (i == cache.length || cache[i] == 0) {
                if (i - start > suffix.length() && cache[start] == '/') {
                    String s = new String(cache, start, i - start, StandardCharsets.ISO_8859_1);
                    if (s.endsWith(suffix)) found.add(s);
                }
                start = i + 1;
            }
        }
        return found;
    }

    /** {@code file} (with links resolved) when it is a readable ELF library of this JVM's word size. */
    private static Optional<Path> usable(String file) {
        try {
            Path p = Path.of(file);
            if (!Files.isRegularFile(p) || !Files.isReadable(p)) return Optional.empty();
            byte[] head = new byte[5];
            try (InputStream in = Files.newInputStream(p)) {
                if (in.readNBytes(head, 0, 5) < 5) return Optional.empty();
            }
            boolean elf = head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F';
            int wantedClass = "32".equals(System.getProperty("sun.arch.data.model")) ? 1 : 2;
            return elf && head[4] == wantedClass ? Optional.of(p.toRealPath()) : Optional.empty();
        } catch (IOException | InvalidPathException | SecurityException e) {
            return Optional.empty();
        }
    }
}

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Build step of occam-cli (run by occam-cli/pom.xml after the shade, before the class-data-sharing
 * training run; a single-file program, started with {@code java -cp asm.jar StackMapFrames.java}):
 * rewrites the pre-Java-6 class files under the given package prefixes of a jar (picocli's, and
 * netlib's {@code org.netlib.util}) as Java 6 class files with stack map frames computed by ASM.
 *
 * <p>Why: picocli is compiled for Java 5. The JVM checks such class files with the old
 * type-inferring verifier at every start, and CDS refuses to archive them (pre-Java-6 classes, and
 * classes that needed the old verifier), so {@code occam.jsa} held none of picocli's ~170 classes
 * that every command loads. With frames the classes pass the split verifier at archive time and
 * come from the archive ready-made. The bytecode itself is unchanged: only the version and the
 * StackMapTable attributes differ. Version 50 (not 51+) keeps the JVM's fallback to the old
 * verifier should a computed frame ever be refused, so the rewrite cannot break a class.
 *
 * <p>usage: StackMapFrames JAR PREFIX... The jar is replaced atomically; on any failure it is left
 * as it was and the exit status is 1 (the build accepts it: an archive without picocli only costs
 * start-up time).
 */
public final class StackMapFrames {
    private StackMapFrames() { }

    public static void main(String[] args) {
        try {
            Path jar = Path.of(args[0]);
            rewrite(jar, java.util.List.of(args).subList(1, args.length));   // silent on success, as the rest of a quiet build
        } catch (IOException | RuntimeException e) {
            System.err.println("StackMapFrames: " + e);
            System.exit(1);
        }
    }

    private static int rewrite(Path jar, java.util.List<String> prefixes) throws IOException {
        Path tmp = jar.resolveSibling(jar.getFileName() + ".frames.tmp");
        int n = 0;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
             JarFile in = new JarFile(jar.toFile());
             JarOutputStream out = new JarOutputStream(Files.newOutputStream(tmp))) {
            for (Enumeration<JarEntry> e = in.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                byte[] data;
                try (InputStream s = in.getInputStream(entry)) {
                    data = s.readAllBytes();
                }
                String name = entry.getName();
                if (name.endsWith(".class") && prefixes.stream().anyMatch(name::startsWith) && majorVersion(data) < Opcodes.V1_6) {
                    data = withFrames(data, loader);
                    n++;
                }
                JarEntry copy = new JarEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(data);
                out.closeEntry();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return n;
    }

    private static int majorVersion(byte[] classFile) {
        return ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
    }

    /** The class with version 50 and frames computed from scratch (the common superclass of two types from the jar's classes). */
    private static byte[] withFrames(byte[] classFile, ClassLoader loader) {
        ClassReader reader = new ClassReader(classFile);
        // not new ClassWriter(reader, …): that copies unchanged methods as they are, without frames
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() {
                return loader;
            }
        };
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                super.visit(Opcodes.V1_6, access, name, signature, superName, interfaces);
            }
        }, ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }
}

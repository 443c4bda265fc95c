package dev.occam.io;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file all at once or not at all: the content goes to a temporary file in the target's
 * directory (same file system, so the final rename is atomic), is forced to disk, and is then moved
 * over the target with {@link StandardCopyOption#ATOMIC_MOVE}. If writing fails at any point the
 * temporary file is deleted and the target is left as it was (absent, or its previous content).
 */
public final class AtomicFiles {
    private AtomicFiles() { }

    /** Code that writes the content of a file. */
    @FunctionalInterface
    public interface Body<T> {
        /** Writes everything to {@code out}; need not flush or close it. */
        void write(T out) throws IOException;
    }

    /**
     * Writes bytes to {@code target} atomically.
     *
     * @param target the file to create or replace; its directory must exist
     * @param body writes the content
     * @throws IOException from the body, or when the file cannot be created or moved into place
     */
    public static void write(Path target, Body<OutputStream> body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = createTemp(dir, absolute.getFileName().toString());
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                OutputStream raw = Channels.newOutputStream(channel);
                // The body may close what it is given (CSV and JSON writers do); the channel must stay
                // open until its content is forced to disk.
                OutputStream shielded = new BufferedOutputStream(raw, 1 << 16) {
                    @Override public void close() throws IOException { flush(); }
                };
                body.write(shielded);
                shielded.flush();
                channel.force(true);
            }
            Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Writes UTF-8 text to {@code target} atomically.
     *
     * @param target the file to create or replace; its directory must exist
     * @param body writes the text
     * @throws IOException from the body, or when the file cannot be created or moved into place
     */
    public static void writeText(Path target, Body<Writer> body) throws IOException {
        write(target, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                @Override public void close() throws IOException { flush(); }
            };
            body.write(w);
            w.flush();
        });
    }

    /** Creates an empty, hidden temporary file next to the target (with default permissions, unlike createTempFile). */
    private static Path createTemp(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
            // Short enough for any file system's name limit whatever the target's name.
            String stem = name.length() > 100 ? name.substring(0, 100) : name;
            Path tmp = dir.resolve("." + stem + "." + suffix + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) throw e;
            }
        }
    }
}

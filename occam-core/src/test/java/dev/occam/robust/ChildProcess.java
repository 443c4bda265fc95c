package dev.occam.robust;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a main class of this test class path in a fresh JVM, for tests that must kill a real
 * process ({@link Process#destroyForcibly()} is SIGKILL on Linux: no shutdown hook, no finally
 * block, no flush runs). stdout is a pipe the test reads; stderr goes to a file so that a full
 * pipe never blocks the child.
 */
final class ChildProcess {
    private ChildProcess() { }

    /**
     * @param heap the child's -Xmx, e.g. "256m"
     * @param stderr where the child's stderr goes
     * @param properties extra JVM options
     */
    static Process start(String heap, Path stderr, List<String> properties, Class<?> main, Object... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        // one compiler thread and no tiered warm-up surprises: the children share 2 cores with the build
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(properties);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        for (Object a : args) command.add(String.valueOf(a));
        try {
            Process p = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()))
                    .start();
            p.getOutputStream().close();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

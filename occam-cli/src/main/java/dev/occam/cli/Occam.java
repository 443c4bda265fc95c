package dev.occam.cli;

import dev.occam.data.DataFormatException;
import dev.occam.linalg.NativeBlas;
import dev.occam.linalg.Simd;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;

/**
 * The {@code occam} command: entry point, subcommands, and the mapping of every failure to one
 * line on stderr and an exit status (0 success, 2 user error, 1 internal error).
 */
@Command(name = "occam", mixinStandardHelpOptions = true, versionProvider = Occam.Version.class,
        description = "Regularized learning: exact elastic-net paths (glmnet's algorithm) for gaussian, "
                + "binomial, multinomial and poisson models.",
        // subcommands: added by Subcommands.register (only the one named, when one is)
        footer = {"", "Exit status: 0 success, 2 bad input or options (one line on stderr), 3 not enough memory (one line naming "
                + "the heap limit to raise: OCCAM_JAVA_OPTS=-Xmx...), 1 internal error."})
public final class Occam implements Callable<Integer> {

    /** Exit status of a user error: bad data, bad options, a missing file. */
    public static final int USER_ERROR = 2;

    /** Exit status of a bug or an unexpected failure. */
    public static final int INTERNAL_ERROR = 1;

    /** Exit status when the data need more memory than the Java heap allows (one line saying how much and what to raise). */
    public static final int NO_MEMORY = 3;

    @Spec
    CommandSpec spec;

    /**
     * Inherited by every subcommand ({@code occam fit --verbose …} and {@code occam --verbose fit …}
     * both work). Without it a missing optional native library prints nothing.
     */
    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print on stderr, once, which BLAS (native OpenBLAS or pure Java, and why) and which SIMD kernels are in use.")
    boolean verbose;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command: demo, fit, path, cv, predict or train (see occam --help)");
    }

    public static void main(String[] args) {
        Preload.start(args);
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int status = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /**
     * Runs the command line {@code args} with the given output streams and returns the exit status
     * (no {@code System.exit}, so tests run it in-process).
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Occam occam = new Occam();
        CommandLine cmd = Subcommands.register(new CommandLine(occam), args)
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(Occam::badOptions)
                .setExecutionExceptionHandler((e, c, parsed) -> failure(e, c.getErr()))
                .setExecutionStrategy(parsed -> execute(occam, parsed, err));
        try {
            return cmd.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli passes Errors through; what held the memory is unreachable by now, so printing works
            err.println("occam: " + MemoryCheck.outOfMemory(args.length > 0 ? args[0] : null));
            return NO_MEMORY;
        }
    }

    /** Runs the parsed command, after the {@code --verbose} lines when asked for. */
    private static int execute(Occam occam, ParseResult parsed, PrintWriter err) {
        if (occam.verbose) {
            for (String line : environment()) err.println("occam: " + line);
        }
        return new RunLast().execute(parsed);
    }

    /** What {@code --version} and {@code --verbose} report besides the version: the BLAS and the SIMD kernels in use. */
    static String[] environment() {
        return new String[] {"BLAS: " + NativeBlas.describe(), "SIMD: " + Simd.describe()};
    }

    /** Bad or missing options: one line, status 2 (picocli would print the whole usage). */
    private static int badOptions(ParameterException e, String[] args) {
        String message = e.getMessage();
        if (e instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            message += " (did you mean " + String.join(" or ", u.getSuggestions()) + "?)";
        }
        e.getCommandLine().getErr().println("occam: " + oneLine(message));
        return USER_ERROR;
    }

    /** An exception from a command: one line; status 2 for the user's errors, 1 for ours. */
    static int failure(Exception e, PrintWriter err) {
        if (e instanceof MemoryCheck.NotEnoughMemory) {
            err.println("occam: " + e.getMessage());
            return NO_MEMORY;
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            // an OutOfMemoryError of a worker thread arrives wrapped (CompletionException, ExecutionException)
            if (c instanceof OutOfMemoryError) {
                err.println("occam: " + MemoryCheck.outOfMemory(null));
                return NO_MEMORY;
            }
        }
        String userMessage = userMessage(e);
        if (userMessage != null) {
            err.println("occam: " + oneLine(userMessage));
            return USER_ERROR;
        }
        err.println("occam: internal error: " + oneLine(String.valueOf(e)));
        if (System.getenv("OCCAM_DEBUG") != null) {
            e.printStackTrace(err);
        } else {
            err.println("occam: (set OCCAM_DEBUG=1 for the stack trace)");
        }
        return INTERNAL_ERROR;
    }

    /** The message to show when {@code e} is the user's error, else null. */
    private static String userMessage(Exception e) {
        if (e instanceof DataFormatException || e instanceof IllegalArgumentException || e instanceof ParameterException) {
            return e.getMessage();
        }
        if (e instanceof java.io.UncheckedIOException u) return userMessage(u.getCause());
        if (e instanceof NoSuchFileException f) return f.getFile() + ": no such file";
        if (e instanceof AccessDeniedException f) return f.getFile() + ": permission denied";
        if (e instanceof FileSystemException f) {
            return f.getFile() + ": " + (f.getReason() != null ? f.getReason() : f.getClass().getSimpleName());
        }
        if (e instanceof IOException) return e.getMessage() != null ? e.getMessage() : e.toString();
        return null;
    }

    private static String oneLine(String s) {
        if (s == null) return "";
        return s.strip().replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }

    /** The version from the jar's manifest (set by the build), then the BLAS and SIMD kernels in use. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Occam.class.getPackage().getImplementationVersion();
            String[] env = environment();
            String[] lines = new String[env.length + 1];
            lines[0] = "occam " + (v != null ? v : "(development build)");
            System.arraycopy(env, 0, lines, 1, env.length);
            return lines;
        }
    }
}

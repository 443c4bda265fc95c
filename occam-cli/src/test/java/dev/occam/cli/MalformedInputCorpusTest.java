package dev.occam.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The malformed-input corpus ({@code src/test/resources/malformed/}, described by its
 * {@code manifest.tsv}): every case is a command line that must fail as a user error, run
 * in-process twice: once with no output file (none may appear, nor any other file in the output
 * folder) and once with output files already there (they must be left byte for byte as they were).
 * Each run must exit with status 2 and print exactly one line on stderr, {@code occam: ...}, with no
 * stack trace or exception name, naming the file it is about (at the line and column, for a data
 * file) and containing the manifest's fragment.
 */
class MalformedInputCorpusTest {

    private static final String MANIFEST = "manifest.tsv";
    private static final byte[] PREVIOUS = "an output file from an earlier run\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path work;
    private static Path corpus;

    /** One line of the manifest. */
    record Case(String name, int status, String names, String fragment, List<String> args) {
        @Override public String toString() { return name; }
    }

    @BeforeAll
    static void copyCorpus() throws IOException {
        corpus = Files.createDirectories(work.resolve("corpus"));
        try (Stream<Path> files = Files.list(resources())) {
            for (Path f : files.toList()) Files.copy(f, corpus.resolve(f.getFileName().toString()));
        }
    }

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(resources().resolve(MANIFEST), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            assertThat(f).as("manifest line %s", line).hasSize(5);
            cases.add(new Case(f[0], Integer.parseInt(f[1]), f[2], f[3], Arrays.asList(f[4].split(" "))));
        }
        return cases;
    }

    @Test
    void theCorpusCoversEveryCommandWithAtLeastFiftyCases() throws IOException {
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(50);
        assertThat(cases.stream().map(Case::name).collect(Collectors.toSet())).hasSameSizeAs(cases);
        Set<String> commands = cases.stream().map(c -> c.args().get(0)).collect(Collectors.toCollection(TreeSet::new));
        assertThat(commands).containsExactly("convert", "cv", "fit", "path", "predict", "train");
        assertThat(cases).allSatisfy(c -> assertThat(c.status()).as(c.name()).isEqualTo(Occam.USER_ERROR));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsWithOneLineAndWritesNothing(Case c) throws IOException {
        Path fresh = Files.createDirectories(work.resolve("out-" + c.name()));
        String message = runAndCheck(c, fresh);
        assertThat(listing(fresh)).as("files written by %s", c.name()).isEmpty();

        Path existing = Files.createDirectories(work.resolve("existing-" + c.name()));
        List<Path> outputs = outputs(c, existing);
        for (Path o : outputs) Files.write(o, PREVIOUS);
        assertThat(runAndCheck(c, existing)).as("the message with output files already there").isEqualTo(message);
        for (Path o : outputs) assertThat(Files.readAllBytes(o)).as("%s after %s", o.getFileName(), c.name()).isEqualTo(PREVIOUS);
        assertThat(listing(existing)).as("files in the output folder after %s", c.name())
                .containsExactlyInAnyOrderElementsOf(outputs.stream().map(p -> p.getFileName().toString()).toList());
    }

    /** Runs the case with its outputs in {@code outDir}, checks status and stderr, returns the message. */
    private static String runAndCheck(Case c, Path outDir) {
        CliRun r = CliRun.of(c.args().stream().map(a -> resolve(a, outDir)).toArray());
        assertThat(r.status()).as("exit status of %s; stderr: %s", c.name(), r.err()).isEqualTo(c.status());
        assertThat(r.errLines()).as("stderr of %s", c.name()).hasSize(1);
        assertThat(r.err()).as("stderr of %s", c.name()).startsWith("occam: ").doesNotContain("\tat ").doesNotContain("Exception");
        String message = r.errLines().get(0);
        assertThat(message).as(c.name()).contains(c.fragment());
        if (!c.names().equals("-")) {
            // FILE, FILE:LINE or FILE:LINE:COLUMN, with FILE as the path given on the command line
            assertThat(message).as("%s names the file", c.name()).contains(corpus.resolve(c.names()).toString());
        }
        return message;
    }

    /** A corpus file's name becomes its path; {out}/NAME a file in {@code outDir}. */
    private static String resolve(String arg, Path outDir) {
        if (arg.startsWith("{out}/")) return outDir.resolve(arg.substring("{out}/".length())).toString();
        if (arg.startsWith("absent.") || Files.exists(corpus.resolve(arg))) {
            return arg.contains("/") || arg.startsWith("-") ? arg : corpus.resolve(arg).toString();
        }
        return arg;
    }

    private static List<Path> outputs(Case c, Path outDir) {
        return c.args().stream().filter(a -> a.startsWith("{out}/")).map(a -> outDir.resolve(a.substring("{out}/".length()))).toList();
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static Path resources() {
        try {
            return Path.of(MalformedInputCorpusTest.class.getResource("/malformed/" + MANIFEST).toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("the malformed-input corpus is not on the class path", e));
        }
    }
}

package dev.occam.cli;

import dev.occam.linalg.NativeBlas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A missing optional native BLAS prints nothing; {@code --verbose} mentions it once and
 * {@code --version} names the BLAS and SIMD kernels in use.
 *
 * <p>The absent library is simulated on any machine, with or without OpenBLAS, by pointing netlib's
 * JNI shim at a library name that does not exist ({@code -Ddev.ludovic.netlib.blas.nativeLib}):
 * its {@code dlopen} then fails exactly as when {@code libblas.so.3} is missing. Each case runs in a
 * fresh JVM, because the look-up happens once per process and the shim writes to file descriptor 2.
 */
class QuietOutputTest {
    private static final String ABSENT = "libocc-absent-blas.so.3";
    private static final List<String> NO_BLAS = List.of("-Ddev.ludovic.netlib.blas.nativeLib=" + ABSENT);
    private static final Path DIABETES = Path.of("..", "data", "diabetes.csv");

    @TempDir
    Path dir;

    /** The control: left to itself, netlib does print its failed dlopen under these properties. */
    @Test
    void netlibAlonePrintsTheFailedLoad() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "netlib's JNI shim message is checked on Linux");
        ChildJvm r = ChildJvm.run(NO_BLAS, NetlibDirect.class);
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("JNIBLAS");
        assertThat(r.err()).contains("dlopen(" + ABSENT + ") failed");
    }

    @Test
    void fitAndCvPrintNothingWhenTheNativeLibraryIsMissing() {
        Path model = dir.resolve("model.json");
        ChildJvm fit = ChildJvm.run(NO_BLAS, Occam.class, "fit", "--data", DIABETES, "--target", "y", "--out", model, "--quiet");
        assertThat(fit.status()).as(fit.err()).isZero();
        assertThat(fit.err()).isEmpty();
        assertThat(model).isNotEmptyFile();

        // cv predicts the held-out rows through netlib's dgemm, so it initializes netlib
        Path cv = dir.resolve("cv");
        ChildJvm r = ChildJvm.run(NO_BLAS, Occam.class, "cv", "--data", DIABETES, "--target", "y", "--folds", 3,
                "--out", cv, "--quiet");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEmpty();
    }

    @Test
    void verboseMentionsTheMissingLibraryOnce() throws Exception {
        Path model = dir.resolve("model.json");
        ChildJvm r = ChildJvm.run(NO_BLAS, Occam.class, "fit", "--verbose", "--data", DIABETES, "--target", "y",
                "--out", model, "--quiet");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.errLines()).containsExactly(
                "occam: BLAS: pure Java (no native BLAS: " + ABSENT
                        + " not found in the library search path; on Debian: apt-get install libopenblas0-pthread)",
                "occam: SIMD: vector kernels off: plain loops (the JVM was started without --add-modules jdk.incubator.vector)");
        assertThat(Files.size(model)).isPositive();
    }

    @Test
    void versionSaysWhyTheBlasIsPureJava() {
        ChildJvm absent = ChildJvm.run(NO_BLAS, Occam.class, "--version");
        assertThat(absent.status()).isZero();
        assertThat(absent.err()).isEmpty();
        assertThat(absent.out().lines().toList()).hasSize(3)
                .element(1).isEqualTo("BLAS: pure Java (no native BLAS: " + ABSENT
                        + " not found in the library search path; on Debian: apt-get install libopenblas0-pthread)");

        ChildJvm disabled = ChildJvm.run(List.of("-Doccam.blas=java", "-Doccam.simd=false"), Occam.class, "--version");
        assertThat(disabled.err()).isEmpty();
        assertThat(disabled.out().lines().toList()).containsExactly(disabled.out().lines().findFirst().orElseThrow(),
                "BLAS: pure Java (native BLAS disabled by -Doccam.blas=java)",
                "SIMD: vector kernels off: plain loops (disabled by -Doccam.simd=false)");
    }

    /** In this JVM (surefire starts it with the vector module): whatever BLAS was found is named. */
    @Test
    void versionNamesTheBlasOfThisProcess() {
        List<String> lines = CliRun.of("--version").ok().out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("occam ");
        assertThat(lines.get(1)).isEqualTo("BLAS: " + NativeBlas.describe())
                .startsWith(NativeBlas.available() ? "BLAS: native " : "BLAS: pure Java (");
        assertThat(lines.get(2)).startsWith("SIMD: vector kernels on (jdk.incubator.vector, ");
    }

    /** With OpenBLAS installed the JNI path is taken and named (skipped on machines without it). */
    @Test
    void versionNamesTheNativeLibraryWhenPresent() {
        assumeTrue(NativeBlas.status() == NativeBlas.Status.NATIVE, "no native BLAS on this machine: " + NativeBlas.describe());
        ChildJvm r = ChildJvm.run(List.of(), Occam.class, "--version");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("BLAS: native ").contains(" via JNI (/");
    }
}

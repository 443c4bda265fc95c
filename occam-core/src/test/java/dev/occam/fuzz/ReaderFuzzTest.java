package dev.occam.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.occam.data.CsvReader;
import dev.occam.data.DataFormatException;
import dev.occam.data.IdxReader;
import dev.occam.data.LibSvmReader;
import dev.occam.data.ReadOptions;
import dev.occam.data.ReaderPaths;
import dev.occam.data.TargetKind;
import dev.occam.io.ModelFile;
import dev.occam.nn.CheckpointFiles;
import dev.occam.nn.NetworkFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every file reader on arbitrary bytes. The property: the read succeeds, or fails with the
 * reader's own exception ({@link DataFormatException}; for checkpoints the documented
 * {@link IllegalArgumentException}) whose message is one line starting with the file's name.
 * Anything else (a NullPointerException, an index out of bounds, an OutOfMemoryError from a size
 * the file declares, a hang) is a crash. The CSV and LibSVM readers have a parallel byte path and a
 * sequential text path; both must give the same data set or the same message, also when the file is
 * cut into tiny chunks.
 *
 * <p>Plain {@code mvn test} runs each method on the committed inputs in
 * {@code src/test/resources/dev/occam/fuzz/ReaderFuzzTestInputs/<method>/}; {@code bin/fuzz METHOD
 * MINUTES} fuzzes one method (Jazzer fuzzes one method per run).
 */
class ReaderFuzzTest {

    /** One folder for the files the readers get (each method overwrites its own file). */
    private static final Path DIR = tempDir();

    /** Chunks this small cut every non-trivial input into several, testing the joins. */
    private static final int TINY_CHUNKS = 5;

    /** Numeric target, class target with weights, features only (as predict reads): the CSV seeds use columns a, b, y, w. */
    private static final List<ReadOptions> CSV_OPTIONS = List.of(
            ReadOptions.numeric("y"),
            ReadOptions.classes("y").withWeights("w"),
            ReadOptions.featuresOnly(List.of("b", "a")));

    @FuzzTest(maxDuration = "10s")
    void csv(byte[] input) throws Exception {
        Path f = write("data.csv", input);
        for (ReadOptions o : CSV_OPTIONS) {
            Outcome read = Outcome.of(f, DataFormatException.class, () -> Describe.dataset(CsvReader.read(f, o)));
            Outcome text = Outcome.of(f, DataFormatException.class, () -> Describe.dataset(ReaderPaths.csvQuoted(f, o)));
            Outcome tiny = Outcome.of(f, DataFormatException.class, () -> Describe.dataset(ReaderPaths.csvParallel(f, o, TINY_CHUNKS)));
            assertEquals(text, read, "CsvReader.read and the FastCSV path differ");
            if (tiny != null) assertEquals(text, tiny, "the parallel path in tiny chunks and the FastCSV path differ");
        }
    }

    @FuzzTest(maxDuration = "10s")
    void libsvm(byte[] input) throws Exception {
        Path f = write("data.libsvm", input);
        for (TargetKind kind : TargetKind.values()) {
            for (int minFeatures : new int[] {0, 3}) {
                Outcome read = Outcome.of(f, DataFormatException.class, () -> Describe.dataset(LibSvmReader.read(f, kind, minFeatures)));
                Outcome lines = Outcome.of(f, DataFormatException.class, () -> Describe.dataset(ReaderPaths.libSvmLines(f, kind, minFeatures)));
                Outcome tiny = Outcome.of(f, DataFormatException.class,
                        () -> Describe.dataset(ReaderPaths.libSvmParallel(f, kind, minFeatures, TINY_CHUNKS)));
                assertEquals(lines, read, "LibSvmReader.read and the line reader differ");
                if (tiny != null) assertEquals(lines, tiny, "the parallel path in tiny chunks and the line reader differ");
            }
        }
    }

    @FuzzTest(maxDuration = "10s")
    void idx(byte[] input) throws Exception {
        Path f = write("images-idx3-ubyte", input);
        Outcome.of(f, DataFormatException.class, () -> {
            IdxReader.IdxArray a = IdxReader.read(f, 1f / 255);
            assertEquals(a.values().length, (long) a.items() * a.itemSize(), "values for the dimensions");
            return Arrays.toString(a.dims());
        });
    }

    @FuzzTest(maxDuration = "10s")
    void model(byte[] input) throws Exception {
        Path f = write("model.json", input);
        NetworkFile.isNetworkFile(f);   // predict asks this of every model file: it must not throw
        Outcome.of(f, DataFormatException.class, () -> ModelFile.read(f).toString());
    }

    @FuzzTest(maxDuration = "10s")
    void network(byte[] input) throws Exception {
        Path f = write("net.json", input);
        Outcome.of(f, DataFormatException.class, () -> NetworkFile.read(f).toString());
    }

    /**
     * A checkpoint: the bytes as they are (the checksum rejects nearly all), and the bytes with
     * the checksum they need appended, so the parser behind the checksum is fuzzed too (the
     * committed inputs are checkpoints without their last 8 bytes).
     */
    @FuzzTest(maxDuration = "10s")
    void checkpoint(byte[] input) throws Exception {
        Path raw = write("raw.ckpt", input);
        Outcome.of(raw, IllegalArgumentException.class, () -> String.valueOf(CheckpointFiles.read(raw)));
        Path f = write("train.ckpt", CheckpointFiles.withChecksum(input));
        Outcome.of(f, IllegalArgumentException.class, () -> String.valueOf(CheckpointFiles.read(f)));
    }

    private static Path write(String name, byte[] input) throws IOException {
        Path f = DIR.resolve(name);
        Files.write(f, input);
        f.toFile().deleteOnExit();
        assertTrue(Files.size(f) == input.length);
        return f;
    }

    private static Path tempDir() {
        try {
            Path d = Files.createTempDirectory("occam-fuzz");
            d.toFile().deleteOnExit();
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

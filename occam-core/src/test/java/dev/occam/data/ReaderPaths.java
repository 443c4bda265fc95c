package dev.occam.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The two ways each text reader has of reading a file, opened to tests in other packages (the
 * fuzz tests in {@code dev.occam.fuzz} check that both ways agree on every input): the parallel
 * byte path with a chosen chunk size, and the sequential text path it falls back to.
 */
public final class ReaderPaths {
    private ReaderPaths() { }

    /** {@link ParallelCsv}: the data set, or null when the file needs FastCSV. */
    public static Dataset csvParallel(Path file, ReadOptions o, int chunkBytes) throws IOException {
        Cells.requireRegularFile(file);
        return ParallelCsv.read(file, o, chunkBytes);
    }

    /** FastCSV's path of {@link CsvReader}, which reads any file. */
    public static Dataset csvQuoted(Path file, ReadOptions o) throws IOException {
        return CsvReader.readQuoted(file, o);
    }

    /** {@link ParallelLibSvm}: the data set, or null when the file needs the line reader. */
    public static Dataset libSvmParallel(Path file, TargetKind kind, int minFeatures, int chunkBytes) throws IOException {
        Cells.requireRegularFile(file);
        LibSvmRows rows = ParallelLibSvm.read(file, kind, chunkBytes);
        return rows == null ? null : LibSvmReader.dataset(file.toString(), rows, kind, minFeatures);
    }

    /** The line-by-line path of {@link LibSvmReader}, which reads any file. */
    public static Dataset libSvmLines(Path file, TargetKind kind, int minFeatures) throws IOException {
        return LibSvmReader.dataset(file.toString(), LibSvmReader.readLines(file, kind), kind, minFeatures);
    }
}

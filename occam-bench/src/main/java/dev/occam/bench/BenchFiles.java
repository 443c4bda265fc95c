package dev.occam.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The benchmark data layout: raw little-endian arrays with no header, one file per array, so that
 * R ({@code readBin(..., endian = "little")}), numpy ({@code fromfile(dtype="<f8")}) and Java (a
 * little-endian {@link ByteBuffer}) read them at disk speed. A data set directory holds
 * <ul>
 *   <li>dense: {@code X.f64} — n·p float64, column-major (column j at offset j·n);</li>
 *   <li>sparse (CSC): {@code colptr.i32} (p+1 int32), {@code rowind.i32} and {@code values.f64}
 *       (nnz entries each, rows increasing within a column, 0-based);</li>
 *   <li>{@code y.f64} — n float64 (the 0/1 label for binomial data);</li>
 *   <li>{@code lambda-alpha<α>.f64} — the λ sequence every tool fits for that α;</li>
 *   <li>{@code meta.json} — n, p, kind, family and how the data were made; written last, so a
 *       directory without it is incomplete.</li>
 * </ul>
 * Writes go to a temporary file that is moved into place, so no reader sees a half-written array.
 */
final class BenchFiles {
    private static final int CHUNK = 1 << 20;

    private BenchFiles() { }

    static void writeDoubles(Path file, double[] values) {
        writeAtomically(file, channel -> {
            ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (int start = 0; start < values.length; start += CHUNK) {
                int end = Math.min(values.length, start + CHUNK);
                buf.clear();
                buf.asDoubleBuffer().put(values, start, end - start);
                buf.limit((end - start) * Double.BYTES);
                while (buf.hasRemaining()) channel.write(buf);
            }
        });
    }

    static void writeInts(Path file, int[] values) {
        writeAtomically(file, channel -> {
            ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (int start = 0; start < values.length; start += CHUNK) {
                int end = Math.min(values.length, start + CHUNK);
                buf.clear();
                buf.asIntBuffer().put(values, start, end - start);
                buf.limit((end - start) * Integer.BYTES);
                while (buf.hasRemaining()) channel.write(buf);
            }
        });
    }

    static void writeString(Path file, String text) {
        writeAtomically(file, channel -> {
            ByteBuffer buf = ByteBuffer.wrap(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            while (buf.hasRemaining()) channel.write(buf);
        });
    }

    /**
     * Reads a float64 array. The file is read through one small direct buffer rather than mapped
     * whole: mapped pages count as resident memory of the process, which would inflate the peak
     * memory this benchmark reports by the size of X.
     */
    static double[] readDoubles(Path file, long expected) {
        long bytes = size(file);
        if (expected >= 0 && bytes != expected * Double.BYTES) {
            throw new IllegalArgumentException(file + ": expected " + expected + " float64 values (" + expected * Double.BYTES
                    + " bytes); found " + bytes + " bytes");
        }
        if (bytes % Double.BYTES != 0 || bytes / Double.BYTES > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(file + ": " + bytes + " bytes is not a float64 array that fits one Java array");
        }
        double[] out = new double[(int) (bytes / Double.BYTES)];
        readInto(file, Double.BYTES, out.length, (buf, at, count) -> buf.asDoubleBuffer().get(out, at, count));
        return out;
    }

    static int[] readInts(Path file, long expected) {
        long bytes = size(file);
        if (expected >= 0 && bytes != expected * Integer.BYTES) {
            throw new IllegalArgumentException(file + ": expected " + expected + " int32 values (" + expected * Integer.BYTES
                    + " bytes); found " + bytes + " bytes");
        }
        if (bytes % Integer.BYTES != 0 || bytes / Integer.BYTES > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(file + ": " + bytes + " bytes is not an int32 array that fits one Java array");
        }
        int[] out = new int[(int) (bytes / Integer.BYTES)];
        readInto(file, Integer.BYTES, out.length, (buf, at, count) -> buf.asIntBuffer().get(out, at, count));
        return out;
    }

    private interface ChunkSink {
        void accept(ByteBuffer littleEndianChunk, int at, int count);
    }

    private static void readInto(Path file, int width, int total, ChunkSink sink) {
        ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK * width).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            int done = 0;
            while (done < total) {
                int count = Math.min(total - done, CHUNK);
                buf.clear().limit(count * width);
                while (buf.hasRemaining()) {
                    if (ch.read(buf) < 0) throw new IOException("unexpected end of file");
                }
                buf.flip();
                sink.accept(buf, done, count);
                done += count;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private interface ChannelWriter {
        void write(FileChannel channel) throws IOException;
    }

    private static void writeAtomically(Path file, ChannelWriter writer) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                writer.write(ch);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}

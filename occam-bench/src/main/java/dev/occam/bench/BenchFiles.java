package dev.occam.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The benchmark data layout: raw little-endian arrays with no header, one file per array, so that
 * R ({@code readBin(..., endian = "little")}), numpy ({@code fromfile(dtype="<f8")}) and Java (a
 * mapped buffer) read them at disk speed. A data set directory holds
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
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long pos = 0;
            int done = 0;
            // Map in windows: one mapping is limited to 2 GB.
            while (done < out.length) {
                int count = Math.min(out.length - done, CHUNK * 64);
                MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, pos, (long) count * Double.BYTES);
                map.order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out, done, count);
                done += count;
                pos += (long) count * Double.BYTES;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return out;
    }

    static int[] readInts(Path file, long expected) {
        long bytes = size(file);
        if (expected >= 0 && bytes != expected * Integer.BYTES) {
            throw new IllegalArgumentException(file + ": expected " + expected + " int32 values (" + expected * Integer.BYTES
                    + " bytes); found " + bytes + " bytes");
        }
        int[] out = new int[(int) (bytes / Integer.BYTES)];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, bytes);
            map.order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return out;
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

package dev.occam.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Cutting a text file into chunks that start at line starts, and reading a chunk into a reused
 * buffer, for the parallel readers ({@link ParallelCsv}, {@link ParallelLibSvm}). Chunks are read
 * with positional reads rather than the whole file into one array: fresh memory costs more than
 * parsing on these machines, and a buffer per thread is touched once.
 */
final class FileChunks {
    private FileChunks() { }

    /** Chunk size: large enough that the per-chunk set-up is negligible, small enough to share work. */
    static final int CHUNK_BYTES = 1 << 20;

    /** Larger files go to the streaming readers (the parallel readers' counts and positions are ints). */
    static final long MAX_BYTES = 1L << 30;

    /** Read size when looking for the line feed after a chunk boundary. */
    private static final int PROBE_BYTES = 1 << 12;

    /** Chunk boundaries from {@code from} to {@code size}, each just after a line feed (small reads find them). */
    static long[] bounds(FileChannel ch, long from, long size, int chunkBytes) throws IOException {
        int pieces = (int) Math.max(1, Math.min(1 << 16, (size - from) / Math.max(1, chunkBytes)));
        long[] bounds = new long[pieces + 1];
        int k = 0;
        bounds[k++] = from;
        byte[] probe = new byte[PROBE_BYTES];
        for (int c = 1; c < pieces; c++) {
            long at = Math.max(from + (size - from) * c / pieces, bounds[k - 1]);
            long cut = -1;
            while (cut < 0 && at < size) {
                int got = readFully(ch, at, probe, (int) Math.min(probe.length, size - at));
                int lf = indexOf(probe, (byte) '\n', 0, got);
                if (lf >= 0) cut = at + lf + 1;
                at += got;
            }
            if (cut > bounds[k - 1] && cut < size) bounds[k++] = cut;
        }
        bounds[k++] = size;
        return Arrays.copyOf(bounds, k);
    }

    /** The length of the longest chunk. */
    /** What a pass does with one chunk, read into {@code buffer[0..length)}. */
    interface ChunkBody {
        void accept(int chunk, byte[] buffer, int length) throws IOException;
    }

    /**
     * One pass over the chunks [bounds[k], bounds[k+1]) on every processor ({@link ChunkWorkers}):
     * each chunk is read into its worker's buffer ({@code buffers[worker]}, allocated here at the
     * longest chunk's size on first use and kept for the next pass) and handed to {@code body}.
     * Afterwards the first I/O error, then the first {@link DataFormatException}, in chunk order,
     * is rethrown, so the error a user sees does not depend on the threads.
     */
    static void forEachChunk(FileChannel ch, long[] bounds, byte[][] buffers, ChunkBody body) throws IOException {
        int chunks = bounds.length - 1;
        int bufferBytes = longest(bounds);
        IOException[] ioErrors = new IOException[chunks];
        DataFormatException[] errors = new DataFormatException[chunks];
        ChunkWorkers.run(chunks, (k, worker) -> {
            try {
                if (buffers[worker] == null) buffers[worker] = new byte[bufferBytes];
                int len = (int) (bounds[k + 1] - bounds[k]);
                readFully(ch, bounds[k], buffers[worker], len);
                body.accept(k, buffers[worker], len);
            } catch (DataFormatException e) {
                errors[k] = e;
            } catch (IOException e) {
                ioErrors[k] = e;
            }
        });
        for (IOException e : ioErrors) if (e != null) throw e;
        for (DataFormatException e : errors) if (e != null) throw e;
    }

    static int longest(long[] bounds) {
        long m = 0;
        for (int k = 0; k + 1 < bounds.length; k++) m = Math.max(m, bounds[k + 1] - bounds[k]);
        return (int) m;
    }

    /** Reads {@code len} bytes at {@code from} into buf[0, len) (fewer only at the end of the file); returns the count. */
    static int readFully(FileChannel ch, long from, byte[] buf, int len) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(buf, 0, len);
        while (bb.hasRemaining()) {
            if (ch.read(bb, from + bb.position()) < 0) break;
        }
        return bb.position();
    }

    /** Index of the first {@code v} in b[from, to), or −1. */
    static int indexOf(byte[] b, byte v, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] == v) return i;
        return -1;
    }

    /** Line feeds in b[0, len); −1 when a carriage return is not followed by a line feed (a lone CR ends lines elsewhere). */
    static int lineFeeds(byte[] b, int len) {
        int l = 0;
        for (int i = 0; i < len; i++) {
            byte c = b[i];
            if (c == '\n') l++;
            else if (c == '\r' && (i + 1 >= len || b[i + 1] != '\n')) return -1;
        }
        return l;
    }
}

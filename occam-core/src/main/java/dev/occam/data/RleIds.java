package dev.occam.data;

import java.nio.ByteBuffer;

/**
 * Decodes Parquet's RLE / bit-packed hybrid encoding of dictionary ids straight into values: each
 * id is looked up in the dictionary's numbers and written to its row, with no call per value into
 * Parquet's stream-based decoder (which reads the page byte by byte through an InputStream).
 *
 * <p>The encoding is a sequence of runs, each with a ULEB128 header: an even header {@code 2k}
 * is k copies of one id stored in ⌈width/8⌉ little-endian bytes; an odd header {@code 2g+1} is g
 * groups of 8 ids bit-packed, least significant bit first, in g·width bytes.
 */
final class RleIds {
    private RleIds() { }

    /**
     * Writes numbers[id] for the next {@code count} ids in {@code in} to out[off …].
     *
     * @return false when the ids run out early, or an id is outside the dictionary (a damaged page)
     */
    static boolean decode(ByteBuffer in, int bitWidth, double[] numbers, double[] out, int off, int count) {
        if (bitWidth > 32) return false;
        int done = 0;
        int idBytes = (bitWidth + 7) / 8;
        long mask = bitWidth == 0 ? 0 : (1L << bitWidth) - 1;
        while (done < count) {
            long header = 0;
            int shift = 0;
            while (true) {
                if (!in.hasRemaining() || shift > 35) return false;
                int b = in.get() & 0xff;
                header |= (long) (b & 0x7f) << shift;
                if (b < 0x80) break;
                shift += 7;
            }
            if ((header & 1) == 0) {
                long run = header >>> 1;
                if (in.remaining() < idBytes) return false;
                int id = 0;
                for (int k = 0; k < idBytes; k++) id |= (in.get() & 0xff) << (8 * k);
                if (id < 0 || id >= numbers.length) return false;
                int n = (int) Math.min(run, count - done);
                java.util.Arrays.fill(out, off + done, off + done + n, numbers[id]);
                done += n;
            } else {
                long groups = header >>> 1;
                long bytes = groups * bitWidth;
                if (bytes > in.remaining()) return false;
                int values = (int) Math.min(groups * 8, count - done);
                int base = in.position();
                // ids are packed LSB first; read them through a 64-bit window
                long window = 0;
                int bits = 0;
                int at = base;
                for (int i = 0; i < values; i++) {
                    while (bits < bitWidth) {
                        window |= (long) (in.get(at++) & 0xff) << bits;
                        bits += 8;
                    }
                    int id = (int) (window & mask);
                    window >>>= bitWidth;
                    bits -= bitWidth;
                    if (id >= numbers.length) return false;
                    out[off + done + i] = numbers[id];
                }
                in.position(base + (int) bytes);
                done += values;
            }
        }
        return true;
    }
}

package dev.occam.data;

import io.airlift.compress.Decompressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import org.apache.parquet.format.CompressionCodec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;

/**
 * Page decompression for {@link ParquetReader}, without Hadoop (whose codec classes Parquet's own
 * factory goes through): SNAPPY, ZSTD and LZ4_RAW with aircompressor (pure Java), GZIP with the
 * JDK. Other codecs (LZO, BROTLI, Hadoop's framed LZ4) fail with a one-line message naming the codec.
 */
final class ParquetCodecs {
    private ParquetCodecs() { }

    /** The codecs read, for messages. */
    static final String SUPPORTED = "UNCOMPRESSED, SNAPPY, GZIP, ZSTD, LZ4_RAW";

    /** Fails unless {@code codec} is one that {@link #decompress} reads. */
    static void require(String file, String column, CompressionCodec codec) {
        switch (codec) {
            case UNCOMPRESSED, SNAPPY, GZIP, ZSTD, LZ4_RAW -> { }
            default -> throw new DataFormatException(file, "column " + DataFormatException.quote(column) + ": compression "
                    + codec + " is not supported; supported are " + SUPPORTED);
        }
    }

    /**
     * The {@code size} bytes that {@code in} (from its position to its limit) decompresses to.
     *
     * @param into where to put them: a reused buffer of at least {@code size} bytes, or null for a fresh one
     * @throws IOException when the bytes are not valid for the codec or decompress to another size
     */
    static ByteBuffer decompress(CompressionCodec codec, ByteBuffer in, int size, byte[] into) throws IOException {
        if (codec == CompressionCodec.UNCOMPRESSED) return in;
        ByteBuffer out = into == null ? ByteBuffer.allocate(size) : ByteBuffer.wrap(into, 0, size);
        switch (codec) {
            case SNAPPY -> block(new SnappyDecompressor(), in, out);
            case ZSTD -> block(new ZstdDecompressor(), in, out);
            case LZ4_RAW -> block(new Lz4Decompressor(), in, out);
            case GZIP -> {
                try (InputStream z = new GZIPInputStream(new ByteArrayInputStream(in.array(), in.arrayOffset() + in.position(),
                        in.remaining()), 1 << 16)) {
                    int n = z.readNBytes(out.array(), 0, size);
                    out.position(n);
                }
            }
            default -> throw new IOException("compression " + codec + " is not supported");
        }
        if (out.position() != size) {
            throw new IOException("a page decompressed to " + out.position() + " bytes; its header says " + size);
        }
        out.flip();
        return out;
    }

    private static void block(Decompressor codec, ByteBuffer in, ByteBuffer out) throws IOException {
        try {
            codec.decompress(in, out);
        } catch (RuntimeException e) {
            // aircompressor reports damaged input with its own unchecked exceptions
            throw new IOException("damaged compressed page (" + e.getMessage() + ")", e);
        }
    }
}

package dev.occam.data;

import io.airlift.compress.Decompressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;

/**
 * The page decompressors of {@link ParquetReader}, without Hadoop: Parquet's own codec factory
 * goes through Hadoop's {@code CompressionCodec} classes (tens of megabytes of jars), so this one
 * decompresses SNAPPY, ZSTD and LZ4_RAW with aircompressor (pure Java) and GZIP with the JDK. Other
 * codecs (LZO, BROTLI, the framed Hadoop LZ4) fail with a one-line message naming the codec.
 *
 * <p>Reading only: {@link #getCompressor} is not supported.
 */
final class ParquetCodecs implements CompressionCodecFactory {

    /** The codecs this factory decompresses, for messages. */
    static final String SUPPORTED = "UNCOMPRESSED, SNAPPY, GZIP, ZSTD, LZ4_RAW";

    private final String file;

    /** @param file the file as the user named it, for messages */
    ParquetCodecs(String file) {
        this.file = file;
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return switch (codec) {
            case UNCOMPRESSED -> new Raw(null);
            case SNAPPY -> new Raw(new SnappyDecompressor());
            case ZSTD -> new Raw(new ZstdDecompressor());
            case LZ4_RAW -> new Raw(new Lz4Decompressor());
            case GZIP -> new Gzip();
            default -> throw new DataFormatException(file, "compression " + codec
                    + " is not supported; supported are " + SUPPORTED);
        };
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        throw new UnsupportedOperationException("ParquetCodecs only reads");
    }

    @Override
    public void release() {
        // nothing pooled
    }

    /** A block codec: the whole page in one array, decompressed into one array (or copied when uncompressed). */
    private static final class Raw implements BytesInputDecompressor {
        private final Decompressor codec;

        Raw(Decompressor codec) {
            this.codec = codec;
        }

        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            if (codec == null) return bytes;
            // the page's bytes as they lie in the chunk read from the file: no copy on the way in
            ByteBuffer in = bytes.toByteBuffer();
            ByteBuffer out = ByteBuffer.allocate(uncompressedSize);
            codec.decompress(in, out);
            if (out.position() != uncompressedSize) {
                throw new IOException("a page decompressed to " + out.position() + " bytes; its header says " + uncompressedSize);
            }
            out.flip();
            return BytesInput.from(out);
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize) throws IOException {
            byte[] in = new byte[compressedSize];
            input.get(in);
            output.put(decompress(BytesInput.from(in), uncompressedSize).toByteArray());
        }

        @Override
        public void release() {
            // stateless
        }
    }

    /** GZIP pages: a gzip stream each, read with the JDK's inflater. */
    private static final class Gzip implements BytesInputDecompressor {
        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            byte[] out = new byte[uncompressedSize];
            try (InputStream in = new GZIPInputStream(bytes.toInputStream(), 1 << 16)) {
                int n = in.readNBytes(out, 0, uncompressedSize);
                if (n != uncompressedSize) {
                    throw new IOException("a page decompressed to " + n + " bytes; its header says " + uncompressedSize);
                }
            }
            return BytesInput.from(out);
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize) throws IOException {
            byte[] in = new byte[compressedSize];
            input.get(in);
            output.put(decompress(BytesInput.from(in), uncompressedSize).toByteArray());
        }

        @Override
        public void release() {
            // stateless
        }
    }
}

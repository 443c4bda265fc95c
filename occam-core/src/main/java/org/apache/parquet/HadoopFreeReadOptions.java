package org.apache.parquet;

import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.format.converter.ParquetMetadataConverter;

import java.util.HashMap;

/**
 * Read options for Occam's Parquet reader that never touch Hadoop. Parquet's public
 * {@code ParquetReadOptions.Builder} creates a Hadoop codec factory in its constructor (and so
 * needs hadoop-common, left out of Occam), even when a codec factory is given later; the options'
 * own constructor does not, but it is package-private, hence this class in Parquet's package
 * (Occam runs on the class path, where a package may span jars). Compiled against the pinned
 * Parquet version, so a changed constructor fails the build, not a user's run.
 */
public final class HadoopFreeReadOptions {
    private HadoopFreeReadOptions() { }

    /** Largest buffer the reader allocates at once (Parquet's default). */
    private static final int MAX_ALLOCATION = 8 << 20;

    /**
     * Options to read every row of a local file: no filters, no checksum verification, no
     * vectored I/O (a local file has none), heap buffers, the given page decompressors.
     */
    public static ParquetReadOptions of(CompressionCodecFactory codecs) {
        return new ParquetReadOptions(
                false,   // useSignedStringMinMax
                false,   // useStatsFilter
                false,   // useDictionaryFilter
                false,   // useRecordFilter
                false,   // useColumnIndexFilter
                false,   // usePageChecksumVerification
                false,   // useBloomFilter
                false,   // useOffHeapDecryptBuffer
                false,   // useHadoopVectoredIo
                FilterCompat.NOOP,
                ParquetMetadataConverter.NO_FILTER,
                codecs,
                new HeapByteBufferAllocator(),
                MAX_ALLOCATION,
                new HashMap<>(),
                null,    // no decryption
                null,    // no metrics callback
                new PlainParquetConfiguration());
    }
}

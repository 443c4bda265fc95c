package dev.occam.bench;

import dev.occam.data.CsvReader;
import dev.occam.data.Dataset;
import dev.occam.data.DenseMatrix;
import dev.occam.data.ReadOptions;
import io.airlift.compress.Compressor;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.zstd.ZstdCompressor;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;

/**
 * Writes the Parquet twin of a numeric CSV file for the end-to-end benchmark: every column a
 * required DOUBLE, in the CSV's order, the values bit for bit those {@link CsvReader} reads, pages
 * compressed with SNAPPY (pandas' and pyarrow's default) unless another codec is named, 128 MiB
 * row groups (Parquet's default). Apache Parquet's writer without Hadoop; SNAPPY and ZSTD from
 * aircompressor.
 *
 * <p>usage: CsvToParquet IN.csv OUT.parquet [UNCOMPRESSED|SNAPPY|ZSTD]
 */
public final class CsvToParquet {
    private CsvToParquet() { }

    public static void main(String[] args) throws IOException {
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        CompressionCodecName codec = args.length > 2 ? CompressionCodecName.valueOf(args[2].toUpperCase(Locale.ROOT))
                : CompressionCodecName.SNAPPY;
        List<String> header;
        try (BufferedReader r = Files.newBufferedReader(in)) {
            header = Arrays.stream(r.readLine().split(",")).map(String::strip).toList();
        }
        Dataset d = CsvReader.read(in, ReadOptions.featuresOnly(header));
        long t0 = System.nanoTime();
        write(out, header, (DenseMatrix) d.x(), codec);
        System.out.printf(Locale.ROOT, "wrote %s: %d rows x %d columns, %s, %.1f MB in %.1f s%n", out, d.rows(), header.size(),
                codec, Files.size(out) / 1e6, (System.nanoTime() - t0) / 1e9);
    }

    static void write(Path out, List<String> names, DenseMatrix x, CompressionCodecName codec) throws IOException {
        List<Type> fields = new ArrayList<>();
        for (String name : names) fields.add(Types.required(PrimitiveTypeName.DOUBLE).named(name));
        MessageType schema = new MessageType("table", fields);
        try (ParquetWriter<Integer> w = new Builder(out, schema, names, x)
                .withConf(new PlainParquetConfiguration())
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCodecFactory(new Compressors())
                .withCompressionCodec(codec)
                .build()) {
            for (int i = 0; i < x.rows(); i++) w.write(i);
        }
    }

    private static final class Builder extends ParquetWriter.Builder<Integer, Builder> {
        private final Rows rows;

        Builder(Path file, MessageType schema, List<String> names, DenseMatrix x) {
            super(new LocalOutputFile(file));
            this.rows = new Rows(schema, names, x);
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Integer> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            return rows;
        }

        @Override
        protected WriteSupport<Integer> getWriteSupport(ParquetConfiguration conf) {
            return rows;
        }
    }

    /** Row i of X, column by column. */
    private static final class Rows extends WriteSupport<Integer> {
        private final MessageType schema;
        private final List<String> names;
        private final DenseMatrix x;
        private RecordConsumer out;

        Rows(MessageType schema, List<String> names, DenseMatrix x) {
            this.schema = schema;
            this.names = names;
            this.x = x;
        }

        @Override
        public WriteContext init(org.apache.hadoop.conf.Configuration conf) {
            return new WriteContext(schema, new HashMap<>());
        }

        @Override
        public WriteContext init(ParquetConfiguration conf) {
            return new WriteContext(schema, new HashMap<>());
        }

        @Override
        public void prepareForWrite(RecordConsumer consumer) {
            out = consumer;
        }

        @Override
        public void write(Integer row) {
            out.startMessage();
            for (int j = 0; j < names.size(); j++) {
                out.startField(names.get(j), j);
                out.addDouble(x.get(row, j));
                out.endField(names.get(j), j);
            }
            out.endMessage();
        }
    }

    /** Page compressors: SNAPPY and ZSTD from aircompressor, or none. */
    private static final class Compressors implements CompressionCodecFactory {
        @Override
        public BytesInputCompressor getCompressor(CompressionCodecName codec) {
            Compressor c = switch (codec) {
                case UNCOMPRESSED -> null;
                case SNAPPY -> new SnappyCompressor();
                case ZSTD -> new ZstdCompressor();
                default -> throw new IllegalArgumentException("codec " + codec + ": use UNCOMPRESSED, SNAPPY or ZSTD");
            };
            return new BytesInputCompressor() {
                @Override
                public BytesInput compress(BytesInput bytes) throws IOException {
                    if (c == null) return bytes;
                    byte[] in = bytes.toByteArray();
                    byte[] out = new byte[c.maxCompressedLength(in.length)];
                    int n = c.compress(in, 0, in.length, out, 0, out.length);
                    return BytesInput.from(out, 0, n);
                }

                @Override
                public CompressionCodecName getCodecName() {
                    return codec;
                }

                @Override
                public void release() { }
            };
        }

        @Override
        public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
            throw new UnsupportedOperationException("write only");
        }

        @Override
        public void release() { }
    }
}

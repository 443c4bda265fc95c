package dev.occam.data;

import io.airlift.compress.Compressor;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.zstd.ZstdCompressor;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes small Parquet files for the tests with Apache Parquet's own writer (no Hadoop: a
 * {@link LocalOutputFile} and compressors from aircompressor and the JDK), so no binary test file
 * is committed. Public for occam-cli's tests (occam-core's test jar).
 */
public final class ParquetTables {
    private ParquetTables() { }

    /**
     * One column: its name, physical type, optional logical type, whether it may hold nulls, and
     * one value per row (Double, Float, Integer, Long, Boolean or String; null for a null).
     */
    public record Col(String name, PrimitiveTypeName type, LogicalTypeAnnotation logical, boolean optional, Object[] values) {
        public static Col of(String name, PrimitiveTypeName type, Object[] values) {
            return new Col(name, type, null, false, values);
        }

        public static Col doubles(String name, double[] v) {
            Object[] o = new Object[v.length];
            for (int i = 0; i < v.length; i++) o[i] = v[i];
            return of(name, PrimitiveTypeName.DOUBLE, o);
        }

        public Col nullable() {
            return new Col(name, type, logical, true, values);
        }

        public Col with(LogicalTypeAnnotation annotation) {
            return new Col(name, type, annotation, optional, values);
        }
    }

    /** How the file is written. */
    public record Layout(CompressionCodecName codec, boolean dictionary, boolean v2, int rowGroupRows, int pageRows) {
        public static Layout plain() {
            return new Layout(CompressionCodecName.UNCOMPRESSED, false, false, Integer.MAX_VALUE, 20_000);
        }
    }

    public static void write(Path file, List<Col> cols, Layout layout) throws IOException {
        List<Type> fields = new ArrayList<>();
        for (Col c : cols) {
            var t = c.optional() ? Types.optional(c.type()) : Types.required(c.type());
            if (c.logical() != null) t = t.as(c.logical());
            fields.add(t.named(c.name()));
        }
        MessageType schema = new MessageType("table", fields);
        int n = cols.get(0).values().length;
        try (ParquetWriter<Integer> w = new Builder(file, schema, cols)
                .withConf(new PlainParquetConfiguration())
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCodecFactory(new Compressors())
                .withCompressionCodec(layout.codec())
                .withDictionaryEncoding(layout.dictionary())
                .withWriterVersion(layout.v2() ? ParquetProperties.WriterVersion.PARQUET_2_0 : ParquetProperties.WriterVersion.PARQUET_1_0)
                .withRowGroupRowCountLimit(layout.rowGroupRows())
                .withPageRowCountLimit(layout.pageRows())
                .build()) {
            for (int i = 0; i < n; i++) w.write(i);
        }
    }

    private static final class Builder extends ParquetWriter.Builder<Integer, Builder> {
        private final MessageType schema;
        private final List<Col> cols;

        Builder(Path file, MessageType schema, List<Col> cols) {
            super(new LocalOutputFile(file));
            this.schema = schema;
            this.cols = cols;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Integer> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            return new Rows(schema, cols);
        }

        @Override
        protected WriteSupport<Integer> getWriteSupport(ParquetConfiguration conf) {
            return new Rows(schema, cols);
        }
    }

    /** Writes row i of the columns. */
    private static final class Rows extends WriteSupport<Integer> {
        private final MessageType schema;
        private final List<Col> cols;
        private RecordConsumer out;

        Rows(MessageType schema, List<Col> cols) {
            this.schema = schema;
            this.cols = cols;
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
            for (int k = 0; k < cols.size(); k++) {
                Col c = cols.get(k);
                Object v = c.values()[row];
                if (v == null) continue;
                out.startField(c.name(), k);
                switch (c.type()) {
                    case DOUBLE -> out.addDouble((Double) v);
                    case FLOAT -> out.addFloat((Float) v);
                    case INT32 -> out.addInteger((Integer) v);
                    case INT64 -> out.addLong((Long) v);
                    case BOOLEAN -> out.addBoolean((Boolean) v);
                    case BINARY -> out.addBinary(Binary.fromString((String) v));
                    default -> throw new IllegalArgumentException(c.type().toString());
                }
                out.endField(c.name(), k);
            }
            out.endMessage();
        }
    }

    /** Page compressors for the writer. */
    private static final class Compressors implements CompressionCodecFactory {
        @Override
        public BytesInputCompressor getCompressor(CompressionCodecName codec) {
            return new BytesInputCompressor() {
                @Override
                public BytesInput compress(BytesInput bytes) throws IOException {
                    byte[] in = bytes.toByteArray();
                    return switch (codec) {
                        case UNCOMPRESSED -> BytesInput.from(in);
                        case SNAPPY -> block(new SnappyCompressor(), in);
                        case ZSTD -> block(new ZstdCompressor(), in);
                        case GZIP -> {
                            ByteArrayOutputStream b = new ByteArrayOutputStream();
                            try (OutputStream z = new GZIPOutputStream(b)) {
                                z.write(in);
                            }
                            yield BytesInput.from(b.toByteArray());
                        }
                        default -> throw new IllegalArgumentException(codec.toString());
                    };
                }

                @Override
                public CompressionCodecName getCodecName() {
                    return codec;
                }

                @Override
                public void release() { }
            };
        }

        private static BytesInput block(Compressor c, byte[] in) {
            byte[] out = new byte[c.maxCompressedLength(in.length)];
            int n = c.compress(in, 0, in.length, out, 0, out.length);
            return BytesInput.from(out, 0, n);
        }

        @Override
        public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
            throw new UnsupportedOperationException("write only");
        }

        @Override
        public void release() { }
    }
}

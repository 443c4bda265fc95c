package dev.occam.cli;

import io.airlift.compress.snappy.SnappyCompressor;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Type;
import org.apache.parquet.format.Util;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny Parquet file for {@link CdsTraining}, so that the start-up archive also holds the classes
 * a Parquet read loads (Thrift footer, page headers, Snappy, the dictionary decoder): written from
 * Parquet's format structures, SNAPPY pages, the first column dictionary-encoded (two values, one
 * bit per id), the others PLAIN. Not a general writer: required DOUBLE columns, one row group.
 */
final class CdsParquetFile {
    private CdsParquetFile() { }

    /** Writes {@code columns} (same length each) named {@code names}; column 0 must hold at most two distinct values. */
    static void write(Path file, List<String> names, double[][] columns) throws IOException {
        int n = columns[0].length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {'P', 'A', 'R', '1'});
        List<SchemaElement> schema = new ArrayList<>();
        SchemaElement root = new SchemaElement("schema");
        root.setNum_children(names.size());
        schema.add(root);
        List<ColumnChunk> chunks = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            SchemaElement e = new SchemaElement(names.get(j));
            e.setType(Type.DOUBLE);
            e.setRepetition_type(FieldRepetitionType.REQUIRED);
            schema.add(e);
            long start = out.size();
            long uncompressed = 0;
            long dictionaryOffset = -1;
            List<Encoding> encodings = new ArrayList<>();
            byte[] values;
            Encoding valueEncoding;
            if (j == 0) {
                double[] dictionary = {columns[0][0], columns[0][0]};
                for (double v : columns[0]) if (v != dictionary[0]) dictionary[1] = v;
                dictionaryOffset = out.size();
                uncompressed += page(out, PageType.DICTIONARY_PAGE, doubles(dictionary), 2, Encoding.PLAIN);
                // bit width 1, then bit-packed groups of 8 ids: header (groups << 1) | 1
                int groups = (n + 7) / 8;
                ByteArrayOutputStream ids = new ByteArrayOutputStream();
                ids.write(1);
                for (int h = (groups << 1) | 1; ; h >>>= 7) {
                    if (h < 0x80) {
                        ids.write(h);
                        break;
                    }
                    ids.write((h & 0x7f) | 0x80);
                }
                byte[] packed = new byte[groups];
                for (int i = 0; i < n; i++) if (columns[0][i] == dictionary[1]) packed[i / 8] |= (byte) (1 << (i % 8));
                ids.write(packed);
                values = ids.toByteArray();
                valueEncoding = Encoding.RLE_DICTIONARY;
                encodings.add(Encoding.PLAIN);
            } else {
                values = doubles(columns[j]);
                valueEncoding = Encoding.PLAIN;
            }
            long dataOffset = out.size();
            uncompressed += page(out, PageType.DATA_PAGE, values, n, valueEncoding);
            encodings.add(valueEncoding);
            ColumnMetaData meta = new ColumnMetaData(Type.DOUBLE, encodings, List.of(names.get(j)), CompressionCodec.SNAPPY,
                    n, uncompressed, out.size() - start, dataOffset);
            if (dictionaryOffset >= 0) meta.setDictionary_page_offset(dictionaryOffset);
            ColumnChunk chunk = new ColumnChunk(start);
            chunk.setMeta_data(meta);
            chunks.add(chunk);
        }
        FileMetaData footer = new FileMetaData(1, schema, n, List.of(new RowGroup(chunks, out.size() - 4, n)));
        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        Util.writeFileMetaData(footer, meta);
        out.write(meta.toByteArray());
        out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(meta.size()).array());
        out.write(new byte[] {'P', 'A', 'R', '1'});
        Files.write(file, out.toByteArray());
    }

    /** Writes one SNAPPY page (header, then the compressed bytes) and returns its uncompressed size with header. */
    private static long page(ByteArrayOutputStream out, PageType type, byte[] bytes, int count, Encoding encoding) throws IOException {
        SnappyCompressor snappy = new SnappyCompressor();
        byte[] compressed = new byte[snappy.maxCompressedLength(bytes.length)];
        int size = snappy.compress(bytes, 0, bytes.length, compressed, 0, compressed.length);
        PageHeader h = new PageHeader(type, bytes.length, size);
        if (type == PageType.DICTIONARY_PAGE) {
            h.setDictionary_page_header(new DictionaryPageHeader(count, encoding));
        } else {
            h.setData_page_header(new DataPageHeader(count, encoding, Encoding.RLE, Encoding.RLE));
        }
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        Util.writePageHeader(h, header);
        out.write(header.toByteArray());
        out.write(compressed, 0, size);
        return header.size() + bytes.length;
    }

    private static byte[] doubles(double[] v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : v) b.putDouble(x);
        return b.array();
    }
}

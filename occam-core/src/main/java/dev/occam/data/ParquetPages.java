package dev.occam.data;

import dev.occam.data.ParquetColumns.Column;
import dev.occam.data.ParquetColumns.Kind;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Decodes the pages of one numeric column chunk straight into a slice of a {@code double[]} (a
 * column of X, or y, or the weights). Parquet's record-level {@code ColumnReaderImpl} makes
 * several calls per value (levels, value, consume) and costs about 200 ns a value here; this
 * reads a page's definition levels only to find a null (an error anyway) and copies PLAIN values
 * in bulk ({@code DoubleBuffer.get} for DOUBLE), so a DOUBLE page goes at memory speed. Other
 * encodings (dictionary, delta, byte-stream-split) go value by value through the library's own
 * {@code ValuesReader}, which knows them all.
 *
 * <p>Only top-level columns come here (no repetition levels; definition level 0 or 1).
 */
final class ParquetPages {
    private ParquetPages() { }

    /**
     * Reads {@code m} rows of column {@code c} from {@code pages} into out[off … off+m−1].
     *
     * @param row0 0-based row of the chunk's first value, for messages
     * @throws DataFormatException at the first null, or when the pages do not hold m values
     */
    static void read(String file, Column c, PageReader pages, double[] out, int off, int m, int row0) throws IOException {
        ColumnDescriptor desc = c.descriptor();
        int maxDef = desc.getMaxDefinitionLevel();
        DictionaryPage dictionaryPage = pages.readDictionaryPage();
        Dictionary dictionary = dictionaryPage == null ? null : dictionaryPage.getEncoding().initDictionary(desc, dictionaryPage);
        int done = 0;
        while (done < m) {
            DataPage page = pages.readPage();
            if (page == null) {
                throw new DataFormatException(file, "not a valid Parquet file: column " + DataFormatException.quote(c.name())
                        + " ends after " + (row0 + done) + " rows");
            }
            int count = page.getValueCount();
            if (count > m - done) {
                throw new DataFormatException(file, "not a valid Parquet file: a page of column " + DataFormatException.quote(c.name())
                        + " holds more values than its row group has rows");
            }
            ByteBufferInputStream values;
            Encoding encoding;
            if (page instanceof DataPageV1 v1) {
                values = ByteBufferInputStream.wrap(v1.getBytes().toByteBuffer());
                if (maxDef > 0) {
                    ValuesReader levels = v1.getDlEncoding().getValuesReader(desc, ValuesType.DEFINITION_LEVEL);
                    levels.initFromPage(count, values);   // leaves the stream at the values
                    for (int i = 0; i < count; i++) {
                        if (levels.readInteger() < maxDef) throw missing(file, c, row0 + done + i);
                    }
                }
                encoding = v1.getValueEncoding();
            } else if (page instanceof DataPageV2 v2) {
                if (maxDef > 0 && v2.getNullCount() > 0) {
                    RunLengthBitPackingHybridDecoder levels = new RunLengthBitPackingHybridDecoder(
                            32 - Integer.numberOfLeadingZeros(maxDef), v2.getDefinitionLevels().toInputStream());
                    for (int i = 0; i < count; i++) {
                        if (levels.readInt() < maxDef) throw missing(file, c, row0 + done + i);
                    }
                }
                values = ByteBufferInputStream.wrap(v2.getData().toByteBuffer());
                encoding = v2.getDataEncoding();
            } else {
                throw new DataFormatException(file, "not a valid Parquet file: an unknown page kind in column " + DataFormatException.quote(c.name()));
            }
            if (encoding == Encoding.PLAIN && bulk(c.kind(), values, out, off + done, count)) {
                done += count;
                continue;
            }
            ValuesReader reader;
            if (encoding.usesDictionary()) {
                if (dictionary == null) {
                    throw new DataFormatException(file, "not a valid Parquet file: column " + DataFormatException.quote(c.name())
                            + " has dictionary-encoded pages but no dictionary");
                }
                reader = encoding.getDictionaryBasedValuesReader(desc, ValuesType.VALUES, dictionary);
            } else {
                reader = encoding.getValuesReader(desc, ValuesType.VALUES);
            }
            reader.initFromPage(count, values);
            decode(c, reader, out, off + done, count);
            done += count;
        }
    }

    /**
     * PLAIN values of the simple kinds copied from the page's little-endian bytes; false for the
     * kinds that need a conversion per value (booleans are bit-packed, decimals scaled).
     */
    private static boolean bulk(Kind kind, ByteBufferInputStream in, double[] out, int off, int count) throws IOException {
        int width = switch (kind) {
            case DOUBLE, INT64 -> 8;
            case FLOAT, INT32 -> 4;
            default -> 0;
        };
        if (width == 0) return false;
        ByteBuffer b = in.slice(count * width).order(ByteOrder.LITTLE_ENDIAN);
        switch (kind) {
            case DOUBLE -> b.asDoubleBuffer().get(out, off, count);
            case INT64 -> {
                for (int i = 0; i < count; i++) out[off + i] = b.getLong();
            }
            case FLOAT -> {
                for (int i = 0; i < count; i++) out[off + i] = b.getFloat();
            }
            default -> {
                for (int i = 0; i < count; i++) out[off + i] = b.getInt();
            }
        }
        return true;
    }

    /** Values one by one through the library's reader of the page's encoding. */
    private static void decode(Column c, ValuesReader r, double[] out, int off, int count) {
        switch (c.kind()) {
            case DOUBLE -> {
                for (int i = 0; i < count; i++) out[off + i] = r.readDouble();
            }
            case FLOAT -> {
                for (int i = 0; i < count; i++) out[off + i] = r.readFloat();
            }
            case INT32 -> {
                for (int i = 0; i < count; i++) out[off + i] = r.readInteger();
            }
            case UINT32 -> {
                for (int i = 0; i < count; i++) out[off + i] = Integer.toUnsignedLong(r.readInteger());
            }
            case INT64 -> {
                for (int i = 0; i < count; i++) out[off + i] = r.readLong();
            }
            case UINT64 -> {
                for (int i = 0; i < count; i++) out[off + i] = ParquetReader.unsigned(r.readLong());
            }
            case DECIMAL32 -> {
                for (int i = 0; i < count; i++) out[off + i] = ParquetReader.decimal(r.readInteger(), c.scale());
            }
            case DECIMAL64 -> {
                for (int i = 0; i < count; i++) out[off + i] = ParquetReader.decimal(r.readLong(), c.scale());
            }
            case BOOLEAN -> {
                for (int i = 0; i < count; i++) out[off + i] = r.readBoolean() ? 1 : 0;
            }
            default -> throw new IllegalStateException("not numeric: " + c);   // ParquetColumns checked it
        }
    }

    private static DataFormatException missing(String file, Column c, int row) {
        return ParquetReader.cell(file, c, row, c.kind() == Kind.STRING ? "a class label" : "a number", "a null");
    }
}

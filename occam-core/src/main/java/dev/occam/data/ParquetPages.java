package dev.occam.data;

import dev.occam.data.ParquetColumns.Column;
import dev.occam.data.ParquetColumns.Kind;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.Util;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Decodes one column chunk (a column's pages in one row group, as read from the file) straight
 * into a slice of a {@code double[]} (a column of X, y or the weights) or of a {@code String[]}
 * (class labels). Page headers come from Parquet's Thrift structures; values from the library's
 * decoders of each encoding ({@code ValuesReader}: PLAIN, dictionary, delta, byte-stream-split),
 * except PLAIN pages of DOUBLE, FLOAT, INT32 and INT64, which are copied in bulk from the page's
 * little-endian bytes ({@code DoubleBuffer.get} for DOUBLE: memory speed). Definition levels are
 * read only to find a null, which is an error.
 *
 * <p>Only top-level columns come here: no repetition levels, definition level 0 or 1.
 */
final class ParquetPages {
    private ParquetPages() { }

    /**
     * Reads the {@code m} rows of column {@code c} in {@code chunk} into out[off … off+m−1] (numbers)
     * or labels[off … off+m−1] (a string class target).
     *
     * @param row0 0-based row of the chunk's first value, for messages
     * @throws DataFormatException at the first null or non-finite number, or when the chunk does not hold m values
     * @throws IOException for damaged pages (the caller makes it a "not a valid Parquet file" line)
     */
    static void read(String file, Column c, CompressionCodec codec, ByteBuffer chunk, double[] out, String[] labels,
                     int off, int m, int row0) throws IOException {
        ColumnDescriptor desc = c.descriptor();
        int maxDef = desc.getMaxDefinitionLevel();
        ByteBufferInputStream in = ByteBufferInputStream.wrap(chunk);
        Dictionary dictionary = null;
        int done = 0;
        while (done < m) {
            if (in.available() == 0) throw invalid(file, c, "its pages end after " + done + " of " + m + " rows");
            PageHeader h = Util.readPageHeader(in);
            int compressed = h.getCompressed_page_size();
            int size = h.getUncompressed_page_size();
            if (compressed < 0 || size < 0 || compressed > in.available()) throw invalid(file, c, "a page is larger than its chunk");
            ByteBuffer raw = in.slice(compressed);
            switch (h.getType()) {
                case DICTIONARY_PAGE -> {
                    var dh = h.getDictionary_page_header();
                    ByteBuffer bytes = ParquetCodecs.decompress(codec, raw, size);
                    Encoding enc = encoding(dh.getEncoding());
                    dictionary = enc.initDictionary(desc, new DictionaryPage(BytesInput.from(bytes), dh.getNum_values(), enc));
                }
                case DATA_PAGE -> {
                    DataPageHeader dh = h.getData_page_header();
                    int count = count(file, c, dh.getNum_values(), m - done);
                    ByteBufferInputStream page = ByteBufferInputStream.wrap(ParquetCodecs.decompress(codec, raw, size));
                    if (maxDef > 0) {
                        ValuesReader levels = encoding(dh.getDefinition_level_encoding()).getValuesReader(desc, ValuesType.DEFINITION_LEVEL);
                        levels.initFromPage(count, page);   // leaves the stream at the values
                        for (int i = 0; i < count; i++) {
                            if (levels.readInteger() < maxDef) throw missing(file, c, row0 + done + i);
                        }
                    }
                    values(file, c, encoding(dh.getEncoding()), dictionary, page, out, labels, off + done, count);
                    done += count;
                }
                case DATA_PAGE_V2 -> {
                    DataPageHeaderV2 dh = h.getData_page_header_v2();
                    int count = count(file, c, dh.getNum_values(), m - done);
                    int levelBytes = dh.getRepetition_levels_byte_length() + dh.getDefinition_levels_byte_length();
                    if (levelBytes < 0 || levelBytes > compressed || levelBytes > size) throw invalid(file, c, "a page's levels are larger than the page");
                    ByteBuffer levelBuffer = raw.duplicate();
                    levelBuffer.position(raw.position() + dh.getRepetition_levels_byte_length()).limit(raw.position() + levelBytes);
                    if (maxDef > 0 && dh.getNum_nulls() > 0) {
                        RunLengthBitPackingHybridDecoder levels = new RunLengthBitPackingHybridDecoder(1,
                                ByteBufferInputStream.wrap(levelBuffer));
                        for (int i = 0; i < count; i++) {
                            if (levels.readInt() < maxDef) throw missing(file, c, row0 + done + i);
                        }
                    }
                    ByteBuffer data = raw.duplicate();
                    data.position(raw.position() + levelBytes);
                    boolean isCompressed = !dh.isSetIs_compressed() || dh.isIs_compressed();
                    ByteBuffer bytes = isCompressed ? ParquetCodecs.decompress(codec, data.slice(), size - levelBytes) : data.slice();
                    values(file, c, encoding(dh.getEncoding()), dictionary, ByteBufferInputStream.wrap(bytes), out, labels, off + done, count);
                    done += count;
                }
                default -> { }   // index pages and pages of later versions: nothing to read
            }
        }
    }

    private static int count(String file, Column c, int count, int left) {
        if (count < 0 || count > left) throw invalid(file, c, "a page holds more values than its row group has rows");
        return count;
    }

    private static Encoding encoding(org.apache.parquet.format.Encoding e) {
        return Encoding.valueOf(e.name());
    }

    /** Decodes {@code count} values of one page. */
    private static void values(String file, Column c, Encoding encoding, Dictionary dictionary, ByteBufferInputStream in,
                               double[] out, String[] labels, int off, int count) throws IOException {
        if (encoding == Encoding.PLAIN && bulk(c.kind(), in, out, off, count)) return;
        ValuesReader r;
        if (encoding.usesDictionary()) {
            if (dictionary == null) throw invalid(file, c, "dictionary-encoded pages come without a dictionary");
            r = encoding.getDictionaryBasedValuesReader(c.descriptor(), ValuesType.VALUES, dictionary);
        } else {
            r = encoding.getValuesReader(c.descriptor(), ValuesType.VALUES);
        }
        r.initFromPage(count, in);
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
            case STRING -> {
                for (int i = 0; i < count; i++) labels[off + i] = r.readBytes().toStringUsingUTF8();
            }
            default -> throw new IllegalStateException("not readable: " + c);   // ParquetColumns checked it
        }
    }

    /**
     * PLAIN values of the fixed-width numeric kinds copied from the page's little-endian bytes;
     * false for the kinds that need a conversion per value (booleans are bit-packed, decimals scaled).
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

    private static DataFormatException missing(String file, Column c, int row) {
        return ParquetReader.cell(file, c, row, c.kind() == Kind.STRING ? "a class label" : "a number", "a null");
    }

    private static DataFormatException invalid(String file, Column c, String what) {
        return new DataFormatException(file, "not a valid Parquet file: column " + DataFormatException.quote(c.name()) + ": " + what);
    }
}

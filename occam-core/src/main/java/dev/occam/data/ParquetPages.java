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
     * One worker's reused buffers: a column chunk as read from the file and a data page as
     * decompressed. Fresh memory costs about 3.5 ms/MB on these machines (the first touch of each
     * page), as much as decoding it, so each worker reads all its chunks into the same two arrays.
     */
    static final class Scratch {
        private byte[] chunk = new byte[0];
        private byte[] page = new byte[0];

        /** At least n bytes for a column chunk. */
        byte[] chunk(int n) {
            if (chunk.length < n) chunk = new byte[n];
            return chunk;
        }

        /** At least n bytes for one decompressed data page. */
        byte[] page(int n) {
            if (page.length < n) page = new byte[n];
            return page;
        }
    }

    /**
     * Reads the {@code m} rows of column {@code c} in {@code chunk} into out[off … off+m−1] (numbers)
     * or labels[off … off+m−1] (a string class target).
     *
     * @param maxPage the chunk's uncompressed size (no page decompresses to more: a bound for damaged headers)
     * @param scratch the worker's buffer for decompressed data pages (a dictionary gets its own: values refer to it)
     * @param row0 0-based row of the chunk's first value, for messages
     * @throws DataFormatException at the first null or non-finite number, or when the chunk does not hold m values
     * @throws IOException for damaged pages (the caller makes it a "not a valid Parquet file" line)
     */
    static void read(String file, Column c, CompressionCodec codec, ByteBuffer chunk, long maxPage, Scratch scratch,
                     double[] out, String[] labels, int off, int m, int row0) throws IOException {
        ColumnDescriptor desc = c.descriptor();
        int maxDef = desc.getMaxDefinitionLevel();
        ByteBufferInputStream in = ByteBufferInputStream.wrap(chunk);
        Dictionary dictionary = null;
        double[] numbers = null;   // the dictionary's entries as the doubles they stand for (numeric kinds)
        int done = 0;
        while (done < m) {
            if (in.available() == 0) throw invalid(file, c, "its pages end after " + done + " of " + m + " rows");
            PageHeader h = Util.readPageHeader(in);
            int compressed = h.getCompressed_page_size();
            int size = h.getUncompressed_page_size();
            if (compressed < 0 || size < 0 || compressed > in.available() || size > maxPage) {
                throw invalid(file, c, "a page is larger than its chunk");
            }
            ByteBuffer raw = in.slice(compressed);
            switch (h.getType()) {
                case DICTIONARY_PAGE -> {
                    var dh = h.getDictionary_page_header();
                    ByteBuffer bytes = ParquetCodecs.decompress(codec, raw, size, null);
                    Encoding enc = encoding(dh.getEncoding());
                    dictionary = enc.initDictionary(desc, new DictionaryPage(BytesInput.from(bytes), dh.getNum_values(), enc));
                    numbers = c.kind() == Kind.STRING ? null : numbers(c, dictionary);
                }
                case DATA_PAGE -> {
                    DataPageHeader dh = h.getData_page_header();
                    int count = count(file, c, dh.getNum_values(), m - done);
                    ByteBufferInputStream page = ByteBufferInputStream.wrap(ParquetCodecs.decompress(codec, raw, size, scratch.page(size)));
                    if (maxDef > 0) {
                        ValuesReader levels = encoding(dh.getDefinition_level_encoding()).getValuesReader(desc, ValuesType.DEFINITION_LEVEL);
                        levels.initFromPage(count, page);   // leaves the stream at the values
                        for (int i = 0; i < count; i++) {
                            if (levels.readInteger() < maxDef) throw missing(file, c, row0 + done + i);
                        }
                    }
                    values(file, c, encoding(dh.getEncoding()), dictionary, numbers, page, out, labels, off + done, count);
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
                    ByteBuffer bytes = isCompressed ? ParquetCodecs.decompress(codec, data.slice(), size - levelBytes, scratch.page(size - levelBytes))
                            : data.slice();
                    values(file, c, encoding(dh.getEncoding()), dictionary, numbers, ByteBufferInputStream.wrap(bytes), out, labels,
                            off + done, count);
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
    private static void values(String file, Column c, Encoding encoding, Dictionary dictionary, double[] numbers,
                               ByteBufferInputStream in, double[] out, String[] labels, int off, int count) throws IOException {
        if (encoding == Encoding.PLAIN && bulk(c.kind(), in, out, off, count)) return;
        if (encoding.usesDictionary() && numbers != null) {
            ByteBuffer ids = in.slice(in.available());
            if (!ids.hasRemaining()) throw invalid(file, c, "a dictionary-encoded page is empty");
            int bitWidth = ids.get() & 0xff;
            if (!RleIds.decode(ids, bitWidth, numbers, out, off, count)) {
                throw invalid(file, c, "a page's dictionary ids are damaged or out of range");
            }
            return;
        }
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

    /** The dictionary's entries converted as the column's values are (widened, unsigned, scaled, 0/1). */
    private static double[] numbers(Column c, Dictionary d) {
        double[] v = new double[d.getMaxId() + 1];
        for (int id = 0; id < v.length; id++) {
            v[id] = switch (c.kind()) {
                case DOUBLE -> d.decodeToDouble(id);
                case FLOAT -> d.decodeToFloat(id);
                case INT32 -> d.decodeToInt(id);
                case UINT32 -> Integer.toUnsignedLong(d.decodeToInt(id));
                case INT64 -> d.decodeToLong(id);
                case UINT64 -> ParquetReader.unsigned(d.decodeToLong(id));
                case DECIMAL32 -> ParquetReader.decimal(d.decodeToInt(id), c.scale());
                case DECIMAL64 -> ParquetReader.decimal(d.decodeToLong(id), c.scale());
                case BOOLEAN -> d.decodeToBoolean(id) ? 1 : 0;
                default -> throw new IllegalStateException("not numeric: " + c);
            };
        }
        return v;
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

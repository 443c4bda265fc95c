package dev.occam.data;

import dev.occam.data.ParquetColumns.Column;
import dev.occam.data.ParquetColumns.Kind;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Reads the numeric columns of a Parquet file into a {@link Dataset} with dense, column-major X.
 *
 * <p>Parquet stores a table column by column, so each column chunk is read from the file and
 * decoded straight into its column of X ({@link ParquetPages}: no row objects, no object per
 * cell), one column per task on every processor ({@link ChunkWorkers}). Only Apache Parquet's
 * format structures (the Thrift footer and page headers) and value decoders are used, not its
 * {@code ParquetFileReader}: that one needs Hadoop's configuration and codec classes, and
 * initialising its footer classes (a shaded Jackson) costs more start-up than the whole read of a
 * small file. Pages are decompressed by {@link ParquetCodecs} (UNCOMPRESSED, SNAPPY, GZIP, ZSTD,
 * LZ4_RAW); encrypted files are not read.
 *
 * <p>Columns are the schema's top-level fields, named as in {@link ReadOptions} (target, weights,
 * features; without a feature list every other column is a feature, in file order). Feature,
 * weight and numeric-target columns must be DOUBLE, FLOAT, INT32, INT64 (signed or unsigned, or a
 * DECIMAL) or BOOLEAN (false = 0, true = 1); FLOAT values are widened exactly, INT64 values rounded
 * to the nearest double. A class target may also be a string column; numeric labels become text
 * ("3", "2.5", "true"). Nulls, NaN and infinities are errors, as empty and non-finite cells of a
 * CSV file are.
 *
 * <p>Every problem is one {@link DataFormatException} line naming the file and, for a value, its
 * 1-based row and the column, e.g. {@code d.parquet: row 12, column "x3": expected a number, found a null}.
 * Nulls and damaged pages are found while decoding, row group by row group, columns in read order
 * (features, target, weights); then NaN and infinities, column by column, then negative weights:
 * the error reported is the first of these in that order, the same for every run. A file that is
 * not Parquet, or damaged, is {@code d.parquet: not a valid Parquet file: …}.
 *
 * <p>Only this class and its helpers ({@link ParquetColumns}, {@link ParquetPages},
 * {@link ParquetCodecs}) refer to Parquet's classes, so those are loaded only when a Parquet file
 * is read.
 */
public final class ParquetReader {
    private ParquetReader() { }

    /** "PAR1": the first and last four bytes of a Parquet file ("PARE" ends an encrypted one). */
    private static final int MAGIC = 0x31524150;
    private static final int MAGIC_ENCRYPTED = 0x45524150;

    /** 10^0 … 10^22, exact as doubles (Clinger's fast path for decimals). */
    private static final double[] POW10 = new double[23];

    static {
        POW10[0] = 1;
        for (int k = 1; k < POW10.length; k++) POW10[k] = POW10[k - 1] * 10;
    }

    /**
     * Reads {@code file}.
     *
     * @param file the Parquet file; its name appears in error messages as given
     * @param o which columns to read and how
     * @return the data set: dense X, y (null for {@link TargetKind#NONE}), weights (null without a
     *         weight column), names and classes, as {@link CsvReader#read} gives for the same table
     * @throws DataFormatException for bad content (one line)
     * @throws IOException when the file cannot be read (missing, no permission)
     */
    public static Dataset read(Path file, ReadOptions o) throws IOException {
        String name = file.toString();
        Cells.requireRegularFile(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            try {
                FileMetaData footer = footer(name, ch);
                ParquetColumns cols = ParquetColumns.resolve(name, footer.getSchema(), o);
                return read(name, ch, footer, cols, o);
            } catch (DataFormatException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
                String why = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
                throw new DataFormatException(name, "not a valid Parquet file: " + why);
            }
        }
    }

    /** The footer: the file's last 8 bytes give its length and the magic number. */
    private static FileMetaData footer(String file, FileChannel ch) throws IOException {
        long size = ch.size();
        if (size < 12) throw new DataFormatException(file, "not a valid Parquet file: " + size + " bytes, too short");
        ByteBuffer head = readFully(ch, 0, 4).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer tail = readFully(ch, size - 8, 8).order(ByteOrder.LITTLE_ENDIAN);
        int length = tail.getInt(0);
        int magic = tail.getInt(4);
        if (magic == MAGIC_ENCRYPTED) throw new DataFormatException(file, "encrypted Parquet files are not supported");
        if (head.getInt(0) != MAGIC || magic != MAGIC) {
            throw new DataFormatException(file, "not a valid Parquet file: it does not begin and end with \"PAR1\"");
        }
        if (length <= 0 || length > size - 12) {
            throw new DataFormatException(file, "not a valid Parquet file: the footer length " + length + " does not fit the file");
        }
        ByteBuffer meta = readFully(ch, size - 8 - length, length);
        return Util.readFileMetaData(new ByteArrayInputStream(meta.array()));
    }

    private static ByteBuffer readFully(FileChannel ch, long at, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        readFully(ch, at, b);
        return b;
    }

    /** Fills b from its position to its limit with the bytes at {@code at}; b is left as it was. */
    private static void readFully(FileChannel ch, long at, ByteBuffer b) throws IOException {
        int start = b.position();
        while (b.hasRemaining()) {
            if (ch.read(b, at + b.position() - start) < 0) throw new IOException("the file ends early");
        }
        b.position(start);
    }

    private static Dataset read(String file, FileChannel ch, FileMetaData footer, ParquetColumns cols, ReadOptions o) throws IOException {
        long rows = footer.getNum_rows();
        int p = cols.features().size();
        if (rows <= 0) {
            throw new DataFormatException(file, "the file has no rows");
        }
        if (rows >= Integer.MAX_VALUE || rows * Math.max(p, 1) > Integer.MAX_VALUE - 8) {
            throw new DataFormatException(file, "expected at most " + (Integer.MAX_VALUE - 8)
                    + " values in a dense matrix, found " + rows + " rows of " + p + " features");
        }
        int n = (int) rows;
        List<Column> read = cols.read();
        double[] x = new double[n * p];
        double[] y = cols.target() != null ? new double[n] : null;
        double[] w = cols.weights() != null ? new double[n] : null;
        String[] labels = o.targetKind() == TargetKind.CLASS ? new String[n] : null;

        ParquetPages.Scratch[] scratch = new ParquetPages.Scratch[ChunkWorkers.threads(read.size())];
        for (int k = 0; k < scratch.length; k++) scratch[k] = new ParquetPages.Scratch();
        int row0 = 0;
        for (RowGroup group : footer.getRow_groups()) {
            long groupRows = group.getNum_rows();
            if (groupRows < 0 || row0 + groupRows > n) {
                throw new DataFormatException(file, "not a valid Parquet file: the row groups hold more rows than the footer's " + n);
            }
            if (group.getColumns().size() != cols.leaves()) {
                throw new DataFormatException(file, "not a valid Parquet file: a row group has " + group.getColumns().size()
                        + " columns; the schema has " + cols.leaves());
            }
            int m = (int) groupRows;
            int start = row0;
            DataFormatException[] errors = new DataFormatException[read.size()];
            ChunkWorkers.run(read.size(), (t, worker) -> {
                ParquetPages.Scratch buffers = scratch[worker];
                Column c = read.get(t);
                ColumnMetaData meta = group.getColumns().get(c.leaf()).getMeta_data();
                try {
                    if (meta == null) {
                        throw new DataFormatException(file, "not a valid Parquet file: column " + DataFormatException.quote(c.name())
                                + " has no metadata (encrypted?)");
                    }
                    ParquetCodecs.require(file, c.name(), meta.getCodec());
                    ByteBuffer chunk = chunk(file, ch, c, meta, buffers);
                    long maxPage = meta.getTotal_uncompressed_size();
                    if (t < p) {
                        ParquetPages.read(file, c, meta.getCodec(), chunk, maxPage, buffers, x, null, t * n + start, m, start);
                    } else if (c == cols.target() && labels != null && c.kind() == Kind.STRING) {
                        ParquetPages.read(file, c, meta.getCodec(), chunk, maxPage, buffers, null, labels, start, m, start);
                    } else {
                        ParquetPages.read(file, c, meta.getCodec(), chunk, maxPage, buffers, c == cols.target() ? y : w, null, start, m, start);
                    }
                } catch (DataFormatException e) {
                    errors[t] = e;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            for (DataFormatException e : errors) {
                if (e != null) throw e;
            }
            row0 += m;
        }
        if (row0 != n) {
            throw new DataFormatException(file, "not a valid Parquet file: the row groups hold " + row0 + " rows, the footer says " + n);
        }
        for (int t = 0; t < read.size(); t++) {
            Column c = read.get(t);
            if (c.kind() == Kind.DOUBLE || c.kind() == Kind.FLOAT) {
                double[] v = t < p ? x : c == cols.target() ? y : w;
                requireFinite(file, c, v, t < p ? t * n : 0, n);
            }
        }
        if (w != null) checkWeights(file, cols.weights(), w);
        double[] target = o.targetKind() == TargetKind.NONE ? null : y;
        List<String> classes = null;
        if (labels != null) {
            Column c = cols.target();
            LabelCoder coder = new LabelCoder();
            for (int i = 0; i < n; i++) {
                String label = c.kind() == Kind.STRING ? labels[i].strip() : label(y[i], c.kind());
                if (label.isEmpty()) throw cell(file, c, i, "a class label", "an empty string");
                coder.add(label);
            }
            target = coder.codes();
            classes = coder.sortedLabels();
        }
        String targetName = cols.target() != null ? cols.target().name() : null;
        return new Dataset(new DenseMatrix(n, p, x), target, w, cols.featureNames(), targetName, classes);
    }

    /** The bytes of one column chunk: from its dictionary page (if any) to the end of its last data page. */
    private static ByteBuffer chunk(String file, FileChannel ch, Column c, ColumnMetaData meta, ParquetPages.Scratch scratch)
            throws IOException {
        long start = meta.getData_page_offset();
        // some writers set dictionary_page_offset to 0 when there is none
        if (meta.isSetDictionary_page_offset() && meta.getDictionary_page_offset() > 0 && meta.getDictionary_page_offset() < start) {
            start = meta.getDictionary_page_offset();
        }
        long length = meta.getTotal_compressed_size();
        if (start < 4 || length < 0 || length > Integer.MAX_VALUE - 8 || start + length > ch.size()) {
            throw new DataFormatException(file, "not a valid Parquet file: column " + DataFormatException.quote(c.name())
                    + " lies outside the file");
        }
        ByteBuffer b = ByteBuffer.wrap(scratch.chunk((int) length), 0, (int) length);
        readFully(ch, start, b);
        return b;
    }

    /** Fails at the first NaN or infinity among v[off … off+n−1] (rows 0 … n−1 of column c). */
    private static void requireFinite(String file, Column c, double[] v, int off, int n) {
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(v[off + i])) throw cell(file, c, i, "a finite number", Double.toString(v[off + i]));
        }
    }

    /** A numeric class label as text: integers without a decimal point ("3"), booleans as "false"/"true". */
    static String label(double v, Kind kind) {
        if (kind == Kind.BOOLEAN) return v != 0 ? "true" : "false";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v);
    }

    private static void checkWeights(String file, Column c, double[] w) {
        double total = 0;
        for (int i = 0; i < w.length; i++) {
            if (w[i] < 0) throw cell(file, c, i, "a weight >= 0", Double.toString(w[i]));
            total += w[i];
        }
        if (total <= 0) {
            throw new DataFormatException(file, "the weights in column " + DataFormatException.quote(c.name()) + " are all zero");
        }
    }

    /** An unsigned 64-bit integer rounded to the nearest double (the low bit kept as a sticky bit). */
    static double unsigned(long v) {
        if (v >= 0) return v;
        return ((double) ((v >>> 1) | (v & 1))) * 2.0;
    }

    /** unscaled / 10^scale, correctly rounded (what {@code Double.parseDouble} gives for the decimal text). */
    static double decimal(long unscaled, int scale) {
        if (scale == 0) return unscaled;
        if (scale > 0 && scale < POW10.length && Math.abs(unscaled) <= (1L << 53)) {
            return unscaled / POW10[scale];   // both exact: the quotient is correctly rounded
        }
        return Double.parseDouble(new BigDecimal(BigInteger.valueOf(unscaled), scale).toString());
    }

    /** {@code file: row r, column "name": expected …, found …} for 0-based {@code row}. */
    static DataFormatException cell(String file, Column c, int row, String expected, String found) {
        return new DataFormatException(file, "row " + (row + 1) + ", column " + DataFormatException.quote(c.name())
                + ": expected " + expected + ", found " + found);
    }
}

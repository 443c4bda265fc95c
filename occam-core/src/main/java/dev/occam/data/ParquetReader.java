package dev.occam.data;

import dev.occam.data.ParquetColumns.Column;
import dev.occam.data.ParquetColumns.Kind;
import org.apache.parquet.HadoopFreeReadOptions;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.VersionParser;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.impl.ColumnReaderImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.PrimitiveConverter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the numeric columns of a Parquet file into a {@link Dataset} with dense, column-major X.
 *
 * <p>Parquet stores a table column by column, so each column chunk is decoded straight into its
 * column of X (no row objects, no object per cell), one column per task on every processor
 * ({@link ChunkWorkers}). The reader is Apache Parquet's ({@code ParquetFileReader} and
 * {@code ColumnReaderImpl}, which handle PLAIN and dictionary encodings and data pages v1 and v2)
 * without Hadoop: the file is a {@code LocalInputFile} and pages are decompressed by
 * {@link ParquetCodecs} (UNCOMPRESSED, SNAPPY, GZIP, ZSTD, LZ4_RAW).
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
 * Within a row group, columns are checked in read order (features, target, weights), so the error
 * reported is the first bad value of the first column that has one. A file that is not Parquet, or
 * damaged, is {@code d.parquet: not a valid Parquet file: …}.
 *
 * <p>Only this class (and {@link ParquetColumns}, {@link ParquetCodecs}) refer to Parquet's classes,
 * so they are loaded only when a Parquet file is read.
 */
public final class ParquetReader {
    private ParquetReader() { }

    /** Consumes nothing: values are taken with {@code getDouble()} etc., never pushed to a converter. */
    private static final PrimitiveConverter NO_CONVERTER = new PrimitiveConverter() { };

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
        // Opened once here so that a missing or unreadable file is the JDK's NoSuchFileException /
        // AccessDeniedException, as for CSV, not a "not Parquet" message.
        Files.newByteChannel(file).close();
        ParquetReadOptions options = HadoopFreeReadOptions.of(new ParquetCodecs(name));
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), options)) {
            ParquetColumns cols = ParquetColumns.resolve(name, reader.getFileMetaData().getSchema(), o);
            return read(name, reader, cols, o);
        } catch (DataFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
            String why = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
            throw new DataFormatException(name, "not a valid Parquet file: " + why);
        }
    }

    private static Dataset read(String file, ParquetFileReader reader, ParquetColumns cols, ReadOptions o) throws IOException {
        long rows = reader.getRecordCount();
        int p = cols.features().size();
        if (rows == 0) {
            throw new DataFormatException(file, "the file has no rows");
        }
        if (rows >= Integer.MAX_VALUE || rows * Math.max(p, 1) > Integer.MAX_VALUE - 8) {
            throw new DataFormatException(file, "expected at most " + (Integer.MAX_VALUE - 8)
                    + " values in a dense matrix, found " + rows + " rows of " + p + " features");
        }
        int n = (int) rows;
        List<Column> read = cols.read();
        List<ColumnDescriptor> wanted = new ArrayList<>();
        for (Column c : read) wanted.add(c.descriptor());
        reader.setRequestedSchema(wanted);

        double[] x = new double[n * p];
        double[] y = cols.target() != null ? new double[n] : null;
        double[] w = cols.weights() != null ? new double[n] : null;
        String[] labels = o.targetKind() == TargetKind.CLASS ? new String[n] : null;
        VersionParser.ParsedVersion writer = writerVersion(reader.getFileMetaData().getCreatedBy());

        int row0 = 0;
        for (PageReadStore pages; (pages = reader.readNextRowGroup()) != null; ) {
            int m = Math.toIntExact(pages.getRowCount());
            if ((long) row0 + m > n) {
                throw new DataFormatException(file, "not a valid Parquet file: the row groups hold more rows than the footer's " + n);
            }
            int start = row0;
            DataFormatException[] errors = new DataFormatException[read.size()];
            PageReadStore group = pages;
            ChunkWorkers.run(read.size(), (t, worker) -> {
                Column c = read.get(t);
                try {
                    if (t < p) {
                        readNumbers(file, c, group, writer, x, t * n + start, m, start);
                    } else if (c == cols.target() && labels != null) {
                        readLabels(file, c, group, writer, labels, y, start, m);
                    } else {
                        readNumbers(file, c, group, writer, c == cols.target() ? y : w, start, m, start);
                    }
                } catch (DataFormatException e) {
                    errors[t] = e;
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
        if (w != null) checkWeights(file, cols.weights(), w);
        double[] target = o.targetKind() == TargetKind.NONE ? null : y;
        List<String> classes = null;
        if (labels != null) {
            LabelCoder coder = new LabelCoder();
            for (String label : labels) coder.add(label);
            target = coder.codes();
            classes = coder.sortedLabels();
        }
        String targetName = cols.target() != null ? cols.target().name() : null;
        return new Dataset(new DenseMatrix(n, p, x), target, w, cols.featureNames(), targetName, classes);
    }

    /** The writer's version (it tells the library which old writers' bugs to work around), or null. */
    private static VersionParser.ParsedVersion writerVersion(String createdBy) {
        try {
            return createdBy == null ? null : VersionParser.parse(createdBy);
        } catch (VersionParser.VersionParseException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Decodes rows row0 … row0+m−1 of column {@code c} (one row group) into out[off … off+m−1]
     * ({@link ParquetPages}), failing on a null or a non-finite value.
     */
    private static void readNumbers(String file, Column c, PageReadStore pages, VersionParser.ParsedVersion writer,
                                    double[] out, int off, int m, int row0) {
        try {
            ParquetPages.read(file, c, pages.getPageReader(c.descriptor()), out, off, m, row0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (c.kind() == Kind.DOUBLE || c.kind() == Kind.FLOAT) {
            for (int i = 0; i < m; i++) {
                double v = out[off + i];
                if (!Double.isFinite(v)) {
                    throw cell(file, c, row0 + i, "a finite number", Double.toString(v));
                }
            }
        }
    }

    /** Class labels of rows row0 … row0+m−1: strings as stored, numbers as text ({@link #label}). */
    private static void readLabels(String file, Column c, PageReadStore pages, VersionParser.ParsedVersion writer,
                                   String[] labels, double[] scratch, int row0, int m) {
        if (c.kind() != Kind.STRING) {
            readNumbers(file, c, pages, writer, scratch, row0, m, row0);
            for (int i = 0; i < m; i++) labels[row0 + i] = label(scratch[row0 + i], c.kind());
            return;
        }
        ColumnReaderImpl r = new ColumnReaderImpl(c.descriptor(), pages.getPageReader(c.descriptor()), NO_CONVERTER, writer);
        int maxDef = c.descriptor().getMaxDefinitionLevel();
        for (int i = 0; i < m; i++) {
            if (maxDef > 0 && r.getCurrentDefinitionLevel() < maxDef) throw missing(file, c, row0 + i, "a class label");
            String s = r.getBinary().toStringUsingUTF8().strip();
            if (s.isEmpty()) throw cell(file, c, row0 + i, "a class label", "an empty string");
            labels[row0 + i] = s;
            r.consume();
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

    private static DataFormatException missing(String file, Column c, int row, String expected) {
        return cell(file, c, row, expected, "a null");
    }

    /** {@code file: row r, column "name": expected …, found …} for 0-based {@code row}. */
    static DataFormatException cell(String file, Column c, int row, String expected, String found) {
        return new DataFormatException(file, "row " + (row + 1) + ", column " + DataFormatException.quote(c.name())
                + ": expected " + expected + ", found " + found);
    }
}

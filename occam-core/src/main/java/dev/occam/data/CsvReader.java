package dev.occam.data;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Reads a CSV file with a header line into a {@link Dataset} with dense, column-major X.
 *
 * <p>The file is RFC 4180 CSV (comma-separated, fields optionally in double quotes, LF or CRLF line
 * ends, UTF-8 with or without a byte-order mark, spaces around quotes ignored); blank lines are skipped. The first line names the
 * columns (surrounding spaces are dropped). {@link ReadOptions} say which column is the target, which
 * holds sample weights and which are features. Every feature, weight and numeric-target cell must be
 * a finite decimal number; class labels are kept as text. Any problem stops the read with a
 * {@link DataFormatException} whose one-line message names the file, line, column and what was
 * expected and found.
 *
 * <p>Class targets: the labels are sorted (numerically when every label is a number, else as
 * strings) and y[i] is the index of row i's label. A target with a single class is not an error
 * here: whether that is acceptable depends on the model family.
 *
 * <p>Speed: files without a double quote are read by {@link ParallelCsv} (the bytes in chunks on
 * every processor, numbers by {@link DecimalParser}, no object per cell); a file with quotes is
 * read by FastCSV, which knows RFC 4180's quoting rules. Both give the same data set and the same
 * messages (the row checks are {@link CsvColumns#parseRow}).
 */
public final class CsvReader {
    private CsvReader() { }

    /** Rows buffered per block while reading with FastCSV (blocks are copied into column-major X at the end). */
    private static final int BLOCK_VALUES = 1 << 16;

    /**
     * Reads {@code file}.
     *
     * @param file the CSV file; its name appears in error messages as given
     * @param o which columns to read and how
     * @return the data set: dense X (features in file order or in the order of {@code o.features()}),
     *         y (null for {@link TargetKind#NONE}), weights (null without a weight column), names and classes
     * @throws DataFormatException for bad content (one line: file, line, column, expected, found)
     * @throws IOException when the file cannot be read
     */
    public static Dataset read(Path file, ReadOptions o) throws IOException {
        Cells.requireRegularFile(file);
        Dataset d = ParallelCsv.read(file, o, ParallelCsv.CHUNK_BYTES);
        return d != null ? d : readQuoted(file, o);
    }

    /** Reads {@code file} with FastCSV (any RFC 4180 file; used for files with quotes). */
    static Dataset readQuoted(Path file, ReadOptions o) throws IOException {
        String name = file.toString();
        Cells.requireRegularFile(file);
        try (de.siegmar.fastcsv.reader.CsvReader<CsvRecord> csv = de.siegmar.fastcsv.reader.CsvReader.builder()
                .detectBomHeader(true)
                .skipEmptyLines(true)
                .trimWhitespacesAroundQuotes(true)
                // Ragged rows are reported by this class, with the line number and field counts.
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .ofCsvRecord(file)) {
            Iterator<CsvRecord> records = csv.iterator();
            if (!records.hasNext()) {
                throw new DataFormatException(name, "the file is empty");
            }
            CsvColumns columns = CsvColumns.resolve(name, records.next().getFields(), o);
            return readRows(name, records, columns, o);
        } catch (CsvParseException e) {
            throw new DataFormatException(name, "not valid CSV: " + e.getMessage());
        } catch (UncheckedIOException e) {
            // fastcsv wraps read errors met while iterating
            throw e.getCause();
        }
    }

    private static Dataset readRows(String file, Iterator<CsvRecord> records, CsvColumns cols, ReadOptions o) {
        int p = cols.features().length;
        int blockRows = Math.max(1, BLOCK_VALUES / Math.max(p, 1));
        List<double[]> blocks = new ArrayList<>();
        double[] block = null;
        int inBlock = blockRows;
        DoubleList y = o.targetKind() == TargetKind.NUMERIC ? new DoubleList() : null;
        List<String> labels = o.targetKind() == TargetKind.CLASS ? new ArrayList<>() : null;
        DoubleList w = cols.weights() >= 0 ? new DoubleList() : null;
        CsvColumns.RowValues row = new CsvColumns.RowValues(p);
        int n = 0;
        while (records.hasNext()) {
            CsvRecord r = records.next();
            long line = r.getStartingLineNumber();
            cols.parseRow(file, line, o.targetKind(), r.getFieldCount(), r::getField, row);
            if (inBlock == blockRows) {
                block = new double[blockRows * p];
                blocks.add(block);
                inBlock = 0;
            }
            System.arraycopy(row.features, 0, block, inBlock * p, p);
            inBlock++;
            if (y != null) y.add(row.y);
            if (labels != null) labels.add(row.label);
            if (w != null) w.add(row.weight);
            if (++n == Integer.MAX_VALUE || (long) n * p > Integer.MAX_VALUE - 8) {
                throw new DataFormatException(file, line, 0, null,
                        "at most " + (Integer.MAX_VALUE - 8) + " values in a dense matrix", "more rows");
            }
        }
        if (n == 0) {
            throw new DataFormatException(file, "no data rows after the header");
        }
        return dataset(file, cols, columnMajor(blocks, blockRows, n, p), n,
                y != null ? y.toArray() : null, labels, w != null ? w.toArray() : null);
    }

    /**
     * The data set from column-major X and the per-row target and weights, after the checks that
     * need every row: weights not all zero, class labels coded in sorted order.
     */
    static Dataset dataset(String file, CsvColumns cols, double[] x, int n, double[] y, List<String> labels, double[] weights) {
        if (weights != null && Arrays.stream(weights).sum() <= 0) {
            throw new DataFormatException(file, "the weights in column "
                    + DataFormatException.quote(cols.header().get(cols.weights())) + " are all zero");
        }
        double[] target = y;
        List<String> classes = null;
        if (labels != null) {
            LabelCoder coder = new LabelCoder();
            for (String label : labels) coder.add(label);
            target = coder.codes();
            classes = coder.sortedLabels();
        }
        String targetName = cols.target() >= 0 ? cols.header().get(cols.target()) : null;
        return new Dataset(new DenseMatrix(n, cols.features().length, x), target, weights, cols.featureNames(), targetName, classes);
    }

    /** Copies row-major blocks into one column-major array. */
    private static double[] columnMajor(List<double[]> blocks, int blockRows, int n, int p) {
        double[] x = new double[n * p];
        int i0 = 0;
        for (double[] b : blocks) {
            int rows = Math.min(blockRows, n - i0);
            for (int r = 0; r < rows; r++) {
                int off = r * p;
                for (int j = 0; j < p; j++) {
                    x[j * n + i0 + r] = b[off + j];
                }
            }
            i0 += rows;
        }
        return x;
    }
}

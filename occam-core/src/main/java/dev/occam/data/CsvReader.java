package dev.occam.data;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

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
 */
public final class CsvReader {
    private CsvReader() { }

    /** Rows buffered per block while reading (blocks are copied into column-major X at the end). */
    private static final int BLOCK_VALUES = 1 << 16;

    /** At most this many column names are listed in an "unknown column" message. */
    private static final int MAX_LISTED = 20;

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
            Columns columns = Columns.resolve(name, records.next(), o);
            return readRows(name, records, columns, o);
        } catch (CsvParseException e) {
            throw new DataFormatException(name, "not valid CSV: " + e.getMessage());
        } catch (UncheckedIOException e) {
            // fastcsv wraps read errors met while iterating
            throw e.getCause();
        }
    }

    /** The header and the positions of the columns to read. */
    private record Columns(List<String> header, int target, int weights, int[] features) {

        static Columns resolve(String file, CsvRecord headerRecord, ReadOptions o) {
            List<String> header = new ArrayList<>(headerRecord.getFieldCount());
            Map<String, Integer> position = new HashMap<>();
            for (int c = 0; c < headerRecord.getFieldCount(); c++) {
                String h = headerRecord.getField(c).strip();
                if (h.isEmpty()) {
                    throw new DataFormatException(file, 1, c + 1, null, "a column name", "an empty field");
                }
                Integer first = position.putIfAbsent(h, c);
                if (first != null) {
                    throw new DataFormatException(file, 1, c + 1, h, "a unique column name",
                            "a second " + DataFormatException.quote(h) + " (first in column " + (first + 1) + ")");
                }
                header.add(h);
            }
            int target = o.target() == null ? -1 : find(file, header, position, o.target(), "the target");
            int weights = o.weights() == null ? -1 : find(file, header, position, o.weights(), "the weights");
            int[] features;
            if (o.features() == null) {
                features = new int[header.size() - (target >= 0 ? 1 : 0) - (weights >= 0 ? 1 : 0)];
                int k = 0;
                for (int c = 0; c < header.size(); c++) {
                    if (c != target && c != weights) features[k++] = c;
                }
            } else {
                features = new int[o.features().size()];
                for (int k = 0; k < features.length; k++) {
                    features[k] = find(file, header, position, o.features().get(k), "a feature");
                }
            }
            return new Columns(List.copyOf(header), target, weights, features);
        }

        private static int find(String file, List<String> header, Map<String, Integer> position, String column, String role) {
            Integer c = position.get(column);
            if (c == null) {
                StringBuilder available = new StringBuilder();
                for (int k = 0; k < Math.min(header.size(), MAX_LISTED); k++) {
                    if (k > 0) available.append(", ");
                    available.append(header.get(k));
                }
                if (header.size() > MAX_LISTED) available.append(", ... (").append(header.size()).append(" in all)");
                throw new DataFormatException(file, "no column named " + DataFormatException.quote(column)
                        + " (" + role + "); the columns are: " + available);
            }
            return c;
        }

        List<String> featureNames() {
            List<String> names = new ArrayList<>(features.length);
            for (int c : features) names.add(header.get(c));
            return names;
        }
    }

    private static Dataset readRows(String file, Iterator<CsvRecord> records, Columns cols, ReadOptions o) {
        int width = cols.header().size();
        int p = cols.features().length;
        int blockRows = Math.max(1, BLOCK_VALUES / Math.max(p, 1));
        List<double[]> blocks = new ArrayList<>();
        double[] block = null;
        int inBlock = blockRows;
        DoubleList y = o.targetKind() == TargetKind.NUMERIC ? new DoubleList() : null;
        LabelCoder labels = o.targetKind() == TargetKind.CLASS ? new LabelCoder() : null;
        DoubleList w = cols.weights() >= 0 ? new DoubleList() : null;
        int n = 0;
        while (records.hasNext()) {
            CsvRecord r = records.next();
            long line = r.getStartingLineNumber();
            if (r.getFieldCount() != width) {
                throw new DataFormatException(file, line, 0, null, width + " fields", String.valueOf(r.getFieldCount()));
            }
            if (inBlock == blockRows) {
                block = new double[blockRows * p];
                blocks.add(block);
                inBlock = 0;
            }
            int[] features = cols.features();
            for (int k = 0; k < p; k++) {
                block[inBlock * p + k] = number(file, line, features[k], cols, r);
            }
            inBlock++;
            if (y != null) {
                y.add(number(file, line, cols.target(), cols, r));
            } else if (labels != null) {
                labels.add(label(file, line, cols.target(), cols, r));
            }
            if (w != null) {
                double v = number(file, line, cols.weights(), cols, r);
                if (v < 0) {
                    throw new DataFormatException(file, line, cols.weights() + 1, cols.header().get(cols.weights()),
                            "a weight >= 0", DataFormatException.quote(r.getField(cols.weights()).strip()));
                }
                w.add(v);
            }
            if (++n == Integer.MAX_VALUE || (long) n * p > Integer.MAX_VALUE - 8) {
                throw new DataFormatException(file, line, 0, null,
                        "at most " + (Integer.MAX_VALUE - 8) + " values in a dense matrix", "more rows");
            }
        }
        if (n == 0) {
            throw new DataFormatException(file, "no data rows after the header");
        }
        double[] weights = w == null ? null : w.toArray();
        if (weights != null && Arrays.stream(weights).sum() <= 0) {
            throw new DataFormatException(file, "the weights in column "
                    + DataFormatException.quote(cols.header().get(cols.weights())) + " are all zero");
        }
        double[] x = columnMajor(blocks, blockRows, n, p);
        double[] target = y != null ? y.toArray() : labels != null ? labels.codes() : null;
        List<String> classes = labels != null ? labels.sortedLabels() : null;
        String targetName = cols.target() >= 0 ? cols.header().get(cols.target()) : null;
        return new Dataset(new DenseMatrix(n, p, x), target, weights, cols.featureNames(), targetName, classes);
    }

    /** The finite number in field c, or a one-line error. */
    private static double number(String file, long line, int c, Columns cols, CsvRecord r) {
        String s = r.getField(c);
        double v = Cells.parse(s);
        if (Double.isNaN(v)) {
            throw new DataFormatException(file, line, c + 1, cols.header().get(c), Cells.expectation(s), Cells.problem(s));
        }
        return v;
    }

    /** The class label in field c (surrounding spaces dropped), or a one-line error for a missing one. */
    private static String label(String file, long line, int c, Columns cols, CsvRecord r) {
        String s = r.getField(c).strip();
        if (s.isEmpty() || Cells.isMissing(s)) {
            throw new DataFormatException(file, line, c + 1, cols.header().get(c), "a class label", Cells.problem(s));
        }
        return s;
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

package dev.occam.data;

import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * Where a data row of a file that read without error is, for a message about its value found only
 * afterwards (a negative count for poisson, a class the training data lacks): the readers keep no
 * line numbers per row, so this reads the file again up to that row, by the readers' own rules of
 * what a row is. Only ever on the way to an error, so its cost does not matter.
 */
public final class RowLines {
    private RowLines() { }

    /**
     * The 1-based line on which data row {@code row} (0-based, after the header) of a CSV file
     * starts, as {@link CsvReader} counts lines; 0 when the file has fewer rows or cannot be read.
     */
    public static long csv(Path file, int row) {
        try (de.siegmar.fastcsv.reader.CsvReader<CsvRecord> csv = fastCsv(file)) {
            Iterator<CsvRecord> records = csv.iterator();
            for (int r = -1; records.hasNext(); r++) {
                CsvRecord rec = records.next();
                if (r == row) return rec.getStartingLineNumber();
            }
            return 0;
        } catch (IOException | UncheckedIOException | de.siegmar.fastcsv.reader.CsvParseException e) {
            return 0;
        }
    }

    /** The 1-based position of column {@code name} in a CSV file's header (names stripped); 0 when absent. */
    public static int csvColumn(Path file, String name) {
        try (de.siegmar.fastcsv.reader.CsvReader<CsvRecord> csv = fastCsv(file)) {
            Iterator<CsvRecord> records = csv.iterator();
            if (!records.hasNext()) return 0;
            List<String> header = records.next().getFields();
            for (int c = 0; c < header.size(); c++) {
                if (header.get(c).strip().equals(name)) return c + 1;
            }
            return 0;
        } catch (IOException | UncheckedIOException | de.siegmar.fastcsv.reader.CsvParseException e) {
            return 0;
        }
    }

    /**
     * The 1-based line of data row {@code row} (0-based) of a LibSVM file, as {@link LibSvmReader}
     * counts lines (blank and comment lines are not rows); 0 when the file has fewer rows.
     */
    public static long libSvm(Path file, int row) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            long lineNo = 0;
            int r = -1;
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                int hash = line.indexOf('#');
                String data = hash >= 0 ? line.substring(0, hash) : line;
                if (lineNo == 1 && data.startsWith("\uFEFF")) data = data.substring(1);
                if (!data.isBlank() && ++r == row) return lineNo;
            }
            return 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static de.siegmar.fastcsv.reader.CsvReader<CsvRecord> fastCsv(Path file) throws IOException {
        // the settings of CsvReader.readQuoted, so records and their lines are the same
        return de.siegmar.fastcsv.reader.CsvReader.builder()
                .detectBomHeader(true)
                .skipEmptyLines(true)
                .trimWhitespacesAroundQuotes(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .ofCsvRecord(file);
    }
}

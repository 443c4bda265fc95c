package dev.occam.select;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.occam.io.AtomicFiles;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes cross-validation curves as CSV, one row per λ (decreasing), glmnet's columns:
 * <pre>
 *   lambda,cvm,cvsd,cvup,cvlo,nzero
 * </pre>
 * and with a grid over α a leading {@code alpha} column, the curves of all α one after another.
 * Numbers are written with {@link Double#toString(double)}, which reads back to the same double.
 */
public final class CvTable {
    private CvTable() { }

    /** Writes one curve to {@code file} atomically. */
    public static void write(Path file, CvResult result) throws IOException {
        AtomicFiles.writeText(file, w -> write(w, List.of(result), false));
    }

    /** Writes every α's curve, with the {@code alpha} column, to {@code file} atomically. */
    public static void write(Path file, AlphaGrid grid) throws IOException {
        AtomicFiles.writeText(file, w -> write(w, grid.results(), true));
    }

    /** Writes the curves to {@code out} (flushed, not closed). */
    public static void write(Writer out, List<CvResult> results, boolean withAlpha) throws IOException {
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out);
        List<String> header = new ArrayList<>();
        if (withAlpha) header.add("alpha");
        header.addAll(List.of("lambda", "cvm", "cvsd", "cvup", "cvlo", "nzero"));
        csv.writeRecord(header);
        for (CvResult r : results) {
            for (int l = 0; l < r.size(); l++) {
                List<String> row = new ArrayList<>(7);
                if (withAlpha) row.add(Double.toString(r.alpha()));
                row.add(Double.toString(r.lambdas()[l]));
                row.add(Double.toString(r.cvm()[l]));
                row.add(Double.toString(r.cvsd()[l]));
                row.add(Double.toString(r.cvup()[l]));
                row.add(Double.toString(r.cvlo()[l]));
                row.add(Integer.toString(r.nzero()[l]));
                csv.writeRecord(row);
            }
        }
        csv.flush();
    }
}

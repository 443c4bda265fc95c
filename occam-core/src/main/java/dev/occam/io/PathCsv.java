package dev.occam.io;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.occam.glm.GlmPath;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an elastic-net path as CSV, one row per λ (in path order, decreasing):
 * <pre>
 *   lambda,df,dev_ratio,intercept,&lt;feature 1&gt;,…,&lt;feature p&gt;
 * </pre>
 * and for multinomial, after {@code lambda,df,dev_ratio}, for each class c in order
 * {@code intercept:c} followed by {@code <feature>:c} for every feature; the last column,
 * {@code kkt_violation}, is the largest KKT violation of that λ's answer relative to max(λ, 1e-6·G)
 * ({@code NaN} when not measured). Coefficients are on the
 * original feature scale. Numbers are written with {@link Double#toString(double)}, which reads back
 * to exactly the same double; a deviance ratio that is undefined is written as {@code NaN}.
 */
public final class PathCsv {
    private PathCsv() { }

    /** Writes {@code path} to {@code file} atomically (see {@link AtomicFiles}). */
    public static void write(Path file, GlmPath path) throws IOException {
        AtomicFiles.writeText(file, w -> write(w, path));
    }

    /** Writes {@code path} as CSV to {@code out} (flushed, not closed). */
    public static void write(Writer out, GlmPath path) throws IOException {
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out);
        csv.writeRecord(header(path));
        int responses = path.size() == 0 ? 0 : path.coefficients()[0].length;
        int p = path.featureNames().size();
        String[] row = new String[3 + responses * (p + 1) + 1];
        for (int l = 0; l < path.size(); l++) {
            row[0] = Double.toString(path.lambdas()[l]);
            row[1] = Integer.toString(path.df()[l]);
            row[2] = Double.toString(path.devRatio()[l]);
            int c = 3;
            for (int k = 0; k < responses; k++) {
                row[c++] = Double.toString(path.intercepts()[l][k]);
                double[] w = path.coefficients()[l][k];
                for (int j = 0; j < p; j++) row[c++] = Double.toString(w[j]);
            }
            row[c] = Double.toString(path.kktViolation()[l]);
            csv.writeRecord(row);
        }
        csv.flush();
    }

    /** The header line's column names. */
    public static List<String> header(GlmPath path) {
        List<String> h = new ArrayList<>(List.of("lambda", "df", "dev_ratio"));
        if (path.family() == dev.occam.glm.Family.MULTINOMIAL) {
            for (String c : path.classes()) {
                h.add("intercept:" + c);
                for (String f : path.featureNames()) h.add(f + ":" + c);
            }
        } else {
            h.add("intercept");
            h.addAll(path.featureNames());
        }
        h.add("kkt_violation");
        return h;
    }
}

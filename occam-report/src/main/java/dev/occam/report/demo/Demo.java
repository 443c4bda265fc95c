package dev.occam.report.demo;

import dev.occam.report.Report;
import dev.occam.report.Table;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Occam's main job: the whole story of regularization on bundled data, in under a minute on two
 * cores — overfitting and its cure on a polynomial, lasso vs ridge vs elastic net chosen by
 * cross-validation, the sparsity of L1, and SGD vs Adam+L2 vs AdamW on a small network. It prints
 * a summary table and writes one HTML report.
 *
 * <p>Each chapter is its own class; this one only runs them in order and assembles the report.
 */
public final class Demo {
    private Demo() { }

    /** What a chapter contributes: report sections and rows of the printed summary. */
    record Chapter(List<dev.occam.report.Section> sections, List<List<String>> summary) { }

    /**
     * Runs every chapter on the data under {@code dataDir} and writes the report into {@code outDir}.
     *
     * @param log progress and the summary table are printed here
     * @return the report file
     */
    public static Path run(Path dataDir, Path outDir, PrintWriter log) throws IOException {
        Report report = Report.titled("Occam: what regularization does");
        report.paragraph("Every number on this page was computed by Occam from data bundled with it (see data/README.md "
                + "for sources and licences). The objective throughout: (1/n) Σ loss + λ · Σ [α|w| + (1−α)/2 · w²].");
        List<List<String>> summary = new ArrayList<>();
        List<Chapter> chapters = new ArrayList<>();
        log.println("occam demo: 1/4 polynomial fit with and without a penalty");
        chapters.add(PolynomialChapter.run());
        log.println("occam demo: 2/4 lasso, ridge and elastic net chosen by 10-fold cross-validation (diabetes)");
        chapters.add(ShrinkageChapter.run(dataDir));
        log.println("occam demo: 3/4 L1 sparsity (breast cancer) and the diamond and the circle");
        chapters.add(SparsityChapter.run(dataDir));
        log.println("occam demo: 4/4 SGD vs Adam+L2 vs AdamW on a Fashion-MNIST slice");
        chapters.add(NetworkChapter.run(dataDir));
        for (Chapter c : chapters) {
            c.sections().forEach(report::add);
            summary.addAll(c.summary());
        }
        List<String> columns = List.of("chapter", "model", "choice", "held-out error", "non-zero weights");
        report.add(new Table("Summary", "One line per model fitted above.", columns, summary));
        printTable(log, columns, summary);
        Path file = report.write(outDir);
        log.println("occam demo: wrote " + file);
        return file;
    }

    private static void printTable(PrintWriter out, List<String> columns, List<List<String>> rows) {
        int[] width = new int[columns.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = columns.get(c).length();
            for (List<String> r : rows) width[c] = Math.max(width[c], r.get(c).length());
        }
        StringBuilder sb = new StringBuilder();
        line(sb, columns, width);
        StringBuilder rule = new StringBuilder();
        for (int w : width) rule.append("-".repeat(w)).append("  ");
        sb.append(rule.toString().stripTrailing()).append('\n');
        for (List<String> r : rows) line(sb, r, width);
        out.print(sb);
        out.flush();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] width) {
        StringBuilder l = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            l.append(String.format("%-" + width[c] + "s", cells.get(c))).append("  ");
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }

    static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}

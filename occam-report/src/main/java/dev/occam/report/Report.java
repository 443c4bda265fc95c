package dev.occam.report;

import dev.occam.io.AtomicFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a report: sections in the order they are added, written as one self-contained
 * {@code index.html}.
 *
 * <pre>{@code
 * Report report = Report.titled("Lasso on the diabetes data")
 *         .paragraph("Ten features, 442 patients; λ chosen by 10-fold cross-validation.")
 *         .add(new CvCurvePlot(cv.lambda(), cv.cvm(), cv.cvsd(), cv.lambdaMin(), cv.lambda1se(), "mean squared error").plot())
 *         .add(CoefficientPathPlot.of(path).plot());
 * Path page = report.write(Path.of("occam-report"));   // occam-report/index.html
 * }</pre>
 *
 * <p>Not thread-safe: one thread builds a report, then writes it.
 */
public final class Report {
    private final String title;
    private final List<Section> sections = new ArrayList<>();

    private Report(String title) {
        this.title = Checks.text("report title", title);
    }

    /** A new, empty report with this title. */
    public static Report titled(String title) {
        return new Report(title);
    }

    /** Appends a section. */
    public Report add(Section section) {
        if (section == null) throw new IllegalArgumentException("section must be given; got null");
        sections.add(section);
        return this;
    }

    /** Appends a heading that starts a group of sections. */
    public Report heading(String text) {
        return add(new Heading(text));
    }

    /** Appends a paragraph of plain text. */
    public Report paragraph(String text) {
        return add(new Paragraph(text));
    }

    public String title() {
        return title;
    }

    /** The sections so far, in order. */
    public List<Section> sections() {
        return List.copyOf(sections);
    }

    /** The page as a string (about 1 MB: the charting library is inlined). */
    public String html() {
        StringWriter out = new StringWriter(1 << 20);
        try {
            HtmlPage.write(out, title, sections, VendorScripts.load());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not throw
        }
        return out.toString();
    }

    /**
     * Writes the page to {@code dir/index.html}, creating {@code dir} if needed. The page is
     * written to a temporary file in {@code dir} and moved into place atomically, so a reader sees
     * either the previous page or the complete new one, never a partial file.
     *
     * @return the path of the written page
     * @throws IOException when the directory cannot be created or the file cannot be written or moved
     */
    public Path write(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException(dir + ": expected a directory for the report; found a file");
        }
        Files.createDirectories(dir);
        Path page = dir.resolve("index.html");
        VendorScripts vendor = VendorScripts.load();
        List<Section> snapshot = List.copyOf(sections);
        AtomicFiles.writeText(page, out -> HtmlPage.write(out, title, snapshot, vendor));
        return page;
    }
}

package dev.occam.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ReportTest {

    @TempDir
    Path tmp;

    private static Report small() {
        return Report.titled("Fits <b>& friends</b>")
                .heading("Section \"one\"")
                .paragraph("a < b")
                .add(new CvCurvePlot(new double[] {1, 0.1}, new double[] {2, 1}, new double[] {0.1, 0.1}, 0.1, 0.1, "deviance").plot())
                .add(Table.builder("Summary", "model", "λ").row("lasso", 0.12345678).build());
    }

    @Test
    void pageInlinesTheChartingLibraryAndEscapesText() {
        String html = small().html();
        VendorScripts vendor = VendorScripts.load();
        for (VendorScripts.Script s : vendor.scripts()) {
            assertThat(html).contains(s.source());
            assertThat(html).contains("/*! " + s.packageName() + " " + s.version());
        }
        assertThat(html).doesNotContain("src=\"http", "href=\"http", "<script src");
        assertThat(html).contains("<title>Fits &lt;b&gt;&amp; friends&lt;/b&gt;</title>");
        assertThat(html).contains("<h2>Section &quot;one&quot;</h2>", "<p>a &lt; b</p>");
        assertThat(html).contains("<td class=\"num\">0.1235</td>", "<td>lasso</td>");
        assertThat(html).contains("Third-party licences", "Redistribution and use in source and binary forms", "d3-array");
        assertThat(html).contains("<div class=\"occam-plot\" id=\"occam-plot-0\"");
    }

    @Test
    void specJsonCannotCloseItsScriptElement() {
        ObjectNode spec = VegaLite.spec();
        spec.put("description", "</script><script>alert(1)</script><!--");
        String html = Report.titled("t").add(new Plot("p", "c", spec)).html();
        String start = "<script type=\"application/json\" id=\"occam-spec-0\">";
        int from = html.indexOf(start) + start.length();
        String embedded = html.substring(from, html.indexOf("</script>", from));
        assertThat(embedded).doesNotContain("<");
        JsonNode back = VegaLite.JSON.readTree(embedded);
        assertThat(back.get("description").asString()).isEqualTo("</script><script>alert(1)</script><!--");
    }

    @Test
    void writesIndexHtmlIntoANewDirectory() throws IOException {
        Report report = small();
        Path dir = tmp.resolve("a/b/report");
        Path page = report.write(dir);
        assertThat(page).isEqualTo(dir.resolve("index.html"));
        assertThat(Files.readString(page, StandardCharsets.UTF_8)).isEqualTo(report.html());
        assertThat(listing(dir)).containsExactly("index.html");
    }

    @Test
    void replacesAnEarlierPageWholly() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("r"));
        Files.writeString(dir.resolve("index.html"), "old page ".repeat(500_000));
        Report report = Report.titled("new");
        report.write(dir);
        assertThat(Files.readString(dir.resolve("index.html"))).isEqualTo(report.html());
        assertThat(listing(dir)).containsExactly("index.html");
    }

    @Test
    void aFailedMoveLeavesNoPartialFileBehind() throws IOException {
        // index.html is a non-empty directory: the complete page is written to a temporary file,
        // but moving it into place fails. Nothing of the page may remain.
        Path dir = Files.createDirectories(tmp.resolve("blocked"));
        Path blocker = Files.createDirectories(dir.resolve("index.html"));
        Files.writeString(blocker.resolve("keep.txt"), "kept");
        assertThatThrownBy(() -> small().write(dir)).isInstanceOf(IOException.class);
        assertThat(listing(dir)).containsExactly("index.html");
        assertThat(Files.readString(blocker.resolve("keep.txt"))).isEqualTo("kept");
    }

    @Test
    void aFileWhereTheDirectoryShouldBeIsAnError() throws IOException {
        Path file = Files.writeString(tmp.resolve("report"), "x");
        assertThatThrownBy(() -> small().write(file))
                .isInstanceOf(IOException.class)
                .hasMessage(file + ": expected a directory for the report; found a file");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void sectionsKeepTheirOrderAndPlotsAreImmutable() {
        Report report = small();
        assertThat(report.sections()).extracting(s -> s.getClass().getSimpleName())
                .containsExactly("Heading", "Paragraph", "Plot", "Table");
        Plot plot = (Plot) report.sections().get(2);
        plot.spec().put("mark", "changed");
        assertThat(plot.spec().has("mark")).isFalse();
        assertThat(plot.withTitle("T").title()).isEqualTo("T");
        assertThatThrownBy(() -> Report.titled(" ")).hasMessage("report title must be a non-blank text; got \" \"");
        assertThatThrownBy(() -> new Plot("t", "", VegaLite.spec())).hasMessage("plot caption must be a non-blank text; got \"\"");
    }

    @Test
    void tablesCheckTheirShapeAndFormatNumbers() {
        assertThatThrownBy(() -> new Table("t", null, List.of("a", "b"), List.of(List.of("1"))))
                .hasMessage("table \"t\" row 1 must have 2 cells; got 1");
        Table t = Table.builder("t", "x").row(1.0 / 3).row(12345678.0).row(Double.NaN).row(7).row(-0.0001234).build();
        assertThat(t.rows()).extracting(r -> r.get(0)).containsExactly("0.3333", "1.235e7", "NaN", "7", "-1.234e-4");
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}

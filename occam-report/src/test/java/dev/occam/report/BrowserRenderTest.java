package dev.occam.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders report pages in headless Chromium (Debian's {@code chromium}) and checks, from the DOM
 * after the scripts ran, that every plot was drawn as SVG with marks for its data and that the page
 * recorded no error or warning. Skipped only when /usr/bin/chromium is absent.
 */
class BrowserRenderTest {

    @TempDir
    Path tmp;

    @BeforeEach
    void needsChromium() {
        assumeTrue(Files.isExecutable(HeadlessChromium.BINARY), HeadlessChromium.MISSING);
    }

    @Test
    void everyPlotIsDrawnAndThePageLogsNothing() throws Exception {
        Report report = ExampleReports.full();
        List<Plot> plots = report.sections().stream().filter(Plot.class::isInstance).map(Plot.class::cast).toList();
        assertThat(plots).hasSize(7);
        Path page = report.write(tmp.resolve("report"));

        HeadlessChromium.Result result = HeadlessChromium.render(page, tmp);

        assertThat(result.recordedProblems()).as("errors and warnings recorded by the page").isEmpty();
        assertThat(result.consoleLines()).as("console messages in Chromium's log").isEmpty();
        assertThat(HeadlessChromium.Result.attribute(result.openingTag("occam-report"), "data-occam-rendered"))
                .as("plots drawn / plots").isEqualTo(plots.size() + "/" + plots.size());

        for (int i = 0; i < plots.size(); i++) {
            String title = plots.get(i).title();
            String tag = result.openingTag("occam-plot-" + i);
            assertThat(tag).as("container of plot %s", title).isNotNull();
            assertThat(HeadlessChromium.Result.attribute(tag, "data-occam-status")).as("status of %s", title).isEqualTo("drawn");
            assertThat(result.plotMarkup(i)).as("markup of %s", title).contains("<svg");
            assertThat(result.markItems(i).values().stream().mapToInt(Integer::intValue).sum())
                    .as("mark items drawn in %s", title).isGreaterThan(0);
        }

        // The marks match the data: one point and one error bar per λ, one bar per histogram row, ...
        int lambdas = plots.get(0).spec().get("layer").get(0).get("data").get("values").size();
        Map<String, Integer> cv = result.markItems(0);
        assertThat(cv.get("point")).as("CV means").isEqualTo(lambdas);
        assertThat(cv.get("rule")).as("error bars + 1-SE line + λ.min + λ.1se").isEqualTo(lambdas + 3);
        assertThat(cv.get("text")).as("λ labels").isEqualTo(2);

        Map<String, Integer> paths = result.markItems(1);
        assertThat(paths.get("text")).as("labelled features").isEqualTo(6);
        assertThat(paths.get("line")).as("one line per feature entering the path")
                .isEqualTo(new CoefficientPathPlot(ExampleReports.lassoPath(), 0, 6).activeFeatures().size());

        int bars = plots.get(2).spec().get("data").get("values").size();
        assertThat(result.markItems(2).get("bar")).as("histogram bars").isEqualTo(bars);
        assertThat(result.plotMarkup(2)).contains(WeightHistogramPlot.EXACT_ZERO);

        Map<String, Integer> loss = result.markItems(3);
        assertThat(loss.get("line")).as("train + validation line per run").isEqualTo(6);
        assertThat(loss.get("point")).as("lowest validation loss per run").isEqualTo(3);

        Map<String, Integer> norms = result.markItems(4);
        assertThat(norms.get("line")).as("norm and zero-share lines per run").isEqualTo(6);
        assertThat(norms.get("point")).as("a point per run, epoch and panel").isEqualTo(3 * 30 * 2);

        Map<String, Integer> poly = result.markItems(5);
        assertThat(poly.get("line")).as("fitted curves").isEqualTo(3);
        assertThat(poly.get("point")).as("sample points").isEqualTo(20);

        Map<String, Integer> geometry = result.markItems(6);
        assertThat(geometry.get("line")).as("per panel: region, 3 inner contours, touching contour").isEqualTo(10);
        assertThat(geometry.get("point")).as("ŵ and the optimum, per panel").isEqualTo(4);
        assertThat(geometry.get("text")).as("their labels").isEqualTo(4);
        assertThat(geometry.get("rule")).as("the axes through 0").isEqualTo(4);

        assertThat(result.dom()).contains("<td class=\"num\">");
    }

    @Test
    void aPlotThatCannotBeDrawnIsReportedInThePageAndTheLog() throws Exception {
        ObjectNode broken = VegaLite.spec();
        broken.put("mark", "no-such-mark");
        broken.set("data", VegaLite.inline(VegaLite.array().add(VegaLite.object().put("a", 1))));
        Report report = Report.titled("broken")
                .add(new Plot("Broken", "A mark type that does not exist.", broken))
                .add(ExampleReports.polynomial().plot());
        Path page = report.write(tmp.resolve("broken"));

        HeadlessChromium.Result result = HeadlessChromium.render(page, tmp);

        assertThat(HeadlessChromium.Result.attribute(result.openingTag("occam-plot-0"), "data-occam-status")).isEqualTo("failed");
        assertThat(HeadlessChromium.Result.attribute(result.openingTag("occam-plot-1"), "data-occam-status")).isEqualTo("drawn");
        assertThat(result.recordedProblems()).anySatisfy(p -> assertThat(p).contains("plot \"Broken\" not drawn"));
        assertThat(result.consoleLines()).anySatisfy(l -> assertThat(l).contains("not drawn"));
        assertThat(HeadlessChromium.Result.attribute(result.openingTag("occam-report"), "data-occam-rendered")).isEqualTo("1/2");
    }
}

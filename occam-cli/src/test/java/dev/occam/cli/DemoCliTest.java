package dev.occam.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The main job runs end to end on the bundled data and writes its report. */
class DemoCliTest {
    /** The repository's data folder, seen from the occam-cli module where the tests run. */
    private static final Path DATA = Path.of("..", "data");

    @TempDir
    Path dir;

    @Test
    void demoPrintsTheSummaryAndWritesTheReport() throws IOException {
        Path out = dir.resolve("report");
        CliRun r = CliRun.of("demo", "--data-dir", DATA, "--out", out).ok();
        assertThat(r.out()).contains("chapter").contains("degree 12, ridge").contains("lasso (α = 1)")
                .contains("logistic lasso").contains("AdamW, decay 0.1").contains("wrote " + out.resolve("index.html"));
        String html = Files.readString(out.resolve("index.html"));
        assertThat(html).contains("Polynomial fit with and without a penalty").contains("Cross-validation")
                .contains("Coefficient paths").contains("diamond").contains("Training and validation loss");
    }

    @Test
    void missingDataIsOneLine() {
        CliRun r = CliRun.of("demo", "--data-dir", dir, "--out", dir.resolve("r"));
        assertThat(r.userError()).startsWith("the demo's data are missing: no ");
    }
}

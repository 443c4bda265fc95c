package dev.occam.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** Outside a terminal (as in tests and pipes) progress is plain lines at each quarter, nothing when quiet. */
class ProgressLineTest {

    @Test
    void aPipeGetsOneLineAtEachQuarterAndNoCarriageReturns() {
        StringWriter s = new StringWriter();
        ProgressLine p = new ProgressLine(new PrintWriter(s, true), false, "fits");
        for (int i = 1; i <= 8; i++) p.update(i, 8);
        assertThat(s.toString()).isEqualTo("occam: 2/8 fits\noccam: 4/8 fits\noccam: 6/8 fits\noccam: 8/8 fits\n")
                .doesNotContain("\r");
    }

    @Test
    void quietPrintsNothing() {
        StringWriter s = new StringWriter();
        ProgressLine p = new ProgressLine(new PrintWriter(s, true), true, "fits");
        for (int i = 1; i <= 8; i++) p.update(i, 8);
        assertThat(s.toString()).isEmpty();
    }
}

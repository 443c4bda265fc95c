package dev.occam.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DataFormatExceptionTest {

    @Test
    void fullPlace() {
        DataFormatException e = new DataFormatException("data.csv", 12, 3, "age", "a number", "\"abc\"");
        assertThat(e.getMessage()).isEqualTo("data.csv:12:3 (column \"age\"): expected a number, found \"abc\"");
        assertThat(e.file()).isEqualTo("data.csv");
        assertThat(e.line()).isEqualTo(12);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.columnName()).isEqualTo("age");
    }

    @Test
    void unknownPartsAreLeftOut() {
        assertThat(new DataFormatException("d.svm", 4, 0, null, "index:value", "\"7\"").getMessage())
                .isEqualTo("d.svm:4: expected index:value, found \"7\"");
        assertThat(new DataFormatException("d.csv", 0, 0, "w", "weights not all zero", "all zero").getMessage())
                .isEqualTo("d.csv (column \"w\"): expected weights not all zero, found all zero");
        assertThat(new DataFormatException("data.csv", "the file is empty").getMessage())
                .isEqualTo("data.csv: the file is empty");
    }

    @Test
    void messageIsAlwaysOneLine() {
        DataFormatException e = new DataFormatException("d.csv", 2, 1, "a\nb", "a number", "\"x\r\ny\"");
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r");
    }
}

package dev.occam.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LibSvmReaderTest {
    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        Path f = dir.resolve("data.svm");
        Files.writeString(f, content);
        return f;
    }

    private String errorOf(String content, TargetKind kind) throws IOException {
        Path f = file(content);
        try {
            LibSvmReader.read(f, kind, 0);
        } catch (DataFormatException e) {
            assertThat(e.getMessage()).doesNotContain("\n").startsWith(f.toString());
            return e.getMessage().substring(f.toString().length());
        }
        throw new AssertionError("no error for:\n" + content);
    }

    @Test
    void buildsCompressedSparseColumns() throws IOException {
        // Row 0: x1=1, x3=3; row 1: nothing; row 2: x2=-2, x3=0.5, x5=0 (explicit zero not stored).
        Dataset d = LibSvmReader.read(file("1.5 1:1 3:3\n-2\n0 2:-2 3:0.5 5:0\n"), TargetKind.NUMERIC, 0);
        SparseMatrix x = (SparseMatrix) d.x();
        assertThat(x.rows()).isEqualTo(3);
        assertThat(x.cols()).isEqualTo(5);
        assertThat(x.colPtr()).containsExactly(0, 1, 2, 4, 4, 4);
        assertThat(x.rowIndex()).containsExactly(0, 2, 0, 2);
        assertThat(x.values()).containsExactly(1, -2, 3, 0.5);
        assertThat(d.y()).containsExactly(1.5, -2, 0);
        assertThat(d.featureNames()).containsExactly("x1", "x2", "x3", "x4", "x5");
        assertThat(d.targetName()).isEqualTo("label");
        assertThat(d.weights()).isNull();
    }

    @Test
    void matchesDenseReadingOfTheSameValues() throws IOException {
        StringBuilder s = new StringBuilder();
        double[][] dense = new double[40][7];
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        for (int i = 0; i < 40; i++) {
            s.append(i % 3);
            for (int j = 0; j < 7; j++) {
                if (r.nextDouble() < 0.3) {
                    dense[i][j] = Math.floor(r.nextDouble() * 100) / 8 - 5;
                    s.append(' ').append(j + 1).append(':').append(dense[i][j]);
                }
            }
            s.append('\n');
        }
        Dataset d = LibSvmReader.read(file(s.toString()), TargetKind.CLASS, 7);
        assertThat(d.classes()).containsExactly("0", "1", "2");
        for (int i = 0; i < 40; i++) {
            assertThat(d.y()[i]).isEqualTo(i % 3);
            for (int j = 0; j < 7; j++) assertThat(d.x().get(i, j)).as("x[%d,%d]", i, j).isEqualTo(dense[i][j]);
        }
    }

    @Test
    void tabsCrlfCommentsQidAndBlankLines() throws IOException {
        Dataset d = LibSvmReader.read(file("# a comment line\r\n+1\tqid:3 2:4\t4:1   # trailing\r\n\r\n-1 qid:3 1:2\r\n"), TargetKind.CLASS, 0);
        assertThat(d.rows()).isEqualTo(2);
        assertThat(d.cols()).isEqualTo(4);
        assertThat(d.classes()).containsExactly("-1", "+1");
        assertThat(d.y()).containsExactly(1, 0);
        assertThat(d.x().get(0, 1)).isEqualTo(4);
        assertThat(d.x().get(0, 3)).isEqualTo(1);
        assertThat(d.x().get(1, 0)).isEqualTo(2);
    }

    @Test
    void minFeaturesWidensX() throws IOException {
        Dataset d = LibSvmReader.read(file("1 2:1\n"), TargetKind.NUMERIC, 6);
        assertThat(d.cols()).isEqualTo(6);
        assertThat(d.featureNames()).hasSize(6).endsWith("x6");
        assertThat(LibSvmReader.read(file("1 9:1\n"), TargetKind.NUMERIC, 6).cols()).isEqualTo(9);
    }

    @Test
    void withoutTargetTheLabelIsOptionalAndIgnored() throws IOException {
        Dataset d = LibSvmReader.read(file("1:1 2:2\nwhatever 2:5\n"), TargetKind.NONE, 0);
        assertThat(d.y()).isNull();
        assertThat(d.targetName()).isNull();
        assertThat(d.x().get(0, 0)).isEqualTo(1);
        assertThat(d.x().get(1, 1)).isEqualTo(5);
    }

    @Test
    void emptyFiles() throws IOException {
        assertThat(errorOf("", TargetKind.NUMERIC)).isEqualTo(": the file is empty");
        assertThat(errorOf("\n  \n", TargetKind.NUMERIC)).isEqualTo(": the file is empty");
        assertThat(errorOf("# only\n# comments\n", TargetKind.NUMERIC)).isEqualTo(": no data lines (only comments)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1 1:1 3:2 2:5     | :2:4: expected an index above 3 (indices must increase along a line), found \"2:5\"",
            "1 1:1 1:2         | :2:3: expected an index above 1 (indices must increase along a line), found \"1:2\"",
            "1 0:1             | :2:2: expected a feature index between 1 and 2147483646, found \"0:1\"",
            "1 -3:1            | :2:2: expected a feature index between 1 and 2147483646, found \"-3:1\"",
            "1 a:1             | :2:2: expected a feature index between 1 and 2147483646, found \"a:1\"",
            "1 99999999999:1   | :2:2: expected a feature index between 1 and 2147483646, found \"99999999999:1\"",
            "1 2:x             | :2:2: expected a number after \"2:\", found \"x\"",
            "1 2:              | :2:2: expected a number after \"2:\", found an empty field",
            "1 2:nan           | :2:2: expected a number after \"2:\", found missing value \"nan\"",
            "1 2:inf           | :2:2: expected a finite number after \"2:\", found \"inf\"",
            "1 1:2 7           | :2:3: expected index:value, found \"7\"",
            "abc 1:2           | :2:1: expected a number as the label, found \"abc\"",
            "NaN 1:2           | :2:1: expected a number as the label, found missing value \"NaN\"",
            "1:2 3:4           | :2:1: expected a label first on the line, found \"1:2\"",
    })
    void badTokens(String line, String expected) throws IOException {
        assertThat(errorOf("0 1:1\n" + line + "\n", TargetKind.NUMERIC)).isEqualTo(expected);
    }

    @Test
    void directoryIsOneLine() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LibSvmReader.read(dir, TargetKind.NUMERIC, 0))
                .isInstanceOf(DataFormatException.class).hasMessage(dir + ": is a directory, not a file");
    }

    @Test
    void missingClassLabel() throws IOException {
        assertThat(errorOf("a 1:1\nNA 1:2\n", TargetKind.CLASS)).isEqualTo(":2:1: expected a class label, found missing value \"NA\"");
    }
}

package dev.occam.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvReaderTest {
    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        Path f = dir.resolve("data.csv");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    private String errorOf(String content, ReadOptions o) throws IOException {
        Path f = file(content);
        try {
            CsvReader.read(f, o);
        } catch (DataFormatException e) {
            assertThat(e.getMessage()).doesNotContain("\n").startsWith(f.toString());
            return e.getMessage().substring(f.toString().length());
        }
        throw new AssertionError("no error for:\n" + content);
    }

    @Test
    void readsNumericTargetAndFeaturesColumnMajorInFileOrder() throws IOException {
        Dataset d = CsvReader.read(file("a,y,b\n1,10,2\n3,20,4\n5,30,6\n"), ReadOptions.numeric("y"));
        assertThat(d.rows()).isEqualTo(3);
        assertThat(d.featureNames()).containsExactly("a", "b");
        assertThat(d.targetName()).isEqualTo("y");
        assertThat(d.y()).containsExactly(10, 20, 30);
        assertThat(d.weights()).isNull();
        assertThat(d.classes()).isNull();
        assertThat(d.x()).isInstanceOf(DenseMatrix.class);
        assertThat(((DenseMatrix) d.x()).values()).containsExactly(1, 3, 5, 2, 4, 6);
    }

    @Test
    void readsQuotedFieldsCrlfBomBlankLinesAndSpaces() throws IOException {
        String content = "\uFEFF\"first col\", \"y\" ,\"c,d\"\r\n\"1.5\",2,\"-3e2\"\r\n\r\n 4 ,\"5\",  .25\r\n";
        Dataset d = CsvReader.read(file(content), ReadOptions.numeric("y"));
        assertThat(d.featureNames()).containsExactly("first col", "c,d");
        assertThat(d.y()).containsExactly(2, 5);
        assertThat(d.x().get(0, 0)).isEqualTo(1.5);
        assertThat(d.x().get(0, 1)).isEqualTo(-300);
        assertThat(d.x().get(1, 0)).isEqualTo(4);
        assertThat(d.x().get(1, 1)).isEqualTo(0.25);
    }

    @Test
    void quotedFieldSpanningLinesKeepsLineNumbersOfLaterRows() throws IOException {
        // The label of row 1 spans lines 2-3, so the bad cell of the next row is on line 4.
        String msg = errorOf("y,a\n\"multi\nline\",1\nz,oops\n", ReadOptions.classes("y"));
        assertThat(msg).isEqualTo(":4:2 (column \"a\"): expected a number, found \"oops\"");
    }

    @Test
    void readsManyRowsAcrossBlocksExactly() throws IOException {
        int n = 5000;
        int p = 30; // 5000 x 30 > one 65536-value block, so several blocks are copied
        StringBuilder s = new StringBuilder("y");
        for (int j = 0; j < p; j++) s.append(",f").append(j);
        s.append('\n');
        for (int i = 0; i < n; i++) {
            s.append(i);
            for (int j = 0; j < p; j++) s.append(',').append(i * 1000 + j);
            s.append('\n');
        }
        Dataset d = CsvReader.read(file(s.toString()), ReadOptions.numeric("y"));
        assertThat(d.rows()).isEqualTo(n);
        assertThat(d.cols()).isEqualTo(p);
        for (int i = 0; i < n; i += 97) {
            assertThat(d.y()[i]).isEqualTo(i);
            for (int j = 0; j < p; j++) assertThat(d.x().get(i, j)).isEqualTo(i * 1000 + j);
        }
        assertThat(d.x().get(n - 1, p - 1)).isEqualTo((n - 1) * 1000 + p - 1);
    }

    @Test
    void selectsExactlyTheNamedFeaturesInTheGivenOrderWithoutTarget() throws IOException {
        Dataset d = CsvReader.read(file("a,b,y,c\n1,2,x,3\n4,5,,6\n"), ReadOptions.featuresOnly(List.of("c", "a")));
        assertThat(d.featureNames()).containsExactly("c", "a");
        assertThat(d.y()).isNull();
        assertThat(d.targetName()).isNull();
        assertThat(((DenseMatrix) d.x()).values()).containsExactly(3, 6, 1, 4);
    }

    @Test
    void readsWeights() throws IOException {
        Dataset d = CsvReader.read(file("y,w,a\n1,0.5,1\n2,0,2\n3,2,3\n"), ReadOptions.numeric("y").withWeights("w"));
        assertThat(d.weights()).containsExactly(0.5, 0, 2);
        assertThat(d.featureNames()).containsExactly("a");
    }

    @Test
    void classLabelsSortedNumericallyWhenAllAreNumbers() throws IOException {
        Dataset d = CsvReader.read(file("y,a\n10,1\n2,2\n-1,3\n10,4\n"), ReadOptions.classes("y"));
        assertThat(d.classes()).containsExactly("-1", "2", "10");
        assertThat(d.y()).containsExactly(2, 1, 0, 2);
    }

    @Test
    void classLabelsSortedAsTextOtherwise() throws IOException {
        Dataset d = CsvReader.read(file("y,a\nyes,1\nno,2\n 10 ,3\nyes,4\n"), ReadOptions.classes("y"));
        assertThat(d.classes()).containsExactly("10", "no", "yes");
        assertThat(d.y()).containsExactly(2, 1, 0, 2);
    }

    @Test
    void singleClassIsNotAnErrorHere() throws IOException {
        Dataset d = CsvReader.read(file("y,a\nyes,1\nyes,2\n"), ReadOptions.classes("y"));
        assertThat(d.classes()).containsExactly("yes");
        assertThat(d.y()).containsExactly(0, 0);
    }

    @Test
    void emptyFile() throws IOException {
        assertThat(errorOf("", ReadOptions.numeric("y"))).isEqualTo(": the file is empty");
        assertThat(errorOf("\n\r\n\n", ReadOptions.numeric("y"))).isEqualTo(": the file is empty");
    }

    @Test
    void headerOnly() throws IOException {
        assertThat(errorOf("y,a\n", ReadOptions.numeric("y"))).isEqualTo(": no data rows after the header");
    }

    @Test
    void unknownColumnListsTheAvailableOnes() throws IOException {
        assertThat(errorOf("y,a,b\n1,2,3\n", ReadOptions.numeric("target")))
                .isEqualTo(": no column named \"target\" (the target); the columns are: y, a, b");
        assertThat(errorOf("y,a,b\n1,2,3\n", ReadOptions.numeric("y").withWeights("w")))
                .isEqualTo(": no column named \"w\" (the weights); the columns are: y, a, b");
        assertThat(errorOf("y,a,b\n1,2,3\n", ReadOptions.featuresOnly(List.of("a", "z"))))
                .isEqualTo(": no column named \"z\" (a feature); the columns are: y, a, b");
    }

    @Test
    void duplicateColumnName() throws IOException {
        assertThat(errorOf("y,a,b,a\n1,2,3,4\n", ReadOptions.numeric("y")))
                .isEqualTo(":1:4 (column \"a\"): expected a unique column name, found a second \"a\" (first in column 2)");
    }

    @Test
    void emptyColumnName() throws IOException {
        assertThat(errorOf("y,,b\n1,2,3\n", ReadOptions.numeric("y")))
                .isEqualTo(":1:2: expected a column name, found an empty field");
    }

    @Test
    void raggedRows() throws IOException {
        assertThat(errorOf("y,a,b\n1,2,3\n4,5\n", ReadOptions.numeric("y"))).isEqualTo(":3: expected 3 fields, found 2");
        assertThat(errorOf("y,a,b\n1,2,3,4\n", ReadOptions.numeric("y"))).isEqualTo(":2: expected 3 fields, found 4");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1,abc,3   | :2:2 (column \"a\"): expected a number, found \"abc\"",
            "1,,3      | :2:2 (column \"a\"): expected a number, found an empty field",
            "1,  ,3    | :2:2 (column \"a\"): expected a number, found an empty field",
            "1,NA,3    | :2:2 (column \"a\"): expected a number, found missing value \"NA\"",
            "1,NaN,3   | :2:2 (column \"a\"): expected a number, found missing value \"NaN\"",
            "1,?,3     | :2:2 (column \"a\"): expected a number, found missing value \"?\"",
            "1,Inf,3   | :2:2 (column \"a\"): expected a finite number, found \"Inf\"",
            "1,-Infinity,3 | :2:2 (column \"a\"): expected a finite number, found \"-Infinity\"",
            "1,1e400,3 | :2:2 (column \"a\"): expected a finite number, found \"1e400\"",
            "1,0x10,3  | :2:2 (column \"a\"): expected a number, found \"0x10\"",
            "1,2d,3    | :2:2 (column \"a\"): expected a number, found \"2d\"",
            "1,1e,3    | :2:2 (column \"a\"): expected a number, found \"1e\"",
            "1,1.2.3,3 | :2:2 (column \"a\"): expected a number, found \"1.2.3\"",
            "x,1,3     | :2:1 (column \"y\"): expected a number, found \"x\"",
            "NA,1,3    | :2:1 (column \"y\"): expected a number, found missing value \"NA\"",
            "1,1,-0.5  | :2:3 (column \"w\"): expected a weight >= 0, found \"-0.5\"",
            "1,1,Inf   | :2:3 (column \"w\"): expected a finite number, found \"Inf\"",
            "1,1,      | :2:3 (column \"w\"): expected a number, found an empty field",
    })
    void badCells(String row, String expected) throws IOException {
        assertThat(errorOf("y,a,w\n" + row + "\n", ReadOptions.numeric("y").withWeights("w"))).isEqualTo(expected);
    }

    @Test
    void acceptsEveryPlainDecimalForm() throws IOException {
        Dataset d = CsvReader.read(file("y,a\n1,+2\n1,-.5\n1,3.\n1,1E3\n1,2e-2\n1,-0\n"), ReadOptions.numeric("y"));
        assertThat(((DenseMatrix) d.x()).values()).containsExactly(2, -0.5, 3, 1000, 0.02, -0.0);
    }

    @Test
    void badCellOnALaterLineReportsThatLine() throws IOException {
        assertThat(errorOf("y,a\n1,2\n3,4\n5,x\n", ReadOptions.numeric("y")))
                .isEqualTo(":4:2 (column \"a\"): expected a number, found \"x\"");
    }

    @Test
    void ignoredColumnsMayHoldAnything() throws IOException {
        Dataset d = CsvReader.read(file("id,y,a\nrow-one,1,2\n,3,4\n"), ReadOptions.featuresOnly(List.of("a")));
        assertThat(((DenseMatrix) d.x()).values()).containsExactly(2, 4);
    }

    @Test
    void missingClassLabel() throws IOException {
        assertThat(errorOf("y,a\nyes,1\n,2\n", ReadOptions.classes("y")))
                .isEqualTo(":3:1 (column \"y\"): expected a class label, found an empty field");
        assertThat(errorOf("y,a\nyes,1\nNA,2\n", ReadOptions.classes("y")))
                .isEqualTo(":3:1 (column \"y\"): expected a class label, found missing value \"NA\"");
    }

    @Test
    void allZeroWeights() throws IOException {
        assertThat(errorOf("y,w,a\n1,0,1\n2,0,2\n", ReadOptions.numeric("y").withWeights("w")))
                .isEqualTo(": the weights in column \"w\" are all zero");
    }

    @Test
    void malformedQuotesAreOneLine() throws IOException {
        assertThat(errorOf("y,a\n1,\"2\"x\n", ReadOptions.numeric("y")))
                .startsWith(": not valid CSV: ").contains("line 2");
    }

    @Test
    void longTextIsShortenedInMessages() throws IOException {
        String longText = "z".repeat(200);
        assertThat(errorOf("y,a\n1," + longText + "\n", ReadOptions.numeric("y")))
                .isEqualTo(":2:2 (column \"a\"): expected a number, found \"" + "z".repeat(57) + "...\"");
    }

    @Test
    void directoryIsOneLine() {
        assertThatThrownBy(() -> CsvReader.read(dir, ReadOptions.numeric("y")))
                .isInstanceOf(DataFormatException.class).hasMessage(dir + ": is a directory, not a file");
    }

    @Test
    void missingFileIsAnIoException() {
        assertThatThrownBy(() -> CsvReader.read(dir.resolve("nope.csv"), ReadOptions.numeric("y")))
                .isInstanceOf(NoSuchFileException.class);
    }
}

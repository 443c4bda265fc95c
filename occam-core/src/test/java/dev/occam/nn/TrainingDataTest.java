package dev.occam.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.occam.data.Dataset;
import dev.occam.data.DenseMatrix;
import dev.occam.data.IdxReader;
import dev.occam.data.SparseMatrix;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingDataTest {

    @Test
    void fromADatasetIsRowMajorFloat() {
        DenseMatrix x = DenseMatrix.ofRows(new double[][]{{1, 2, 3}, {4, 5, 6}});
        TrainingData d = TrainingData.from(new Dataset(x, new double[]{1, 0}, null, Dataset.defaultNames(3), "y", List.of("a", "b")));
        assertThat(d.x()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(d.y()).containsExactly(1, 0);
        TrainingData s = TrainingData.from(Dataset.numeric(SparseMatrix.fromDense(x), new double[]{0.5, 2}, Dataset.defaultNames(3)));
        assertThat(s.x()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(s.y()).containsExactly(0.5f, 2f);
        assertThatThrownBy(() -> TrainingData.from(Dataset.numeric(x, null, Dataset.defaultNames(3))))
                .hasMessage("the data set has no target");
    }

    @Test
    void fromIdxSharesThePixels(@TempDir Path dir) throws IOException {
        Path im = dir.resolve("im");
        Path lb = dir.resolve("lb");
        Files.write(im, idx(new int[]{2, 1, 3}, new byte[]{0, 1, 2, 3, 4, (byte) 255}));
        Files.write(lb, idx(new int[]{2}, new byte[]{9, 3}));
        IdxReader.LabelledImages l = IdxReader.readLabelled(im, lb, 1f);
        TrainingData d = TrainingData.from(l);
        assertThat(d.x()).isSameAs(l.images().values());
        assertThat(d.cols()).isEqualTo(3);
        assertThat(d.y()).containsExactly(1, 0); // classes "3", "9"
    }

    private static byte[] idx(int[] dims, byte[] payload) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.writeShort(0);
        out.writeByte(0x08);
        out.writeByte(dims.length);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(payload);
        return b.toByteArray();
    }
}

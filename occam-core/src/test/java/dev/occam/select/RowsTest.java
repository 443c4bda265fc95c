package dev.occam.select;

import dev.occam.data.Dataset;
import dev.occam.data.SparseMatrix;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RowsTest {
    @Test
    void subsetsKeepValuesTargetsWeightsAndStorage() {
        Dataset d = CvData.make(12, 4, "binomial", 3, 0.5);
        double[] w = new double[12];
        for (int i = 0; i < 12; i++) w[i] = i + 1;
        int[] rows = {0, 3, 4, 11};
        for (Dataset src : new Dataset[] {d.withWeights(w), CvData.sparse(d).withWeights(w)}) {
            Dataset s = Rows.subset(src, rows);
            assertThat(s.x().getClass()).isEqualTo(src.x().getClass());
            assertThat(s.rows()).isEqualTo(4);
            assertThat(s.classes()).isEqualTo(src.classes());
            for (int r = 0; r < rows.length; r++) {
                assertThat(s.y()[r]).isEqualTo(src.y()[rows[r]]);
                assertThat(s.weights()[r]).isEqualTo(w[rows[r]]);
                for (int j = 0; j < 4; j++) assertThat(s.x().get(r, j)).isEqualTo(src.x().get(rows[r], j));
            }
            if (s.x() instanceof SparseMatrix sp) {
                long nnz = 0;
                for (int r : rows) for (int j = 0; j < 4; j++) if (src.x().get(r, j) != 0) nnz++;
                assertThat(sp.storedEntries()).isEqualTo(nnz);
            }
        }
    }
}

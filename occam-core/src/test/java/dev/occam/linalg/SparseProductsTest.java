package dev.occam.linalg;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SparseProductsTest {

    /** A random n × p matrix with about the given share of non-zeros, dense and as CSC arrays. */
    private record Csc(int n, int p, double[] dense, int[] colPtr, int[] rowIndex, double[] values) {
        static Csc random(TestMatrices r, int n, int p, double density) {
            double[] dense = new double[n * p];
            int[] ptr = new int[p + 1];
            java.util.List<Integer> rows = new java.util.ArrayList<>();
            java.util.List<Double> vals = new java.util.ArrayList<>();
            for (int j = 0; j < p; j++) {
                for (int i = 0; i < n; i++) {
                    if (r.uniform() < density) {
                        double v = r.gaussian();
                        dense[i + j * n] = v;
                        rows.add(i);
                        vals.add(v);
                    }
                }
                ptr[j + 1] = rows.size();
            }
            return new Csc(n, p, dense, ptr, rows.stream().mapToInt(Integer::intValue).toArray(),
                    vals.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    @Test
    void crossprodEqualsDenseGram() {
        TestMatrices r = new TestMatrices(31);
        Csc x = Csc.random(r, 200, 17, 0.2);
        double[] w = r.uniforms(200, 0, 2);
        for (double[] wt : new double[][] {null, w}) {
            double[] sparse = new double[17 * 17];
            SparseProducts.crossprod(x.n, x.p, x.colPtr, x.rowIndex, x.values, wt, sparse);
            double[] dense = new double[17 * 17];
            Gram.crossprodJava(x.n, x.p, x.dense, 0, x.n, wt, null, dense);
            assertThat(TestMatrices.maxDiff(sparse, dense)).isLessThan(1e-12);
        }
    }

    @Test
    void outerEqualsDenseOuter() {
        TestMatrices r = new TestMatrices(32);
        Csc x = Csc.random(r, 40, 150, 0.1);
        double[] d = r.uniforms(150, 0, 2);
        for (double[] dt : new double[][] {null, d}) {
            double[] sparse = new double[40 * 40];
            SparseProducts.outer(x.n, x.p, x.colPtr, x.rowIndex, x.values, dt, sparse);
            double[] dense = new double[40 * 40];
            Gram.outerJava(x.n, x.p, x.dense, 0, x.n, null, dt, dense);
            assertThat(TestMatrices.maxDiff(sparse, dense)).isLessThan(1e-12);
        }
    }

    @Test
    void multiplyRowsVisitsEveryEntryOnceAcrossBlocks() {
        TestMatrices r = new TestMatrices(33);
        int n = 103, p = 12, m = 5;
        Csc x = Csc.random(r, n, p, 0.3);
        double[] b = r.gaussians(p * m);
        double[] expected = TestMatrices.naiveMultiply(n, m, p, x.dense, b);
        int[] cursor = java.util.Arrays.copyOf(x.colPtr, p);
        double[] out = new double[n * m];
        double[] block = new double[10 * m];
        for (int i0 = 0; i0 < n; i0 += 10) {
            int i1 = Math.min(n, i0 + 10);
            java.util.Arrays.fill(block, Double.NaN);
            SparseProducts.multiplyRows(p, x.colPtr, x.rowIndex, x.values, cursor, i0, i1, m, b, p, block, 10);
            for (int c = 0; c < m; c++) for (int i = i0; i < i1; i++) out[i + c * n] = block[i - i0 + c * 10];
        }
        assertThat(TestMatrices.maxDiff(out, expected)).isLessThan(1e-12);
        for (int j = 0; j < p; j++) assertThat(cursor[j]).isEqualTo(x.colPtr[j + 1]);
    }
}

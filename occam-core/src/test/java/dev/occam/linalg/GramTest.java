package dev.occam.linalg;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

class GramTest {

    /** Σ_i w_i (x_ij − c_j)(x_ik − c_k) by the definition, for a sub-block of X at offset off with leading dimension ld. */
    private static double[] naiveCrossprod(int n, int p, double[] x, int off, int ld, double[] w, double[] c) {
        double[] g = new double[p * p];
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < p; k++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    double xj = x[off + i + j * ld] - (c == null ? 0 : c[j]);
                    double xk = x[off + i + k * ld] - (c == null ? 0 : c[k]);
                    s += (w == null ? 1 : w[i]) * xj * xk;
                }
                g[j + k * p] = s;
            }
        }
        return g;
    }

    private static double[] naiveOuter(int n, int p, double[] x, double[] c, double[] d) {
        double[] g = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double s = 0;
                for (int j = 0; j < p; j++) {
                    double cj = c == null ? 0 : c[j];
                    s += (d == null ? 1 : d[j]) * (x[i + j * n] - cj) * (x[k + j * n] - cj);
                }
                g[i + k * n] = s;
            }
        }
        return g;
    }

    interface CrossprodKernel {
        void apply(int n, int p, double[] x, int xOff, int ldx, double[] w, double[] c, double[] out);
    }

    private static void checkCrossprod(CrossprodKernel kernel) {
        TestMatrices r = new TestMatrices(21);
        // Row counts below, at and above the 128-row block; column counts that do not divide by 4.
        for (int[] s : new int[][] {{1, 1}, {5, 3}, {128, 6}, {129, 7}, {300, 13}, {1100, 5}, {40, 300}}) {
            int n = s[0], p = s[1];
            int ld = n + 2;
            double[] x = r.gaussians(1 + ld * p);
            double[] shift = r.gaussians(p);
            double[] equal = new double[n];
            java.util.Arrays.fill(equal, 0.25);
            // no weights, equal weights (the native kernel then centres after one product on X) and unequal ones
            for (double[] w : new double[][] {null, equal, r.uniforms(n, 0, 2)}) {
                for (double[] c : new double[][] {null, shift}) {
                    double[] out = new double[p * p];
                    java.util.Arrays.fill(out, Double.NaN);
                    kernel.apply(n, p, x, 1, ld, w, c, out);
                    double[] expected = naiveCrossprod(n, p, x, 1, ld, w, c);
                    assertThat(TestMatrices.maxDiff(out, expected)).isLessThan(1e-11 * n);
                    // Exactly symmetric: the upper triangle is a copy of the lower.
                    double asymmetry = 0;
                    for (int j = 0; j < p; j++) for (int k = 0; k < p; k++) asymmetry = Math.max(asymmetry, Math.abs(out[j + k * p] - out[k + j * p]));
                    assertThat(asymmetry).isZero();
                }
            }
        }
    }

    @Test
    void crossprodJavaMatchesDefinition() {
        checkCrossprod(Gram::crossprodJava);
    }

    @Test
    void crossprodAutoMatchesDefinition() {
        checkCrossprod(Gram::crossprod);
    }

    @Test
    void crossprodNativeMatchesDefinitionWhenAvailable() {
        assumeThat(NativeBlas.available()).as("native BLAS present").isTrue();
        checkCrossprod(Gram::crossprodNative);
    }

    interface CrossKernel {
        void apply(int n, int p, int q, double[] x, int xOff, int ldx, double[] w, double[] y, int yOff, int ldy,
                   double[] out, int outOff, int ldout);
    }

    private static void checkCross(CrossKernel kernel) {
        TestMatrices r = new TestMatrices(22);
        for (int[] s : new int[][] {{1, 1, 1}, {7, 3, 1}, {129, 5, 2}, {300, 9, 11}, {1100, 4, 3}}) {
            int n = s[0], p = s[1], q = s[2];
            double[] x = r.gaussians(n * p + 3);
            double[] y = r.gaussians(n * q + 2);
            double[] w = r.uniforms(n, 0, 3);
            for (double[] wt : new double[][] {null, w}) {
                int ldout = p + 1;
                double[] out = new double[ldout * q + 1];
                kernel.apply(n, p, q, x, 3, n, wt, y, 2, n, out, 1, ldout);
                for (int j = 0; j < p; j++) {
                    for (int c = 0; c < q; c++) {
                        double e = 0;
                        for (int i = 0; i < n; i++) e += (wt == null ? 1 : wt[i]) * x[3 + i + j * n] * y[2 + i + c * n];
                        assertThat(out[1 + j + c * ldout]).isCloseTo(e, within(1e-11 * n));
                    }
                }
            }
        }
    }

    @Test
    void crossJavaMatchesDefinition() {
        checkCross(Gram::crossJava);
    }

    @Test
    void crossAutoMatchesDefinition() {
        checkCross(Gram::cross);
    }

    @Test
    void crossNativeMatchesDefinitionWhenAvailable() {
        assumeThat(NativeBlas.available()).as("native BLAS present").isTrue();
        checkCross(Gram::crossNative);
    }

    interface OuterKernel {
        void apply(int n, int p, double[] x, int xOff, int ldx, double[] c, double[] d, double[] out);
    }

    private static void checkOuter(OuterKernel kernel) {
        TestMatrices r = new TestMatrices(23);
        for (int[] s : new int[][] {{1, 1}, {4, 9}, {30, 129}, {70, 300}, {260, 20}}) {
            int n = s[0], p = s[1];
            double[] x = r.gaussians(n * p);
            double[] shift = r.gaussians(p);
            for (double[] d : new double[][] {null, r.uniforms(p, 0, 2)}) {
                for (double[] c : new double[][] {null, shift}) {
                    double[] out = new double[n * n];
                    kernel.apply(n, p, x, 0, n, c, d, out);
                    assertThat(TestMatrices.maxDiff(out, naiveOuter(n, p, x, c, d))).isLessThan(1e-11 * p);
                }
            }
        }
    }

    @Test
    void outerJavaMatchesDefinition() {
        checkOuter(Gram::outerJava);
    }

    @Test
    void outerAutoMatchesDefinition() {
        checkOuter(Gram::outer);
    }

    @Test
    void outerNativeMatchesDefinitionWhenAvailable() {
        assumeThat(NativeBlas.available()).as("native BLAS present").isTrue();
        checkOuter(Gram::outerNative);
    }

    @Test
    void noRowsGivesZeroGram() {
        double[] out = {5, 5, 5, 5};
        Gram.crossprodJava(0, 2, new double[0], 0, 1, null, null, out);
        assertThat(out).containsOnly(0.0);
    }

    @Test
    void centringInsideTheKernelKeepsAccuracyForLargeMeans() {
        // Columns with mean 1e6 and spread 1: subtracting (Σw)c cᵀ after the fact would lose
        // ~12 digits; the shifted kernel keeps the centred Gram exact to rounding.
        TestMatrices r = new TestMatrices(25);
        int n = 200, p = 3;
        double[] x = new double[n * p];
        double[] c = {1e6, -2e6, 5e5};
        for (int j = 0; j < p; j++) for (int i = 0; i < n; i++) x[i + j * n] = c[j] + r.gaussian();
        double[] expected = naiveCrossprod(n, p, x, 0, n, null, c);
        double[] out = new double[p * p];
        Gram.crossprod(n, p, x, 0, n, null, c, out);
        assertThat(TestMatrices.maxDiff(out, expected)).isLessThan(1e-9);
        double[] outJava = new double[p * p];
        Gram.crossprodJava(n, p, x, 0, n, null, c, outJava);
        assertThat(TestMatrices.maxDiff(outJava, expected)).isLessThan(1e-9);
        if (NativeBlas.available()) {
            // the native kernel must notice that centring after the product would cancel, and centre first
            double[] outNative = new double[p * p];
            Gram.crossprodNative(n, p, x, 0, n, null, c, outNative);
            assertThat(TestMatrices.maxDiff(outNative, expected)).isLessThan(1e-9);
        }
    }

    @Test
    void knownColumnSumsGiveTheSameGram() {
        assumeThat(NativeBlas.available()).as("native BLAS present").isTrue();
        TestMatrices r = new TestMatrices(27);
        int n = 700, p = 40;
        double[] x = r.gaussians(n * p);
        for (int i = 0; i < x.length; i++) x[i] += 0.3;
        double[] c = new double[p];
        double[] sums = new double[p];
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < n; i++) sums[j] += x[i + j * n];
            c[j] = sums[j] / n;
        }
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0 / n);
        double[] expected = naiveCrossprod(n, p, x, 0, n, w, c);
        double[] given = new double[p * p];
        Gram.crossprodNative(n, p, x, 0, n, w, c, sums, given);
        assertThat(TestMatrices.maxDiff(given, expected)).isLessThan(1e-13);
    }

    @Test
    void mirrorLowerCopiesAcrossTheDiagonal() {
        int m = 70;
        TestMatrices r = new TestMatrices(24);
        double[] a = r.gaussians(m * m);
        double[] before = a.clone();
        Gram.mirrorLower(m, a);
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < m; i++) {
                double expected = i >= j ? before[i + j * m] : before[j + i * m];
                assertThat(a[i + j * m]).isEqualTo(expected);
            }
        }
    }
}

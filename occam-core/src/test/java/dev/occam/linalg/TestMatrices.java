package dev.occam.linalg;

import java.util.SplittableRandom;

/**
 * Seeded random data and naive reference computations for tests: the obvious triple loops that the
 * kernels must agree with. Gaussians come from SplittableRandom.nextDouble() and a Box–Muller
 * transform with StrictMath, so the data is the same on every JDK.
 */
public final class TestMatrices {
    private final SplittableRandom random;
    private double spare = Double.NaN;

    public TestMatrices(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A standard normal draw. */
    public double gaussian() {
        if (!Double.isNaN(spare)) {
            double s = spare;
            spare = Double.NaN;
            return s;
        }
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        double r = StrictMath.sqrt(-2.0 * StrictMath.log(1.0 - u1));
        double t = 2.0 * StrictMath.PI * u2;
        spare = r * StrictMath.sin(t);
        return r * StrictMath.cos(t);
    }

    /** A uniform draw in [0, 1). */
    public double uniform() {
        return random.nextDouble();
    }

    /** n standard normal values. */
    public double[] gaussians(int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = gaussian();
        return a;
    }

    /** n values uniform in [lo, hi). */
    public double[] uniforms(int n, double lo, double hi) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = lo + (hi - lo) * random.nextDouble();
        return a;
    }

    /** A random symmetric positive definite n × n matrix BᵀB/n + shift·I (column-major). */
    public double[] spd(int n, double shift) {
        double[] b = gaussians(n * n);
        double[] a = naiveMultiply(n, n, n, transpose(n, n, b), b);
        for (int k = 0; k < a.length; k++) a[k] /= n;
        for (int i = 0; i < n; i++) a[i + i * n] += shift;
        return a;
    }

    /** A random symmetric n × n matrix (column-major). */
    public double[] symmetric(int n) {
        double[] a = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = j; i < n; i++) {
                double v = gaussian();
                a[i + j * n] = v;
                a[j + i * n] = v;
            }
        }
        return a;
    }

    /** C = A·B for column-major A (m × k) and B (k × n), by the textbook triple loop. */
    public static double[] naiveMultiply(int m, int n, int k, double[] a, double[] b) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int t = 0; t < k; t++) s += a[i + t * m] * b[t + j * k];
                c[i + j * m] = s;
            }
        }
        return c;
    }

    /** The transpose (n × m) of a column-major m × n matrix. */
    public static double[] transpose(int m, int n, double[] a) {
        double[] t = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) t[j + i * n] = a[i + j * m];
        }
        return t;
    }

    /** Largest absolute element. */
    public static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) m = Math.max(m, Math.abs(v));
        return m;
    }

    /** Largest absolute elementwise difference. */
    public static double maxDiff(double[] a, double[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("lengths differ: " + a.length + " vs " + b.length);
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }

    /**
     * Solves A·x = b by Gaussian elimination with partial pivoting (dense, row-major copy):
     * the reference solver that shares no code with {@link Cholesky}.
     */
    public static double[] gaussSolve(int n, double[] aColMajor, double[] b) {
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) m[i][j] = aColMajor[i + j * n];
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) piv = r;
            double[] t = m[c];
            m[c] = m[piv];
            m[piv] = t;
            if (m[c][c] == 0) throw new ArithmeticException("singular");
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int j = c; j <= n; j++) m[r][j] -= f * m[c][j];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int j = r + 1; j < n; j++) s -= m[r][j] * x[j];
            x[r] = s / m[r][r];
        }
        return x;
    }
}

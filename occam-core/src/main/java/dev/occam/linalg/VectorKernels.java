package dev.occam.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector forms of the kernels in {@link Blas1} and {@link CoordinateKernels}. Loaded only when
 * {@link Simd#ENABLED} (a class that names {@code jdk.incubator.vector} cannot load without the
 * module). Reductions keep two vector accumulators, so sums are taken in a different order than a
 * left-to-right loop: results agree with the plain loops up to rounding.
 */
final class VectorKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorKernels() { }

    static int lanes() {
        return L;
    }

    static double dot(int n, double[] x, int xOff, double[] y, int yOff) {
        DoubleVector a = DoubleVector.zero(S);
        DoubleVector b = DoubleVector.zero(S);
        int i = 0;
        for (; i + 2 * L <= n; i += 2 * L) {
            a = DoubleVector.fromArray(S, x, xOff + i).fma(DoubleVector.fromArray(S, y, yOff + i), a);
            b = DoubleVector.fromArray(S, x, xOff + i + L).fma(DoubleVector.fromArray(S, y, yOff + i + L), b);
        }
        double s = a.add(b).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) s += x[xOff + i] * y[yOff + i];
        return s;
    }

    private static final VectorSpecies<Float> HALF = VectorSpecies.of(float.class, VectorShape.forBitSize(S.vectorBitSize() / 2));

    static void axpy(int n, double a, float[] x, double[] y) {
        DoubleVector va = DoubleVector.broadcast(S, a);
        int i = 0;
        for (; i + L <= n; i += L) {
            DoubleVector xv = (DoubleVector) FloatVector.fromArray(HALF, x, i).convertShape(VectorOperators.F2D, S, 0);
            xv.fma(va, DoubleVector.fromArray(S, y, i)).intoArray(y, i);
        }
        for (; i < n; i++) y[i] += a * x[i];
    }

    static void axpy(int n, double a, double[] x, int xOff, double[] y, int yOff) {
        DoubleVector va = DoubleVector.broadcast(S, a);
        int i = 0;
        for (; i + L <= n; i += L) {
            DoubleVector.fromArray(S, x, xOff + i).fma(va, DoubleVector.fromArray(S, y, yOff + i)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) y[yOff + i] += a * x[xOff + i];
    }

    static void dotWeightedMomentsRows(int from, int to, double[] x, int xOff, double[] r, double[] w, double[] out) {
        DoubleVector dot = DoubleVector.zero(S);
        DoubleVector sw = DoubleVector.zero(S);
        DoubleVector sq = DoubleVector.zero(S);
        int i = from;
        for (; i + L <= to; i += L) {
            DoubleVector xv = DoubleVector.fromArray(S, x, xOff + i);
            dot = xv.fma(DoubleVector.fromArray(S, r, i), dot);
            DoubleVector wx = DoubleVector.fromArray(S, w, i).mul(xv);
            sw = sw.add(wx);
            sq = wx.fma(xv, sq);
        }
        double d = dot.reduceLanes(VectorOperators.ADD);
        double s = sw.reduceLanes(VectorOperators.ADD);
        double q = sq.reduceLanes(VectorOperators.ADD);
        for (; i < to; i++) {
            double xi = x[xOff + i];
            d += xi * r[i];
            s += w[i] * xi;
            q += w[i] * xi * xi;
        }
        out[0] = d;
        out[1] = s;
        out[2] = q;
    }

    static void weightedShiftRows(int from, int to, double a, double b, double[] x, int xOff, double[] w, double[] r) {
        DoubleVector na = DoubleVector.broadcast(S, -a);
        DoubleVector vb = DoubleVector.broadcast(S, b);
        int i = from;
        for (; i + L <= to; i += L) {
            DoubleVector t = DoubleVector.fromArray(S, x, xOff + i).fma(na, vb);
            DoubleVector.fromArray(S, w, i).fma(t, DoubleVector.fromArray(S, r, i)).intoArray(r, i);
        }
        for (; i < to; i++) r[i] += w[i] * (b - a * x[xOff + i]);
    }

    static double shiftThenDotRows(int from, int to, double a, double b, double[] xs, int sOff,
                                   double[] xk, int kOff, double[] w, double[] r) {
        DoubleVector na = DoubleVector.broadcast(S, -a);
        DoubleVector vb = DoubleVector.broadcast(S, b);
        // two accumulators, as in dot: the shift is independent per row, the sum is one chain
        DoubleVector d0 = DoubleVector.zero(S);
        DoubleVector d1 = DoubleVector.zero(S);
        int i = from;
        for (; i + 2 * L <= to; i += 2 * L) {
            DoubleVector t0 = DoubleVector.fromArray(S, xs, sOff + i).fma(na, vb);
            DoubleVector t1 = DoubleVector.fromArray(S, xs, sOff + i + L).fma(na, vb);
            DoubleVector r0 = DoubleVector.fromArray(S, w, i).fma(t0, DoubleVector.fromArray(S, r, i));
            DoubleVector r1 = DoubleVector.fromArray(S, w, i + L).fma(t1, DoubleVector.fromArray(S, r, i + L));
            r0.intoArray(r, i);
            r1.intoArray(r, i + L);
            d0 = DoubleVector.fromArray(S, xk, kOff + i).fma(r0, d0);
            d1 = DoubleVector.fromArray(S, xk, kOff + i + L).fma(r1, d1);
        }
        double d = d0.add(d1).reduceLanes(VectorOperators.ADD);
        for (; i < to; i++) {
            double ri = r[i] + w[i] * (b - a * xs[sOff + i]);
            r[i] = ri;
            d += xk[kOff + i] * ri;
        }
        return d;
    }

    static void shiftThenDotWeightedMomentsRows(int from, int to, double a, double b, double[] xs, int sOff,
                                                double[] xk, int kOff, double[] w, double[] r, double[] out) {
        DoubleVector na = DoubleVector.broadcast(S, -a);
        DoubleVector vb = DoubleVector.broadcast(S, b);
        DoubleVector dot = DoubleVector.zero(S);
        DoubleVector sw = DoubleVector.zero(S);
        DoubleVector sq = DoubleVector.zero(S);
        int i = from;
        for (; i + L <= to; i += L) {
            DoubleVector wv = DoubleVector.fromArray(S, w, i);
            DoubleVector t = DoubleVector.fromArray(S, xs, sOff + i).fma(na, vb);
            DoubleVector rv = wv.fma(t, DoubleVector.fromArray(S, r, i));
            rv.intoArray(r, i);
            DoubleVector xv = DoubleVector.fromArray(S, xk, kOff + i);
            dot = xv.fma(rv, dot);
            DoubleVector wx = wv.mul(xv);
            sw = sw.add(wx);
            sq = wx.fma(xv, sq);
        }
        double d = dot.reduceLanes(VectorOperators.ADD);
        double s = sw.reduceLanes(VectorOperators.ADD);
        double q = sq.reduceLanes(VectorOperators.ADD);
        for (; i < to; i++) {
            double wi = w[i];
            double ri = r[i] + wi * (b - a * xs[sOff + i]);
            r[i] = ri;
            double xi = xk[kOff + i];
            d += xi * ri;
            s += wi * xi;
            q += wi * xi * xi;
        }
        out[0] = d;
        out[1] = s;
        out[2] = q;
    }

    static double weightedSquaredDeviation(int n, double[] x, int xOff, double[] u, double m) {
        DoubleVector vm = DoubleVector.broadcast(S, m);
        DoubleVector a = DoubleVector.zero(S);
        DoubleVector b = DoubleVector.zero(S);
        int i = 0;
        for (; i + 2 * L <= n; i += 2 * L) {
            DoubleVector c0 = DoubleVector.fromArray(S, x, xOff + i).sub(vm);
            DoubleVector c1 = DoubleVector.fromArray(S, x, xOff + i + L).sub(vm);
            a = DoubleVector.fromArray(S, u, i).mul(c0).fma(c0, a);
            b = DoubleVector.fromArray(S, u, i + L).mul(c1).fma(c1, b);
        }
        double s = a.add(b).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            double c = x[xOff + i] - m;
            s += u[i] * c * c;
        }
        return s;
    }
}

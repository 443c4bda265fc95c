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

    static void dot41(int n, double[] x, int x0, int x1, int x2, int x3, double[] v, int vOff, double[] out) {
        DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
        int i = 0;
        for (; i + L <= n; i += L) {
            DoubleVector w = DoubleVector.fromArray(S, v, vOff + i);
            a0 = DoubleVector.fromArray(S, x, x0 + i).fma(w, a0);
            a1 = DoubleVector.fromArray(S, x, x1 + i).fma(w, a1);
            a2 = DoubleVector.fromArray(S, x, x2 + i).fma(w, a2);
            a3 = DoubleVector.fromArray(S, x, x3 + i).fma(w, a3);
        }
        double s0 = a0.reduceLanes(VectorOperators.ADD);
        double s1 = a1.reduceLanes(VectorOperators.ADD);
        double s2 = a2.reduceLanes(VectorOperators.ADD);
        double s3 = a3.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            double w = v[vOff + i];
            s0 += x[x0 + i] * w;
            s1 += x[x1 + i] * w;
            s2 += x[x2 + i] * w;
            s3 += x[x3 + i] * w;
        }
        out[0] += s0;
        out[1] += s1;
        out[2] += s2;
        out[3] += s3;
    }

    static void dot44(int n, double[] x, int x0, int x1, int x2, int x3, double[] v, int v0, int ldv, double[] out) {
        // written out, not looped over arrays: the sixteen sums must stay in registers (the JIT keeps
        // named locals there; vectors held in an array would be boxed)
        DoubleVector a00 = DoubleVector.zero(S), a01 = a00, a02 = a00, a03 = a00;
        DoubleVector a10 = a00, a11 = a00, a12 = a00, a13 = a00;
        DoubleVector a20 = a00, a21 = a00, a22 = a00, a23 = a00;
        DoubleVector a30 = a00, a31 = a00, a32 = a00, a33 = a00;
        int v1 = v0 + ldv;
        int v2 = v1 + ldv;
        int v3 = v2 + ldv;
        int i = 0;
        for (; i + L <= n; i += L) {
            DoubleVector w0 = DoubleVector.fromArray(S, v, v0 + i);
            DoubleVector w1 = DoubleVector.fromArray(S, v, v1 + i);
            DoubleVector w2 = DoubleVector.fromArray(S, v, v2 + i);
            DoubleVector w3 = DoubleVector.fromArray(S, v, v3 + i);
            DoubleVector c = DoubleVector.fromArray(S, x, x0 + i);
            a00 = c.fma(w0, a00);
            a01 = c.fma(w1, a01);
            a02 = c.fma(w2, a02);
            a03 = c.fma(w3, a03);
            c = DoubleVector.fromArray(S, x, x1 + i);
            a10 = c.fma(w0, a10);
            a11 = c.fma(w1, a11);
            a12 = c.fma(w2, a12);
            a13 = c.fma(w3, a13);
            c = DoubleVector.fromArray(S, x, x2 + i);
            a20 = c.fma(w0, a20);
            a21 = c.fma(w1, a21);
            a22 = c.fma(w2, a22);
            a23 = c.fma(w3, a23);
            c = DoubleVector.fromArray(S, x, x3 + i);
            a30 = c.fma(w0, a30);
            a31 = c.fma(w1, a31);
            a32 = c.fma(w2, a32);
            a33 = c.fma(w3, a33);
        }
        out[0] += a00.reduceLanes(VectorOperators.ADD);
        out[1] += a01.reduceLanes(VectorOperators.ADD);
        out[2] += a02.reduceLanes(VectorOperators.ADD);
        out[3] += a03.reduceLanes(VectorOperators.ADD);
        out[4] += a10.reduceLanes(VectorOperators.ADD);
        out[5] += a11.reduceLanes(VectorOperators.ADD);
        out[6] += a12.reduceLanes(VectorOperators.ADD);
        out[7] += a13.reduceLanes(VectorOperators.ADD);
        out[8] += a20.reduceLanes(VectorOperators.ADD);
        out[9] += a21.reduceLanes(VectorOperators.ADD);
        out[10] += a22.reduceLanes(VectorOperators.ADD);
        out[11] += a23.reduceLanes(VectorOperators.ADD);
        out[12] += a30.reduceLanes(VectorOperators.ADD);
        out[13] += a31.reduceLanes(VectorOperators.ADD);
        out[14] += a32.reduceLanes(VectorOperators.ADD);
        out[15] += a33.reduceLanes(VectorOperators.ADD);
        if (i < n) Blas1.dot44Plain(i, n, x, x0, x1, x2, x3, v, v0, ldv, out);
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

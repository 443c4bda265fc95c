package dev.occam.report;

/**
 * The geometry behind "why L1 gives exact zeros": a quadratic loss of two weights
 *
 * <pre>  L(w) = ½ (w − c)ᵀ A (w − c),   A = [[a11, a12], [a12, a22]] symmetric positive definite,</pre>
 *
 * whose unconstrained minimum is c, minimized over the L1 ball ‖w‖₁ ≤ t (a diamond) and over the
 * L2 ball ‖w‖₂ ≤ t (a circle). The constrained minimum is where the lowest contour ellipse of L
 * that reaches the region touches it. Each constrained problem is the penalized one
 * L(w) + λ·penalty(w) for some λ ≥ 0 (its Lagrange multiplier), so the picture explains the penalties.
 *
 * <p>A squared-error loss of two features, (1/2n)‖y − Xw‖², has this form with A = XᵀX/n and c the
 * least-squares estimate, up to a constant that moves no contour: see {@link #fromLeastSquares}.
 *
 * @param a11 A's first diagonal entry
 * @param a12 A's off-diagonal entry
 * @param a22 A's second diagonal entry
 * @param c1 first weight of the unconstrained minimum
 * @param c2 second weight of the unconstrained minimum
 * @param budget t &gt; 0, the radius of both balls
 */
public record ConstraintGeometry(double a11, double a12, double a22, double c1, double c2, double budget) {

    public ConstraintGeometry {
        for (double v : new double[] {a11, a12, a22, c1, c2}) {
            if (!Double.isFinite(v)) throw new IllegalArgumentException("loss coefficients must be finite; got " + v);
        }
        if (!(a11 > 0 && a11 * a22 - a12 * a12 > 0)) {
            throw new IllegalArgumentException("A must be positive definite (a11 > 0, a11·a22 − a12² > 0); got a11 = "
                    + a11 + ", a12 = " + a12 + ", a22 = " + a22);
        }
        Checks.positive("budget", budget);
    }

    /**
     * The loss (1/2n)‖y − x1·w1 − x2·w2‖² of two features without intercept (centre the data first
     * for one), written as ½(w − c)ᵀA(w − c) + constant with A = XᵀX/n and c = A⁻¹Xᵀy/n.
     */
    public static ConstraintGeometry fromLeastSquares(double[] x1, double[] x2, double[] y, double budget) {
        x1 = Checks.nonEmpty("x1", x1);
        Checks.sameLength("x2", Checks.nonEmpty("x2", x2), "x1", x1.length);
        Checks.sameLength("y", Checks.nonEmpty("y", y), "x1", x1.length);
        int n = x1.length;
        double s11 = 0, s12 = 0, s22 = 0, b1 = 0, b2 = 0;
        for (int i = 0; i < n; i++) {
            s11 += x1[i] * x1[i];
            s12 += x1[i] * x2[i];
            s22 += x2[i] * x2[i];
            b1 += x1[i] * y[i];
            b2 += x2[i] * y[i];
        }
        s11 /= n; s12 /= n; s22 /= n; b1 /= n; b2 /= n;
        double det = s11 * s22 - s12 * s12;
        if (!(s11 > 0 && det > 1e-12 * s11 * s22)) {
            throw new IllegalArgumentException("x1 and x2 must be linearly independent for a unique least-squares estimate");
        }
        return new ConstraintGeometry(s11, s12, s22, (s22 * b1 - s12 * b2) / det, (s11 * b2 - s12 * b1) / det, budget);
    }

    /** L(w1, w2) = ½ (w − c)ᵀ A (w − c). */
    public double loss(double w1, double w2) {
        double d1 = w1 - c1;
        double d2 = w2 - c2;
        return 0.5 * (a11 * d1 * d1 + 2 * a12 * d1 * d2 + a22 * d2 * d2);
    }

    /**
     * The minimum of L over the diamond |w1| + |w2| ≤ t. If c is inside, c; otherwise the minimum
     * lies on the boundary, found exactly as the best of the four edges' one-dimensional quadratic
     * minima clamped to the edge. A clamped minimum is returned as the corner itself, so a weight at
     * a corner is exactly 0.
     */
    public double[] l1Optimum() {
        if (Math.abs(c1) + Math.abs(c2) <= budget) return new double[] {c1, c2};
        double t = budget;
        double[][] corners = {{t, 0}, {0, t}, {-t, 0}, {0, -t}};
        double[] best = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (int e = 0; e < 4; e++) {
            double[] p = corners[e];
            double[] q = corners[(e + 1) % 4];
            double d1 = q[0] - p[0];
            double d2 = q[1] - p[1];
            double r1 = p[0] - c1;
            double r2 = p[1] - c2;
            // f(s) = L(p + s·d) = ½ (r + s·d)ᵀ A (r + s·d): minimized at s = −dᵀAr / dᵀAd.
            double dAd = a11 * d1 * d1 + 2 * a12 * d1 * d2 + a22 * d2 * d2;
            double dAr = a11 * d1 * r1 + a12 * (d1 * r2 + d2 * r1) + a22 * d2 * r2;
            double s = -dAr / dAd;
            double[] w = s <= 0 ? p.clone() : s >= 1 ? q.clone() : new double[] {p[0] + s * d1, p[1] + s * d2};
            double l = loss(w[0], w[1]);
            if (l < bestLoss) {
                bestLoss = l;
                best = w;
            }
        }
        return best;
    }

    /**
     * The minimum of L over the disc ‖w‖₂ ≤ t. If c is inside, c; otherwise w(μ) = (A + μI)⁻¹A c
     * (ridge with penalty μ/2·‖w‖²) for the μ &gt; 0 at which ‖w(μ)‖ = t, found by bisection (‖w(μ)‖
     * decreases in μ), then put on the circle exactly.
     */
    public double[] l2Optimum() {
        if (Math.hypot(c1, c2) <= budget) return new double[] {c1, c2};
        double lo = 0;
        double hi = 1;
        while (norm(ridge(hi)) > budget) hi *= 2;
        for (int i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (norm(ridge(mid)) > budget) lo = mid; else hi = mid;
        }
        double[] w = ridge(hi);
        double scale = budget / norm(w);
        return new double[] {w[0] * scale, w[1] * scale};
    }

    /** The multiplier μ of the L2 optimum: the λ at which L(w) + (λ/2)‖w‖² has the same minimum (0 if c is inside). */
    public double l2Multiplier() {
        double[] w = l2Optimum();
        if (w[0] == c1 && w[1] == c2) return 0;
        // Stationarity A(w − c) + μw = 0, read along w.
        double g1 = a11 * (w[0] - c1) + a12 * (w[1] - c2);
        double g2 = a12 * (w[0] - c1) + a22 * (w[1] - c2);
        return -(g1 * w[0] + g2 * w[1]) / (w[0] * w[0] + w[1] * w[1]);
    }

    /** (A + μI)⁻¹ A c. */
    double[] ridge(double mu) {
        double b1 = a11 * c1 + a12 * c2;
        double b2 = a12 * c1 + a22 * c2;
        double m11 = a11 + mu;
        double m22 = a22 + mu;
        double det = m11 * m22 - a12 * a12;
        return new double[] {(m22 * b1 - a12 * b2) / det, (m11 * b2 - a12 * b1) / det};
    }

    private static double norm(double[] w) {
        return Math.hypot(w[0], w[1]);
    }

    /**
     * The contour L(w) = level as a closed polygon of {@code points} + 1 vertices (the first
     * repeated last): w(θ) = c + √(2·level/λ₁)·cos θ·v₁ + √(2·level/λ₂)·sin θ·v₂ with λᵢ, vᵢ the
     * eigenpairs of A.
     *
     * @return {@code [points + 1][2]} coordinates
     */
    public double[][] contour(double level, int points) {
        if (!(level >= 0 && Double.isFinite(level))) throw new IllegalArgumentException("level must be finite and >= 0; got " + level);
        if (points < 3) throw new IllegalArgumentException("points must be >= 3; got " + points);
        double mean = 0.5 * (a11 + a22);
        double spread = Math.hypot(0.5 * (a11 - a22), a12);
        double lambda1 = mean + spread;
        double lambda2 = mean - spread;
        double v1x;
        double v1y;
        if (spread == 0) {
            v1x = 1;
            v1y = 0;
        } else if (a11 >= a22) {
            // (λ₁ − a22, a12) is an eigenvector; its first entry is ≥ spread > 0, so no cancellation.
            double n = Math.hypot(lambda1 - a22, a12);
            v1x = (lambda1 - a22) / n;
            v1y = a12 / n;
        } else {
            double n = Math.hypot(a12, lambda1 - a11);
            v1x = a12 / n;
            v1y = (lambda1 - a11) / n;
        }
        double r1 = Math.sqrt(2 * level / lambda1);
        double r2 = Math.sqrt(2 * level / lambda2);
        double[][] out = new double[points + 1][2];
        for (int i = 0; i <= points; i++) {
            double theta = 2 * Math.PI * (i % points) / points;
            double u = r1 * Math.cos(theta);
            double v = r2 * Math.sin(theta);
            out[i][0] = c1 + u * v1x - v * v1y;
            out[i][1] = c2 + u * v1y + v * v1x;
        }
        return out;
    }
}

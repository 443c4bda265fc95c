package dev.occam.glm;

import dev.occam.linalg.Blas1;
import dev.occam.linalg.Cholesky;
import dev.occam.linalg.NotPositiveDefiniteException;

/**
 * The Newton system of a single-response fit's active set, kept across Newton steps and across λ:
 * the Hessian H of the data loss over a growing set of coordinates (the intercept first when
 * fitted, then features in the order they joined), and the Cholesky factor of
 * H_AA + λ(1−α)·diag(f_A) over the coordinates A of the last solve.
 *
 * <p>Why keep it: a Newton step formed from scratch on d active coordinates costs n·d²
 * multiply-adds for the Hessian and d³/6 for its factor — about d/8 passes over the data, 125 at
 * d = 1 000 — while along a path the active set changes by a few coordinates from one λ to the
 * next. Kept, the Hessian needs only the columns of the coordinates that join it (n·d each), and
 * the factor only a bordering per joining coordinate (d²/2, {@link Cholesky#append}) and a
 * rank-one update per leaving one (≤ d², {@link Cholesky#delete}); a lasso factor (α = 1) carries
 * over from one λ to the next, a gaussian elastic-net one (its ridge part changes with λ) while the
 * ridge part stays within {@value #RIDGE_DRIFT}× ({@link #keepsFactor}), others are formed anew.
 * With covariance updates H's columns are copied from the solver's Gram columns
 * ({@link PointSolver#gramColumns}) instead of computed from rows.
 *
 * <p>For gaussian fits the Hessian does not depend on the coefficients: it is exact at every λ.
 * For binomial and poisson it is the Fisher information at the solution where it was formed: the
 * row weights are kept and joining columns use the same ones, so the matrix stays one consistent,
 * positive definite preconditioner. A step with it converges linearly, at a rate set by how far
 * the weights have moved since; {@link ActiveSetNewton} measures that rate and calls
 * {@link #refresh} when forming the Hessian anew costs less than stepping on.
 */
final class NewtonSystem {
    private final Problem pr;
    private final PointSolver solver;
    /** Whether the Hessian is the same at every solution (gaussian). */
    private final boolean constant;
    /**
     * Whether H's columns are the solver's kept Gram columns ({@link PointSolver#gramColumns}:
     * covariance updates), copied rather than computed from rows.
     */
    private final boolean gram;
    private final int o;
    /** Row weights of H (null with kept Gram columns). */
    private double[] w;
    /** Whether H has been formed (the first solve forms it). */
    private boolean formed;
    /** Whether H was formed at other weights than the solver's current ones. */
    private boolean stale;
    /** Features of H in the order they joined: feature feats[t] is H's coordinate o + t. */
    private int[] feats = new int[64];
    private int nf;
    /** H's coordinate of each feature, −1 when absent. */
    private final int[] where;
    /** H, column-major with leading dimension ldh (its order is o + nf). */
    private double[] h = new double[0];
    private int ldh;
    /** The factor's coordinates (of H), in the factor's order. */
    private int[] fpos = new int[0];
    private int fd;
    /** The factor L (lower triangle), column-major with leading dimension ldl. */
    private double[] l = new double[0];
    private int ldl;
    /** λ(1−α) of the factor's ridge part; NaN when there is no valid factor. */
    private double fRidge = Double.NaN;
    /**
     * What the steps on this H since it was formed cost beyond what steps on a fresh H would have
     * (multiply-adds, see {@link #staleStep}): when it reaches the cost of forming H anew, H is
     * formed anew. Counted across λ, because a stale H slows every λ that follows, not only this one.
     */
    private double wasted;
    /** The gain per step (gradient ratio) credited to a Newton step on an exact Hessian. */
    static final double FRESH_RATE = 1e-3;
    /**
     * Whether a Fisher information is formed in single precision ({@link ActiveHessian#computeSingle}):
     * until a factor shows it too ill-conditioned for floats ({@link #MAX_SINGLE_CONDITION}), then
     * in double for the rest of the path.
     */
    private boolean single;
    /**
     * Largest condition estimate (max/min of the factor's diagonal, squared) of a Fisher information
     * kept in floats. Their entries carry relative errors of ~1e-7, so an eigenvalue below ~1e-7 of
     * the largest is noise: nearly collinear active columns would get steps that are wrong in
     * exactly the direction that needs them. At 1e4 the error a float H puts into a step is ≤ 1e-3.
     */
    static final double MAX_SINGLE_CONDITION = 1e4;

    private NewtonSystem(Problem pr, PointSolver solver, Family family, boolean gram) {
        this.pr = pr;
        this.solver = solver;
        this.constant = family == Family.GAUSSIAN;
        this.gram = gram;
        this.o = pr.intercept ? 1 : 0;
        this.where = new int[pr.p];
        java.util.Arrays.fill(where, -1);
        this.single = !constant && dev.occam.linalg.NativeBlas.available();
    }

    /**
     * A system for the solver, or null when it has none: several responses (the multinomial
     * Hessian couples classes), or neither row weights with rows to form H from nor kept Gram
     * columns to copy it from.
     */
    static NewtonSystem of(Problem pr, PointSolver solver, Family family) {
        if (solver.responses() != 1) return null;
        // an empty request answers whether the solver keeps Gram columns
        if (family == Family.GAUSSIAN && solver.gramColumns(new int[0], 0, false, 0, new double[0])) {
            return new NewtonSystem(pr, solver, family, true);
        }
        if (pr.x == null || solver.hessianWeights() == null) return null;
        return new NewtonSystem(pr, solver, family, false);
    }

    /** Tells the system the solver's solution has moved: a non-constant Hessian is now stale. */
    void solutionChanged() {
        if (!constant) stale = true;
    }

    /** Whether H was formed at other row weights than the current solution's. */
    boolean stale() {
        return stale;
    }

    /**
     * Solves (H_AA + λ(1−α)·diag(f_A))·x = rhs in place, A = [intercept, free[0..m)] (the order
     * of {@code rhs}), adding missing columns to H and updating the factor.
     *
     * @param ridge λ(1−α)
     * @return false when the system cannot be formed (more than
     *         {@link ActiveSetNewton#MAX_COORDINATES} coordinates, or not positive definite even
     *         with a small ridge added)
     */
    boolean solve(int[] free, int m, double ridge, double[] rhs) {
        int d = m + o;
        if (d > ActiveSetNewton.MAX_COORDINATES) return false;
        int missing = 0;
        for (int t = 0; t < m; t++) if (where[free[t]] < 0) missing++;
        if (!formed || nf + missing > ActiveSetNewton.MAX_COORDINATES) {
            // the first system, or too many coordinates kept: start from these, at the current weights
            rebuild(free, m);
        } else if (missing > 0) {
            grow(free, m, missing);
        }
        int[] pos = positions(free, m);
        if (!updateFactor(pos, d, ridge)) return false;
        if (single && Cholesky.conditionEstimate(fd, l, 0, ldl) > MAX_SINGLE_CONDITION) {
            // too ill-conditioned for floats: H anew in double, at the current weights, and from now on
            single = false;
            rebuild(free, m);
            pos = positions(free, m);
            if (!updateFactor(pos, d, ridge)) return false;
        }
        // the factor's order is a permutation of A's
        int[] at = new int[o + nf];
        for (int q = 0; q < fd; q++) at[fpos[q]] = q;
        double[] x = new double[d];
        for (int t = 0; t < d; t++) x[at[pos[t]]] = rhs[t];
        if (ridge == fRidge) {
            Cholesky.solve(fd, l, 0, ldl, x, 0);
        } else if (!refined(ridge, x)) {
            if (!factorAnew(pos, d, ridge)) return false;
            for (int q = 0; q < fd; q++) at[fpos[q]] = q;
            for (int t = 0; t < d; t++) x[at[pos[t]]] = rhs[t];
            Cholesky.solve(fd, l, 0, ldl, x, 0);
        }
        for (int t = 0; t < d; t++) rhs[t] = x[at[pos[t]]];
        return true;
    }

    /**
     * Whether the factor, formed with the ridge part {@code fRidge}, is kept for a solve with ridge
     * part {@code ridge}: for a constant H, when the two are within a factor {@value #RIDGE_DRIFT}
     * and the last such solve took few iterations ({@link #refined}). Along an elastic-net path
     * the ridge part λ(1−α) shrinks by a few percent from one λ to the next; factoring anew at
     * every λ (d³/6) cost half of a-enet's certified path (gaussian, 500 active coordinates).
     */
    private boolean keepsFactor(double ridge, int d) {
        if (Double.isNaN(fRidge)) return false;
        if (ridge == fRidge) return true;
        return constant && ridge > 0 && ridge <= fRidge * RIDGE_DRIFT && ridge >= fRidge / RIDGE_DRIFT
                && refineCost(d) < (double) d * d * d / 6;
    }

    /** How far the ridge part of a kept factor may be from a solve's (see {@link #keepsFactor}). */
    static final double RIDGE_DRIFT = 2.0;
    /** Largest number of conjugate-gradient iterations of {@link #refined}. */
    private static final int MAX_REFINE = 40;
    /** Multiply-adds per d² of one conjugate-gradient iteration: a product with H, two triangular solves. */
    private static final double REFINE_COST = 3.0;
    /** Iterations the last {@link #refined} solve took (0 until one has run). */
    private int refineIterations;

    /** Multiply-adds a {@link #refined} solve over d coordinates is expected to take: as many iterations as the last one, at least 4. */
    private double refineCost(int d) {
        return REFINE_COST * Math.max(refineIterations, 4) * d * d;
    }

    private int factorizations;

    /** Factors formed anew so far, not counting borderings and deletions. */
    int factorizations() {
        return factorizations;
    }

    /**
     * Solves (H_AA + ridge·diag(f_A))·x = b in place (b given in {@code x}, in the factor's order)
     * by conjugate gradients preconditioned by the factor of H_AA + fRidge·diag(f_A). The two
     * matrices differ by (ridge − fRidge)·diag(f_A), so the preconditioned matrix has its
     * eigenvalues within a factor |ridge − fRidge| / fRidge of 1 or so and each iteration gains about
     * that factor squared: a handful of O(d²) iterations instead of a new factor. False (x
     * unchanged) when the residual does not reach rounding level within {@link #MAX_REFINE}.
     */
    private boolean refined(double ridge, double[] x) {
        int d = fd;
        double[] b = x.clone();
        double bmax = 0;
        for (int q = 0; q < d; q++) bmax = Math.max(bmax, Math.abs(b[q]));
        double[] y = b.clone();
        Cholesky.solve(d, l, 0, ldl, y, 0);
        double[] r = b.clone();
        double[] ay = new double[d];
        times(ridge, y, ay);
        for (int q = 0; q < d; q++) r[q] -= ay[q];
        double[] z = r.clone();
        Cholesky.solve(d, l, 0, ldl, z, 0);
        double[] dir = z.clone();
        double rz = Blas1.dot(d, r, 0, z, 0);
        for (int it = 1; it <= MAX_REFINE; it++) {
            double rmax = 0;
            for (int q = 0; q < d; q++) rmax = Math.max(rmax, Math.abs(r[q]));
            if (rmax <= REFINE_TOLERANCE * bmax) {
                refineIterations = it;
                System.arraycopy(y, 0, x, 0, d);
                return true;
            }
            if (!(rz > 0)) break;
            times(ridge, dir, ay);
            double curvature = Blas1.dot(d, dir, 0, ay, 0);
            if (!(curvature > 0)) break;
            double step = rz / curvature;
            for (int q = 0; q < d; q++) {
                y[q] += step * dir[q];
                r[q] -= step * ay[q];
            }
            System.arraycopy(r, 0, z, 0, d);
            Cholesky.solve(d, l, 0, ldl, z, 0);
            double next = Blas1.dot(d, r, 0, z, 0);
            double beta = next / rz;
            rz = next;
            for (int q = 0; q < d; q++) dir[q] = z[q] + beta * dir[q];
        }
        refineIterations = MAX_REFINE;
        return false;
    }

    /** Residual of {@link #refined} relative to the right-hand side: a direct solve's rounding level. */
    private static final double REFINE_TOLERANCE = 1e-13;

    /** (H_AA + ridge·diag(f_A))·v over the factor's coordinates, in its order. */
    private void times(double ridge, double[] v, double[] out) {
        int d = fd;
        int all = o + nf;
        // v spread over all of H's coordinates (0 off the factor's): each entry one contiguous dot
        double[] spread = new double[all];
        for (int q = 0; q < d; q++) spread[fpos[q]] = v[q];
        for (int q = 0; q < d; q++) {
            int c = fpos[q];
            out[q] = ridgeAt(c, ridge) * v[q] + Blas1.dot(all, h, c * ldh, spread, 0);
        }
    }

    /** H's coordinates of [intercept, free[0..m)]. */
    private int[] positions(int[] free, int m) {
        int[] pos = new int[m + o];
        if (o == 1) pos[0] = 0;
        for (int t = 0; t < m; t++) pos[o + t] = o + where[free[t]];
        return pos;
    }

    /** Whether a Fisher information is (still) formed in single precision. */
    boolean singlePrecision() {
        return single;
    }

    /**
     * Corrects the factor by the BFGS update for a step {@code s} that changed the gradient of the
     * restricted objective by {@code y} (both in the order of the solve that made the step, over the
     * same coordinates): B ← B + y·yᵀ/(yᵀs) − (Bs)(Bs)ᵀ/(sᵀBs), one rank-one update and one
     * downdate of the factor (2d² multiply-adds). A Hessian formed at other weights makes steps
     * converge linearly; with these corrections they converge superlinearly (the secant condition
     * B·s = y holds for the last step), without forming it anew. Nothing to correct for a constant
     * Hessian; a downdate that fails leaves the factor to be formed anew at the next solve.
     */
    void secant(int[] free, int m, double[] s, double[] y) {
        int d = m + o;
        if (constant || Double.isNaN(fRidge) || d != fd) return;
        int[] at = new int[o + nf];
        java.util.Arrays.fill(at, -1);
        for (int q = 0; q < fd; q++) at[fpos[q]] = q;
        double[] sf = new double[d];
        double[] yf = new double[d];
        for (int t = 0; t < d; t++) {
            int c = t < o ? 0 : where[free[t - o]];
            if (t >= o && c < 0) return;
            int q = at[t < o ? 0 : o + c];
            if (q < 0) return;
            sf[q] = s[t];
            yf[q] = y[t];
        }
        double ys = 0;
        for (int q = 0; q < d; q++) ys += yf[q] * sf[q];
        // Lᵀs, then B·s = L·(Lᵀs) and sᵀBs = |Lᵀs|²
        double[] lts = new double[d];
        double sbs = 0;
        for (int k = 0; k < d; k++) {
            double v = 0;
            for (int i = k; i < d; i++) v += l[k * ldl + i] * sf[i];
            lts[k] = v;
            sbs += v * v;
        }
        if (!(ys > 0) || !(sbs > 0)) return;
        double[] bs = new double[d];
        for (int k = 0; k < d; k++) {
            double v = lts[k];
            if (v == 0.0) continue;
            for (int i = k; i < d; i++) bs[i] += l[k * ldl + i] * v;
        }
        double a = 1 / Math.sqrt(ys);
        for (int q = 0; q < d; q++) yf[q] *= a;
        double b = 1 / Math.sqrt(sbs);
        for (int q = 0; q < d; q++) bs[q] *= b;
        Cholesky.rankOneUpdate(d, l, 0, ldl, yf, 0);
        if (!Cholesky.rankOneDowndate(d, l, 0, ldl, bs, 0)) {
            fRidge = Double.NaN;
            fd = 0;
        }
    }

    /**
     * Forms H anew at the solver's current weights over the coordinates of the last solve (the
     * others are dropped); the factor is formed anew at the next solve.
     */
    void refresh() {
        int m = 0;
        int[] keep = new int[fd];
        for (int q = 0; q < fd; q++) if (fpos[q] >= o) keep[m++] = feats[fpos[q] - o];
        java.util.Arrays.sort(keep, 0, m);
        rebuild(keep, m);
    }

    /** H over exactly the features {@code free[0..m)}, formed at the solver's current weights. */
    private void rebuild(int[] free, int m) {
        for (int t = 0; t < nf; t++) where[feats[t]] = -1;
        nf = 0;
        ensureFeatures(m);
        for (int t = 0; t < m; t++) {
            feats[nf] = free[t];
            where[free[t]] = nf++;
        }
        int d = o + nf;
        ldh = d + Math.max(16, d / 4);
        h = new double[ldh * ldh];
        double[] square = new double[d * d];
        w = solver.hessianWeights();
        formed = true;
        stale = false;
        wasted = 0;
        // an exact Hessian (gaussian) in double; a Fisher information that will go stale anyway in
        // floats, unless it proved too ill-conditioned for them (see solve)
        if (gram) {
            solver.gramColumns(feats, nf, o == 1, 0, square);
        } else if (constant) {
            ActiveHessian.compute(pr, w, feats, nf, o == 1, square);
        } else {
            if (single) ActiveHessian.computeSingle(pr, w, feats, nf, o == 1, square);
            else ActiveHessian.compute(pr, w, feats, nf, o == 1, square);
        }
        for (int c = 0; c < d; c++) System.arraycopy(square, c * d, h, c * ldh, d);
        fRidge = Double.NaN;
        fd = 0;
    }

    /** Adds the {@code missing} features of {@code free[0..m)} that H lacks, with their columns. */
    private void grow(int[] free, int m, int missing) {
        int first = o + nf;
        ensureFeatures(nf + missing);
        for (int t = 0; t < m; t++) {
            if (where[free[t]] < 0) {
                feats[nf] = free[t];
                where[free[t]] = nf++;
            }
        }
        int d = o + nf;
        if (d > ldh) {
            int cap = d + Math.max(16, d / 4);
            double[] bigger = new double[cap * cap];
            for (int c = 0; c < first; c++) System.arraycopy(h, c * ldh, bigger, c * cap, first);
            h = bigger;
            ldh = cap;
        }
        int q = d - first;
        double[] cols = new double[d * q];
        // the same precision as the rest of H (see rebuild)
        if (gram) solver.gramColumns(feats, nf, o == 1, first, cols);
        else if (single && !constant) ActiveHessian.columnsSingle(pr, w, feats, nf, o == 1, first, cols);
        else ActiveHessian.columns(pr, w, feats, nf, o == 1, first, cols);
        for (int c = 0; c < q; c++) {
            int col = first + c;
            for (int r = 0; r < d; r++) {
                double v = cols[c * d + r];
                h[col * ldh + r] = v;
                h[r * ldh + col] = v;
            }
        }
    }

    private void ensureFeatures(int count) {
        if (count > feats.length) feats = java.util.Arrays.copyOf(feats, Math.max(count, 2 * feats.length));
    }

    /** The ridge part of the diagonal at H's coordinate c. */
    private double ridgeAt(int c, double ridge) {
        return c < o ? 0.0 : ridge * pr.vp[feats[c - o]];
    }

    /**
     * Makes the factor that of the coordinates {@code pos[0..d)} (in some order): by deletions and
     * borderings of the last one when it is kept ({@link #keepsFactor}, its own ridge part) and
     * that is cheaper, else anew with this ridge part.
     */
    private boolean updateFactor(int[] pos, int d, double ridge) {
        if (keepsFactor(ridge, d)) {
            boolean[] wanted = new boolean[o + nf];
            for (int t = 0; t < d; t++) wanted[pos[t]] = true;
            boolean[] have = new boolean[o + nf];
            int deletions = 0;
            for (int q = 0; q < fd; q++) {
                have[fpos[q]] = true;
                if (!wanted[fpos[q]]) deletions++;
            }
            int appends = 0;
            for (int t = 0; t < d; t++) if (!have[pos[t]]) appends++;
            double updates = (double) (deletions + appends) * Math.max(d, fd) * Math.max(d, fd);
            if (updates <= (double) d * d * d / 6) {
                for (int q = fd - 1; q >= 0; q--) {
                    if (!wanted[fpos[q]]) {
                        Cholesky.delete(fd, l, ldl, q);
                        System.arraycopy(fpos, q + 1, fpos, q, fd - q - 1);
                        fd--;
                    }
                }
                boolean bordered = true;
                for (int t = 0; t < d && bordered; t++) {
                    if (have[pos[t]]) continue;
                    bordered = border(pos[t], fRidge);
                }
                if (bordered) return true;
            }
        }
        return factorAnew(pos, d, ridge);
    }

    /** Appends coordinate c to the factor; false when the result is not safely positive definite. */
    private boolean border(int c, double ridge) {
        if (fd + 1 > ldl) {
            int cap = fd + 1 + Math.max(16, fd / 4);
            double[] bigger = new double[cap * cap];
            for (int k = 0; k < fd; k++) System.arraycopy(l, k * ldl, bigger, k * cap, fd);
            l = bigger;
            ldl = cap;
            fpos = java.util.Arrays.copyOf(fpos, cap);
        }
        double[] a = new double[fd + 1];
        for (int q = 0; q < fd; q++) a[q] = h[c * ldh + fpos[q]];
        a[fd] = h[c * ldh + c] + ridgeAt(c, ridge);
        if (!Cholesky.append(fd, l, ldl, a)) return false;
        fpos[fd++] = c;
        return true;
    }

    /**
     * Factors H_AA + ridge anew. A singular matrix (collinear active columns under a pure L1
     * penalty) gets a small ridge (Levenberg) added, growing until the factorization succeeds; such
     * a factor is not kept for updates.
     */
    private boolean factorAnew(int[] pos, int d, double ridge) {
        int[] order = java.util.Arrays.copyOf(pos, d);
        java.util.Arrays.sort(order);
        int cap = d + Math.max(16, d / 4);
        double[] f = new double[cap * cap];
        double maxDiag = fill(order, d, ridge, 0.0, f, cap);
        if (!(maxDiag > 0) || !Double.isFinite(maxDiag)) return false;
        double levenberg = 0;
        for (int attempt = 0; attempt < 8; attempt++) {
            try {
                Cholesky.factor(d, f, 0, cap);
                l = f;
                ldl = cap;
                fpos = java.util.Arrays.copyOf(order, cap);
                fd = d;
                fRidge = levenberg == 0 ? ridge : Double.NaN;
                refineIterations = 0;
                factorizations++;
                return true;
            } catch (NotPositiveDefiniteException e) {
                // the matrix is written again from H (no copy kept: it may be hundreds of MB)
                levenberg = levenberg == 0 ? 1e-12 * maxDiag : levenberg * 100;
                fill(order, d, ridge, levenberg, f, cap);
            }
        }
        fRidge = Double.NaN;
        fd = 0;
        return false;
    }

    /**
     * Writes the lower triangle of H over {@code order[0..d)} plus the ridge part and
     * {@code levenberg} on the diagonal into {@code f} (leading dimension cap).
     *
     * @return the largest diagonal element without {@code levenberg}
     */
    private double fill(int[] order, int d, double ridge, double levenberg, double[] f, int cap) {
        double maxDiag = 0;
        for (int k = 0; k < d; k++) {
            int ck = order[k];
            for (int i = k; i < d; i++) f[k * cap + i] = h[ck * ldh + order[i]];
            f[k * cap + k] += ridgeAt(ck, ridge);
            maxDiag = Math.max(maxDiag, f[k * cap + k]);
            f[k * cap + k] += levenberg;
        }
        return maxDiag;
    }

    /**
     * Multiply-adds of the next step on the active coordinates of {@code b} (non-zero): columns
     * H lacks, the factor's update (or a new one) and the passes over the active columns a step
     * takes (its gradient; for likelihood families also the linear predictor and the line search).
     * The level-3 columns count at 1/{@code blas3} of their multiply-adds.
     */
    double stepCost(double[] b, double ridge, double blas3) {
        int d = o;
        int missing = 0;
        for (int j = 0; j < pr.p; j++) {
            if (b[j] != 0.0) {
                d++;
                if (where[j] < 0) missing++;
            }
        }
        // kept Gram columns are copied, not computed (the sweeps need them as well)
        double columns = gram ? (double) d * missing : Math.max(pr.entriesPerColumn(), 1.0) * d * missing / blas3;
        double factor = keepsFactor(ridge, d)
                ? (double) (missing + 1) * d * d + (ridge == fRidge ? 0 : refineCost(d))
                : (double) d * d * d / 6;
        factor = Math.min(factor, (double) d * d * d / 6 + d * d);
        return columns + factor + passCost(d);
    }

    /**
     * Records a step taken on this H when stale, which divided the gradient by 1/{@code rate}: the
     * share of its passes that a step on a fresh H (gain {@value #FRESH_RATE}) would have saved is
     * counted as wasted. The rule "form H anew once the waste reaches what that costs" is the
     * ski-rental one: with exact costs it never pays more than twice what knowing the future would
     * (the costs here are estimates, so that bound is approximate).
     */
    void staleStep(int d, double rate) {
        double gained = rate > 0 && rate < 1 ? Math.log(rate) / Math.log(FRESH_RATE) : 0;
        wasted += Math.max(0, 1 - gained) * passCost(d);
    }

    /** Whether the stale steps since H was formed have wasted what forming it anew costs. */
    boolean refreshPays(int d, double blas3) {
        return wasted >= refreshCost(d, blas3);
    }

    /** Multiply-adds of {@link #refresh}: the Hessian over d coordinates anew, and a new factor. */
    double refreshCost(int d, double blas3) {
        // a Fisher information formed in single precision (ActiveHessian.computeSingle) takes half the time
        double precision = single ? 0.5 : 1.0;
        return precision * Math.max(pr.entriesPerColumn(), 1.0) * d * d / blas3 + (double) d * d * d / 6;
    }

    /**
     * Multiply-adds of one step's passes over d active columns (see {@link #stepCost}); with kept
     * Gram columns, the update of every feature's gradient by d of them.
     */
    double passCost(int d) {
        if (gram) return solver.sweepCost(d);
        return (constant ? 1 : 3) * Math.max(pr.entriesPerColumn(), 1.0) * d;
    }
}

package dev.occam.nn;

/**
 * GELU, the exact (erf) form as PyTorch's default: y = x·Φ(x), Φ(x) = ½(1 + erf(x/√2));
 * dy/dx = Φ(x) + x·φ(x). erf is Abramowitz &amp; Stegun 7.1.26 (absolute error ≤ 1.5·10⁻⁷,
 * below float32 resolution of Φ).
 */
public final class Gelu extends ElementwiseLayer {
    private static final double INV_SQRT2 = 1 / Math.sqrt(2);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    public Gelu(int size) {
        super(size);
    }

    /** erf(z), |error| ≤ 1.5e-7. */
    static double erf(double z) {
        double t = 1 / (1 + 0.3275911 * Math.abs(z));
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        double r = 1 - poly * Math.exp(-z * z);
        return z >= 0 ? r : -r;
    }

    static double cdf(double x) {
        return 0.5 * (1 + erf(x * INV_SQRT2));
    }

    @Override
    void apply(float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) {
            double v = x[i];
            y[i] = (float) (v * cdf(v));
        }
    }

    @Override
    void gradient(float[] x, float[] y, float[] dy, float[] dx, int n) {
        for (int i = 0; i < n; i++) {
            double v = x[i];
            double d = cdf(v) + v * INV_SQRT_2PI * Math.exp(-0.5 * v * v);
            dx[i] = (float) (dy[i] * d);
        }
    }

    @Override
    public String describe() { return "gelu"; }
}

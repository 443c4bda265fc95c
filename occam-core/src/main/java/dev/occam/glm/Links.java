package dev.occam.glm;

/** Inverse link functions, written to be stable for large |η|. */
final class Links {
    private Links() { }

    /** 1/(1+e^−η) without overflow. */
    static double logistic(double eta) {
        if (eta >= 0) {
            return 1.0 / (1.0 + Math.exp(-eta));
        }
        double e = Math.exp(eta);
        return e / (1.0 + e);
    }

    /** Replaces eta[k][i] by softmax over k for every i. */
    static void softmaxInPlace(double[][] eta) {
        int n = eta[0].length;
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double[] e : eta) max = Math.max(max, e[i]);
            double s = 0;
            for (double[] e : eta) {
                e[i] = Math.exp(e[i] - max);
                s += e[i];
            }
            for (double[] e : eta) e[i] /= s;
        }
    }
}

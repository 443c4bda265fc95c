package dev.occam.penalty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.occam.penalty.ConventionRules.num;

/**
 * Keras: layer regularizers (a penalty added to the loss) and optimizers' {@code weight_decay}
 * (decoupled decay), plus TensorFlow Addons' SGDW/AdamW whose decay is not multiplied by the
 * learning rate. Keras' losses are means over the batch, and regularizers add to that mean.
 * Checked by algebra in {@code ConventionsAlgebraTest} (no TensorFlow here).
 */
public final class LibraryKeras {
    private LibraryKeras() { }

    /**
     * {@code keras.regularizers.L1L2(l1, l2)} (also {@code l1(a)}, {@code l2(a)}): adds
     * l1·Σ|w| + l2·Σw² (no ½ on the square) to the batch-mean loss, for the weights it is attached
     * to (kernels; biases only through {@code bias_regularizer}). Canonically λα = l1 and
     * λ(1−α)/2 = l2: λ = l1 + 2·l2, α = l1/λ. Its L2 gradient 2·l2·w equals a coupled
     * {@code weight_decay} of 2·l2.
     *
     * @param l1 ≥ 0
     * @param l2 ≥ 0 (Keras' default for {@code l2()} is 0.01)
     */
    public record Regularizer(double l1, double l2) implements LibrarySetting {
        public Regularizer {
            ConventionRules.checkNonNegative("l1", l1);
            ConventionRules.checkNonNegative("l2", l2);
        }

        @Override public String id() { return "keras"; }

        @Override
        public Map<String, Object> parameters() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("l1", l1);
            m.put("l2", l2);
            return m;
        }

        @Override
        public String call() {
            if (l1 == 0) return "keras.regularizers.L2(" + num(l2) + ")";
            if (l2 == 0) return "keras.regularizers.L1(" + num(l1) + ")";
            return "keras.regularizers.L1L2(l1=" + num(l1) + ", l2=" + num(l2) + ")";
        }

        @Override
        public Conversion toCanonical(ConversionContext ctx) {
            var c = Canonical.ofWeights(l1, 2 * l2, false, ConventionLoss.ANY);
            return Conversion.exact(c, "Keras adds l1·Σ|w| + l2·Σw² (no ½) to the batch-mean loss: λα = l1, λ(1−α)/2 = l2, so λ = l1 + 2·l2 = "
                    + num(c.lambda()) + ", α = " + num(c.alpha()) + " (weights it is attached to; a coupled weight_decay of 2·l2)");
        }

        public static Conversion fromCanonical(Canonical c, ConversionContext ctx) {
            var r = new Regularizer(c.l1(), c.l2() / 2);
            Conversion conv = Conversion.exact(r, "Keras' l1·Σ|w| + l2·Σw² is the canonical penalty with l1 = λα = " + num(r.l1)
                    + " and l2 = λ(1−α)/2 = " + num(r.l2) + " (note: no ½ on Keras' square)");
            return ConventionRules.unstandardizedPeer(c, conv, "Keras");
        }
    }

    /** Keras 3 optimizers accepting {@code weight_decay}; only sgd is not adaptive. */
    static final List<String> OPTIMIZERS = List.of("sgd", "adam", "adamw", "adamax", "nadam", "rmsprop", "adagrad", "adadelta", "adafactor", "ftrl", "lion", "lamb");

    /**
     * A Keras optimizer's {@code weight_decay=wd}: decoupled, w ← w − η·wd·w each step beside the
     * optimizer's own update. Under plain SGD that is the penalty λ = wd; with momentum μ only the
     * stationary point matches (λ = (1−μ)·wd); under adaptive optimizers there is no equivalent.
     *
     * @param optimizer sgd, adam, adamw, … (lower case)
     * @param momentum μ ∈ [0, 1) (sgd only)
     * @param weightDecay wd ≥ 0
     */
    public record WeightDecay(String optimizer, double momentum, double weightDecay) implements LibrarySetting {
        public WeightDecay {
            if (!OPTIMIZERS.contains(optimizer)) {
                throw new IllegalArgumentException("optimizer must be one of " + String.join(", ", OPTIMIZERS) + "; got '" + optimizer + "'");
            }
            if (!(momentum >= 0 && momentum < 1)) throw new IllegalArgumentException("momentum must be in [0, 1); got " + num(momentum));
            if (momentum > 0 && !optimizer.equals("sgd")) throw new IllegalArgumentException("momentum goes with optimizer sgd only; got " + optimizer);
            ConventionRules.checkNonNegative("weight_decay", weightDecay);
        }

        @Override public String id() { return "keras-weight-decay"; }

        @Override
        public Map<String, Object> parameters() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("optimizer", optimizer);
            m.put("momentum", momentum);
            m.put("weight_decay", weightDecay);
            return m;
        }

        @Override
        public String call() {
            String name = switch (optimizer) {
                case "sgd" -> "SGD";
                case "adamw" -> "AdamW";
                case "rmsprop" -> "RMSprop";
                default -> Character.toUpperCase(optimizer.charAt(0)) + optimizer.substring(1);
            };
            return "keras.optimizers." + name + "(" + (momentum > 0 ? "momentum=" + num(momentum) + ", " : "") + "weight_decay=" + num(weightDecay) + ")";
        }

        @Override
        public Conversion toCanonical(ConversionContext ctx) {
            return ConventionDecay.toCanonical("Keras " + optimizer, !optimizer.equals("sgd"), momentum, weightDecay, 1.0, ctx);
        }

        public static Conversion fromCanonical(Canonical c, ConversionContext ctx) {
            var w = new WeightDecay("sgd", 0, c.l2());
            Conversion conv = Conversion.exact(w, "plain SGD with decoupled weight_decay = λ = " + num(c.l2())
                    + " is SGD on the penalized loss; with an adaptive optimizer no weight_decay equals a penalty (use the regularizer L2(λ/2))");
            String l1 = ConventionDecay.l1Part(c);
            if (l1 != null) conv = conv.notEquivalent(l1);
            return ConventionRules.unstandardizedPeer(c, conv, "Keras");
        }
    }

    /**
     * TensorFlow Addons' {@code SGDW(learning_rate, weight_decay, momentum)} and
     * {@code AdamW}: decoupled decay w ← w − wd·w per step, NOT multiplied by the learning rate
     * (Loshchilov and Hutter's form; schedules must decay wd themselves). Under plain SGD that is
     * λ = wd/η; AdamW has no equivalent.
     *
     * @param optimizer sgdw or adamw
     * @param momentum μ ∈ [0, 1) (sgdw only)
     * @param weightDecay wd ≥ 0
     */
    public record AddonsWeightDecay(String optimizer, double momentum, double weightDecay) implements LibrarySetting {
        public AddonsWeightDecay {
            if (!optimizer.equals("sgdw") && !optimizer.equals("adamw")) {
                throw new IllegalArgumentException("optimizer must be sgdw or adamw; got '" + optimizer + "'");
            }
            if (!(momentum >= 0 && momentum < 1)) throw new IllegalArgumentException("momentum must be in [0, 1); got " + num(momentum));
            if (momentum > 0 && optimizer.equals("adamw")) throw new IllegalArgumentException("momentum goes with optimizer sgdw only");
            ConventionRules.checkNonNegative("weight_decay", weightDecay);
        }

        @Override public String id() { return "tfa-weight-decay"; }

        @Override
        public Map<String, Object> parameters() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("optimizer", optimizer);
            m.put("momentum", momentum);
            m.put("weight_decay", weightDecay);
            return m;
        }

        @Override
        public String call() {
            return "tfa.optimizers." + (optimizer.equals("sgdw") ? "SGDW" : "AdamW") + "(weight_decay=" + num(weightDecay)
                    + (momentum > 0 ? ", momentum=" + num(momentum) : "") + ", learning_rate=η)";
        }

        @Override
        public Conversion toCanonical(ConversionContext ctx) {
            double eta = ctx.requireLearningRate(id() + " (its decay is not multiplied by the learning rate)");
            return ConventionDecay.toCanonical("TensorFlow Addons " + optimizer + " (decay wd·w per step, not η·wd·w)",
                    optimizer.equals("adamw"), momentum, weightDecay, 1 / eta, ctx);
        }

        public static Conversion fromCanonical(Canonical c, ConversionContext ctx) {
            double eta = ctx.requireLearningRate("tfa-weight-decay (its decay is not multiplied by the learning rate)");
            var w = new AddonsWeightDecay("sgdw", 0, c.l2() * eta);
            Conversion conv = Conversion.exact(w, "SGDW decays w by wd·w per step, so it equals SGD on the penalized loss for wd = λη = "
                    + num(c.l2()) + "·" + num(eta) + " = " + num(w.weightDecay) + " (rescale wd if η follows a schedule)");
            String l1 = ConventionDecay.l1Part(c);
            if (l1 != null) conv = conv.notEquivalent(l1);
            return ConventionRules.unstandardizedPeer(c, conv, "TensorFlow");
        }
    }
}

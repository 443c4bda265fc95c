package dev.occam.penalty;

import dev.occam.penalty.LibrarySetting.Canonical;

import java.util.Map;

import static dev.occam.penalty.ConventionRules.num;

/**
 * PyTorch's optimizers. {@code SGD} and {@code Adam} couple {@code weight_decay} into the
 * gradient (g ← g + wd·w before momentum or Adam's moments): that is the penalty (wd/2)‖w‖² on the
 * loss, λ = wd, on every parameter of the group (biases too, unless they are put in a group with
 * weight_decay=0). {@code AdamW} decays decoupled, w ← w − η·wd·w outside Adam's scaling, and has no
 * penalty equivalent. Checked by algebra in {@code ConventionsAlgebraTest} (hand-computed steps;
 * Occam's own optimizers match PyTorch trajectories in {@code TorchTrajectoryTest}).
 */
public final class LibraryTorch {
    private LibraryTorch() { }

    private static String stepFactor(double wd, ConversionContext ctx) {
        return ctx.learningRate() == null ? ""
                : " (η = " + num(ctx.learningRate()) + ": without momentum each step multiplies w by 1 − η·wd = " + num(1 - ctx.learningRate() * wd) + ")";
    }

    /** A coupled decay for the canonical L2 part, or NONE with the reason when α &gt; 0. */
    private static Conversion coupledFromCanonical(LibrarySetting target, Canonical c, String explanation) {
        Conversion conv = Conversion.exact(target, explanation);
        String l1 = ConventionDecay.l1Part(c);
        if (l1 != null) conv = conv.notEquivalent(l1);
        return ConventionRules.unstandardizedPeer(c, conv, "PyTorch");
    }

    /**
     * {@code torch.optim.SGD(params, lr, momentum, weight_decay=wd)}: coupled, the gradient of
     * L + (wd/2)‖w‖²; λ = wd, α = 0, whatever the momentum or Nesterov setting.
     *
     * @param weightDecay wd ≥ 0 (default 0)
     */
    public record Sgd(double weightDecay) implements LibrarySetting {
        public Sgd {
            ConventionRules.checkNonNegative("weight_decay", weightDecay);
        }

        @Override public String id() { return "torch-sgd"; }

        @Override public Map<String, Object> parameters() { return Map.of("weight_decay", weightDecay); }

        @Override public String call() { return "torch.optim.SGD(params, lr=η, weight_decay=" + num(weightDecay) + ")"; }

        @Override
        public Conversion toCanonical(ConversionContext ctx) {
            return Conversion.exact(new Canonical(weightDecay, 0, false, ConventionLoss.ANY),
                    "SGD adds wd·w to the gradient before momentum: the gradient of the loss + (wd/2)‖w‖², λ = wd = " + num(weightDecay)
                            + ", α = 0, on every parameter of its group (biases too unless given weight_decay=0)" + stepFactor(weightDecay, ctx));
        }

        public static Conversion fromCanonical(Canonical c, ConversionContext ctx) {
            return coupledFromCanonical(new Sgd(c.l2()), c, "SGD's coupled weight_decay = λ = " + num(c.l2())
                    + " is the penalty (λ/2)‖w‖² on the loss (put biases in a group with weight_decay=0)" + stepFactor(c.l2(), ctx));
        }
    }

    /**
     * {@code torch.optim.Adam(params, weight_decay=wd)}: coupled like SGD, so exactly the penalty
     * (wd/2)‖w‖² (λ = wd): same objective and stationary points, but Adam divides the whole gradient,
     * penalty included, by √v̂, so its path is not SGD's. Not AdamW.
     *
     * @param weightDecay wd ≥ 0 (default 0)
     */
    public record Adam(double weightDecay) implements LibrarySetting {
        public Adam {
            ConventionRules.checkNonNegative("weight_decay", weightDecay);
        }

        @Override public String id() { return "torch-adam"; }

        @Override public Map<String, Object> parameters() { return Map.of("weight_decay", weightDecay); }

        @Override public String call() { return "torch.optim.Adam(params, lr=η, weight_decay=" + num(weightDecay) + ")"; }

        @Override
        public Conversion toCanonical(ConversionContext ctx) {
            return Conversion.exact(new Canonical(weightDecay, 0, false, ConventionLoss.ANY),
                    "Adam adds wd·w to the gradient before its moments (coupled L2): exactly the penalty (wd/2)‖w‖², λ = " + num(weightDecay)
                            + ", α = 0 — exact as a penalty: same stationary points, but Adam rescales it per parameter, so the path differs from SGD's");
        }

        public static Conversion fromCanonical(Canonical c, ConversionContext ctx) {
            return coupledFromCanonical(new Adam(c.l2()), c, "Adam's coupled weight_decay = λ = " + num(c.l2())
                    + " minimizes the penalized loss (exact as a penalty; Adam's path differs from SGD's; this is not AdamW)");
        }
    }

    /**
     * {@code torch.optim.AdamW(params, lr=η, weight_decay=wd)} (defaults η = 1e-3, wd = 1e-2):
     * w ← w − η·wd·w, then the Adam step. Decoupled from Adam's scaling, it has no exact penalty
     * equivalent under Adam; under plain SGD the same decoupled decay would equal λ = wd.
     *
     * @param weightDecay wd ≥ 0 (default 0.01)
     */
    public record AdamW(double weightDecay) implements LibrarySetting {
        public AdamW {
            ConventionRules.checkNonNegative("weight_decay", weightDecay);
        }

        @Override public String id() { return "torch-adamw"; }

        @Override public Map<String, Object> parameters() { return Map.of("weight_decay", weightDecay); }

        @Override public String call() { return "torch.optim.AdamW(params, lr=η, weight_decay=" + num(weightDecay) + ")"; }

        @Override
        public Conversion toCanonical(ConversionContext ctx) {
            return ConventionDecay.toCanonical("AdamW", true, 0, weightDecay, 1.0, ctx);
        }

        public static Conversion fromCanonical(Canonical c, ConversionContext ctx) {
            return Conversion.none(new AdamW(c.l2()), "no AdamW setting equals a penalty: its decay η·wd·w bypasses Adam's scaling "
                    + "(for the penalty use torch-adam with weight_decay = λ = " + num(c.l2()) + ", or SGD)");
        }
    }
}

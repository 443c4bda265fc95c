package dev.occam.optim;

import java.util.Objects;

/**
 * A learning-rate schedule: the rate η_t used for the update with 0-based step count t.
 * Steps count optimizer updates (mini-batches), as in optax; a trainer turns epochs into steps.
 *
 * <p>{@link #base()} is the peak/initial rate η₀; {@link #multiplier(long)} = η_t/η₀ is what a
 * decay "following only the schedule" uses (Loshchilov &amp; Hutter's AdamW).
 */
public sealed interface Schedule permits Schedule.Constant, Schedule.Step, Schedule.Exponential,
        Schedule.Cosine, Schedule.Warmup {

    /** The learning rate for the update with step count {@code step} (0 for the first update). */
    double at(long step);

    /** The base (peak) learning rate η₀ &gt; 0. */
    double base();

    /** η_t / η₀. */
    default double multiplier(long step) {
        return at(step) / base();
    }

    /** A short description, e.g. {@code "cosine(lr=0.1, steps=100, min=0)"}. */
    String describe();

    static Schedule constant(double lr) { return new Constant(lr); }

    static Schedule step(double lr, long stepSize, double gamma) { return new Step(lr, stepSize, gamma); }

    static Schedule exponential(double lr, double gamma) { return new Exponential(lr, gamma); }

    static Schedule cosine(double lr, long decaySteps, double minLr) { return new Cosine(lr, decaySteps, minLr); }

    static Schedule warmup(long warmupSteps, Schedule then) { return new Warmup(warmupSteps, then); }

    private static void checkRate(String name, double lr) {
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException(name + " must be finite and > 0; got " + lr);
        }
    }

    private static void checkStep(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0; got " + step);
        }
    }

    /** η_t = η. */
    record Constant(double lr) implements Schedule {
        public Constant { checkRate("learning rate", lr); }
        @Override public double at(long step) { checkStep(step); return lr; }
        @Override public double base() { return lr; }
        @Override public String describe() { return "constant(lr=" + lr + ")"; }
    }

    /** η_t = η · γ^⌊t / stepSize⌋ (PyTorch's StepLR, counted in updates). */
    record Step(double lr, long stepSize, double gamma) implements Schedule {
        public Step {
            checkRate("learning rate", lr);
            if (stepSize <= 0) {
                throw new IllegalArgumentException("step size must be > 0; got " + stepSize);
            }
            if (!(gamma > 0 && gamma <= 1)) {
                throw new IllegalArgumentException("gamma must be in (0, 1]; got " + gamma);
            }
        }
        @Override public double at(long step) { checkStep(step); return lr * Math.pow(gamma, (double) (step / stepSize)); }
        @Override public double base() { return lr; }
        @Override public String describe() { return "step(lr=" + lr + ", every=" + stepSize + ", gamma=" + gamma + ")"; }
    }

    /** η_t = η · γ^t (PyTorch's ExponentialLR, counted in updates). */
    record Exponential(double lr, double gamma) implements Schedule {
        public Exponential {
            checkRate("learning rate", lr);
            if (!(gamma > 0 && gamma <= 1)) {
                throw new IllegalArgumentException("gamma must be in (0, 1]; got " + gamma);
            }
        }
        @Override public double at(long step) { checkStep(step); return lr * Math.pow(gamma, (double) step); }
        @Override public double base() { return lr; }
        @Override public String describe() { return "exponential(lr=" + lr + ", gamma=" + gamma + ")"; }
    }

    /**
     * η_t = η_min + (η − η_min)·(1 + cos(π·t/T))/2 for t ≤ T, and η_min after (optax's
     * cosine_decay_schedule; PyTorch's CosineAnnealingLR for t ≤ T).
     */
    record Cosine(double lr, long decaySteps, double minLr) implements Schedule {
        public Cosine {
            checkRate("learning rate", lr);
            if (decaySteps <= 0) {
                throw new IllegalArgumentException("decay steps must be > 0; got " + decaySteps);
            }
            if (!(minLr >= 0 && minLr <= lr)) {
                throw new IllegalArgumentException("minimum learning rate must be in [0, " + lr + "]; got " + minLr);
            }
        }
        @Override public double at(long step) {
            checkStep(step);
            if (step >= decaySteps) {
                return minLr;
            }
            return minLr + (lr - minLr) * 0.5 * (1 + Math.cos(Math.PI * step / decaySteps));
        }
        @Override public double base() { return lr; }
        @Override public String describe() { return "cosine(lr=" + lr + ", steps=" + decaySteps + ", min=" + minLr + ")"; }
    }

    /**
     * Linear warm-up: η_t = η₀·(t+1)/W for t &lt; W, then {@code then.at(t − W)}. The first update
     * uses η₀/W rather than 0 (PyTorch's LinearLR with start_factor 1/W over W−1 steps).
     */
    record Warmup(long warmupSteps, Schedule then) implements Schedule {
        public Warmup {
            if (warmupSteps <= 0) {
                throw new IllegalArgumentException("warm-up steps must be > 0; got " + warmupSteps);
            }
            Objects.requireNonNull(then, "then");
        }
        @Override public double at(long step) {
            checkStep(step);
            if (step < warmupSteps) {
                return then.base() * (step + 1) / warmupSteps;
            }
            return then.at(step - warmupSteps);
        }
        @Override public double base() { return then.base(); }
        @Override public String describe() { return "warmup(steps=" + warmupSteps + ", then=" + then.describe() + ")"; }
    }
}

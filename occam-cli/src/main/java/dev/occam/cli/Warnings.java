package dev.occam.cli;

import dev.occam.glm.GlmPath;
import dev.occam.glm.LinearModel;

/** Passes a fit's warnings on to the user; non-convergence is never silent. */
final class Warnings {
    private Warnings() { }

    static void report(Console console, LinearModel m) {
        m.summary().warnings().forEach(console::warn);
        if (!m.summary().converged() && m.summary().warnings().isEmpty()) {
            console.warn("the fit at lambda " + m.lambda() + " did not converge within " + m.summary().passes()
                    + " passes; the coefficients are approximate (try a larger --tolerance or a larger lambda)");
        }
    }

    /** "KKT violation 3.1e-13 relative (rule kkt 1.0E-9)": how far the answer is from the exact optimum. */
    static String kktNote(LinearModel.FitSummary s) {
        String v = Double.isNaN(s.kktViolation()) ? "not measured" : String.format(java.util.Locale.ROOT, "%.1e relative", s.kktViolation());
        return "KKT violation " + v + " (rule " + s.convergence() + ")";
    }

    static void report(Console console, GlmPath path) {
        path.warnings().forEach(console::warn);
        if (!path.allConverged() && path.warnings().isEmpty()) {
            int bad = 0;
            for (boolean c : path.converged()) if (!c) bad++;
            console.warn(bad + " of " + path.size() + " lambda values did not converge; their coefficients are approximate");
        }
    }
}

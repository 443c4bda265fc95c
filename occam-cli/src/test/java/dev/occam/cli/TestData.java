package dev.occam.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Small seeded data files for CLI tests. */
final class TestData {
    private TestData() { }

    /** Standard normal draws by Box–Muller with StrictMath (stable across JDKs). */
    static final class Gaussian {
        private final SplittableRandom random;
        private double spare = Double.NaN;

        Gaussian(long seed) { random = new SplittableRandom(seed); }

        double next() {
            if (!Double.isNaN(spare)) {
                double s = spare;
                spare = Double.NaN;
                return s;
            }
            double u1 = 1.0 - random.nextDouble();
            double u2 = random.nextDouble();
            double r = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
            spare = r * StrictMath.sin(2 * Math.PI * u2);
            return r * StrictMath.cos(2 * Math.PI * u2);
        }
    }

    /** Which target column a generated file holds. */
    enum Target {
        /** y = 1 + 2a − b + noise. */
        NUMERIC("y"),
        /** "yes"/"no" by the sign of a + noise. */
        BINARY("label"),
        /** "low"/"mid"/"high" by a. */
        THREE_CLASSES("kind"),
        /** A count whose log-mean grows with a. */
        COUNTS("count");

        final String column;

        Target(String column) { this.column = column; }
    }

    /** CSV with features a, b, c, the target column, and (optionally) a weight column w; seeded. */
    static Path csv(Path dir, int n, Target target, boolean weights) throws IOException {
        Gaussian g = new Gaussian(42);
        StringBuilder s = new StringBuilder("a,b,c,").append(target.column).append(weights ? ",w\n" : "\n");
        for (int i = 0; i < n; i++) {
            double a = g.next();
            double b = g.next();
            double c = g.next();
            double noise = g.next();
            String t = switch (target) {
                case NUMERIC -> Double.toString(1 + 2 * a - b + 0.5 * noise);
                case BINARY -> a + 0.5 * noise > 0 ? "yes" : "no";
                case THREE_CLASSES -> a > 0.5 ? "high" : a < -0.5 ? "low" : "mid";
                case COUNTS -> Long.toString(Math.round(Math.exp(0.3 + 0.5 * a) + Math.abs(noise)));
            };
            s.append(a).append(',').append(b).append(',').append(c).append(',').append(t);
            if (weights) s.append(',').append(0.5 + (i % 3));
            s.append('\n');
        }
        Path f = dir.resolve(target.column + (weights ? "-weighted" : "") + ".csv");
        Files.writeString(f, s);
        return f;
    }

    static Path write(Path dir, String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return f;
    }
}

package dev.occam.cli;

import dev.occam.data.DataFormatException;
import dev.occam.data.Dataset;
import dev.occam.glm.Family;

import java.nio.file.Path;
import java.util.List;

/**
 * Checks that a target suits the family before fitting: two classes for binomial, at least two for
 * multinomial, counts ≥ 0 for poisson. The readers do not know the family, so these checks live here.
 */
final class TargetChecks {
    private TargetChecks() { }

    /**
     * @param data the data file as the user named it
     * @param column the target column's name, or null (LibSVM)
     */
    static void check(Path data, String column, Family family, Dataset d) {
        String file = data.toString();
        switch (family) {
            case BINOMIAL -> {
                List<String> c = d.classes();
                if (c.size() != 2) {
                    throw new DataFormatException(file, 0, 0, column, "2 classes for binomial", found(c)
                            + (c.size() > 2 ? "; use --family multinomial" : ""));
                }
            }
            case MULTINOMIAL -> {
                List<String> c = d.classes();
                if (c.size() < 2) {
                    throw new DataFormatException(file, 0, 0, column, "at least 2 classes for multinomial", found(c));
                }
            }
            case POISSON -> {
                double[] y = d.y();
                for (int i = 0; i < y.length; i++) {
                    if (y[i] < 0) {
                        throw RowErrors.at(data, column == null, column, i, "a count >= 0 for poisson",
                                DataFormatException.quote(RowErrors.number(y[i])));
                    }
                }
            }
            case GAUSSIAN -> { }
        }
    }

    private static String found(List<String> classes) {
        if (classes.size() == 1) return "only \"" + classes.get(0) + "\" (a constant target)";
        StringBuilder s = new StringBuilder().append(classes.size()).append(" (");
        for (int k = 0; k < Math.min(classes.size(), 10); k++) {
            if (k > 0) s.append(", ");
            s.append('"').append(classes.get(k)).append('"');
        }
        if (classes.size() > 10) s.append(", ...");
        return s.append(')').toString();
    }
}

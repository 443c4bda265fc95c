package dev.occam.penalty;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A kind of library setting that {@link Conventions} knows: its id, its parameters with the
 * library's defaults, how to build it from given values, and how to build it from a canonical setting.
 *
 * @param id the id, e.g. {@code sklearn-logistic}
 * @param library the library, e.g. {@code sklearn}
 * @param summary what it is, e.g. {@code LogisticRegression(C, penalty, l1_ratio)}
 * @param parameters the parameters it takes
 * @param parser builds the setting from checked values
 * @param fromCanonical the setting of this kind for a canonical one, with its exactness
 */
public record SettingKind(String id, String library, String summary, List<SettingParameter> parameters,
                          Function<SettingValues, LibrarySetting> parser,
                          BiFunction<LibrarySetting.Canonical, ConversionContext, Conversion> fromCanonical) {

    public SettingKind {
        parameters = List.copyOf(parameters);
    }

    /** The setting with the given parameter values (name → text). */
    public LibrarySetting parse(Map<String, String> values) {
        return parser.apply(new SettingValues(id, parameters, values));
    }

    /** The setting of this kind equivalent to {@code canonical}, with its exactness. */
    public Conversion fromCanonical(LibrarySetting.Canonical canonical, ConversionContext context) {
        return fromCanonical.apply(canonical, context);
    }
}

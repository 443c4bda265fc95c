package dev.occam.penalty;

/**
 * One parameter of a library setting, as {@code occam convert} takes it.
 *
 * @param name the library's own name (matched ignoring case, '-' and '_')
 * @param defaultValue the library's default, or null when the parameter must be given
 * @param description what it is, in a few words
 */
public record SettingParameter(String name, String defaultValue, String description) {
    public SettingParameter {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a parameter needs a name");
        if (description == null || description.isBlank()) throw new IllegalArgumentException("parameter " + name + " needs a description");
    }

    /** True when there is no default. */
    public boolean required() {
        return defaultValue == null;
    }

    /** The key under which a name is matched: lower case, without '-' and '_'. */
    static String key(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replace("-", "").replace("_", "");
    }
}

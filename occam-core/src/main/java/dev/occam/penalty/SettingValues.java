package dev.occam.penalty;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parameter values given for one setting kind (as text, e.g. from the command line), checked
 * against the kind's parameters and read with the kind's defaults. Every failure is one line
 * naming the setting and the parameter.
 */
public final class SettingValues {
    private final String kind;
    private final List<SettingParameter> parameters;
    private final Map<String, String> given = new HashMap<>();

    /**
     * @param kind the setting's id, for messages
     * @param parameters the parameters it takes
     * @param values name → text; names are matched ignoring case, '-' and '_' (not modified)
     * @throws IllegalArgumentException for a name the setting does not take, or a name given twice
     */
    public SettingValues(String kind, List<SettingParameter> parameters, Map<String, String> values) {
        this.kind = kind;
        this.parameters = List.copyOf(parameters);
        for (Map.Entry<String, String> e : values.entrySet()) {
            SettingParameter p = find(e.getKey());
            if (p == null) {
                throw new IllegalArgumentException(kind + " has no parameter '" + e.getKey() + "'; its parameters: " + names());
            }
            if (given.put(p.name(), e.getValue()) != null) {
                throw new IllegalArgumentException(kind + ": parameter " + p.name() + " is given twice");
            }
        }
    }

    private SettingParameter find(String name) {
        String k = SettingParameter.key(name);
        for (SettingParameter p : parameters) {
            if (SettingParameter.key(p.name()).equals(k)) return p;
        }
        return null;
    }

    private String names() {
        List<String> n = new ArrayList<>();
        for (SettingParameter p : parameters) n.add(p.name());
        return n.isEmpty() ? "none" : String.join(", ", n);
    }

    /** True when the parameter was given (not defaulted). */
    public boolean has(String name) {
        return given.containsKey(parameter(name).name());
    }

    private SettingParameter parameter(String name) {
        SettingParameter p = find(name);
        if (p == null) throw new IllegalStateException(kind + " declares no parameter " + name);
        return p;
    }

    /** The text given, or the default; fails when neither exists. */
    public String text(String name) {
        SettingParameter p = parameter(name);
        String v = given.get(p.name());
        if (v == null) v = p.defaultValue();
        if (v == null) throw new IllegalArgumentException(kind + " needs parameter " + p.name() + " (" + p.description() + ")");
        return v.strip();
    }

    /** A number (a finite or infinite double; range checks belong to the setting's record). */
    public double number(String name) {
        String t = text(name);
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(kind + ": " + parameter(name).name() + " must be a number; got '" + t + "'");
        }
    }

    /** A number, or NaN when the text is "none" (any case), the default of optional parameters. */
    public double optionalNumber(String name) {
        return text(name).equalsIgnoreCase("none") ? Double.NaN : number(name);
    }

    /** A whole number. */
    public int integer(String name) {
        String t = text(name);
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(kind + ": " + parameter(name).name() + " must be a whole number; got '" + t + "'");
        }
    }

    /** true/false (also TRUE, yes/no, on/off, 1/0). */
    public boolean bool(String name) {
        String t = text(name).toLowerCase(Locale.ROOT);
        return switch (t) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException(kind + ": " + parameter(name).name() + " must be true or false; got '" + t + "'");
        };
    }

    /** One of {@code options} (compared in lower case). */
    public String choice(String name, List<String> options) {
        String t = text(name).toLowerCase(Locale.ROOT);
        if (!options.contains(t)) {
            throw new IllegalArgumentException(kind + ": " + parameter(name).name() + " must be one of " + String.join(", ", options) + "; got '" + t + "'");
        }
        return t;
    }
}

package dev.occam.report;

import tools.jackson.databind.node.ObjectNode;

/**
 * A plot: a Vega-Lite specification with a title shown above it and a caption below it that says
 * what to see. The builders in this package make these; any other Vega-Lite specification works
 * too (start from {@link VegaLite#spec()} so that it names the bundled Vega-Lite's schema).
 *
 * @param title heading of the plot
 * @param caption what the plot shows and what to look for
 * @param spec the Vega-Lite specification, with its data inline (the page never fetches anything);
 *             kept as a private copy, and {@link #spec()} returns a copy
 */
public record Plot(String title, String caption, ObjectNode spec) implements Section {

    public Plot {
        title = Checks.text("plot title", title);
        caption = Checks.text("plot caption", caption);
        if (spec == null) throw new IllegalArgumentException("plot spec must be given; got null");
        spec = spec.deepCopy();
    }

    /** A copy of the specification (the plot itself is immutable). */
    @Override
    public ObjectNode spec() {
        return spec.deepCopy();
    }

    /** The specification as compact JSON. */
    public String specJson() {
        return VegaLite.JSON.writeValueAsString(spec);
    }

    /** This plot with another title. */
    public Plot withTitle(String newTitle) {
        return new Plot(newTitle, caption, spec);
    }

    /** This plot with another caption. */
    public Plot withCaption(String newCaption) {
        return new Plot(title, newCaption, spec);
    }
}

package dev.occam.report;

/** A heading that starts a group of sections. */
public record Heading(String text) implements Section {

    public Heading {
        text = Checks.text("heading", text);
    }
}

package dev.occam.report;

/** A paragraph of plain text (no markup: it is escaped). */
public record Paragraph(String text) implements Section {

    public Paragraph {
        text = Checks.text("paragraph", text);
    }
}

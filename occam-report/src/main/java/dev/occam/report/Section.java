package dev.occam.report;

/** One part of a report, rendered in the order it was added. */
public sealed interface Section permits Plot, Table, Heading, Paragraph {
}

package dev.occam.cli;

import picocli.CommandLine;

import java.util.List;
import java.util.function.Supplier;

/**
 * The subcommands of {@code occam}, registered lazily: picocli reads every option annotation of a
 * command when it is added, which for all seven commands costs about a tenth of a second of every
 * start. When the first argument that is not an option names a subcommand (the tool's own options,
 * {@code -h}, {@code -V}, {@code --verbose}, take no value) only that one is added; otherwise (help,
 * version, a typo that needs suggestions) all are, in this order, the order of {@code occam --help}.
 */
final class Subcommands {
    private Subcommands() { }

    /** A subcommand's name (as in its {@code @Command}) and how to make it. */
    record Entry(String name, Class<?> type, Supplier<Object> create) { }

    static final List<Entry> ALL = List.of(
            new Entry("fit", FitCommand.class, FitCommand::new),
            new Entry("path", PathCommand.class, PathCommand::new),
            new Entry("cv", CvCommand.class, CvCommand::new),
            new Entry("predict", PredictCommand.class, PredictCommand::new),
            new Entry("train", TrainCommand.class, TrainCommand::new),
            new Entry("demo", DemoCommand.class, DemoCommand::new),
            new Entry("convert", ConvertCommand.class, ConvertCommand::new));

    /** Adds to {@code top} the subcommand the first non-option argument names, or all of them; returns {@code top}. */
    static CommandLine register(CommandLine top, String[] args) {
        String first = null;
        for (String a : args) {
            if (!a.startsWith("-")) {
                first = a;
                break;
            }
        }
        for (Entry e : ALL) {
            if (e.name().equals(first)) {
                top.addSubcommand(e.name(), e.create().get());
                return top;
            }
        }
        for (Entry e : ALL) top.addSubcommand(e.name(), e.create().get());
        return top;
    }
}

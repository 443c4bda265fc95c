package dev.occam.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import static org.assertj.core.api.Assertions.assertThat;

/** The lazy registration of subcommands keeps their names, their order and the help of the whole tool. */
class SubcommandsTest {

    @Test
    void eachEntryHasTheNameOfItsCommandAnnotation() {
        for (Subcommands.Entry e : Subcommands.ALL) {
            assertThat(e.type().getAnnotation(Command.class).name()).as(e.type().getSimpleName()).isEqualTo(e.name());
            assertThat(e.create().get()).isInstanceOf(e.type());
        }
    }

    @Test
    void aNamedSubcommandIsAddedAloneOtherwiseAllInHelpOrder() {
        CommandLine one = Subcommands.register(new CommandLine(new Occam()), new String[] {"predict", "--help"});
        assertThat(one.getSubcommands().keySet()).containsExactly("predict");
        CommandLine afterOption = Subcommands.register(new CommandLine(new Occam()), new String[] {"--verbose", "fit", "--help"});
        assertThat(afterOption.getSubcommands().keySet()).containsExactly("fit");
        CommandLine all = Subcommands.register(new CommandLine(new Occam()), new String[] {"--help"});
        assertThat(all.getSubcommands().keySet()).containsExactly("fit", "path", "cv", "predict", "train", "demo", "convert");
        assertThat(CliRun.of("--help").ok().out()).containsSubsequence("fit", "path", "cv", "predict", "train", "demo", "convert");
        assertThat(CliRun.of("prdict").userError()).contains("did you mean").contains("predict");
    }
}

package dev.occam.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks made before any work so that a long fit does not end in "cannot write". */
final class Outputs {
    private Outputs() { }

    /** Fails with one line when {@code out} cannot be created: no such directory, or a directory in the way. */
    static void checkWritable(CommandLine cmd, String option, Path out) {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new ParameterException(cmd, "cannot write " + out + " (" + option + "): directory " + parent + " does not exist");
        }
        if (Files.isDirectory(out)) {
            throw new ParameterException(cmd, "cannot write " + out + " (" + option + "): it is a directory");
        }
    }
}

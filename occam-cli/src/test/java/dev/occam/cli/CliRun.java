package dev.occam.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the CLI in-process and captures what it prints. */
record CliRun(int status, String out, String err) {

    static CliRun of(Object... args) {
        String[] a = new String[args.length];
        for (int i = 0; i < args.length; i++) a[i] = String.valueOf(args[i]);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Occam.run(a, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(status, out.toString(), err.toString());
    }

    List<String> errLines() {
        return err.lines().toList();
    }

    /** Asserts a user error: status 2 and exactly one line "occam: ..." with no stack trace; returns the message. */
    String userError() {
        assertThat(status).as("exit status; stderr: %s", err).isEqualTo(Occam.USER_ERROR);
        assertThat(errLines()).as("stderr").hasSize(1);
        assertThat(err).startsWith("occam: ").doesNotContain("\tat ").doesNotContain("Exception");
        return errLines().get(0).substring("occam: ".length());
    }

    /** Asserts success and returns this. */
    CliRun ok() {
        assertThat(status).as("exit status; stderr: %s", err).isZero();
        return this;
    }
}

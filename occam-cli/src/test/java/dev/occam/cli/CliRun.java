package dev.occam.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the CLI in-process and captures what it prints (public: the tests of dev.occam.cli.robust use it too). */
public record CliRun(int status, String out, String err) {

    public static CliRun of(Object... args) {
        String[] a = new String[args.length];
        for (int i = 0; i < args.length; i++) a[i] = String.valueOf(args[i]);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Occam.run(a, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(status, out.toString(), err.toString());
    }

    public List<String> errLines() {
        return err.lines().toList();
    }

    /** Asserts a user error: status 2 and exactly one line "occam: ..." with no stack trace; returns the message. */
    public String userError() {
        assertThat(status).as("exit status; stderr: %s", err).isEqualTo(Occam.USER_ERROR);
        assertThat(errLines()).as("stderr").hasSize(1);
        assertThat(err).startsWith("occam: ").doesNotContain("\tat ").doesNotContain("Exception");
        return errLines().get(0).substring("occam: ".length());
    }

    /** Asserts success and returns this. */
    public CliRun ok() {
        assertThat(status).as("exit status; stderr: %s", err).isZero();
        return this;
    }

    /** Asserts success; returns the warnings printed (stderr lines that say "warning"). */
    public List<String> warnings() {
        ok();
        return errLines().stream().filter(l -> l.contains("warning")).toList();
    }
}

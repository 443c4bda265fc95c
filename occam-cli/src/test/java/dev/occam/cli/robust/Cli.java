package dev.occam.cli.robust;

import dev.occam.cli.Occam;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the CLI in-process and captures its status, stdout and stderr. */
record Cli(int status, String out, String err) {

    static Cli run(Object... args) {
        String[] a = new String[args.length];
        for (int i = 0; i < args.length; i++) a[i] = String.valueOf(args[i]);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Occam.run(a, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Cli(status, out.toString(), err.toString());
    }

    List<String> errLines() {
        return err.lines().toList();
    }

    /** Asserts a user error: status 2 and one line "occam: …" without a trace; returns the message. */
    String userError() {
        assertThat(status).as("exit status; stderr: %s", err).isEqualTo(Occam.USER_ERROR);
        assertThat(errLines()).as("stderr").hasSize(1);
        assertThat(err).startsWith("occam: ").doesNotContain("\tat ").doesNotContain("Exception");
        return errLines().get(0).substring("occam: ".length());
    }

    /** Asserts success; returns the warnings printed (stderr lines that say "warning"). */
    List<String> warnings() {
        assertThat(status).as("exit status; stderr: %s", err).isZero();
        return errLines().stream().filter(l -> l.contains("warning")).toList();
    }
}

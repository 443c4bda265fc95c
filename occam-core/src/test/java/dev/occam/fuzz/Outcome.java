package dev.occam.fuzz;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What reading one file gave: a description of the result, or the message of the reader's own
 * error. Any other exception or error is not caught here, so it reaches Jazzer as a finding (a
 * crash). Equal outcomes mean equal results or the same message, so two ways of reading a file
 * can be compared.
 *
 * @param result a description of what was read, or null when the read failed
 * @param error the one-line message of the reader's error, or null when the read succeeded
 */
record Outcome(String result, String error) {

    /** A read whose result is described by a string (null: this way of reading declined the file). */
    interface Read {
        String run() throws Exception;
    }

    /**
     * Runs {@code read}; an exception of type {@code expected} becomes an error outcome after
     * checking that its message is one line naming {@code file}. Returns null when the read
     * returned null.
     */
    static Outcome of(Path file, Class<? extends RuntimeException> expected, Read read) throws Exception {
        String result;
        try {
            result = read.run();
        } catch (RuntimeException e) {
            if (!expected.isInstance(e)) throw e;
            String m = e.getMessage();
            assertTrue(m != null && m.startsWith(file.toString()), () -> "message does not name the file: " + m);
            assertFalse(m.contains("\n") || m.contains("\r"), () -> "message is not one line: " + m);
            return new Outcome(null, m);
        }
        return result == null ? null : new Outcome(result, null);
    }
}

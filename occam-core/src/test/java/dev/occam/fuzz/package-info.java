/**
 * Fuzz tests of every file reader (Jazzer {@code @FuzzTest}s): any bytes either read or fail with
 * Occam's own one-line error naming the file. Plain {@code mvn test} replays the committed corpus
 * under {@code src/test/resources/dev/occam/fuzz/ReaderFuzzTestInputs/<method>/}; {@code bin/fuzz}
 * fuzzes one reader for a given time (see docs/reliability.md).
 */
package dev.occam.fuzz;

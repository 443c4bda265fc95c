/**
 * The {@code occam} command (picocli): {@code fit}, {@code path} and {@code predict}. Each command
 * reads its input through the core readers, calls the library, and writes its output atomically. A
 * user error of any kind ends with one line {@code occam: <message>} on stderr and exit status 2;
 * an internal error with {@code occam: internal error: ...} and status 1.
 */
package dev.occam.cli;

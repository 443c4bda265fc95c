/**
 * Robustness of the {@code occam} command (issue 10): the numerical edge cases as the user meets
 * them ({@code EdgeCasesCliTest}) and data larger than the heap ({@code MemoryCliTest}, in a child
 * JVM with a small -Xmx).
 */
package dev.occam.cli.robust;

/**
 * Robustness tests (issue 10): files survive SIGKILL while being written and training resumes bit
 * for bit after one ({@code KillDuringWriteTest}, {@code KillDuringTrainingTest}, which kill real
 * child JVMs), numerical edge cases of the elastic-net driver ({@code EdgeCasesTest}), and loaded
 * models and fits used from many threads at once ({@code ConcurrencyTest}).
 */
package dev.occam.robust;

/**
 * Peak resident memory of whole {@code occam} processes against the accounting of
 * {@code docs/memory.md} (issue 10): {@link dev.occam.bench.memory.MemoryBench} writes CSVs of a
 * few n × p, runs each command on them as a child process, samples its peak RSS
 * ({@link dev.occam.bench.memory.PeakRss}) and prints a table beside the formula
 * ({@link dev.occam.bench.memory.MemoryFormula}). Driven by {@code scripts/memory/run_memory.sh};
 * never run by the tests.
 */
package dev.occam.bench.memory;

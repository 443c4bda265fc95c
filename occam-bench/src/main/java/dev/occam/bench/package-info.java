/**
 * Side-by-side benchmarks of the elastic-net path against R glmnet and scikit-learn.
 *
 * <p>{@link dev.occam.bench.DataGenerator} writes each benchmark data set once (seeded) in a plain
 * little-endian binary layout ({@link dev.occam.bench.BenchFiles}) that R, Python and Java all read
 * without parsing; {@link dev.occam.bench.PathBench} times {@code ElasticNet.path} on it and writes
 * the coefficients so that one evaluator can compare every tool's objective at every λ. The whole
 * run is driven by {@code occam-bench/run.sh}; see {@code docs/benchmarks.md}. Nothing here is a
 * test: speed is only ever measured by these programs, never asserted in the build.
 */
package dev.occam.bench;

/**
 * Side-by-side benchmark of Occam on Spark against Spark MLlib ({@link dev.occam.spark.bench.SparkBenchmark});
 * a program run by hand, never by the tests.
 */
package dev.occam.spark.bench;

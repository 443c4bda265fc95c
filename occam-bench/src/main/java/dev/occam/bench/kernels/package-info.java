/**
 * JMH microbenchmarks of the column kernels coordinate descent spends its time in: a dense
 * column dot product and axpy at n = 100 000, a sparse column dot product at 0.1 % density, and
 * one column of the Gram matrix (the covariance-update step). Run them with
 * {@code java -jar occam-bench/target/occam-bench.jar 'dev.occam.bench.kernels.*'}; they are never
 * part of the build's tests.
 */
package dev.occam.bench.kernels;

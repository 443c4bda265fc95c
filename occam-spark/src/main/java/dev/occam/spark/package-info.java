/**
 * Occam on Apache Spark: the same exact elastic-net paths as occam-core when the rows live in a
 * Spark {@code Dataset}. Gaussian paths and their cross-validation cost one distributed pass
 * (weighted sufficient statistics by {@code treeAggregate}, then occam-core's covariance path on
 * the driver); binomial and poisson cost one pass per IRLS step.
 */
package dev.occam.spark;

/**
 * Occam on Apache Spark: the same exact elastic-net paths as occam-core when the rows live in a
 * Spark {@code Dataset}. Gaussian paths and their cross-validation cost one distributed pass
 * (weighted sufficient statistics by {@code treeAggregate}, then occam-core's covariance path on
 * the driver); binomial and poisson run distributed IRLS with several λ per pass (about one pass
 * per λ), or distributed proximal gradient when p is too large for a p×p matrix on the driver.
 */
package dev.occam.spark;

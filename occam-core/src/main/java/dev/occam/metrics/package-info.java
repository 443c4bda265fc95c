/**
 * Measures of fit on data a model did not see: unit deviances per family, squared and absolute
 * error, R², misclassification, log-loss and AUC, each with optional sample weights.
 *
 * <p>Every measure has a per-observation kernel that writes into a caller's buffer (static methods
 * on {@code double[]}, no validation inside the loop) and a weighted mean built on it. Weights are
 * the sample weights v of DESIGN.md (null means all 1); a weighted mean is Σ v_i m_i / Σ v_i.
 * Cross-validation ({@code dev.occam.select}) uses the kernels per held-out fold.
 */
package dev.occam.metrics;

/**
 * {@code occam demo}, the main job: the story of regularization on bundled data, one class per
 * chapter (polynomial overfitting, lasso vs ridge vs elastic net by cross-validation, L1 sparsity
 * and its geometry, weight decay in a network), assembled into one report by {@link dev.occam.report.demo.Demo}.
 */
package dev.occam.report.demo;

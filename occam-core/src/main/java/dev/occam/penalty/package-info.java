/**
 * Penalties in Occam's canonical scaling λ·Σ f_j[α|w_j| + (1−α)/2·w_j²]: value, proximal operator
 * and gradient of the smooth part ({@link dev.occam.penalty.Penalty}); glmnet's rescaling of
 * penalty factors ({@link dev.occam.penalty.PenaltyFactors}); and {@link dev.occam.penalty.Conventions},
 * the exact translation of a regularization setting between the canonical form and glmnet,
 * scikit-learn, liblinear, Keras, PyTorch, Spark and Smile — each {@link dev.occam.penalty.Conversion}
 * says whether it is exact, exact under a condition, or impossible, and why.
 */
package dev.occam.penalty;

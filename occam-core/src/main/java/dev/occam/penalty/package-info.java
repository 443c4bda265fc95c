/**
 * Penalties in Occam's canonical scaling λ·Σ f_j[α|w_j| + (1−α)/2·w_j²]: value, proximal operator
 * and gradient of the smooth part.
 */
package dev.occam.penalty;

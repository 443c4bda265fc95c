/**
 * Multi-layer perceptrons trained by the optimizers of {@link dev.occam.optim}: parameters,
 * layers with forward and backward side by side, losses, seeded initialisation, Keras-style
 * regularizers, and a {@link dev.occam.nn.Trainer} with history, early stopping, atomic
 * checkpoints and divergence handling.
 *
 * <p>Numbers are float32. Batches are row-major {@code float[]} (row r of a batch of width w at
 * {@code r*w}); a dense layer's weight ("kernel") is stored inputs × outputs, row-major, so the
 * forward pass is Y = X·W + b through {@link dev.occam.nn.FloatGemm}.
 *
 * <p>Objective trained (DESIGN.md): the mean over the batch of the per-row loss, plus the
 * layers' regularizer penalties, plus whatever the optimizer adds (coupled L2, decoupled decay,
 * L1 proximal step). The exact relation between a regularizer and optimizer decay is in
 * {@link dev.occam.nn.Regularizer}.
 */
package dev.occam.nn;

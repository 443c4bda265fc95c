/**
 * Optimizers as chains of small gradient transformations (the optax design, in Java).
 *
 * <p>A {@link dev.occam.optim.GradientTransform} holds only settings. Its state is explicit: an
 * {@link dev.occam.optim.OptState} made by {@code init} for a list of parameter shapes and
 * advanced by {@code update}, which turns gradients into updates in place. Stages compose with
 * {@link dev.occam.optim.Transforms#chain}; the named optimizers in
 * {@link dev.occam.optim.Optimizers} are such chains, and the difference between Adam with an L2
 * penalty and AdamW is only where the decay stage sits:
 *
 * <pre>
 *   adam  + L2 : chain(addDecayedWeights(wd), scaleByAdam(), scaleByLearningRate(η))
 *   adamw      : chain(scaleByAdam(), addDecayedWeights(wd), scaleByLearningRate(η))
 * </pre>
 * (The named AdamW places an explicit {@code decoupledWeightDecay} stage after the learning rate,
 * which equals the second line to float precision and also offers decay that follows only the
 * schedule; see {@link dev.occam.optim.DecayScaling}.)
 *
 * <p>Masks ({@link dev.occam.optim.Mask}) decide which parameters a stage touches; decay stages
 * leave biases alone unless told otherwise. Parameters are float32 ({@code float[]}); per-element
 * arithmetic follows PyTorch's order of operations so trajectories agree with PyTorch 1.13 to
 * float precision.
 */
package dev.occam.optim;

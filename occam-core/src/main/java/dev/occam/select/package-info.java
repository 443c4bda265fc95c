/**
 * Choosing λ (and α) honestly: k-fold cross-validation of the elastic-net path as glmnet's
 * {@code cv.glmnet} does it, with {@code lambda.min} and {@code lambda.1se}, and a grid over α.
 *
 * <ul>
 *   <li>{@link dev.occam.select.Folds}: which fold each row belongs to — random, stratified by
 *       class, or given by the user (glmnet's {@code foldid}).</li>
 *   <li>{@link dev.occam.select.Measure}: what is averaged over held-out rows (deviance, MSE, MAE,
 *       misclassification, AUC).</li>
 *   <li>{@link dev.occam.select.CrossValidation}: runs the folds (in parallel) and combines them
 *       into a {@link dev.occam.select.CvResult}; {@link dev.occam.select.AlphaGrid} repeats it over
 *       several α with the same folds.</li>
 *   <li>{@link dev.occam.select.LambdaChoice}: the rules for {@code lambda.min} and
 *       {@code lambda.1se}.</li>
 * </ul>
 */
package dev.occam.select;

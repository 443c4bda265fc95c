/**
 * Generalized linear models solved exactly: the elastic-net path by coordinate descent (driver →
 * path → point, as glmnet), families, results ({@link dev.occam.glm.GlmPath},
 * {@link dev.occam.glm.LinearModel}) and ridge in closed form.
 */
package dev.occam.glm;

/**
 * Data: the design matrix (dense column-major or sparse CSC), data sets with targets, sample
 * weights and names, and the file readers that build them with clear errors for bad input.
 */
package dev.occam.data;

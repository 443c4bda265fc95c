/**
 * Files Occam writes and reads back: versioned JSON model files ({@link dev.occam.io.ModelFile}),
 * coefficient paths as CSV ({@link dev.occam.io.PathCsv}), and atomic writes
 * ({@link dev.occam.io.AtomicFiles}) so that no reader ever sees a half-written output.
 */
package dev.occam.io;

/**
 * A self-contained HTML report of what regularization does, readable offline.
 *
 * <p>A {@link dev.occam.report.Report} collects sections — {@link dev.occam.report.Plot}s,
 * {@link dev.occam.report.Table}s, headings and paragraphs — and writes one {@code index.html}
 * atomically. Each plot is a <a href="https://vega.github.io/vega-lite/">Vega-Lite</a>
 * specification built here as JSON and drawn in the page by vega-embed; the Vega, Vega-Lite and
 * vega-embed builds (BSD-3-Clause, fetched from npm by {@code occam-report/vendor.sh}) are inlined
 * into the page with their licences, so the page needs no network.
 *
 * <p>One small class per picture, each taking plain arrays or Occam result objects and giving a
 * {@link dev.occam.report.Plot} with a title and a caption that says what to see:
 * <ul>
 *   <li>{@link dev.occam.report.CvCurvePlot} — cross-validation curve with error bars, λ.min and λ.1se;</li>
 *   <li>{@link dev.occam.report.CoefficientPathPlot} — coefficients against λ (log scale), largest labelled;</li>
 *   <li>{@link dev.occam.report.WeightHistogramPlot} — weight histograms side by side, exact zeros apart;</li>
 *   <li>{@link dev.occam.report.LossCurvePlot} and {@link dev.occam.report.WeightNormPlot} — training
 *       and validation loss, weight norm and share of exact zeros per epoch ({@link dev.occam.report.TrainingRun});</li>
 *   <li>{@link dev.occam.report.PolynomialFitPlot} — a polynomial fit, wiggly without a penalty and smooth with one;</li>
 *   <li>{@link dev.occam.report.ConstraintPlot} — the L1 diamond and L2 circle with the loss contours that
 *       touch them, from the geometry computed by {@link dev.occam.report.ConstraintGeometry}.</li>
 * </ul>
 *
 * <p>Data values must be finite (JSON has no NaN); builders reject anything else with a message
 * naming the array and index, except where a caption says non-finite values are left out.
 */
package dev.occam.report;

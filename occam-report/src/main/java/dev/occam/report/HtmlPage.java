package dev.occam.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Renders a report as one HTML page: styles, the vendored Vega builds and every plot's
 * specification inline, so that the file opens offline from anywhere it is copied to.
 *
 * <p>Each plot is a {@code <div class="occam-plot" id="occam-plot-i">} followed by its
 * specification in {@code <script type="application/json" id="occam-spec-i">}. A script at the end
 * draws each with vega-embed as SVG and marks the div {@code data-occam-status="drawn"} or
 * {@code "failed"}; when all are settled it sets {@code data-occam-rendered="drawn/total"} on
 * {@code <main id="occam-report">}. A hook installed before anything else records uncaught errors, rejected promises and
 * console errors and warnings in {@code #occam-errors}, which becomes visible when not empty — the
 * reader sees that something went wrong, and the browser test checks that nothing did.
 */
final class HtmlPage {
    private HtmlPage() { }

    private static final String STYLE = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto;
                   max-width: 1100px; padding: 1.5rem; color: #222; line-height: 1.45; }
            h1 { margin-bottom: 0.2rem; }
            h2 { margin-top: 2.2rem; border-bottom: 1px solid #ddd; padding-bottom: 0.2rem; }
            h3 { margin-bottom: 0.4rem; }
            .caption { color: #444; max-width: 60rem; margin-top: 0.3rem; }
            .occam-plot { overflow-x: auto; }
            table { border-collapse: collapse; margin-top: 0.4rem; }
            th, td { border-bottom: 1px solid #ddd; padding: 0.25rem 0.8rem; text-align: left; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            #occam-errors { border: 2px solid #c00; background: #fee; padding: 0.5rem 1rem; margin: 1rem 0; }
            footer { margin-top: 3rem; color: #666; font-size: 0.9rem; }
            footer pre { white-space: pre-wrap; font-size: 0.75rem; max-height: 30rem; overflow-y: auto; }
            """;

    /** Installed first, so that it also sees errors thrown while the libraries load. */
    private static final String ERROR_HOOK = """
            (function () {
              function text(args) {
                return Array.prototype.map.call(args, function (a) {
                  return a instanceof Error ? (a.stack || String(a)) : String(a);
                }).join(' ');
              }
              function record(kind, message) {
                var box = document.getElementById('occam-errors');
                if (!box) { (window.occamPending = window.occamPending || []).push([kind, message]); return; }
                var line = document.createElement('p');
                line.className = 'occam-' + kind;
                line.textContent = kind + ': ' + message;
                box.appendChild(line);
                box.hidden = false;
              }
              window.occamRecord = record;
              window.addEventListener('error', function (e) {
                record('error', e.message + ' (' + e.filename + ':' + e.lineno + ')');
              });
              window.addEventListener('unhandledrejection', function (e) {
                record('error', 'unhandled rejection: ' + text([e.reason]));
              });
              var error = console.error, warn = console.warn;
              console.error = function () { record('error', text(arguments)); error.apply(console, arguments); };
              console.warn = function () { record('warning', text(arguments)); warn.apply(console, arguments); };
            })();
            """;

    private static final String RUNNER = """
            (function () {
              (window.occamPending || []).forEach(function (p) { window.occamRecord(p[0], p[1]); });
              var main = document.getElementById('occam-report');
              var plots = document.querySelectorAll('.occam-plot');
              var pending = plots.length, drawn = 0;
              function settled() {
                if (--pending === 0) main.setAttribute('data-occam-rendered', drawn + '/' + plots.length);
              }
              if (pending === 0) main.setAttribute('data-occam-rendered', '0/0');
              plots.forEach(function (el) {
                var id = el.getAttribute('data-occam-plot');
                var title = el.getAttribute('data-occam-title');
                try {
                  var spec = JSON.parse(document.getElementById('occam-spec-' + id).textContent);
                  vegaEmbed(el, spec, { renderer: 'svg',
                                        actions: { export: true, source: false, compiled: false, editor: false } })
                    .then(function () { el.setAttribute('data-occam-status', 'drawn'); drawn++; })
                    .catch(function (e) {
                      el.setAttribute('data-occam-status', 'failed');
                      console.error('plot "' + title + '" not drawn: ' + e);
                    })
                    .then(settled);
                } catch (e) {
                  el.setAttribute('data-occam-status', 'failed');
                  console.error('plot "' + title + '" not drawn: ' + e);
                  settled();
                }
              });
            })();
            """;

    static void write(Writer out, String title, List<Section> sections, VendorScripts vendor) throws IOException {
        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.write("<meta name=\"generator\" content=\"Occam\">\n");
        out.write("<title>" + escape(title) + "</title>\n<style>\n" + STYLE + "</style>\n");
        out.write("<script>\n" + ERROR_HOOK + "</script>\n");
        for (VendorScripts.Script s : vendor.scripts()) {
            out.write("<script>/*! " + s.packageName() + " " + s.version()
                    + " | BSD-3-Clause | licence text in the page's \"Third-party licences\" section */\n");
            out.write(s.source());
            out.write("\n</script>\n");
        }
        out.write("</head>\n<body>\n<header><h1>" + escape(title) + "</h1></header>\n");
        out.write("<div id=\"occam-errors\" hidden></div>\n<main id=\"occam-report\">\n");
        int plotIndex = 0;
        for (Section section : sections) {
            if (section instanceof Plot p) {
                writePlot(out, p, plotIndex++);
            } else if (section instanceof Table t) {
                writeTable(out, t);
            } else if (section instanceof Heading h) {
                out.write("<h2>" + escape(h.text()) + "</h2>\n");
            } else if (section instanceof Paragraph p) {
                out.write("<p>" + escape(p.text()) + "</p>\n");
            }
        }
        out.write("</main>\n<noscript><p>The plots are drawn by JavaScript, which is turned off.</p></noscript>\n");
        out.write("<footer>\n<p>Written by Occam. Plots: Vega-Lite " + vendor.vegaLiteVersion() + " specifications drawn by vega-embed "
                + vendor.vegaEmbedVersion() + " and Vega " + vendor.vegaVersion()
                + " (University of Washington Interactive Data Lab, BSD-3-Clause), included in this page.</p>\n");
        out.write("<details><summary>Third-party licences</summary>\n<pre>" + escape(vendor.licences()) + "</pre>\n</details>\n");
        out.write("</footer>\n<script>\n" + RUNNER + "</script>\n</body>\n</html>\n");
    }

    private static void writePlot(Writer out, Plot plot, int index) throws IOException {
        out.write("<section class=\"plot\">\n<h3>" + escape(plot.title()) + "</h3>\n");
        out.write("<div class=\"occam-plot\" id=\"occam-plot-" + index + "\" data-occam-plot=\"" + index
                + "\" data-occam-title=\"" + escape(plot.title()) + "\"></div>\n");
        out.write("<p class=\"caption\">" + escape(plot.caption()) + "</p>\n");
        out.write("<script type=\"application/json\" id=\"occam-spec-" + index + "\">" + scriptSafeJson(plot.specJson())
                + "</script>\n</section>\n");
    }

    private static void writeTable(Writer out, Table table) throws IOException {
        out.write("<section class=\"table\">\n<h3>" + escape(table.title()) + "</h3>\n<table>\n<thead><tr>");
        for (String c : table.columns()) out.write("<th>" + escape(c) + "</th>");
        out.write("</tr></thead>\n<tbody>\n");
        for (List<String> row : table.rows()) {
            out.write("<tr>");
            for (String cell : row) {
                out.write(isNumber(cell) ? "<td class=\"num\">" : "<td>");
                out.write(escape(cell) + "</td>");
            }
            out.write("</tr>\n");
        }
        out.write("</tbody>\n</table>\n");
        if (table.caption() != null) out.write("<p class=\"caption\">" + escape(table.caption()) + "</p>\n");
        out.write("</section>\n");
    }

    private static boolean isNumber(String cell) {
        return cell.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?%?|NaN|-?Infinity");
    }

    /**
     * JSON inside a {@code <script>} element: "<" may occur only inside JSON strings, where the
     * escape backslash-u-003c means the same, so no {@code </script>} or {@code <!--} can end the
     * element early.
     */
    static String scriptSafeJson(String json) {
        return json.replace("<", "\\u003c");
    }

    /** Text for HTML content and attribute values. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}

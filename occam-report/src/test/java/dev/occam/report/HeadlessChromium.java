package dev.occam.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens a page in Debian's headless Chromium and returns the DOM after its scripts ran
 * ({@code --dump-dom} with a virtual-time budget, so timers and promises settle without waiting in
 * real time) and Chromium's log, where console messages appear as {@code CONSOLE} lines. No host
 * name resolves, so a page that needed the network would fail to draw.
 */
final class HeadlessChromium {
    private HeadlessChromium() { }

    static final Path BINARY = Path.of("/usr/bin/chromium");
    /** What CI installs: {@code apt-get install -y chromium}. */
    static final String MISSING = "/usr/bin/chromium is absent: browser test skipped (install it with `apt-get install -y chromium`)";

    record Result(String dom, String log) {

        /** Console messages Chromium logged for the page. */
        List<String> consoleLines() {
            return log.lines().filter(l -> l.contains(":CONSOLE")).toList();
        }

        /** The opening tag of the element with this id (null if absent). */
        String openingTag(String id) {
            Matcher m = Pattern.compile("<[a-z]+[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(dom);
            return m.find() ? m.group() : null;
        }

        /** The value of an attribute in an opening tag (null if absent). */
        static String attribute(String tag, String name) {
            Matcher m = Pattern.compile("\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(tag);
            return m.find() ? m.group(1) : null;
        }

        /** The markup of plot i: from its container up to its caption (which follows the container). */
        String plotMarkup(int i) {
            String tag = openingTag("occam-plot-" + i);
            if (tag == null) return null;
            int start = dom.indexOf(tag);
            int end = dom.indexOf("<p class=\"caption\">", start);
            return dom.substring(start, end < 0 ? dom.length() : end);
        }

        /** Vega's descriptions of guides, which are graphics symbols too but show no data. */
        private static final java.util.Set<String> GUIDES = java.util.Set.of("axis", "legend", "title");

        /**
         * Drawn mark items of a plot by kind ("rule", "point", "line", "bar", "text", ...): the SVG
         * elements Vega describes as one graphics symbol each, without axes, legends and titles.
         */
        Map<String, Integer> markItems(int i) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            String markup = plotMarkup(i);
            if (markup == null) return counts;
            Matcher m = Pattern.compile("role=\"graphics-symbol\" aria-roledescription=\"([a-z]+)(?: mark)?\"").matcher(markup);
            while (m.find()) {
                if (!GUIDES.contains(m.group(1))) counts.merge(m.group(1), 1, Integer::sum);
            }
            return counts;
        }

        /** Text of the error box's lines. */
        List<String> recordedProblems() {
            List<String> out = new ArrayList<>();
            Matcher m = Pattern.compile("<p class=\"occam-(error|warning)\">([^<]*)</p>").matcher(dom);
            while (m.find()) out.add(m.group(2));
            return out;
        }
    }

    /** Renders {@code page} (a local file) and returns the DOM and the log; fails if Chromium does not finish within 60 s. */
    static Result render(Path page, Path scratch) throws IOException, InterruptedException {
        Path profile = Files.createDirectories(scratch.resolve("profile"));
        Path out = scratch.resolve("dom.html");
        Path log = scratch.resolve("chromium.log");
        List<String> command = List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                // No host resolves: the page must draw everything offline.
                "--host-resolver-rules=MAP * ~NOTFOUND", "--enable-logging=stderr", "--v=0",
                "--virtual-time-budget=10000", "--dump-dom", page.toUri().toString());
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(log.toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish rendering " + page + " within 60 s");
        }
        String logText = Files.readString(log, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new AssertionError("chromium exited with " + process.exitValue() + ":\n" + logText);
        }
        return new Result(Files.readString(out, StandardCharsets.UTF_8), logText);
    }
}

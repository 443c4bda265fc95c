package dev.occam.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The vendored Vega, Vega-Lite and vega-embed builds and their licences, read once from the
 * classpath ({@code dev/occam/report/vendor/}, written by {@code occam-report/vendor.sh}).
 *
 * @param scripts the three builds in load order (vega-lite needs vega, vega-embed needs both)
 * @param versions package name → version, from {@code versions.properties}
 * @param licences licence texts to repeat in the page: each package's LICENSE, then the bundled third parties'
 */
record VendorScripts(List<Script> scripts, Properties versions, String licences) {

    private static final String BASE = "vendor/";

    /** One inlined build. */
    record Script(String packageName, String version, String source) { }

    String vegaVersion() {
        return versions.getProperty("vega");
    }

    String vegaLiteVersion() {
        return versions.getProperty("vega-lite");
    }

    String vegaEmbedVersion() {
        return versions.getProperty("vega-embed");
    }

    /** The builds, loaded on first use and shared (about 0.8 MB of text). */
    static VendorScripts load() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final VendorScripts INSTANCE = read();
    }

    private static VendorScripts read() {
        Properties versions = new Properties();
        try {
            versions.load(new StringReader(resource("versions.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Script> scripts = List.of(
                script("vega", versions, "vega.min.js"),
                script("vega-lite", versions, "vega-lite.min.js"),
                script("vega-embed", versions, "vega-embed.min.js"));
        StringBuilder licences = new StringBuilder();
        for (Script s : scripts) {
            licences.append(s.packageName()).append(' ').append(s.version()).append('\n')
                    .append(resource(s.packageName() + ".LICENSE").strip()).append("\n\n");
        }
        licences.append(resource("THIRD-PARTY-LICENSES.txt").strip()).append('\n');
        return new VendorScripts(scripts, versions, licences.toString());
    }

    private static Script script(String name, Properties versions, String file) {
        String version = versions.getProperty(name);
        if (version == null || !version.matches("\\d+\\.\\d+\\.\\d+")) {
            throw new IllegalStateException("vendor/versions.properties: no version for " + name + "; got " + version
                    + " (run occam-report/vendor.sh)");
        }
        String source = resource(file);
        checkInlinable(file, source);
        return new Script(name, version, source);
    }

    /**
     * The page inlines each build in a {@code <script>} element, whose content ends at the first
     * {@code </script} and is parsed differently after {@code <!--}: a build containing either
     * cannot be inlined as it is (vendor.sh refuses such builds too).
     */
    static void checkInlinable(String file, String source) {
        String lower = source.toLowerCase(Locale.ROOT);
        if (lower.contains("</script") || lower.contains("<!--")) {
            throw new IllegalStateException(file + " contains \"</script\" or \"<!--\" and cannot be inlined in the page");
        }
    }

    private static String resource(String name) {
        try (InputStream in = VendorScripts.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource dev/occam/report/" + BASE + name + " (run occam-report/vendor.sh)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

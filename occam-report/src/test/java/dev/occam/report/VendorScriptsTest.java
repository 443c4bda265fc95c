package dev.occam.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The committed builds are the ones vendor.sh pins, unmodified, and can be inlined. */
class VendorScriptsTest {

    @Test
    void versionsMatchThePinsInVendorSh() throws IOException {
        String script = Files.readString(Path.of("vendor.sh"));
        VendorScripts vendor = VendorScripts.load();
        assertThat(vendor.vegaVersion()).isEqualTo(pin(script, "VEGA_VERSION"));
        assertThat(vendor.vegaLiteVersion()).isEqualTo(pin(script, "VEGA_LITE_VERSION"));
        assertThat(vendor.vegaEmbedVersion()).isEqualTo(pin(script, "VEGA_EMBED_VERSION"));
        assertThat(VegaLite.schemaUrl()).isEqualTo("https://vega.github.io/schema/vega-lite/v"
                + vendor.vegaLiteVersion().split("\\.")[0] + ".json");
    }

    @Test
    void buildsMatchTheirRecordedChecksums() throws Exception {
        String sums = resource("SHA256SUMS");
        int checked = 0;
        for (String line : sums.strip().split("\n")) {
            String[] parts = line.split("\\s+");
            assertThat(sha256("vendor/" + parts[1])).as(parts[1]).isEqualTo(parts[0]);
            checked++;
        }
        assertThat(checked).isEqualTo(3);
    }

    @Test
    void eachBuildIsTheLibraryItClaimsToBe() {
        VendorScripts vendor = VendorScripts.load();
        assertThat(vendor.scripts()).extracting(VendorScripts.Script::packageName)
                .containsExactly("vega", "vega-lite", "vega-embed");
        // The UMD builds define these globals, and vega-lite embeds its own version string.
        assertThat(vendor.scripts().get(0).source()).contains(".vega={}");
        assertThat(vendor.scripts().get(1).source()).contains(".vegaLite={}", "\"" + vendor.vegaLiteVersion() + "\"");
        assertThat(vendor.scripts().get(2).source()).contains(".vegaEmbed=");
        assertThat(vendor.licences()).contains("Copyright (c)", "University of Washington Interactive Data Lab");
    }

    @Test
    void aBuildThatWouldEndItsScriptElementIsRefused() {
        assertThatThrownBy(() -> VendorScripts.checkInlinable("x.js", "var s = '</SCRIPT>';"))
                .hasMessage("x.js contains \"</script\" or \"<!--\" and cannot be inlined in the page");
        assertThatThrownBy(() -> VendorScripts.checkInlinable("x.js", "a <!-- b"))
                .isInstanceOf(IllegalStateException.class);
        VendorScripts.checkInlinable("x.js", "if (a < b && c > d) {}");
    }

    private static String pin(String script, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "=(\\S+)$").matcher(script);
        assertThat(m.find()).as(name + " in vendor.sh").isTrue();
        return m.group(1);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = VendorScripts.class.getResourceAsStream("vendor/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static String sha256(String name) throws IOException, NoSuchAlgorithmException {
        try (InputStream in = VendorScripts.class.getResourceAsStream(name)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
    }
}

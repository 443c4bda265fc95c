package dev.occam.penalty;

import dev.occam.data.CsvReader;
import dev.occam.data.Dataset;
import dev.occam.data.ReadOptions;
import dev.occam.data.TargetKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One refit case from {@code golden/conventions/<tool>.json}, written by {@code make_conventions.py}
 * (scikit-learn, liblinear) or {@code make_conventions.R} (glmnet): a peer setting in the peer's own
 * parameters, the facts a conversion may use, and the peer's solution. See golden/conventions/README.md.
 *
 * @param tool "sklearn" or "glmnet"
 * @param spec the case as stored
 */
record ConventionCase(String tool, JsonNode spec) {

    static Path golden() {
        URL url = ConventionCase.class.getResource("/golden");
        if (url == null) throw new IllegalStateException("golden folder not on the test class path");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every case of one tool's file. */
    static List<ConventionCase> all(String tool) {
        JsonNode root = JsonMapper.builder().build().readTree(golden().resolve("conventions").resolve(tool + ".json"));
        List<ConventionCase> cases = new ArrayList<>();
        for (JsonNode c : root.get("cases")) cases.add(new ConventionCase(tool, c));
        return cases;
    }

    String name() {
        return spec.get("case").asString();
    }

    @Override
    public String toString() {
        return tool + "/" + name();
    }

    /** The peer setting, parsed by {@link Conventions} from the stored parameters. */
    LibrarySetting setting() {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : spec.get("parameters").properties()) values.put(e.getKey(), e.getValue().asString());
        return Conventions.parse(spec.get("setting").asString(), values);
    }

    ConversionContext context() {
        JsonNode c = spec.get("context");
        ConversionContext ctx = ConversionContext.EMPTY;
        if (has(c, "n")) ctx = ctx.withN(c.get("n").asInt());
        if (has(c, "sum_weights")) ctx = ctx.withSumWeights(c.get("sum_weights").asDouble());
        if (has(c, "sd_y")) ctx = ctx.withSdY(c.get("sd_y").asDouble());
        if (has(c, "batch_size")) ctx = ctx.withBatchSize(c.get("batch_size").asInt());
        return ctx;
    }

    private static boolean has(JsonNode node, String field) {
        return node.get(field) != null && !node.get(field).isNull();
    }

    private String text(String field) {
        return has(spec, field) ? spec.get(field).asString() : null;
    }

    Dataset data() {
        TargetKind kind = "class".equals(text("target_kind")) ? TargetKind.CLASS : TargetKind.NUMERIC;
        try {
            return CsvReader.read(golden().resolve(text("data")), new ReadOptions(text("target"), kind, text("weights"), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isClassTarget() {
        return "class".equals(text("target_kind"));
    }

    boolean intercept() {
        return spec.get("intercept").asBoolean();
    }

    /** The value of a bias feature the peer appends and penalizes, or NaN. */
    double constantFeature() {
        return has(spec, "constant_feature") ? spec.get("constant_feature").asDouble() : Double.NaN;
    }

    /** True when the canonical refit must match the peer; false when it must differ (a NONE row). */
    boolean expectMatch() {
        return "match".equals(text("expect_canonical"));
    }

    double peerIntercept() {
        return spec.get("peer_intercept").asDouble();
    }

    double[] peerCoefficients() {
        JsonNode a = spec.get("peer_coefficients");
        double[] w = new double[a.size()];
        for (int j = 0; j < w.length; j++) w[j] = a.get(j).asDouble();
        return w;
    }

    double tolerance() {
        return spec.get("tolerance").asDouble();
    }

    double sensitivity() {
        return spec.get("sensitivity").asDouble();
    }
}

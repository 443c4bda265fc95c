package dev.occam.io;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The streaming tree reader gives JsonMapper.readTree's tree, node types included, and its errors. */
class JsonTreesTest {
    private static final JsonMapper STRICT = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final JsonMapper LENIENT = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {"{}", "[]", "", "  ", "null", "1", "-2147483649", "12345678901234567890123", "1.5", "-0.0", "1e400",
            "\"x\"", "true", "{\"a\": [1, 2.5, \"s\", null, false, {\"b\": {}}], \"c\": 3000000000, \"d\": -1e-5}",
            "{\"format\": \"occam-model\", \"version\": 1, \"coefficients\": {\"x\": 0.25}}"})
    void sameTreeAsTheMapper(String json) {
        JsonNode expected = LENIENT.readTree(json);
        JsonNode got = JsonTrees.read(json, true);
        assertThat(got).isEqualTo(expected);
        assertThat(types(got)).isEqualTo(types(expected));
    }

    /** Node types of the whole tree, in order (equals() alone does not tell an int node from a long one). */
    private static String types(JsonNode n) {
        StringBuilder s = new StringBuilder(n.getNodeType() + ":" + n.getClass().getSimpleName());
        for (JsonNode c : n.values()) s.append(' ').append(types(c));
        return s.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{} x", "{}{}", "[1] ]", "{\"a\": 1,,}", "{ not json", "{\"a\": 1, \"a\": 2}"})
    void errorsWhereTheStrictMapperHasThem(String json) {
        assertThatThrownBy(() -> STRICT.readTree(json)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> JsonTrees.read(json, true)).isInstanceOf(JacksonException.class)
                .satisfies(e -> assertThat(((JacksonException) e).getLocation()).isNotNull());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\": 1, \"a\": 2}"})
    void lenientKeysKeepTheLastValueAsTheMapperDoes(String json) {
        assertThat(JsonTrees.read(json, false)).isEqualTo(LENIENT.readTree(json));
    }
}

package org.k8sca.kamatera.sim.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** Laravel middleware and PHP 7.4 comparisons that decide cloudcli's flags. */
class ApiInputTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static ApiInput json(String body) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        MAPPER.readTree(body).properties().forEach(e -> m.put(e.getKey(), e.getValue()));
        return ApiInput.of(Map.of(), m);
    }

    @Test
    void forceIsTrueOnlyForJsonTrueTheStringTrueAndNumericZero() {
        assertThat(json("{\"force\":true}").equalsTrueLoosely("force")).isTrue();
        assertThat(json("{\"force\":\"true\"}").equalsTrueLoosely("force")).isTrue();
        assertThat(json("{\"force\":0}").equalsTrueLoosely("force"))
                .isTrue(); // PHP 7.4: 0 == "true"
        assertThat(json("{\"force\":false}").equalsTrueLoosely("force")).isFalse();
        assertThat(json("{\"force\":\"1\"}").equalsTrueLoosely("force")).isFalse();
        assertThat(json("{\"force\":\"yes\"}").equalsTrueLoosely("force")).isFalse();
        assertThat(json("{\"force\":1}").equalsTrueLoosely("force")).isFalse();
        assertThat(json("{}").equalsTrueLoosely("force")).isFalse();
    }

    @Test
    void stringsAreTrimmedExceptPasswordAndEmptyMeansMissing() {
        ApiInput in =
                json(
                        "{\"name\":\"  a  \",\"password\":\" p"
                                + " \",\"image\":\"\",\"ram\":4096,\"x\":true}");
        assertThat(in.string("name")).isEqualTo("a");
        assertThat(in.string("password")).isEqualTo(" p ");
        assertThat(in.has("image")).isFalse();
        assertThat(in.string("ram")).isEqualTo("4096");
        assertThat(in.string("x")).isEqualTo("1");
    }

    @Test
    void bodyWinsOverQueryAndTruthinessFollowsPhp() {
        ApiInput in =
                ApiInput.of(
                        Map.of("name", "q", "a", "0", "b", "no"),
                        Map.of("name", MAPPER.readTree("\"b\"")));
        assertThat(in.string("name")).isEqualTo("b");
        assertThat(in.truthy("a")).isFalse();
        assertThat(in.truthy("b")).isTrue();
        assertThat(in.truthy("missing")).isFalse();
    }
}

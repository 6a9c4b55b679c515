package org.k8sca.kamatera.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.json.JsonMapper;

/** Dumps read like Go's %v, as in upstream's messages (kamatera-provider.md §2.6). */
class GoFormatTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"invalid\":\"response\"}                    | map[invalid:response]",
                "{\"b\":1,\"a\":[true,null]}                   | map[a:[true <nil>] b:1]",
                "[\"\"]                                        | []",
                "[null]                                        | [<nil>]",
                "[{\"status\":123}]                            | [map[status:123]]",
                "[1.5, -2, 0.0001, 0.00001, 123456, 1234567]   | [1.5 -2 0.0001 1e-05 123456"
                        + " 1.234567e+06]",
                "12345678                                      | 1.2345678e+07",
                "1000000                                       | 1e+06",
                "null                                          | <nil>"
            })
    void goStyleDumps(String json, String expected) {
        assertThat(GoFormat.dump(MAPPER.readTree(json))).isEqualTo(expected);
    }
}

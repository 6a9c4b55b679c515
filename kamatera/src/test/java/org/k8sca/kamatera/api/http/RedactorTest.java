package org.k8sca.kamatera.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Random;

class RedactorTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Test
    void secretKeysAreMaskedButGenerateAndEmptyStay() {
        Redactor redactor = Redactor.of();
        JsonNode body =
                MAPPER.readTree(
                        "{\"password\":\"__generate__\",\"passwordValidate\":\"x1\","
                                + "\"script-file\":\"#!/bin/sh\",\"userdata-file\":\"\",\"name\":\"n\"}");

        assertThat(redactor.json(body))
                .isEqualTo(
                        "{\"password\":\"__generate__\",\"passwordValidate\":\"[REDACTED]\","
                                + "\"script-file\":\"[REDACTED]\",\"userdata-file\":\"\",\"name\":\"n\"}");
    }

    @Test
    void scriptLinesAreMaskedOnTheirOwnAndInJsonEscapedText() {
        String script = "#!/bin/bash\nexport TOKEN=abc\"def\"123456\n";
        Redactor redactor = Redactor.of().withScript(script);

        assertThat(redactor.text("line 2 failed: export TOKEN=abc\"def\"123456"))
                .doesNotContain("abc\"def\"123456");
        String escaped = MAPPER.writeValueAsString(script);
        assertThat(redactor.text("echo " + escaped)).doesNotContain("TOKEN=abc");
    }

    @Test
    void shortValuesAreNotSearched() {
        Redactor redactor = Redactor.of("ab");

        assertThat(redactor.text("abc")).isEqualTo("abc");
    }

    /**
     * Property: a secret hidden anywhere in a random JSON tree is gone from the redacted dump and
     * JSON.
     */
    @Test
    void aSecretAnywhereInRandomJsonIsRemoved() {
        long seed = Long.getLong("test.seed", 20261124L); // fixed for CI; -Dtest.seed=N explores
        Random random = new Random(seed);
        for (int round = 0; round < 500; round++) {
            String secret = randomText(random, 6 + random.nextInt(20));
            Redactor redactor = Redactor.of(secret);
            JsonNode tree = randomTree(random, secret, 3);
            String dump = GoFormat.value(redactor.tree(tree));
            String json = redactor.json(tree);
            assertThat(dump).as("seed %d round %d", seed, round).doesNotContain(secret);
            assertThat(json).as("seed %d round %d", seed, round).doesNotContain(secret);
        }
    }

    private static JsonNode randomTree(Random random, String secret, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        int kind = depth == 0 ? random.nextInt(3) : random.nextInt(5);
        switch (kind) {
            case 0:
                return f.stringNode(randomText(random, 3) + secret + randomText(random, 3));
            case 1:
                return f.numberNode(random.nextInt(1000));
            case 2:
                return f.stringNode(randomText(random, 5));
            case 3:
                {
                    ObjectNode object = f.objectNode();
                    int n = 1 + random.nextInt(4);
                    for (int i = 0; i < n; i++) {
                        String key =
                                random.nextInt(5) == 0 ? "key-" + secret : randomText(random, 4);
                        object.set(key, randomTree(random, secret, depth - 1));
                    }
                    return object;
                }
            default:
                {
                    ArrayNode array = f.arrayNode();
                    int n = 1 + random.nextInt(4);
                    for (int i = 0; i < n; i++) {
                        array.add(randomTree(random, secret, depth - 1));
                    }
                    return array;
                }
        }
    }

    private static String randomText(Random random, int length) {
        List<Character> alphabet = List.of('a', 'B', '7', '-', '"', '\\', '\n', ' ', '!', 'z');
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.get(random.nextInt(alphabet.size())));
        }
        return text.toString();
    }
}

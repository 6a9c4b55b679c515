package org.k8sca.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;

import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;

/** klog's JSON shape: ts in milliseconds, caller, msg, v, then the key/values. */
class KlogJsonLayoutTest {
    private static final Instant TIME = Instant.parse("2026-03-07T04:05:06.123456789Z");
    private static final String MILLIS = "1772856306123.456789";

    @Test
    void infoObjectHasKlogFieldsInKlogOrder() {
        LoggingEvent event = Events.event(Level.INFO, TIME, "scale-up of {}", "ng1");
        event.addKeyValuePair(new KeyValuePair(Klog.VERBOSITY_KEY, 2));
        event.addKeyValuePair(new KeyValuePair("nodeGroup", "ng1"));
        event.addKeyValuePair(new KeyValuePair("delta", 2));
        event.addKeyValuePair(new KeyValuePair("ratio", 0.5));
        event.addKeyValuePair(new KeyValuePair("dryRun", false));

        assertThat(new KlogJsonLayout().doLayout(event))
                .isEqualTo(
                        "{\"ts\":"
                                + MILLIS
                                + ",\"caller\":\"ScaleUp.java:42\",\"msg\":\"scale-up of"
                                + " ng1\",\"v\":2,\"nodeGroup\":\"ng1\",\"delta\":2,"
                                + "\"ratio\":0.5,\"dryRun\":false}"
                                + System.lineSeparator());
    }

    @Test
    void plainInfoIsVerbosityZeroAndWholeMillisecondsHaveNoFraction() {
        String json =
                new KlogJsonLayout()
                        .doLayout(Events.event(Level.WARN, Instant.ofEpochMilli(1_000), "w"));

        assertThat(json)
                .isEqualTo(
                        "{\"ts\":1000,\"caller\":\"ScaleUp.java:42\",\"msg\":\"w\",\"v\":0}"
                                + System.lineSeparator());
    }

    @Test
    void errorCarriesErrInsteadOfVerbosity() {
        String json =
                new KlogJsonLayout()
                        .doLayout(
                                Events.event(
                                        Level.ERROR,
                                        TIME,
                                        new IllegalStateException("API said \"no\""),
                                        "refresh failed"));
        JsonNode node = JsonMapper.builder().build().readTree(json);

        assertThat(node.has("v")).isFalse();
        assertThat(node.get("err").asString())
                .isEqualTo("java.lang.IllegalStateException: API said \"no\"");
        assertThat(node.get("msg").asString()).isEqualTo("refresh failed");
        assertThat(node.get("stacktrace").asString()).contains("at ");
    }

    @Test
    void everyMessageSurvivesAJsonRoundTrip() {
        long seed = Long.getLong("test.seed", 20261124L);
        java.util.Random random = new java.util.Random(seed);
        JsonMapper mapper = JsonMapper.builder().build();
        for (int i = 0; i < 2000; i++) {
            StringBuilder message = new StringBuilder();
            int length = random.nextInt(20);
            for (int j = 0; j < length; j++) {
                message.append(
                        (char)
                                (random.nextBoolean()
                                        ? random.nextInt(0x80)
                                        : random.nextInt(0x3000)));
            }
            String json =
                    new KlogJsonLayout()
                            .doLayout(Events.event(Level.INFO, TIME, message.toString()));

            assertThat(json).as("seed %d", seed).endsWith("}" + System.lineSeparator());
            assertThat(json.strip())
                    .as("seed %d: one line", seed)
                    .doesNotContain("\n")
                    .doesNotContain("\r");
            assertThat(mapper.readTree(json).get("msg").asString())
                    .as("seed %d", seed)
                    .isEqualTo(message.toString());
        }
    }
}

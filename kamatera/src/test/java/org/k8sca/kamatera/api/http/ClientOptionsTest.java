package org.k8sca.kamatera.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.time.Duration;

class ClientOptionsTest {

    @Test
    void defaultsFollowUpstreamsRetrySchedule() {
        ClientOptions defaults = ClientOptions.defaults();

        assertThat(defaults.maxAttempts()).isEqualTo(5);
        assertThat(defaults.backoffBase()).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.userAgent()).startsWith("kamatera-autoscaler/");
    }

    @Test
    void invalidValuesAreRejectedByName() {
        assertThatThrownBy(() -> ClientOptions.builder().maxAttempts(0).build())
                .hasMessage("maxAttempts must be at least 1, got 0");
        assertThatThrownBy(() -> ClientOptions.builder().callDeadline(Duration.ZERO).build())
                .hasMessage("callDeadline must be positive, got PT0S");
        assertThatThrownBy(() -> ClientOptions.builder().rateLimit(5, 0).build())
                .hasMessage("burst must be at least 1 when rate limiting, got 0");
        assertThatThrownBy(() -> ClientOptions.builder().queueBatchSize(0).build())
                .hasMessage("queueBatchSize must be at least 1, got 0");
    }

    @Test
    void toBuilderKeepsEveryValue() {
        ClientOptions options =
                ClientOptions.builder()
                        .maxAttempts(3)
                        .rateLimit(2, 4)
                        .userAgent("x/1")
                        .queueNotFoundGrace(Duration.ofSeconds(9))
                        .build();

        assertThat(options.toBuilder().build()).isEqualTo(options);
    }
}

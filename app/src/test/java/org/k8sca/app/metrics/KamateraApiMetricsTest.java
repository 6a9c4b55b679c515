package org.k8sca.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import org.junit.jupiter.api.Test;
import org.k8sca.kamatera.api.ApiCallListener.AttemptEvent;
import org.k8sca.kamatera.api.ApiCallListener.CallEvent;
import org.k8sca.kamatera.api.Endpoint;
import org.k8sca.kamatera.api.Outcome;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

class KamateraApiMetricsTest {

    @Test
    void callsErrorsAttemptsAndLatencyByEndpointAndOutcome() throws Exception {
        PrometheusRegistry registry = new PrometheusRegistry();
        KamateraApiMetrics m = new KamateraApiMetrics(registry);
        m.onAttempt(
                new AttemptEvent(
                        Endpoint.CREATE_SERVER, 1, Outcome.HTTP_5XX, 502, Duration.ofMillis(300)));
        m.onAttempt(
                new AttemptEvent(
                        Endpoint.CREATE_SERVER, 2, Outcome.OK, 200, Duration.ofMillis(700)));
        m.onCall(
                new CallEvent(Endpoint.CREATE_SERVER, Outcome.OK, 200, 2, Duration.ofMillis(1500)));
        m.onCall(
                new CallEvent(
                        Endpoint.LIST_SERVERS, Outcome.TIMEOUT, 0, 3, Duration.ofSeconds(40)));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create()
                .write(out, registry.scrape(), EscapingScheme.ALLOW_UTF8);
        String text = out.toString(StandardCharsets.UTF_8);

        assertThat(text)
                .contains(
                        "kamatera_api_calls_total{endpoint=\"create_server\",outcome=\"ok\"} 1.0",
                        "kamatera_api_calls_total{endpoint=\"list_servers\",outcome=\"timeout\"}"
                                + " 1.0",
                        "kamatera_api_errors_total{endpoint=\"list_servers\",outcome=\"timeout\"}"
                                + " 1.0",
                        "kamatera_api_http_attempts_total{endpoint=\"create_server\",outcome=\"http_5xx\"}"
                                + " 1.0",
                        "kamatera_api_http_attempts_total{endpoint=\"create_server\",outcome=\"ok\"}"
                                + " 1.0",
                        "kamatera_api_call_duration_seconds_bucket{endpoint=\"create_server\",le=\"1.0\"}"
                                + " 0",
                        "kamatera_api_call_duration_seconds_bucket{endpoint=\"create_server\",le=\"2.5\"}"
                                + " 1",
                        "kamatera_api_call_duration_seconds_sum{endpoint=\"list_servers\"} 40.0");
        assertThat(text).doesNotContain("kamatera_api_errors_total{endpoint=\"create_server\"");
    }
}

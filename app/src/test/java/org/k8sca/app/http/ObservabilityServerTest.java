package org.k8sca.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.k8sca.app.metrics.AutoscalerMetrics;
import org.k8sca.app.observe.HealthObserver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** The endpoints over real HTTP on 127.0.0.1, on an ephemeral port. */
class ObservabilityServerTest {

    private final HealthCheckTest.HandClock clock =
            new HealthCheckTest.HandClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final HealthCheck health =
            new HealthCheck(
                    clock, Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(20));
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final HttpClient http = HttpClient.newHttpClient();
    private ObservabilityServer server;

    @BeforeEach
    void start() {
        server = new ObservabilityServer(ListenAddress.parse("127.0.0.1:0"), registry, health);
        server.handle(
                "/extra",
                exchange -> {
                    exchange.sendResponseHeaders(204, -1);
                    exchange.close();
                });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + path);
        return http.send(
                HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void metricsInPrometheusTextFormat() throws Exception {
        AutoscalerMetrics metrics = new AutoscalerMetrics(registry);
        metrics.clusterSafeToAutoscale(true);
        metrics.nodeGroupsCount(3);
        HttpResponse<String> r = get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("text/plain; version=0.0.4"));
        assertThat(r.body())
                .contains(
                        "# TYPE cluster_autoscaler_cluster_safe_to_autoscale gauge\n"
                                + "cluster_autoscaler_cluster_safe_to_autoscale 1.0\n")
                .contains(
                        "cluster_autoscaler_node_groups_count{node_group_type=\"autoscaled\"}"
                                + " 3.0\n");
    }

    @Test
    void healthTurns500AfterMaxInactivityOnTheInjectedClock() throws Exception {
        HealthObserver loop = new HealthObserver(health);
        assertThat(get("/health-check").statusCode()).isEqualTo(200);

        loop.loopStarted(clock.instant());
        loop.loopFinished(clock.instant(), Duration.ofSeconds(2), java.util.Optional.empty());
        clock.advance(Duration.ofMinutes(10));
        HttpResponse<String> ok = get("/health-check");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("OK");

        clock.advance(Duration.ofSeconds(3));
        HttpResponse<String> stuck = get("/health-check");
        assertThat(stuck.statusCode()).isEqualTo(500);
        assertThat(stuck.body())
                .isEqualTo("Error: last activity more 10m1s ago, last success more than 10m1s ago");

        loop.loopStarted(clock.instant());
        assertThat(get("/health-check").statusCode()).isEqualTo(200);
    }

    @Test
    void aTakenPortFailsNamingTheFlag() {
        String taken = "127.0.0.1:" + server.address().getPort();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new ObservabilityServer(ListenAddress.parse(taken), registry, health))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining("--address " + taken);
    }

    @Test
    void extraHandlersAndUnknownPaths() throws Exception {
        assertThat(get("/extra").statusCode()).isEqualTo(204);
        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
    }
}

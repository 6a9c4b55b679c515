package org.k8sca.app.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.k8sca.app.http.HealthCheck;
import org.k8sca.app.http.ListenAddress;
import org.k8sca.app.http.ObservabilityServer;
import org.k8sca.app.testing.MutableClock;
import org.k8sca.core.clusterstate.Health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** {@code /status} over real HTTP on 127.0.0.1, on an ephemeral port. */
class StatusPageHandlerTest {

    private final MutableClock clock = new MutableClock(StatusFixtures.START);
    private final StatusPage page = new StatusPage(clock);
    private final HttpClient http = HttpClient.newHttpClient();
    private ObservabilityServer server;

    @BeforeEach
    void start() {
        HealthCheck health =
                new HealthCheck(
                        clock,
                        Duration.ofMinutes(10),
                        Duration.ofMinutes(15),
                        Duration.ofMinutes(20));
        server =
                new ObservabilityServer(
                        ListenAddress.parse("127.0.0.1:0"), new PrometheusRegistry(), health);
        server.handle("/status", page.handler());
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> send(String method) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + "/status");
        return http.send(
                HttpRequest.newBuilder(uri)
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void getServesTheCurrentPageAsHtml() throws Exception {
        Instant now = clock.instant();
        page.loopStarted(now);
        page.clusterObjects(StatusFixtures.objects());
        page.clusterState(StatusFixtures.status(Health.HEALTHY), StatusFixtures.update());
        page.scaleUp(StatusFixtures.scaleUpResult(), StatusFixtures.executed());
        page.loopFinished(now, Duration.ofMillis(20), Optional.empty());

        HttpResponse<String> response = send("GET");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .contains("text/html; charset=utf-8");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(response.body())
                .startsWith("<!DOCTYPE html>")
                .contains("<tr data-group=\"web\">")
                .contains("group web size set to 4 instead of 2 (max: 10)")
                .contains("3 nodes · 2 pending pods · scale-up in progress");
    }

    @Test
    void headAnswersWithoutABody() throws Exception {
        HttpResponse<String> response = send("HEAD");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void otherMethodsAreRejected() throws Exception {
        HttpResponse<String> response = send("POST");
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("GET, HEAD");
        assertThat(send("DELETE").statusCode()).isEqualTo(405);
    }
}

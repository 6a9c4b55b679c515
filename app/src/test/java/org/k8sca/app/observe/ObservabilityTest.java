package org.k8sca.app.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.k8sca.app.flags.IgnoredFlags;
import org.k8sca.app.flags.RunFlags;
import org.k8sca.app.flags.RunOptions;
import org.k8sca.app.loop.LoopObserver;
import org.k8sca.core.clusterstate.Health;
import org.k8sca.kamatera.api.ApiCallListener;
import org.k8sca.kamatera.api.Endpoint;
import org.k8sca.kamatera.api.Outcome;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * The whole wiring from flags, one loop through every observer, against the CRUD mock and over
 * HTTP.
 */
class ObservabilityTest {

    static final class Run {
        @Mixin RunFlags flags;
        @Mixin IgnoredFlags ignored;
    }

    static RunOptions options(String... args) {
        Run run = new Run();
        CommandLine.ParseResult result = new CommandLine(run).parseArgs(args);
        return run.flags.toOptions(result::hasMatchedOption);
    }

    private KubernetesMockServer server;
    private KubernetesClient client;

    @BeforeEach
    void setUp() throws Exception {
        server =
                new KubernetesMockServer(
                        new Context(),
                        new MockWebServer(),
                        new HashMap<>(),
                        new KubernetesCrudDispatcher(),
                        false);
        server.init(InetAddress.getByName("127.0.0.1"), 0);
        client =
                server.createClient(
                        b -> b.editOrNewConfig().withRequestRetryBackoffLimit(0).endConfig());
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.destroy();
    }

    @Test
    void oneLoopWritesStatusEventsMetricsAndHealth() throws Exception {
        RunOptions options =
                options("--address=127.0.0.1:0", "--namespace=autoscaling", "--max-nodes-total=12");
        Clock clock = Clock.fixed(LoopFixtures.START.plusSeconds(3), ZoneOffset.UTC);
        try (Observability o =
                Observability.start(options, client, clock, "ca-0", n -> Optional.of("web"))) {
            assertThat(o.observers()).hasSize(5).contains(o.statusPage());
            o.writeInitializingStatus(LoopFixtures.START);
            for (LoopObserver obs : o.observers()) {
                obs.loopStarted(LoopFixtures.START);
                obs.clusterState(LoopFixtures.status(Health.HEALTHY), LoopFixtures.update());
                obs.scaleUp(LoopFixtures.scaleUpResult(), LoopFixtures.executed());
                obs.scaleDown(LoopFixtures.scaleDownPlan(Optional.empty()));
                obs.deletionsFinished(LoopFixtures.deletions());
                obs.loopFinished(LoopFixtures.START, Duration.ofSeconds(2), Optional.empty());
            }
            assertThat(o.events().recorder().flush(Duration.ofSeconds(20))).isTrue();

            assertThat(
                            client.configMaps()
                                    .inNamespace("autoscaling")
                                    .withName("cluster-autoscaler-status")
                                    .get()
                                    .getData()
                                    .get("status"))
                    .contains("autoscalerStatus: Running");
            List<Event> statusEvents =
                    client.v1().events().inNamespace("autoscaling").list().getItems();
            assertThat(statusEvents)
                    .extracting(Event::getReason)
                    .contains("ScaledUpGroup", "FailedToScaleUpGroup");
            assertThat(client.v1().events().inNamespace("shop").list().getItems())
                    .extracting(Event::getReason)
                    .contains("TriggeredScaleUp", "NotTriggerScaleUp");

            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + o.server().address().getPort();
            HttpResponse<String> metrics =
                    http.send(
                            HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.body())
                    .contains(
                            "cluster_autoscaler_max_nodes_count 12.0",
                            "cluster_autoscaler_cpu_limits_cores{direction=\"maximum\"} 320000.0",
                            "cluster_autoscaler_memory_limits_bytes{direction=\"maximum\"}"
                                    + " 6.8719476736E15",
                            "kamatera_autoscaler_events_total{result=\"written\"}");
            assertThat(
                            http.send(
                                            HttpRequest.newBuilder(
                                                            URI.create(base + "/health-check"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.ofString())
                                    .statusCode())
                    .isEqualTo(200);

            // The Kamatera client's listener counts a call in the metrics and on /status.
            o.kamateraApiListener()
                    .onCall(
                            new ApiCallListener.CallEvent(
                                    Endpoint.CREATE_SERVER,
                                    Outcome.HTTP_5XX,
                                    503,
                                    3,
                                    Duration.ofSeconds(1)));
            String after =
                    http.send(
                                    HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body();
            assertThat(after)
                    .contains(
                            "kamatera_api_errors_total{endpoint=\"create_server\",outcome=\"http_5xx\"}"
                                    + " 1.0");
            HttpResponse<String> page =
                    http.send(
                            HttpRequest.newBuilder(URI.create(base + "/status")).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body())
                    .contains("<tr data-group=\"web\">")
                    .contains("<tr data-endpoint=\"create_server\"")
                    .contains("http_5xx (HTTP 503) after 3 attempts");

            o.deleteStatus();
            assertThat(
                            client.configMaps()
                                    .inNamespace("autoscaling")
                                    .withName("cluster-autoscaler-status")
                                    .get())
                    .isNull();
        }
    }

    @Test
    void withoutStatusConfigMapThereAreFourObservers() {
        try (Observability o =
                Observability.start(
                        options("--address=127.0.0.1:0", "--write-status-configmap=false"),
                        client,
                        Clock.systemUTC(),
                        "",
                        n -> Optional.empty())) {
            assertThat(o.observers())
                    .hasSize(4)
                    .noneMatch(obs -> obs instanceof StatusConfigMapObserver);
        }
    }

    @Test
    void aBadAddressNamesTheFlag() {
        assertThatThrownBy(
                        () ->
                                Observability.start(
                                        options("--address=nonsense"),
                                        client,
                                        Clock.systemUTC(),
                                        "",
                                        n -> Optional.empty()))
                .hasMessageContaining("--address");
    }

    private static HttpResponse<String> send(
            HttpClient http, Observability o, String method, String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + o.server().address().getPort() + path);
        return http.send(
                HttpRequest.newBuilder(uri)
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void snapshotIsServedOnlyWithTheDebuggingFlagAndOnceItHasASource() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (Observability o =
                Observability.start(
                        options("--address=127.0.0.1:0", "--debugging-snapshot-enabled"),
                        client,
                        Clock.systemUTC(),
                        "",
                        n -> Optional.empty())) {
            assertThat(send(http, o, "GET", "/snapshot").statusCode()).isEqualTo(503);
            o.serveSnapshots(() -> "{\"time\": \"2026-01-01T00:00:00Z\"}");
            HttpResponse<String> ok = send(http, o, "GET", "/snapshot");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("Content-Type")).contains("application/json");
            assertThat(ok.body()).isEqualTo("{\"time\": \"2026-01-01T00:00:00Z\"}");
            assertThat(send(http, o, "POST", "/snapshot").statusCode()).isEqualTo(405);
            o.serveSnapshots(
                    () -> {
                        throw new IllegalStateException("view closed");
                    });
            assertThat(send(http, o, "GET", "/snapshot").statusCode()).isEqualTo(500);
        }
        try (Observability o =
                Observability.start(
                        options("--address=127.0.0.1:0"),
                        client,
                        Clock.systemUTC(),
                        "",
                        n -> Optional.empty())) {
            o.serveSnapshots(() -> "{}");
            assertThat(send(http, o, "GET", "/snapshot").statusCode()).isEqualTo(404);
        }
    }
}

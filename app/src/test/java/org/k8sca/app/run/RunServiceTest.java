package org.k8sca.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.k8sca.app.ExitCodes;
import org.k8sca.app.flags.RunFlags;
import org.k8sca.app.flags.RunOptions;
import org.k8sca.app.testing.KubePods;
import org.k8sca.kamatera.sim.KamateraSimulator;
import org.k8sca.kamatera.sim.knobs.Endpoint;
import org.k8sca.kamatera.sim.knobs.Timings;
import org.k8sca.kube.testing.Eventually;
import org.k8sca.kube.testing.Kubeconfigs;
import org.k8sca.kube.testing.MockApiServer;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParseResult;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

class RunServiceTest {
    private static final String SECRET = "run-test-secret-value";

    @TempDir Path dir;
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    @Command(name = "run")
    static final class Run {
        @Mixin RunFlags flags;
    }

    private static RunOptions options(String... args) {
        Run run = new Run();
        ParseResult result = new CommandLine(run).parseArgs(args);
        return run.flags.toOptions(result::hasMatchedOption);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutACloudConfigNothingStarts() {
        int status = new RunService(options(), Map.of(), err).run();
        assertThat(status).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("--cloud-config is required");
    }

    @Test
    void anInvalidCloudConfigExitsOneWithItsProblemsAndNoSecret() throws Exception {
        Path ini = dir.resolve("cloud.ini");
        Files.writeString(
                ini,
                "[global]\nkamatera-api-client-id=id\nkamatera-api-secret="
                        + SECRET
                        + "\ncluster-name=c1\n[nodegroup \"ng1\"]\nmin-size=5\nmax-size=2\n");

        int status = new RunService(options("--cloud-config=" + ini), Map.of(), err).run();

        assertThat(status).as(err()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err()).contains(ini.toString()).contains("invalid").doesNotContain(SECRET);
    }

    /**
     * The whole process on the real clock, against the kube mock (through a kubeconfig file) and
     * the Kamatera simulator: it takes the Lease, scales up for a pending pod, reports it on every
     * channel (metrics and health over HTTP, the status ConfigMap, the pod's event), and stops
     * cleanly, deleting the status ConfigMap and closing the HTTP server.
     */
    @Test
    void runsTakesTheLeaseScalesUpReportsItAndStops() throws Exception {
        try (MockApiServer api = new MockApiServer();
                KubernetesClient client = api.client();
                KamateraSimulator sim =
                        KamateraSimulator.builder()
                                .credentials("id", SECRET)
                                .timings(Timings.instant())
                                .build()
                                .start()) {
            Path kubeconfig = kubeconfig(api.baseUrl());
            Path ini = cloudConfig(sim.baseUrl());
            client.pods()
                    .inNamespace("default")
                    .resource(
                            KubePods.unschedulable("pending", "1", Instant.now().minusSeconds(60)))
                    .create();

            RunService service =
                    new RunService(
                            options(
                                    "--cloud-config=" + ini,
                                    "--kubeconfig=" + kubeconfig,
                                    "--namespace=kube-system",
                                    "--address=127.0.0.1:0",
                                    "--debugging-snapshot-enabled"),
                            Map.of(),
                            err);
            ExecutorService thread = Executors.newSingleThreadExecutor();
            try {
                Future<Integer> status = thread.submit(service::run);
                Eventually.await(
                        "a server is created", () -> sim.requestCount(Endpoint.CREATE_SERVER) >= 1);
                Lease lease =
                        client.leases()
                                .inNamespace("kube-system")
                                .withName("cluster-autoscaler")
                                .get();
                assertThat(lease.getSpec().getHolderIdentity()).isNotBlank();

                URI base =
                        URI.create(
                                "http://127.0.0.1:"
                                        + service.httpAddress().orElseThrow().getPort());
                HttpClient http = HttpClient.newHttpClient();
                // The loop's observers run after the resize; wait for the one that counts it.
                Eventually.await(
                        "/metrics counts the scaled-up node",
                        () ->
                                metricSum(
                                                getQuietly(http, base.resolve("/metrics")).body(),
                                                "cluster_autoscaler_scaled_up_nodes_total",
                                                "")
                                        >= 1);
                String metrics = get(http, base.resolve("/metrics")).body();
                assertThat(
                                metricSum(
                                        metrics,
                                        "kamatera_api_calls_total",
                                        "endpoint=\"create_server\""))
                        .as(metrics)
                        .isGreaterThanOrEqualTo(1);
                assertThat(metrics).doesNotContain(SECRET);
                assertThat(
                                metricSum(
                                        metrics,
                                        "cluster_autoscaler_function_duration_seconds_count",
                                        "function=\"cloudProviderRefresh\""))
                        .as(metrics)
                        .isGreaterThanOrEqualTo(1);
                assertThat(metrics).contains("cluster_autoscaler_pending_node_deletions 0.0");

                // /snapshot is wired to the live view (the server list is covered by
                // LiveSnapshotRoundTripTest: here it may not have been re-read yet).
                HttpResponse<String> snapshot = get(http, base.resolve("/snapshot"));
                assertThat(snapshot.statusCode()).isEqualTo(200);
                assertThat(snapshot.body())
                        .contains("\"kind\" : \"List\"", "\"name\" : \"pending\"", "\"servers\"")
                        .doesNotContain(SECRET);
                assertThat(get(http, base.resolve("/health-check")).statusCode()).isEqualTo(200);

                Eventually.await(
                        "the status ConfigMap reports group ng1",
                        () -> {
                            ConfigMap cm = statusConfigMap(client);
                            return cm != null
                                    && cm.getData()
                                            .get("status")
                                            .contains("autoscalerStatus: Running")
                                    && cm.getData().get("status").contains("- name: ng1");
                        });
                Eventually.await(
                        "a TriggeredScaleUp event on the pending pod",
                        () ->
                                client
                                        .v1()
                                        .events()
                                        .inNamespace("default")
                                        .list()
                                        .getItems()
                                        .stream()
                                        .anyMatch(
                                                e ->
                                                        "TriggeredScaleUp".equals(e.getReason())
                                                                && "pending"
                                                                        .equals(
                                                                                e.getInvolvedObject()
                                                                                        .getName())
                                                                && e.getMessage().contains("ng1")));

                // The /status page shows the group, the scale-up and the Kamatera calls (the
                // client's listener feeds both the metrics and the page).
                Eventually.await(
                        "/status shows the scale-up of ng1",
                        () ->
                                getQuietly(http, base.resolve("/status"))
                                        .body()
                                        .contains("group ng1 size set to 1 instead of 0"));
                HttpResponse<String> page = get(http, base.resolve("/status"));
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.headers().firstValue("Content-Type"))
                        .contains("text/html; charset=utf-8");
                assertThat(page.body())
                        .contains("<tr data-group=\"ng1\">")
                        .contains("<tr data-endpoint=\"create_server\"")
                        .doesNotContain(SECRET);

                service.stop();
                assertThat(status.get(30, TimeUnit.SECONDS)).as(err()).isEqualTo(ExitCodes.OK);
                assertThat(sim.requestCount(Endpoint.CREATE_SERVER)).isEqualTo(1);
                assertThat(statusConfigMap(client)).as("status ConfigMap deleted on stop").isNull();
                assertThatThrownBy(() -> get(http, base.resolve("/health-check")))
                        .as("HTTP server closed on stop")
                        .isInstanceOf(IOException.class);
                assertThat(err()).doesNotContain(SECRET);
            } finally {
                thread.shutdownNow();
            }
        }
    }

    @Test
    void anAddressThatIsNotAListenAddressIsAUsageErrorNamingTheFlag() throws Exception {
        Path ini = cloudConfig("http://127.0.0.1:1");
        Path kubeconfig = kubeconfig("https://127.0.0.1:1");

        int status =
                new RunService(
                                options(
                                        "--cloud-config=" + ini,
                                        "--kubeconfig=" + kubeconfig,
                                        "--address=8085"),
                                Map.of(),
                                err)
                        .run();

        assertThat(status).as(err()).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("--address '8085' has no port");
    }

    @Test
    void anAddressInUseExitsOneNamingTheFlag() throws Exception {
        Path ini = cloudConfig("http://127.0.0.1:1");
        Path kubeconfig = kubeconfig("https://127.0.0.1:1");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int status =
                    new RunService(
                                    options(
                                            "--cloud-config=" + ini,
                                            "--kubeconfig=" + kubeconfig,
                                            "--address=127.0.0.1:" + taken.getLocalPort()),
                                    Map.of(),
                                    err)
                            .run();

            assertThat(status).as(err()).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(err())
                    .contains("cannot listen on --address 127.0.0.1:" + taken.getLocalPort());
        }
    }

    private Path kubeconfig(String server) throws IOException {
        return Kubeconfigs.write(dir, server);
    }

    /**
     * A valid cloud config with one group {@code ng1} (0 to 2 nodes) on the Kamatera API at {@code
     * apiUrl}.
     */
    private Path cloudConfig(String apiUrl) throws IOException {
        Path ini = dir.resolve("cloud.ini");
        Files.writeString(
                ini,
                String.join(
                        "\n",
                        "[global]",
                        "kamatera-api-client-id=id",
                        "kamatera-api-secret=" + SECRET,
                        "kamatera-api-url=" + apiUrl,
                        "cluster-name=c1",
                        "default-datacenter=EU",
                        "default-image=ubuntu_server_24.04_64-bit",
                        "default-cpu=2B",
                        "default-ram=4096",
                        "default-disk=size=20",
                        "default-network=name=wan,ip=auto",
                        "default-script-base64="
                                + Base64.getEncoder().encodeToString("#!/bin/sh\n".getBytes()),
                        "[nodegroup \"ng1\"]",
                        "min-size=0",
                        "max-size=2",
                        ""));
        return ini;
    }

    private static HttpResponse<String> get(HttpClient http, URI uri)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> getQuietly(HttpClient http, URI uri) {
        try {
            return get(http, uri);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ConfigMap statusConfigMap(KubernetesClient client) {
        return client.configMaps()
                .inNamespace("kube-system")
                .withName("cluster-autoscaler-status")
                .get();
    }

    /**
     * The sum of the samples of {@code name} whose labels contain {@code labelPart}; 0 when none.
     */
    static double metricSum(String exposition, String name, String labelPart) {
        double sum = 0;
        for (String line : exposition.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                String labels =
                        line.startsWith(name + "{")
                                ? line.substring(name.length(), line.lastIndexOf('}') + 1)
                                : "";
                if (labels.contains(labelPart)) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        return sum;
    }
}

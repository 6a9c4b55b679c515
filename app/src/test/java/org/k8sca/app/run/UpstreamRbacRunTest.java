package org.k8sca.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.k8sca.app.ExitCodes;
import org.k8sca.app.flags.RunFlags;
import org.k8sca.app.flags.RunOptions;
import org.k8sca.app.testing.KubePods;
import org.k8sca.app.testing.SimulatorCloudConfig;
import org.k8sca.kamatera.sim.KamateraSimulator;
import org.k8sca.kamatera.sim.knobs.Endpoint;
import org.k8sca.kamatera.sim.knobs.Timings;
import org.k8sca.kamatera.sim.model.ServerSetup;
import org.k8sca.kube.actuation.KubeClusterOperations;
import org.k8sca.kube.creates.CreatesConfigMap;
import org.k8sca.kube.testing.Eventually;
import org.k8sca.kube.testing.Kubeconfigs;
import org.k8sca.kube.testing.LogCapture;
import org.k8sca.kube.testing.MockApiServer;
import org.k8sca.kube.testing.UpstreamRbac;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParseResult;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * "Migrate: change the image and nothing else": the real {@code run}, on the real clock, against
 * the mock API server enforcing upstream's example RBAC ({@link UpstreamRbac}) and the Kamatera
 * simulator. It takes the Lease, scales an idle node down, scales up for a pending pod and writes
 * the status ConfigMap; the call upstream's rules refuse (deleting the Node of the deleted server)
 * is made once, leaves the Node behind, is said once in the log and on the Node's events, and
 * neither crashes the run nor blocks the scale-up. The read of the creates ConfigMap, refused too,
 * turns that store off with one warning.
 */
class UpstreamRbacRunTest {
    private static final String CLIENT_ID = "rbac-id";
    private static final String SECRET = "rbac-test-secret-value";
    private static final String IDLE = "ng1-idle0000000";

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
    void runsScalesDownAndUpUnderUpstreamsRbac() throws Exception {
        try (MockApiServer api = new MockApiServer();
                KubernetesClient admin = api.adminClient();
                KamateraSimulator sim =
                        KamateraSimulator.builder()
                                .credentials(CLIENT_ID, SECRET)
                                .timings(Timings.instant())
                                .build()
                                .start();
                LogCapture operationsLog = new LogCapture(KubeClusterOperations.class)) {
            api.enforceRbac(UpstreamRbac.RULES);
            sim.addServer(ServerSetup.named(IDLE).power("on").tags("k8sca-c1", "k8scang-ng1"));
            readyNode(admin, IDLE);
            Path kubeconfig = kubeconfig(api.baseUrl());
            Path ini = dir.resolve("cloud.ini");
            Files.writeString(
                    ini,
                    SimulatorCloudConfig.ini(sim.baseUrl(), CLIENT_ID, SECRET, "#!/bin/sh\n", 2));

            RunService service =
                    new RunService(
                            options(
                                    "--cloud-config=" + ini,
                                    "--kubeconfig=" + kubeconfig,
                                    "--namespace=kube-system",
                                    "--address=127.0.0.1:0",
                                    "--scan-interval=1s",
                                    "--scale-down-unneeded-time=1s",
                                    "--scale-down-delay-after-add=0s",
                                    "--scale-down-delay-after-delete=0s",
                                    "--scale-down-delay-after-failure=0s",
                                    "--node-delete-delay-after-taint=0s"),
                            Map.of(),
                            err);
            ExecutorService thread = Executors.newSingleThreadExecutor();
            try {
                Future<Integer> status = thread.submit(service::run);

                Eventually.await(
                        "the idle server is deleted",
                        () -> sim.requestCount(Endpoint.TERMINATE) >= 1);
                Lease lease =
                        admin.leases()
                                .inNamespace("kube-system")
                                .withName("cluster-autoscaler")
                                .get();
                assertThat(lease.getSpec().getHolderIdentity()).isNotBlank();
                Eventually.await(
                        "the Node deletion was tried",
                        () -> api.forbidden().contains("DELETE /api/v1/nodes/" + IDLE));
                Eventually.await(
                        "a warning event on the Node left behind",
                        () ->
                                admin.v1().events().inAnyNamespace().list().getItems().stream()
                                        .anyMatch(
                                                e ->
                                                        KubeClusterOperations
                                                                        .NODE_DELETE_FORBIDDEN_REASON
                                                                        .equals(e.getReason())
                                                                && IDLE.equals(
                                                                        e.getInvolvedObject()
                                                                                .getName())));
                Node leftover = admin.nodes().withName(IDLE).get();
                assertThat(leftover).as("the Node is left behind").isNotNull();
                assertThat(leftover.getSpec().getTaints())
                        .extracting(t -> t.getKey())
                        .contains("ToBeDeletedByClusterAutoscaler");

                // The leftover Node blocks nothing: a pending pod still gets a new server.
                pendingPod(admin);
                Eventually.await(
                        "a server is created", () -> sim.requestCount(Endpoint.CREATE_SERVER) >= 1);
                // The status after the scale-up: the leftover Node counts as being deleted (not
                // unready, so the cluster stays healthy) and is no member of ng1, whose one server
                // is the new one (no Node yet).
                AtomicReference<Map<String, Object>> doc = new AtomicReference<>();
                Eventually.await(
                        "the status ConfigMap reports ng1's new target",
                        () -> {
                            doc.set(statusDocument(admin));
                            return doc.get() != null
                                    && Integer.valueOf(1)
                                            .equals(
                                                    path(doc.get(), "nodeGroups", 0, "health")
                                                            .get("cloudProviderTarget"));
                        });
                Map<String, Object> cluster = path(doc.get(), "clusterWide", "health");
                assertThat(cluster.get("status")).isEqualTo("Healthy");
                Map<String, Object> registered =
                        path(doc.get(), "clusterWide", "health", "nodeCounts", "registered");
                assertThat(registered.get("beingDeleted")).isEqualTo(1);
                assertThat(path(registered, "unready").get("total")).isEqualTo(0);
                Map<String, Object> ng1 = path(doc.get(), "nodeGroups", 0);
                assertThat(ng1.get("name")).isEqualTo("ng1");
                assertThat(path(ng1, "health", "nodeCounts", "registered").get("total"))
                        .isEqualTo(0);

                service.stop();
                assertThat(status.get(30, TimeUnit.SECONDS)).as(err()).isEqualTo(ExitCodes.OK);
            } finally {
                thread.shutdownNow();
            }
            assertThat(statusConfigMap(admin)).as("status ConfigMap deleted on stop").isNull();
            assertThat(sim.requestCount(Endpoint.CREATE_SERVER)).isEqualTo(1);
            assertThat(sim.requestCount(Endpoint.TERMINATE)).isEqualTo(1);
            // The only refusals: one Node deletion, never retried, and one read of the creates
            // ConfigMap, after which the store is off (restarts are then unprotected).
            assertThat(api.forbidden())
                    .containsExactlyInAnyOrder(
                            "DELETE /api/v1/nodes/" + IDLE,
                            "GET /api/v1/namespaces/kube-system/configmaps/"
                                    + CreatesConfigMap.DEFAULT_NAME);
            assertThat(operationsLog.warnings())
                    .filteredOn(w -> w.startsWith("RBAC:"))
                    .singleElement()
                    .asString()
                    .startsWith(KubeClusterOperations.NODE_DELETE_FORBIDDEN);
            assertThat(err()).doesNotContain(SECRET);
        }
    }

    private static void readyNode(KubernetesClient admin, String name) {
        String longAgo = Instant.now().minusSeconds(3600).toString();
        Map<String, Quantity> capacity =
                Map.of(
                        "cpu", new Quantity("2"),
                        "memory", new Quantity("4Gi"),
                        "pods", new Quantity("110"));
        admin.nodes()
                .resource(
                        new NodeBuilder()
                                .withNewMetadata()
                                .withName(name)
                                .withCreationTimestamp(longAgo)
                                .addToLabels("kubernetes.io/hostname", name)
                                .endMetadata()
                                .withNewSpec()
                                .withProviderID("kamatera://" + name)
                                .endSpec()
                                .withNewStatus()
                                .addToCapacity(capacity)
                                .addToAllocatable(capacity)
                                .addNewCondition()
                                .withType("Ready")
                                .withStatus("True")
                                .withLastTransitionTime(longAgo)
                                .endCondition()
                                .endStatus()
                                .build())
                .create();
    }

    private static void pendingPod(KubernetesClient admin) {
        admin.pods()
                .inNamespace("default")
                .resource(KubePods.unschedulable("pending", "1", Instant.now().minusSeconds(60)))
                .create();
    }

    /** The status ConfigMap's document, parsed; null while there is none. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> statusDocument(KubernetesClient client) {
        ConfigMap cm = statusConfigMap(client);
        if (cm == null || cm.getData() == null || !cm.getData().containsKey("status")) {
            return null;
        }
        return (Map<String, Object>)
                new Load(LoadSettings.builder().build()).loadFromString(cm.getData().get("status"));
    }

    /** The map at {@code keys} (map keys and list indexes) under {@code root}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> path(Map<String, Object> root, Object... keys) {
        Object at = root;
        for (Object key : keys) {
            at =
                    key instanceof Integer i
                            ? ((List<Object>) at).get(i)
                            : ((Map<String, Object>) at).get(key);
            if (at == null) {
                throw new AssertionError("no " + key + " in the status document: " + root);
            }
        }
        return (Map<String, Object>) at;
    }

    private static ConfigMap statusConfigMap(KubernetesClient client) {
        return client.configMaps()
                .inNamespace("kube-system")
                .withName("cluster-autoscaler-status")
                .get();
    }

    private Path kubeconfig(String server) throws IOException {
        return Kubeconfigs.write(dir, server);
    }
}

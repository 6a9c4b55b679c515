package org.k8sca.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.k8sca.core.model.Pod;
import org.k8sca.core.scaledown.actuation.ClusterOperationException;
import org.k8sca.kube.actuation.AutoscalerCordon;
import org.k8sca.kube.actuation.EventSink;
import org.k8sca.kube.actuation.KubeClusterOperations;
import org.k8sca.kube.actuation.KubeNodeMetadata;
import org.k8sca.kube.election.LeaderElection;
import org.k8sca.kube.election.LeaseSettings;
import org.k8sca.kube.events.EventObject;
import org.k8sca.kube.events.EventType;
import org.k8sca.kube.events.KubeEventSink;
import org.k8sca.kube.events.RecordedEvent;
import org.k8sca.kube.ops.AutoscalerTaints;
import org.k8sca.kube.ops.KubeNodeObjectDeleter;
import org.k8sca.kube.ops.KubeNodeTainter;
import org.k8sca.kube.ops.KubePodEvictor;
import org.k8sca.kube.ops.NodeDeletion;
import org.k8sca.kube.status.StatusConfigMapWriter;
import org.k8sca.kube.testing.Eventually;
import org.k8sca.kube.testing.FakeTime;
import org.k8sca.kube.testing.LogCapture;
import org.k8sca.kube.testing.MockApiServer;
import org.k8sca.kube.testing.UpstreamRbac;
import org.k8sca.kube.view.ClusterView;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The module's API calls under upstream's example RBAC (the mock refuses everything else with 403):
 * every write works with the verbs upstream grants, and the one it does not grant ({@code nodes:
 * delete}) degrades as documented: the Node stays, one warning per process, an event per node.
 */
class UpstreamRbacTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private MockApiServer api;
    private KubernetesClient admin;
    private KubernetesClient client;
    private final FakeTime time = new FakeTime(NOW);
    private final List<String> nodeEvents = new ArrayList<>();
    private KubeNodeTainter tainter;
    private AutoscalerCordon cordon;
    private KubeClusterOperations ops;

    @BeforeEach
    void setUp() {
        api = new MockApiServer();
        admin = api.adminClient();
        client = api.client();
        api.enforceRbac(UpstreamRbac.RULES);
        tainter =
                new KubeNodeTainter(
                        client, time, time, Duration.ofMillis(750), Duration.ofSeconds(5));
        cordon = new AutoscalerCordon(client, tainter);
        EventSink events =
                new EventSink() {
                    @Override
                    public void nodeEvent(
                            String nodeName, boolean warning, String reason, String message) {
                        nodeEvents.add(
                                nodeName
                                        + " "
                                        + (warning ? "Warning " : "Normal ")
                                        + reason
                                        + ": "
                                        + message);
                    }

                    @Override
                    public void podEvent(
                            String namespace,
                            String name,
                            String uid,
                            boolean warning,
                            String reason,
                            String message) {}
                };
        ops =
                new KubeClusterOperations(
                        client,
                        cordon,
                        new KubePodEvictor(client),
                        new KubeNodeObjectDeleter(client),
                        node -> List.of(),
                        events);
    }

    @AfterEach
    void tearDown() {
        client.close();
        admin.close();
        api.close();
    }

    private void node(String name, String providerId) {
        admin.nodes()
                .resource(
                        new NodeBuilder()
                                .withNewMetadata()
                                .withName(name)
                                .endMetadata()
                                .withNewSpec()
                                .withProviderID(providerId)
                                .endSpec()
                                .build())
                .create();
    }

    private Node get(String name) {
        return admin.nodes().withName(name).get();
    }

    private List<String> writesTo(String path) {
        return api.requests().stream()
                .filter(r -> !r.startsWith("GET ") && r.contains(path))
                .toList();
    }

    @Test
    void taintsAndTheCordonAreWrittenWithUpdateAlone() throws Exception {
        node("n1", "kamatera://n1");

        ops.taintToBeDeleted("n1", NOW, true);
        Node tainted = get("n1");
        assertThat(tainted.getSpec().getTaints())
                .extracting(t -> t.getKey())
                .containsExactly(AutoscalerTaints.TO_BE_DELETED);
        assertThat(tainted.getSpec().getUnschedulable()).isTrue();
        assertThat(tainted.getMetadata().getAnnotations())
                .containsEntry(AutoscalerCordon.CORDONED_BY_AUTOSCALER, "true");

        ops.addDeletionCandidate("n1", NOW);
        ops.removeDeletionCandidate("n1");
        ops.untaintToBeDeleted("n1", true);
        Node released = get("n1");
        assertThat(released.getSpec().getTaints()).isEmpty();
        assertThat(released.getSpec().getUnschedulable()).isFalse();
        assertThat(released.getMetadata().getAnnotations())
                .doesNotContainKey(AutoscalerCordon.CORDONED_BY_AUTOSCALER);

        assertThat(api.forbidden()).isEmpty();
        assertThat(writesTo("/api/v1/nodes/n1")).isNotEmpty().allMatch(r -> r.startsWith("PUT "));
    }

    @Test
    void aConcurrentWriteIsRetriedUnderUpstreamRules() throws Exception {
        node("n1", "kamatera://n1");
        api.beforeNext(
                r -> "PUT".equals(r.getMethod()) && r.getPath().startsWith("/api/v1/nodes/n1"),
                () ->
                        api.mergePatchDirectly(
                                "/api/v1/nodes/n1",
                                "{\"metadata\":{\"labels\":{\"by\":\"kubectl\"}}}"));

        ops.taintToBeDeleted("n1", NOW, true);

        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(750));
        Node n = get("n1");
        assertThat(n.getMetadata().getLabels()).containsEntry("by", "kubectl");
        assertThat(n.getSpec().getTaints())
                .extracting(t -> t.getKey())
                .containsExactly(AutoscalerTaints.TO_BE_DELETED);
        assertThat(api.forbidden()).isEmpty();
    }

    @Test
    void theProviderIdAndReturnToServiceAreWrittenWithUpdate() throws Exception {
        node("n1", null);
        ops.taintToBeDeleted("n1", NOW, true);
        KubeNodeMetadata metadata = new KubeNodeMetadata(cordon);

        metadata.setProviderId("n1", "kamatera://n1");
        metadata.returnToService("n1");

        Node n = get("n1");
        assertThat(n.getSpec().getProviderID()).isEqualTo("kamatera://n1");
        assertThat(n.getSpec().getTaints()).isEmpty();
        assertThat(n.getSpec().getUnschedulable()).isFalse();
        assertThat(api.forbidden()).isEmpty();
        assertThat(writesTo("/api/v1/nodes/n1")).allMatch(r -> r.startsWith("PUT "));
    }

    @Test
    void aForbiddenNodeDeletionLeavesTheNodeWarnsOnceAndTellsEachNode() throws Exception {
        node("n1", "kamatera://n1");
        node("n2", "kamatera://n2");

        try (LogCapture log = new LogCapture(KubeClusterOperations.class)) {
            ops.deleteNodeObject("n1");
            ops.deleteNodeObject("n2");

            assertThat(log.warnings())
                    .singleElement()
                    .asString()
                    .startsWith(KubeClusterOperations.NODE_DELETE_FORBIDDEN)
                    .contains("nodes: delete", "deploy/kubernetes/rbac.yaml");
        }
        assertThat(get("n1")).isNotNull();
        assertThat(get("n2")).isNotNull();
        assertThat(nodeEvents)
                .hasSize(2)
                .allMatch(
                        e ->
                                e.contains(
                                        "Warning "
                                                + KubeClusterOperations
                                                        .NODE_DELETE_FORBIDDEN_REASON))
                .anyMatch(e -> e.startsWith("n1 ") && e.contains("kubectl delete node n1"));
        // One attempt per node, never a retry.
        assertThat(api.forbidden())
                .containsExactly("DELETE /api/v1/nodes/n1", "DELETE /api/v1/nodes/n2");
    }

    @Test
    void otherNodeDeletionFailuresStillFail() {
        node("n1", "kamatera://n1");
        api.enforceRbac(List.of());
        api.answer(r -> "DELETE".equals(r.getMethod()), 500, "etcd is down");
        assertThat(new KubeNodeObjectDeleter(admin).deleteNode("n1").outcome())
                .isEqualTo(NodeDeletion.Outcome.FAILED);
        assertThat(new KubeNodeObjectDeleter(client).deleteNode("n1").outcome())
                .as("403 is told apart")
                .isEqualTo(NodeDeletion.Outcome.FORBIDDEN);
    }

    @Test
    void theLeaseIsTakenRenewedAndReleasedWithGetAndUpdate() {
        LeaderElection election =
                new LeaderElection(
                        client,
                        new LeaseSettings(
                                "kube-system",
                                LeaseSettings.DEFAULT_NAME,
                                "me",
                                Duration.ofSeconds(3),
                                Duration.ofSeconds(2),
                                Duration.ofMillis(200)));
        try {
            election.start(() -> {}, () -> {});
            Eventually.await("leading", election::isLeading);
            Eventually.await(
                    "renewed twice", () -> writesTo("/leases/cluster-autoscaler").size() >= 2);
            Lease held =
                    admin.leases().inNamespace("kube-system").withName("cluster-autoscaler").get();
            assertThat(held.getSpec().getHolderIdentity()).isEqualTo("me");
            assertThat(held.getSpec().getLeaseDurationSeconds()).isEqualTo(3);
        } finally {
            election.stop();
        }
        Eventually.await(
                "released",
                () ->
                        admin.leases()
                                                .inNamespace("kube-system")
                                                .withName("cluster-autoscaler")
                                                .get()
                                                .getSpec()
                                                .getHolderIdentity()
                                        == null
                                || admin.leases()
                                        .inNamespace("kube-system")
                                        .withName("cluster-autoscaler")
                                        .get()
                                        .getSpec()
                                        .getHolderIdentity()
                                        .isEmpty());
        assertThat(api.forbidden()).isEmpty();
        assertThat(writesTo("/leases"))
                .allMatch(r -> r.startsWith("PUT ") || r.startsWith("POST "));
    }

    @Test
    void theStatusConfigMapIsCreatedUpdatedAndDeleted() {
        StatusConfigMapWriter status =
                new StatusConfigMapWriter(client, "kube-system", "cluster-autoscaler-status");
        status.writeDocument("first\n");
        status.writeDocument("second\n");
        assertThat(
                        admin.configMaps()
                                .inNamespace("kube-system")
                                .withName("cluster-autoscaler-status")
                                .get()
                                .getData())
                .containsEntry(StatusConfigMapWriter.STATUS_KEY, "second\n");
        status.delete();
        assertThat(
                        admin.configMaps()
                                .inNamespace("kube-system")
                                .withName("cluster-autoscaler-status")
                                .get())
                .isNull();
        assertThat(api.forbidden()).isEmpty();
    }

    /**
     * The code's own permission list against upstream's rules, verb by verb (names and namespaces
     * are checked by the calls above): a new call upstream does not grant fails here until its
     * refusal is handled and documented, and the exception is added.
     */
    @Test
    void upstreamGrantsEveryPermissionTheCodeUsesButNodeDeletion() {
        List<String> missing = new ArrayList<>();
        for (ApiPermissions.Rule rule : ApiPermissions.RULES) {
            for (String verb : rule.verbs()) {
                boolean granted =
                        UpstreamRbac.RULES.stream()
                                .anyMatch(
                                        u ->
                                                u.apiGroup().equals(rule.apiGroup())
                                                        && u.resource().equals(rule.resource())
                                                        && u.verbs().contains(verb));
                if (!granted) {
                    missing.add(rule.apiGroup() + "|" + rule.resource() + "|" + verb);
                }
            }
        }
        assertThat(missing).containsExactly("|nodes|delete");
    }

    /**
     * Everything the module does, as in {@link ApiPermissionsTest}, under upstream's rules: the
     * only refusal is the Node deletion, and it is handled.
     */
    @Test
    void theOnlyCallUpstreamRulesRefuseIsNodeDeletion() throws Exception {
        node("n1", null);
        admin.pods()
                .inNamespace("a")
                .resource(
                        new PodBuilder()
                                .withNewMetadata()
                                .withNamespace("a")
                                .withName("p")
                                .endMetadata()
                                .withNewSpec()
                                .withNodeName("n1")
                                .addNewContainer()
                                .withName("c")
                                .withImage("i")
                                .endContainer()
                                .endSpec()
                                .build())
                .create();
        ClusterView view = new ClusterView(client, "kube-system");
        try {
            view.start(Duration.ofSeconds(20));
            ops.addDeletionCandidate("n1", NOW);
            ops.taintToBeDeleted("n1", NOW, true);
            Pod pod = view.snapshotOf().pods().get(0).pod();
            ops.evict(pod, Duration.ofSeconds(1));
            ops.podGone(pod, "n1");
            ops.nodeAnnotations("n1");
            new KubeNodeMetadata(cordon).setProviderId("n1", "kamatera://n1");
            ops.untaintToBeDeleted("n1", true);
            ops.removeDeletionCandidate("n1");
            new KubeEventSink(client, "host")
                    .write(
                            new RecordedEvent(
                                    EventObject.node("n1"),
                                    EventType.NORMAL,
                                    "ScaleDown",
                                    "nodes removed by cluster autoscaler",
                                    NOW));
            StatusConfigMapWriter status =
                    new StatusConfigMapWriter(client, "kube-system", "cluster-autoscaler-status");
            status.writeDocument("first\n");
            status.writeDocument("second\n");
            status.delete();
            ops.deleteNodeObject("n1");
        } catch (ClusterOperationException e) {
            throw new AssertionError(e);
        } finally {
            view.close();
        }
        assertThat(api.forbidden()).containsExactly("DELETE /api/v1/nodes/n1");
    }
}

package org.k8sca.kube.actuation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.k8sca.core.model.Pod;
import org.k8sca.core.scaledown.actuation.ClusterOperationException;
import org.k8sca.core.scaledown.actuation.EvictionOutcome;
import org.k8sca.kube.ops.AutoscalerTaints;
import org.k8sca.kube.ops.KubeNodeObjectDeleter;
import org.k8sca.kube.ops.KubeNodeTainter;
import org.k8sca.kube.ops.KubePodEvictor;
import org.k8sca.kube.testing.FakeTime;
import org.k8sca.kube.testing.MockApiServer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

class KubeActuationTest {
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private MockApiServer api;
    private KubernetesClient client;
    private KubeClusterOperations ops;
    private KubeNodeMetadata metadata;
    private final List<String> events = new ArrayList<>();
    private final List<Boolean> evictions = new ArrayList<>();

    @BeforeEach
    void setUp() {
        api = new MockApiServer();
        client = api.client();
        FakeTime time = new FakeTime(NOW);
        AutoscalerCordon cordon =
                new AutoscalerCordon(
                        client,
                        new KubeNodeTainter(
                                client, time, time, Duration.ofMillis(750), Duration.ofSeconds(5)));
        EventSink sink =
                new EventSink() {
                    @Override
                    public void nodeEvent(
                            String nodeName, boolean warning, String reason, String message) {
                        events.add(nodeName + " " + reason);
                    }

                    @Override
                    public void podEvent(
                            String namespace,
                            String name,
                            String uid,
                            boolean warning,
                            String reason,
                            String message) {
                        events.add(namespace + "/" + name + " " + reason);
                    }
                };
        ops =
                new KubeClusterOperations(
                        client,
                        cordon,
                        new KubePodEvictor(client),
                        new KubeNodeObjectDeleter(client),
                        node -> List.of(),
                        sink,
                        evictions::add);
        metadata = new KubeNodeMetadata(client, cordon);
    }

    @AfterEach
    void tearDown() {
        client.close();
        api.close();
    }

    private void node(String name, boolean cordoned, String providerId) {
        client.nodes()
                .resource(
                        new NodeBuilder()
                                .withNewMetadata()
                                .withName(name)
                                .endMetadata()
                                .withNewSpec()
                                .withUnschedulable(cordoned)
                                .withProviderID(providerId)
                                .endSpec()
                                .build())
                .create();
    }

    private Node get(String name) {
        return client.nodes().withName(name).get();
    }

    private static List<String> taintKeys(Node n) {
        return n.getSpec().getTaints() == null
                ? List.of()
                : n.getSpec().getTaints().stream().map(t -> t.getKey()).toList();
    }

    @Test
    void aCordonTheAutoscalerMadeIsUndoneWithTheTaint() throws Exception {
        node("n1", false, null);

        ops.taintToBeDeleted("n1", NOW, true);
        Node tainted = get("n1");
        assertThat(taintKeys(tainted)).containsExactly(AutoscalerTaints.TO_BE_DELETED);
        assertThat(tainted.getSpec().getUnschedulable()).isTrue();
        assertThat(tainted.getMetadata().getAnnotations())
                .containsEntry(AutoscalerCordon.CORDONED_BY_AUTOSCALER, "true");

        ops.untaintToBeDeleted("n1", true);
        Node released = get("n1");
        assertThat(taintKeys(released)).isEmpty();
        assertThat(released.getSpec().getUnschedulable()).isFalse();
        assertThat(released.getMetadata().getAnnotations())
                .doesNotContainKey(AutoscalerCordon.CORDONED_BY_AUTOSCALER);
    }

    @Test
    void aCordonAPersonMadeStays() throws Exception {
        node("n1", true, null);

        ops.taintToBeDeleted("n1", NOW, true);
        assertThat(get("n1").getMetadata().getAnnotations())
                .doesNotContainKey(AutoscalerCordon.CORDONED_BY_AUTOSCALER);
        ops.untaintToBeDeleted("n1", true);

        assertThat(taintKeys(get("n1"))).isEmpty();
        assertThat(get("n1").getSpec().getUnschedulable()).isTrue();
    }

    @Test
    void returnToServiceRemovesBothAutoscalerTaintsAndOnlyItsOwnCordon() throws Exception {
        node("ours", false, null);
        node("theirs", true, null);
        for (String n : List.of("ours", "theirs")) {
            ops.addDeletionCandidate(n, NOW.minusSeconds(600));
            ops.taintToBeDeleted(n, NOW, true);
        }

        metadata.returnToService("ours");
        metadata.returnToService("theirs");
        metadata.returnToService("missing");

        assertThat(taintKeys(get("ours"))).isEmpty();
        assertThat(get("ours").getSpec().getUnschedulable()).isFalse();
        assertThat(taintKeys(get("theirs"))).isEmpty();
        assertThat(get("theirs").getSpec().getUnschedulable()).isTrue();
    }

    @Test
    void theProviderIdIsSetOnceAndOnlyWhenEmpty() {
        node("empty", false, null);
        node("set", false, "kamatera://old");

        metadata.setProviderId("empty", "kamatera://a");
        metadata.setProviderId("set", "kamatera://b");
        assertThat(get("empty").getSpec().getProviderID()).isEqualTo("kamatera://a");
        assertThat(get("set").getSpec().getProviderID()).isEqualTo("kamatera://old");

        long writes = api.requests().size();
        metadata.setProviderId("empty", "kamatera://a");
        assertThat(api.requests()).hasSize((int) writes);
    }

    @Test
    void taintingAMissingNodeFailsButLettingGoOfItDoesNot() throws Exception {
        assertThatThrownBy(() -> ops.taintToBeDeleted("missing", NOW, true))
                .isInstanceOf(ClusterOperationException.class)
                .hasMessageContaining("missing");
        ops.untaintToBeDeleted("missing", true);
        ops.removeDeletionCandidate("missing");
    }

    @Test
    void evictionsAndPodChecksGoThroughTheApi() throws Exception {
        node("n1", false, null);
        String uid =
                client.pods()
                        .inNamespace("default")
                        .resource(
                                new PodBuilder()
                                        .withNewMetadata()
                                        .withName("web")
                                        .withNamespace("default")
                                        .withUid("u1")
                                        .endMetadata()
                                        .withNewSpec()
                                        .withNodeName("n1")
                                        .endSpec()
                                        .build())
                        .create()
                        .getMetadata()
                        .getUid();
        Pod web = Pod.builder("default", "web").uid(uid).nodeName("n1").build();
        Pod gone = Pod.builder("default", "gone").uid("u2").nodeName("n1").build();

        assertThat(ops.podGone(web, "n1")).isFalse();
        assertThat(ops.evict(web, Duration.ofSeconds(30))).isEqualTo(EvictionOutcome.EVICTED);
        assertThat(ops.evict(gone, Duration.ofSeconds(30))).isEqualTo(EvictionOutcome.NOT_FOUND);
        assertThat(ops.podGone(gone, "n1")).isTrue();

        ops.podEvent(web, false, "ScaleDown", "deleting pod for node scale down");
        ops.nodeEvent("n1", false, "ScaleDown", "marked the node as toBeDeleted/unschedulable");
        assertThat(events).containsExactly("default/web ScaleDown", "n1 ScaleDown");
        // The accepted eviction counts; a pod already gone was not evicted by us.
        assertThat(evictions).containsExactly(true);
    }

    @Test
    void aDrainGivingUpOnAPodCountsAsAFailedEviction() {
        Pod stuck = Pod.builder("default", "stuck").uid("u3").nodeName("n1").build();

        ops.podEvent(stuck, true, "ScaleDownFailed", "failed to delete pod for ScaleDown");
        ops.podEvent(stuck, false, "ScaleDown", "deleting pod for node scale down");

        assertThat(evictions).containsExactly(false);
        assertThat(events)
                .containsExactly("default/stuck ScaleDownFailed", "default/stuck ScaleDown");
    }

    @Test
    void theNodeObjectIsDeletedAndItsAnnotationsRead() throws Exception {
        client.nodes()
                .resource(
                        new NodeBuilder()
                                .withNewMetadata()
                                .withName("n1")
                                .addToAnnotations(
                                        "delay-deletion.cluster-autoscaler.kubernetes.io/x", "1")
                                .endMetadata()
                                .build())
                .create();
        assertThat(ops.nodeAnnotations("n1"))
                .containsKey("delay-deletion.cluster-autoscaler.kubernetes.io/x");
        ops.deleteNodeObject("n1");
        assertThat(get("n1")).isNull();
        assertThat(ops.nodeAnnotations("n1")).isEmpty();
    }
}

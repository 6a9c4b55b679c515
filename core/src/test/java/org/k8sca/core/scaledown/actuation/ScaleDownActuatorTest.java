package org.k8sca.core.scaledown.actuation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.k8sca.core.Fixtures.node;
import static org.k8sca.core.scaledown.ScaleDownFixtures.rsPod;

import org.junit.jupiter.api.Test;
import org.k8sca.core.cloud.CloudProviderException;
import org.k8sca.core.cloud.Instance;
import org.k8sca.core.cloud.NodeGroup;
import org.k8sca.core.cloud.NodeTemplate;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.OwnerReference;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.PodLifecycle;
import org.k8sca.core.scaledown.ScaleDownOptions;
import org.k8sca.core.scaledown.drain.NodeDrain;
import org.k8sca.core.scaledown.simulation.NodeRemoval;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

class ScaleDownActuatorTest {

    private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");

    /** Records every call in order; answers evictions and pod checks as configured. */
    private static final class FakeCluster implements ClusterOperations {
        final List<String> calls = new ArrayList<>();
        EvictionOutcome evictionAnswer = EvictionOutcome.EVICTED;
        boolean podsGo = true;
        Set<String> failTaint = new HashSet<>();
        final List<Duration> graces = new ArrayList<>();
        List<Pod> podsOnNode = List.of();
        Map<String, String> annotations = Map.of();

        @Override
        public void taintToBeDeleted(String node, Instant at, boolean cordon)
                throws ClusterOperationException {
            if (failTaint.contains(node)) {
                throw new ClusterOperationException("conflict on " + node);
            }
            calls.add("taint " + node);
        }

        @Override
        public void untaintToBeDeleted(String node, boolean uncordon) {
            calls.add("untaint " + node);
        }

        @Override
        public EvictionOutcome evict(Pod pod, Duration gracePeriod) {
            calls.add("evict " + pod.name());
            graces.add(gracePeriod);
            return pod.isDaemonSetPod() ? EvictionOutcome.EVICTED : evictionAnswer;
        }

        @Override
        public boolean podGone(Pod pod, String node) {
            return podsGo;
        }

        @Override
        public List<Pod> podsOnNode(String node) {
            return podsOnNode;
        }

        @Override
        public Map<String, String> nodeAnnotations(String node) {
            calls.add("annotations " + node);
            return annotations;
        }

        @Override
        public void deleteNodeObject(String node) {
            calls.add("delete-node-object " + node);
        }

        @Override
        public void nodeEvent(String node, boolean warning, String reason, String message) {
            calls.add("event " + node + " " + reason);
        }

        @Override
        public void podEvent(Pod pod, boolean warning, String reason, String message) {
            calls.add("pod-event " + pod.name() + " " + reason);
        }

        long count(String prefix) {
            return calls.stream().filter(c -> c.startsWith(prefix)).count();
        }
    }

    /** A node group that records deleted servers. */
    private static final class FakeGroup implements NodeGroup {
        final List<String> deleted = new ArrayList<>();
        boolean failDelete;

        @Override
        public String id() {
            return "g";
        }

        @Override
        public int minSize() {
            return 0;
        }

        @Override
        public int maxSize() {
            return 100;
        }

        @Override
        public int targetSize() {
            return 10;
        }

        @Override
        public void increaseSize(int delta) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deleteNodes(List<Node> nodes) {
            if (failDelete) {
                throw new CloudProviderException(
                        CloudProviderException.Kind.CLOUD_API, "server busy");
            }
            nodes.forEach(n -> deleted.add(n.name()));
        }

        @Override
        public void decreaseTargetSize(int negativeDelta) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Instance> nodes() {
            return List.of();
        }

        @Override
        public NodeTemplate templateNode() {
            throw CloudProviderException.notImplemented("template");
        }
    }

    private final FakeCluster cluster = new FakeCluster();
    private final FakeGroup group = new FakeGroup();

    private DeletionRequest request(String name, List<Pod> toMove, List<Pod> daemonSet) {
        NodeDrain drain = new NodeDrain(toMove, daemonSet, List.of(), null, null);
        return new DeletionRequest(
                node(name, 4000, 8).build(), group, new NodeRemoval(name, drain, Map.of(), false));
    }

    private DeletionRequest drainRequest(String name) {
        return request(
                name,
                List.of(
                        rsPod("a-" + name, "web", 100, 100).build(),
                        rsPod("b-" + name, "web", 100, 100).build()),
                List.of());
    }

    /** Ticks once a second from {@code from} to {@code to} inclusive. */
    private static void tickEverySecond(ScaleDownActuator a, Instant from, Instant to) {
        for (Instant t = from; !t.isAfter(to); t = t.plusSeconds(1)) {
            a.tick(t);
        }
    }

    @Test
    void happyPathTaintsWaitsEvictsThenDeletesServerThenNodeObject() {
        ScaleDownActuator a = new ScaleDownActuator(ScaleDownOptions.DEFAULTS, cluster);
        assertThat(a.start(List.of(drainRequest("n1")), T0).failure()).isEmpty();
        a.tick(T0.plusSeconds(4));
        assertThat(cluster.count("evict")).isZero();
        tickEverySecond(a, T0.plusSeconds(5), T0.plusSeconds(10));

        assertThat(group.deleted).containsExactly("n1");
        assertThat(cluster.calls)
                .containsSubsequence(
                        "taint n1",
                        "evict a-n1",
                        "evict b-n1",
                        "event n1 ScaleDown",
                        "delete-node-object n1");
        assertThat(cluster.count("untaint")).isZero();
        assertThat(a.takeFinished())
                .singleElement()
                .satisfies(r -> assertThat(r.success()).isTrue());
        assertThat(a.inFlightNodes()).isEmpty();
    }

    @Test
    void evictionRefusedPastTheDeadlineUntaintsAndKeepsTheServer() {
        cluster.evictionAnswer = EvictionOutcome.PDB_REFUSED;
        ScaleDownActuator a = new ScaleDownActuator(ScaleDownOptions.DEFAULTS, cluster);
        a.start(List.of(drainRequest("n1")), T0);
        // Evictions start at 5 s and are retried every 10 s until 5 s + 2 min.
        tickEverySecond(a, T0, T0.plusSeconds(124));
        assertThat(a.inFlightNodes()).containsExactly("n1");
        assertThat(a.takeFinished()).isEmpty();
        a.tick(T0.plusSeconds(125));

        assertThat(cluster.count("evict a-n1")).isEqualTo(13);
        assertThat(cluster.calls)
                .contains(
                        "untaint n1", "event n1 ScaleDownFailed", "pod-event a-n1 ScaleDownFailed");
        assertThat(group.deleted).isEmpty();
        assertThat(a.takeFinished())
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.success()).isFalse();
                            assertThat(r.message())
                                    .contains("default/a-n1")
                                    .contains("PDB_REFUSED");
                        });
        // Nothing more happens afterwards.
        tickEverySecond(a, T0.plusSeconds(126), T0.plusSeconds(400));
        assertThat(group.deleted).isEmpty();
    }

    @Test
    void podsThatDoNotGoFailTheDrainAfterGracePlusHeadroom() {
        cluster.podsGo = false;
        Pod slow =
                rsPod("slow", "web", 100, 100)
                        .lifecycle(
                                new PodLifecycle(
                                        PodLifecycle.Phase.RUNNING,
                                        PodLifecycle.RestartPolicy.ALWAYS,
                                        null,
                                        Duration.ofSeconds(60)))
                        .build();
        ScaleDownActuator a = new ScaleDownActuator(ScaleDownOptions.DEFAULTS, cluster);
        a.start(List.of(request("n1", List.of(slow), List.of())), T0);
        // Evicted at 5 s; waited for 60 s grace + 30 s headroom.
        tickEverySecond(a, T0, T0.plusSeconds(94));
        assertThat(a.inFlightNodes()).containsExactly("n1");
        tickEverySecond(a, T0.plusSeconds(95), T0.plusSeconds(100));
        assertThat(a.inFlightNodes()).isEmpty();
        assertThat(cluster.calls).contains("untaint n1", "event n1 ScaleDownFailed");
        assertThat(group.deleted).isEmpty();
    }

    @Test
    void graceIsCappedByMaxGracefulTermination() {
        Pod longGrace =
                rsPod("long", "web", 100, 100)
                        .lifecycle(
                                new PodLifecycle(
                                        PodLifecycle.Phase.RUNNING,
                                        PodLifecycle.RestartPolicy.ALWAYS,
                                        null,
                                        Duration.ofHours(1)))
                        .build();
        ScaleDownActuator a = new ScaleDownActuator(ScaleDownOptions.DEFAULTS, cluster);
        a.start(List.of(request("n1", List.of(longGrace), List.of())), T0);
        tickEverySecond(a, T0, T0.plusSeconds(6));
        assertThat(cluster.graces).containsExactly(Duration.ofSeconds(600));
    }

    @Test
    void aFailedServerDeletionUntaints() {
        group.failDelete = true;
        ScaleDownActuator a = new ScaleDownActuator(ScaleDownOptions.DEFAULTS, cluster);
        a.start(List.of(request("e1", List.of(), List.of())), T0);
        tickEverySecond(a, T0, T0.plusSeconds(6));
        assertThat(a.takeFinished())
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.success()).isFalse();
                            assertThat(r.message())
                                    .startsWith("failed to delete empty node")
                                    .contains("server busy");
                        });
        assertThat(cluster.calls).contains("untaint e1");
    }

    @Test
    void aTaintFailureRollsBackTheBatchAndStartsNothing() {
        cluster.failTaint.add("n2");
        ScaleDownActuator a =
                new ScaleDownActuator(
                        ScaleDownOptions.DEFAULTS.toBuilder().maxDrainParallelism(3).build(),
                        cluster);
        StartResult r =
                a.start(List.of(drainRequest("n1"), drainRequest("n2"), drainRequest("n3")), T0);
        assertThat(r.failure()).hasValueSatisfying(m -> assertThat(m).startsWith("n2"));
        assertThat(r.started()).isEmpty();
        assertThat(cluster.calls)
                .containsSubsequence("taint n1", "untaint n1", "event n2 ScaleDownFailed");
        assertThat(cluster.calls).doesNotContain("taint n3");
        assertThat(a.inFlightNodes()).isEmpty();
    }

    @Test
    void emptyNodesEvictDaemonSetPodsOnlyWhenAskedAndDoNotWait() {
        Pod ds =
                rsPod("agent", "web", 10, 10)
                        .owner(OwnerReference.controller("DaemonSet", "agent", "u"))
                        .build();
        Pod optedIn =
                rsPod("logs", "web", 10, 10)
                        .owner(OwnerReference.controller("DaemonSet", "logs", "u"))
                        .annotations(Map.of(DaemonSetEviction.ENABLE_DS_EVICTION, "true"))
                        .build();
        ScaleDownActuator a = new ScaleDownActuator(ScaleDownOptions.DEFAULTS, cluster);
        a.start(List.of(request("e1", List.of(), List.of(ds, optedIn))), T0);
        a.tick(T0.plusSeconds(5));
        assertThat(cluster.calls).contains("evict logs").doesNotContain("evict agent");
        assertThat(group.deleted).containsExactly("e1");
    }

    @Test
    void startRespectsTheParallelismBudgets() {
        ScaleDownActuator a = new ScaleDownActuator(ScaleDownOptions.DEFAULTS, cluster);
        List<DeletionRequest> many = new ArrayList<>();
        many.add(drainRequest("d1"));
        many.add(drainRequest("d2"));
        for (int i = 0; i < 15; i++) {
            many.add(request("e" + i, List.of(), List.of()));
        }
        StartResult r = a.start(many, T0);
        assertThat(r.started()).hasSize(10);
        assertThat(a.drainsInFlight()).isZero();
        assertThat(a.emptyInFlight()).isEqualTo(10);

        ScaleDownActuator b = new ScaleDownActuator(ScaleDownOptions.DEFAULTS, new FakeCluster());
        assertThat(b.start(List.of(drainRequest("d1"), drainRequest("d2")), T0).started())
                .containsExactly("d1");
        // The second drain waits for the first one to finish.
        assertThat(b.start(List.of(drainRequest("d2")), T0.plusSeconds(1)).started()).isEmpty();
        tickEverySecond(b, T0, T0.plusSeconds(10));
        assertThat(b.start(List.of(drainRequest("d2")), T0.plusSeconds(11)).started())
                .containsExactly("d2");
    }

    @Test
    void anEmptyNodeThatReceivedAPodIsNotDeleted() {
        cluster.podsOnNode = List.of(rsPod("newcomer", "web", 100, 100).build());
        ScaleDownActuator a = new ScaleDownActuator(ScaleDownOptions.DEFAULTS, cluster);
        a.start(List.of(request("e1", List.of(), List.of())), T0);
        a.tick(T0.plusSeconds(5));
        assertThat(group.deleted).isEmpty();
        assertThat(a.takeFinished())
                .singleElement()
                .satisfies(r -> assertThat(r.message()).contains("default/newcomer"));
        assertThat(cluster.calls).contains("untaint e1");
    }

    @Test
    void delayDeletionAnnotationsHoldTheDeletionUpToTheTimeout() {
        cluster.annotations =
                Map.of("delay-deletion.cluster-autoscaler.kubernetes.io/lb", "draining");
        ScaleDownActuator a = new ScaleDownActuator(ScaleDownOptions.DEFAULTS, cluster);
        a.start(List.of(request("e1", List.of(), List.of())), T0);
        tickEverySecond(a, T0, T0.plusSeconds(124));
        assertThat(group.deleted).isEmpty();
        a.tick(T0.plusSeconds(125));
        assertThat(group.deleted).containsExactly("e1");

        // Removing the annotation lets the deletion go on at the next poll.
        FakeGroup other = new FakeGroup();
        FakeCluster c2 = new FakeCluster();
        c2.annotations = Map.of("delay-deletion.cluster-autoscaler.kubernetes.io/lb", "draining");
        ScaleDownActuator b = new ScaleDownActuator(ScaleDownOptions.DEFAULTS, c2);
        NodeDrain none = new NodeDrain(List.of(), List.of(), List.of(), null, null);
        b.start(
                List.of(
                        new DeletionRequest(
                                node("e2", 4000, 8).build(),
                                other,
                                new NodeRemoval("e2", none, Map.of(), false))),
                T0);
        tickEverySecond(b, T0, T0.plusSeconds(20));
        c2.annotations = Map.of();
        tickEverySecond(b, T0.plusSeconds(21), T0.plusSeconds(26));
        assertThat(other.deleted).containsExactly("e2");
    }
}

package org.k8sca.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NodeBuilder;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.k8sca.core.clusterstate.ClusterStateRegistry;
import org.k8sca.kube.objects.SchedulingState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Servers deleted by hand in the Kamatera console, in a cluster without a cloud controller manager:
 * their Nodes stay NotReady, the autoscaler counts them as deleted (not unready, so the cluster
 * stays healthy), deletes them once they have been NotReady for the grace, and replaces the
 * capacity their pods lose.
 */
class OrphanNodeScenarioTest {
    private static final Duration GRACE = Duration.ofMinutes(5);
    private VirtualCluster cluster;

    @AfterEach
    void checkInvariantsAndClose() {
        if (cluster == null) {
            return;
        }
        try {
            assertThat(cluster.invariantViolations()).as("invariants after the scenario").isEmpty();
        } finally {
            cluster.close();
        }
    }

    private long boundPods() {
        return cluster.objects().pods().stream()
                .filter(p -> p.state() == SchedulingState.BOUND)
                .count();
    }

    private ClusterStateRegistry registry() {
        return cluster.lastActedAssembly().pass().registry();
    }

    @Test
    void nodesOfServersDeletedByHandAreRemovedAfterTheGraceAndTheClusterStaysHealthy()
            throws Exception {
        cluster = VirtualCluster.builder().nodeGroup("ng1", 1, 5).start();
        cluster.kubelet().keepNodesOfGoneServers();
        // 900m each: two fit on a 2-core node, so 10 pods need 5 nodes.
        cluster.apply(Workload.of("web", 10, "900m", "256Mi"));
        cluster.runUntil("all 10 pods run", () -> boundPods() == 10, Duration.ofMinutes(20));
        Set<String> before = new TreeSet<>(cluster.nodeNames());
        assertThat(before).hasSize(5);

        // An operator deletes four of the five servers: more unready nodes than
        // --ok-total-unready-count (3) and --max-total-unready-percentage (45 %) allow.
        List<String> victims = new ArrayList<>(before).subList(0, 4);
        for (String name : victims) {
            cluster.kamateraApi().terminateServer(name);
        }
        Instant terminated = cluster.now();
        cluster.run(Duration.ofMinutes(2));
        assertThat(cluster.nodeNames())
                .as("without a cloud controller manager the Nodes stay")
                .containsAll(victims);
        assertThat(registry().totalCounts().beingDeleted()).isEqualTo(4);
        assertThat(registry().totalCounts().unready()).isZero();
        assertThat(registry().isClusterHealthy()).isTrue();

        cluster.run(Duration.ofMinutes(2));
        assertThat(cluster.nodeNames())
                .as("not deleted before they have been NotReady for the grace")
                .containsAll(victims);

        cluster.runUntil(
                "the Nodes of the deleted servers are gone",
                () -> victims.stream().noneMatch(cluster.nodeNames()::contains),
                Duration.ofMinutes(5));
        assertThat(Duration.between(terminated, cluster.now())).isGreaterThanOrEqualTo(GRACE);
        assertThat(cluster.events())
                .filteredOn(e -> "DeletingNode".equals(e.getReason()))
                .extracting(e -> e.getInvolvedObject().getName())
                .containsExactlyInAnyOrderElementsOf(victims);

        // Their pods are collected and recreated; the autoscaler replaces the capacity.
        cluster.runUntil(
                "all 10 pods run again on five nodes",
                () -> boundPods() == 10 && cluster.nodeNames().size() == 5,
                Duration.ofMinutes(20));
        assertThat(cluster.nodeNames()).hasSize(5).doesNotContainAnyElementsOf(victims);
        assertThat(registry().isClusterHealthy()).isTrue();
        assertThat(registry().totalCounts().beingDeleted()).isZero();
    }

    @Test
    void aNodeTheAutoscalerNeverManagedIsKeptHoweverLongItIsNotReady() throws Exception {
        cluster = VirtualCluster.builder().nodeGroup("ng1", 1, 3).start();
        cluster.kubelet().keepNodesOfGoneServers();
        cluster.addServer("ng1-first", "ng1");
        cluster.runUntil(
                "the first node registers",
                () -> cluster.nodeNames().contains("ng1-first"),
                Duration.ofMinutes(2));
        // A control-plane node with no Kamatera server behind it, NotReady for a day.
        cluster.client()
                .nodes()
                .resource(
                        new NodeBuilder()
                                .withNewMetadata()
                                .withName("control-plane-1")
                                .endMetadata()
                                .withNewStatus()
                                .addNewCondition()
                                .withType("Ready")
                                .withStatus("False")
                                .withLastTransitionTime(
                                        cluster.now().minus(Duration.ofDays(1)).toString())
                                .endCondition()
                                .endStatus()
                                .build())
                .create();

        cluster.run(Duration.ofMinutes(15));
        assertThat(cluster.nodeNames()).contains("control-plane-1", "ng1-first");
        assertThat(cluster.events()).noneMatch(e -> "DeletingNode".equals(e.getReason()));
    }
}

package org.k8sca.core.estimator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.k8sca.core.Fixtures.HOSTNAME;
import static org.k8sca.core.Fixtures.node;
import static org.k8sca.core.Fixtures.pod;

import org.junit.jupiter.api.Test;
import org.k8sca.core.cloud.NodeTemplate;
import org.k8sca.core.labels.LabelSelector;
import org.k8sca.core.model.DaemonSet;
import org.k8sca.core.model.OwnerReference;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.PodAffinityTerm;
import org.k8sca.core.podgroup.EquivalenceGrouper;
import org.k8sca.core.podgroup.PodGroup;
import org.k8sca.core.resources.Resources;
import org.k8sca.core.scheduling.PredicateChecker;
import org.k8sca.core.snapshot.ClusterSnapshot;
import org.k8sca.core.testing.StepClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

class BinpackingEstimatorTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final EstimationLimits UNLIMITED =
            new EstimationLimits(1000, Duration.ofSeconds(10));
    private static final OwnerReference RS = OwnerReference.controller("ReplicaSet", "web", "rs-1");

    private final ClusterSnapshot snapshot = new ClusterSnapshot();
    private final PredicateChecker checker = new PredicateChecker(snapshot);
    private final BinpackingEstimator estimator = new BinpackingEstimator(StepClock.fixed(T0));

    private static NodeTemplate template(long milliCpu, long memGi) {
        return new NodeTemplate(node("template-node-for-ng", milliCpu, memGi).build(), List.of());
    }

    private static List<PodGroup> replicas(int n, long milliCpu, long memMi) {
        List<Pod> pods = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pods.add(pod("p" + i, milliCpu, memMi).owner(RS).build());
        }
        return EquivalenceGrouper.group(pods);
    }

    @Test
    void tenOneCpuPodsOnThreeAndAHalfCpuNodesNeedFourNodes() {
        // 3 pods of 1 CPU fit in 3.5 CPU, a 4th does not: 3 + 3 + 3 + 1.
        Estimate e =
                estimator.estimate(
                        checker, "ng", template(3500, 16), replicas(10, 1000, 100), UNLIMITED);

        assertThat(e.nodeCount()).isEqualTo(4);
        assertThat(e.placements()).hasSize(10);
        assertThat(e.unplaced()).isEmpty();
        assertThat(e.stopReason()).isEmpty();
        assertThat(e.placements().stream().filter(p -> p.nodeName().endsWith("-e-3"))).hasSize(1);
    }

    @Test
    void daemonSetPodsOfTheTemplateTakeTheirShare() {
        Pod agent = pod("agent", 1000, 100).build();
        DaemonSet ds = new DaemonSet("kube-system", "agent", "ds-1", agent);
        NodeTemplate t =
                new NodeTemplate(
                        node("template-node-for-ng", 3500, 16).build(),
                        List.of(ds.podFor("template-node-for-ng")));

        // 2.5 CPU left per node: 2 pods each, so 10 pods need 5 nodes.
        Estimate e = estimator.estimate(checker, "ng", t, replicas(10, 1000, 100), UNLIMITED);

        assertThat(e.nodeCount()).isEqualTo(5);
    }

    @Test
    void aPodLargerThanTheTemplateNeedsNoNodeAndSaysWhy() {
        Estimate e =
                estimator.estimate(
                        checker, "ng", template(2000, 4), replicas(3, 3000, 100), UNLIMITED);

        assertThat(e.nodeCount()).isZero();
        assertThat(e.placements()).isEmpty();
        assertThat(e.unplaced()).hasSize(3);
        assertThat(e.stopReason())
                .contains("does not fit an empty new node")
                .contains("Insufficient cpu");
    }

    @Test
    void aTooLargeGroupDoesNotStopSmallerGroups() {
        List<Pod> pods = new ArrayList<>();
        pods.add(pod("huge", 8000, 100).build());
        pods.add(pod("small-1", 500, 100).build());
        pods.add(pod("small-2", 500, 100).build());

        Estimate e =
                estimator.estimate(
                        checker,
                        "ng",
                        template(2000, 4),
                        EquivalenceGrouper.group(pods),
                        UNLIMITED);

        assertThat(e.nodeCount()).isEqualTo(1);
        assertThat(e.helpedPods())
                .extracting(Pod::name)
                .containsExactlyInAnyOrder("small-1", "small-2");
        assertThat(e.unplaced()).extracting(Pod::name).containsExactly("huge");
    }

    @Test
    void theNodeLimitStopsTheEstimate() {
        Estimate e =
                estimator.estimate(
                        checker,
                        "ng",
                        template(3500, 16),
                        replicas(10, 1000, 100),
                        new EstimationLimits(2, Duration.ofSeconds(10)));

        assertThat(e.nodeCount()).isEqualTo(2);
        assertThat(e.placements()).hasSize(6);
        assertThat(e.unplaced()).hasSize(4);
        assertThat(e.stopReason())
                .isEqualTo("reached the limit of 2 new node(s) for this scale-up");
    }

    @Test
    void aZeroLimitAllowsNoNode() {
        Estimate e =
                estimator.estimate(
                        checker,
                        "ng",
                        template(3500, 16),
                        replicas(2, 1000, 100),
                        new EstimationLimits(0, Duration.ofSeconds(10)));

        assertThat(e.nodeCount()).isZero();
        assertThat(e.stopReason()).contains("no new node");
    }

    @Test
    void theTimeBudgetStopsTheEstimateOnTheInjectedClock() {
        // Every clock read moves one second on; a 3 s budget allows only a few pods.
        BinpackingEstimator slow =
                new BinpackingEstimator(new StepClock(T0, Duration.ofSeconds(1)));

        Estimate e =
                slow.estimate(
                        checker,
                        "ng",
                        template(3500, 16),
                        replicas(10, 1000, 100),
                        new EstimationLimits(1000, Duration.ofSeconds(3)));

        assertThat(e.stopReason()).isEqualTo("binpacking time budget ran out");
        assertThat(e.placements().size()).isBetween(1, 9);
        assertThat(e.placements().size() + e.unplaced().size()).isEqualTo(10);
    }

    @Test
    void hostnameAntiAffinityPutsOnePodPerNode() {
        List<Pod> pods = new ArrayList<>();
        PodAffinityTerm oneper =
                PodAffinityTerm.of(LabelSelector.matchLabels("app", "db"), HOSTNAME);
        for (int i = 0; i < 4; i++) {
            pods.add(
                    pod("db-" + i, 100, 100, "app", "db")
                            .owner(RS)
                            .antiAffinityTerms(List.of(oneper))
                            .build());
        }

        Estimate e =
                estimator.estimate(
                        checker,
                        "ng",
                        template(3500, 16),
                        EquivalenceGrouper.group(pods),
                        UNLIMITED);

        assertThat(e.nodeCount()).isEqualTo(4);
    }

    @Test
    void largerPodsArePlacedFirst() {
        List<Pod> pods = new ArrayList<>();
        pods.add(pod("small", 1000, 100).build());
        pods.add(pod("big", 3000, 100).build());

        Estimate e =
                estimator.estimate(
                        checker,
                        "ng",
                        template(4000, 16),
                        EquivalenceGrouper.group(pods),
                        UNLIMITED);

        assertThat(e.placements()).extracting(p -> p.pod().name()).containsExactly("big", "small");
        assertThat(e.nodeCount()).isEqualTo(1);
    }

    @Test
    void theSnapshotIsUnchangedAfterwards() {
        snapshot.addNode(node("real", 1000, 1).build());
        int podsBefore = snapshot.podCount();

        estimator.estimate(checker, "ng", template(3500, 16), replicas(10, 1000, 100), UNLIMITED);

        assertThat(snapshot.nodeCount()).isEqualTo(1);
        assertThat(snapshot.podCount()).isEqualTo(podsBefore);
        assertThat(snapshot.forkDepth()).isZero();
    }

    @Test
    void podsThatAskForNothingStillCountAgainstThePodLimit() {
        NodeTemplate t =
                new NodeTemplate(
                        node("template-node-for-ng", 4000, 16)
                                .allocatable(Resources.of(4000, 16L << 30, 0, 3, 0))
                                .build(),
                        List.of());

        Estimate e = estimator.estimate(checker, "ng", t, replicas(7, 0, 0), UNLIMITED);

        assertThat(e.nodeCount()).isEqualTo(3);
    }
}

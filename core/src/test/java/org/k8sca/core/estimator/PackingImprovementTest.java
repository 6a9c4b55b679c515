package org.k8sca.core.estimator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.k8sca.core.Fixtures.node;
import static org.k8sca.core.Fixtures.pod;

import org.junit.jupiter.api.Test;
import org.k8sca.core.cloud.NodeTemplate;
import org.k8sca.core.model.OwnerReference;
import org.k8sca.core.model.Pod;
import org.k8sca.core.podgroup.EquivalenceGrouper;
import org.k8sca.core.podgroup.PodGroup;
import org.k8sca.core.scheduling.PredicateChecker;
import org.k8sca.core.snapshot.ClusterSnapshot;
import org.k8sca.core.template.NodeTemplates;
import org.k8sca.core.testing.StepClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The second packing (node by node, by how well a pod matches the room left) on cases computed by
 * hand, and the rule that decides which of the two answers the estimator returns.
 */
class PackingImprovementTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final EstimationLimits UNLIMITED =
            new EstimationLimits(1000, Duration.ofSeconds(10));

    private final ClusterSnapshot snapshot = new ClusterSnapshot();
    private final PredicateChecker checker = new PredicateChecker(snapshot);

    private static NodeTemplate template(long milliCpu, long memGi) {
        return new NodeTemplate(node("template-node-for-ng", milliCpu, memGi).build(), List.of());
    }

    private static List<Pod> replicas(String app, int n, long milliCpu, long memMi) {
        OwnerReference rs = OwnerReference.controller("ReplicaSet", app, "rs-" + app);
        List<Pod> pods = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pods.add(pod(app + "-" + i, milliCpu, memMi, "app", app).owner(rs).build());
        }
        return pods;
    }

    /**
     * 8 CPU-heavy pods (1 CPU, 128 MiB) and 8 memory-heavy ones (100 m, 1 GiB), 4 CPU/4 GiB nodes.
     */
    private static List<PodGroup> cpuAndMemoryHeavy() {
        List<Pod> pods = new ArrayList<>(replicas("cpu", 8, 1000, 128));
        pods.addAll(replicas("mem", 8, 100, 1024));
        return EquivalenceGrouper.group(pods);
    }

    @Test
    void complementaryPodsShareNodesWhereFirstFitWastesOne() {
        // First fit, largest first: the CPU pods fill two nodes' CPU (4 each) and leave their
        // memory idle; the memory pods then fit neither and fill two more nodes' memory: 4 nodes.
        // Resources need 3 (8.8 CPU and 9 GiB over 4 CPU/4 GiB nodes), and filling node by node
        // reaches 3: three of each kind on the first two nodes, two of each on the third.
        NodeTemplate t = template(4000, 4);
        Estimate firstFit =
                new BinpackingEstimator(StepClock.fixed(T0), false)
                        .estimate(checker, "ng", t, cpuAndMemoryHeavy(), UNLIMITED);
        Estimate e =
                new BinpackingEstimator(StepClock.fixed(T0))
                        .estimate(checker, "ng", t, cpuAndMemoryHeavy(), UNLIMITED);

        assertThat(firstFit.nodeCount()).isEqualTo(4);
        assertThat(e.nodeCount()).isEqualTo(3);
        assertThat(e.placements()).hasSize(16);
        assertThat(e.unplaced()).isEmpty();
        assertThat(e.stopReason()).isEmpty();
        Map<String, Set<String>> kindsPerNode = new HashMap<>();
        for (PodPlacement p : e.placements()) {
            kindsPerNode
                    .computeIfAbsent(p.nodeName(), n -> new java.util.TreeSet<>())
                    .add(p.pod().labels().get("app"));
        }
        assertThat(kindsPerNode.values())
                .allSatisfy(k -> assertThat(k).containsExactly("cpu", "mem"));
        assertPlacementsPassThePredicates(e, t);
        assertThat(snapshot.nodeCount()).isZero();
        assertThat(snapshot.forkDepth()).isZero();
    }

    @Test
    void whenTheSecondPackingIsNoBetterFirstFitsPlacementsStand() {
        // 5 pods of (2.6 CPU, 1.875 GiB), 1 of (1.5 CPU, 2.625 GiB), 4 of (0.2 CPU, 2.875 GiB) on
        // 4 CPU/4 GiB nodes: no two pods share a node (each pair is over 4 CPU or over 4 GiB), so
        // 10 nodes is the best there is, far above the volume bound. Both packings find 10, in a
        // different order; first fit's answer is kept, placement for placement.
        NodeTemplate t = template(4000, 4);
        List<Pod> pods = new ArrayList<>(replicas("a", 5, 2600, 1920));
        pods.addAll(replicas("b", 1, 1500, 2688));
        pods.addAll(replicas("c", 4, 200, 2944));
        List<PodGroup> groups = EquivalenceGrouper.group(pods);
        Estimate firstFit =
                new BinpackingEstimator(StepClock.fixed(T0), false)
                        .estimate(checker, "ng", t, groups, UNLIMITED);
        snapshot.fork();
        Estimate filled =
                new NodeByNodeFill(StepClock.fixed(T0), checker, "ng", t, 1000, T0.plusSeconds(10))
                        .pack(BinpackingEstimator.bySizeDescending(groups, t.node()))
                        .orElseThrow();
        snapshot.revert();

        Estimate e =
                new BinpackingEstimator(StepClock.fixed(T0))
                        .estimate(checker, "ng", t, groups, UNLIMITED);

        assertThat(LowerBound.nodes(pods, t)).isLessThan(10);
        assertThat(firstFit.nodeCount()).isEqualTo(10);
        assertThat(filled.nodeCount()).isEqualTo(10);
        assertThat(filled.placements()).isNotEqualTo(firstFit.placements());
        assertThat(e.placements()).isEqualTo(firstFit.placements());
    }

    @Test
    void aSecondPackingThatRunsOutOfTimeLeavesTheFirstFitAnswer() {
        // Count the clock reads of first fit alone, then give a budget that just covers them:
        // the second packing starts, runs out, and first fit's 4 nodes stand, with no stop reason.
        NodeTemplate t = template(4000, 4);
        StepClock counting = new StepClock(T0, Duration.ofMillis(1));
        new BinpackingEstimator(counting, false)
                .estimate(checker, "ng", t, cpuAndMemoryHeavy(), UNLIMITED);
        int reads = counting.reads();

        Estimate e =
                new BinpackingEstimator(new StepClock(T0, Duration.ofMillis(1)))
                        .estimate(
                                checker,
                                "ng",
                                t,
                                cpuAndMemoryHeavy(),
                                new EstimationLimits(1000, Duration.ofMillis(reads + 1)));

        assertThat(e.nodeCount()).isEqualTo(4);
        assertThat(e.placements()).hasSize(16);
        assertThat(e.stopReason()).isEmpty();
        assertThat(snapshot.forkDepth()).isZero();
    }

    @Test
    void aPodThatFitsNoEmptyNodeIsReportedByTheSecondPackingToo() {
        // The huge pod fits no node; the other two groups are packed 3 nodes instead of 4.
        List<Pod> pods = new ArrayList<>();
        for (PodGroup g : cpuAndMemoryHeavy()) {
            pods.addAll(g.pods());
        }
        pods.add(pod("huge", 9000, 100).build());

        Estimate e =
                new BinpackingEstimator(StepClock.fixed(T0))
                        .estimate(
                                checker,
                                "ng",
                                template(4000, 4),
                                EquivalenceGrouper.group(pods),
                                UNLIMITED);

        assertThat(e.nodeCount()).isEqualTo(3);
        assertThat(e.unplaced()).extracting(Pod::name).containsExactly("huge");
        assertThat(e.stopReason())
                .contains("default/huge does not fit an empty new node")
                .contains("Insufficient cpu");
    }

    @Test
    void theBetterAnswerNeedsFewerNodesAndNoGroupLosingPods() {
        List<PodGroup> groups = cpuAndMemoryHeavy();
        List<Pod> cpu = groups.get(0).pods();
        List<Pod> mem = groups.get(1).pods();
        Estimate fourNodesAll = estimate(4, cpu, mem);
        Estimate threeNodesAll = estimate(3, cpu, mem);
        Estimate threeNodesFewerMem = estimate(3, cpu, mem.subList(0, 7));
        Estimate twoNodesFewerCpu = estimate(2, cpu.subList(0, 7), mem);

        assertThat(BinpackingEstimator.better(threeNodesAll, fourNodesAll, groups)).isTrue();
        assertThat(BinpackingEstimator.better(fourNodesAll, threeNodesAll, groups)).isFalse();
        assertThat(BinpackingEstimator.better(threeNodesAll, threeNodesAll, groups)).isFalse();
        assertThat(BinpackingEstimator.better(threeNodesFewerMem, fourNodesAll, groups)).isFalse();
        assertThat(BinpackingEstimator.better(twoNodesFewerCpu, threeNodesFewerMem, groups))
                .isFalse();
    }

    /** An estimate that names {@code nodes} nodes and places the given pods (on node 0). */
    private static Estimate estimate(int nodes, List<Pod> a, List<Pod> b) {
        List<org.k8sca.core.model.Node> used = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            used.add(node("n" + i, 1000, 1).build());
        }
        List<PodPlacement> placements = new ArrayList<>();
        for (Pod p : a) {
            placements.add(new PodPlacement(p, "n0"));
        }
        for (Pod p : b) {
            placements.add(new PodPlacement(p, "n0"));
        }
        return new Estimate("ng", used, placements, List.of(), "");
    }

    private static void assertPlacementsPassThePredicates(Estimate e, NodeTemplate t) {
        ClusterSnapshot replay = new ClusterSnapshot();
        PredicateChecker replayChecker = new PredicateChecker(replay);
        Set<String> names = e.newNodes().stream().map(n -> n.name()).collect(Collectors.toSet());
        for (String name : names) {
            NodeTemplate copy = NodeTemplates.copy(t, name, false);
            replay.addNode(copy.node(), copy.pods());
        }
        for (PodPlacement p : e.placements()) {
            assertThat(replayChecker.checkOnNode(p.pod(), p.nodeName()))
                    .as("%s on %s", p.pod().key(), p.nodeName())
                    .isEmpty();
            replay.addPod(p.pod(), p.nodeName());
        }
    }
}

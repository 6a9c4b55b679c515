package org.k8sca.core.estimator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.k8sca.core.Fixtures;
import org.k8sca.core.cloud.NodeTemplate;
import org.k8sca.core.labels.LabelSelector;
import org.k8sca.core.labels.Labels;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.OwnerReference;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.PodAffinityTerm;
import org.k8sca.core.podgroup.EquivalenceGrouper;
import org.k8sca.core.resources.Resources;
import org.k8sca.core.scheduling.PredicateChecker;
import org.k8sca.core.snapshot.ClusterSnapshot;
import org.k8sca.core.template.NodeTemplates;
import org.k8sca.core.testing.StepClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * On random templates and pods: every placement the estimator reports fits the node it names
 * (replayed with the real predicate checker), and the node count is at least the lower bound that
 * resources alone give. Run with {@code -Dtest.seed=N} to explore other cases.
 */
class BinpackingEstimatorPropertyTest {

    private static final long GI = Fixtures.GI;

    @Test
    void placementsFitAndNodeCountRespectsTheResourceLowerBound() {
        long baseSeed = Long.getLong("test.seed", 31_337L);
        for (int run = 0; run < 200; run++) {
            long seed = baseSeed + run;
            try {
                runOnce(new Random(seed));
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
            }
        }
    }

    private void runOnce(Random rnd) {
        long cpu = 1000 + rnd.nextInt(8) * 500;
        long memGi = 2 + rnd.nextInt(31);
        int maxPods = 3 + rnd.nextInt(30);
        Node templateNode =
                Node.builder("template-node-for-ng")
                        .labels(Labels.of(NodeTemplates.HOSTNAME_LABEL, "template-node-for-ng"))
                        .allocatable(Resources.of(cpu, memGi * GI, 100 * GI, maxPods, 0))
                        .build();
        List<Pod> templatePods = new ArrayList<>();
        if (rnd.nextBoolean()) {
            templatePods.add(
                    Pod.builder("kube-system", "ds")
                            .uid("ds-uid")
                            .nodeName(templateNode.name())
                            .owner(OwnerReference.controller("DaemonSet", "ds", "ds-1"))
                            .requests(
                                    Resources.of(rnd.nextInt(500), rnd.nextInt(512) << 20, 0, 0, 0))
                            .build());
        }
        NodeTemplate template = new NodeTemplate(templateNode, templatePods);

        List<Pod> pods = new ArrayList<>();
        int controllers = 1 + rnd.nextInt(4);
        for (int c = 0; c < controllers; c++) {
            OwnerReference owner = OwnerReference.controller("ReplicaSet", "rs" + c, "rs-uid-" + c);
            long podCpu = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt((int) cpu + 500);
            long podMemMi = rnd.nextInt((int) (memGi * 1024) + 512);
            boolean antiAffinity = rnd.nextInt(5) == 0;
            int n = 1 + rnd.nextInt(25);
            for (int i = 0; i < n; i++) {
                Pod.Builder b =
                        Fixtures.pod("c" + c + "-" + i, podCpu, podMemMi, "app", "a" + c)
                                .owner(owner);
                if (antiAffinity) {
                    b.antiAffinityTerms(
                            List.of(
                                    PodAffinityTerm.of(
                                            LabelSelector.matchLabels("app", "a" + c),
                                            NodeTemplates.HOSTNAME_LABEL)));
                }
                pods.add(b.build());
            }
        }
        int limit = 1 + rnd.nextInt(60);

        ClusterSnapshot snapshot = new ClusterSnapshot();
        BinpackingEstimator estimator = new BinpackingEstimator(StepClock.fixed(Instant.EPOCH));
        Estimate e =
                estimator.estimate(
                        new PredicateChecker(snapshot),
                        "ng",
                        template,
                        EquivalenceGrouper.group(pods),
                        new EstimationLimits(limit, Duration.ofSeconds(10)));

        assertThat(e.nodeCount()).isLessThanOrEqualTo(limit);
        assertThat(e.placements().size() + e.unplaced().size()).isEqualTo(pods.size());
        Set<String> newNodes = new HashSet<>();
        for (Node n : e.newNodes()) {
            newNodes.add(n.name());
        }
        assertThat(newNodes).hasSize(e.nodeCount());

        // Replay every placement, in order, on fresh copies of the template.
        ClusterSnapshot replay = new ClusterSnapshot();
        PredicateChecker checker = new PredicateChecker(replay);
        for (String name : newNodes) {
            NodeTemplate copy = NodeTemplates.copy(template, name, false);
            replay.addNode(copy.node(), copy.pods());
        }
        long cpuSum = 0;
        long memSum = 0;
        for (PodPlacement p : e.placements()) {
            assertThat(newNodes).as("node of %s", p.pod().key()).contains(p.nodeName());
            assertThat(checker.checkOnNode(p.pod(), p.nodeName()))
                    .as("%s on %s", p.pod().key(), p.nodeName())
                    .isEmpty();
            replay.addPod(p.pod(), p.nodeName());
            cpuSum += p.pod().requests().milliCpu();
            memSum += p.pod().requests().memoryBytes();
        }

        // Each node offers at most its allocatable minus the template's own pods.
        Resources used = Resources.ZERO;
        for (Pod p : templatePods) {
            used = used.plus(p.requests());
        }
        long freeCpu = cpu - used.milliCpu();
        long freeMem = memGi * GI - used.memoryBytes();
        long freePods = maxPods - templatePods.size();
        long bound =
                Math.max(
                        ceilDiv(cpuSum, freeCpu),
                        Math.max(
                                ceilDiv(memSum, freeMem),
                                ceilDiv(e.placements().size(), freePods)));
        assertThat((long) e.nodeCount()).isGreaterThanOrEqualTo(bound);
        if (!e.placements().isEmpty()) {
            assertThat(e.nodeCount()).isPositive();
        }
    }

    private static long ceilDiv(long a, long b) {
        return b <= 0 ? 0 : (a + b - 1) / b;
    }
}

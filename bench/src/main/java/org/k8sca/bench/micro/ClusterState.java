package org.k8sca.bench.micro;

import org.k8sca.bench.cluster.ClusterGenerator;
import org.k8sca.bench.cluster.ClusterSpec;
import org.k8sca.bench.cluster.GeneratedCluster;
import org.k8sca.bench.macro.SteppedClock;
import org.k8sca.core.model.Pod;
import org.k8sca.core.snapshot.NodeInfo;
import org.k8sca.core.template.GroupTemplate;

import java.util.List;
import java.util.Map;

/**
 * The generated cluster the micro-benchmarks run on (1000 nodes × 30 pods, 500 pending, 30 %
 * anti-affine workloads so that affinity checks have work), and a few pods and nodes picked from
 * it.
 */
final class ClusterState {

    final GeneratedCluster cluster;
    final SteppedClock clock = new SteppedClock(ClusterGenerator.BASE_TIME.plusSeconds(86_400));
    final Map<String, GroupTemplate> templates;

    ClusterState() {
        cluster =
                ClusterGenerator.generate(ClusterSpec.of(1000, 30, 500).withAntiAffinity(0.3, 0.3));
        templates = cluster.templates(clock);
    }

    /** The first pending pod matching {@code test}. */
    Pod pending(java.util.function.Predicate<Pod> test, String what) {
        return cluster.pending().stream()
                .filter(test)
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        "the generated cluster has no pending pod that " + what));
    }

    /**
     * A new pending pod of the same workload as the first bound pod matching {@code test}: same
     * labels and constraints, so that the existing replicas count in its affinity and spread
     * checks.
     */
    Pod newReplicaOf(java.util.function.Predicate<Pod> test, String what) {
        Pod bound =
                cluster.snapshot().pods().values().stream()
                        .filter(p -> test.test(p) && p.nodeSelector().isEmpty())
                        .min(java.util.Comparator.comparing(Pod::uid))
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "the generated cluster has no bound pod that "
                                                        + what));
        return Pod.builder(bound.namespace(), bound.name() + "-new")
                .labels(bound.labels())
                .owner(bound.owner())
                .requests(bound.requests())
                .antiAffinityTerms(bound.antiAffinityTerms())
                .spreadConstraints(bound.spreadConstraints())
                .build();
    }

    /** A busy, autoscaled node in the middle of the snapshot. */
    NodeInfo someNode() {
        List<NodeInfo> nodes = cluster.snapshot().nodeInfos();
        return nodes.get(nodes.size() / 2);
    }
}

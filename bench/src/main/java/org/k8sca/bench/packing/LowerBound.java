package org.k8sca.bench.packing;

import org.k8sca.core.cloud.NodeTemplate;
import org.k8sca.core.model.Pod;
import org.k8sca.core.resources.Resources;

import java.util.Collection;

/**
 * The fewest nodes any packing needs: for CPU, memory and pod slots, the pods' total request over
 * what one new node has free (allocatable minus its DaemonSet pods), rounded up; the largest of the
 * three. Affinity and node shape fragmentation can only make the real number larger.
 */
public final class LowerBound {

    private LowerBound() {}

    /** What a new node of {@code template} has free for the pods that are to come. */
    public static Resources free(NodeTemplate template) {
        Resources used = Resources.ZERO;
        for (Pod p : template.pods()) {
            used = used.plus(p.requests());
        }
        Resources a = template.node().allocatable();
        return Resources.of(
                a.milliCpu() - used.milliCpu(),
                a.memoryBytes() - used.memoryBytes(),
                a.ephemeralStorageBytes() - used.ephemeralStorageBytes(),
                a.pods() - used.pods(),
                0);
    }

    /**
     * @throws IllegalArgumentException when {@code free} has no room in a dimension some pod asks
     *     for
     */
    public static int nodes(Collection<Pod> pods, Resources free) {
        long cpu = 0;
        long mem = 0;
        long count = 0;
        for (Pod p : pods) {
            cpu += p.requests().milliCpu();
            mem += p.requests().memoryBytes();
            count += Math.max(1, p.requests().pods());
        }
        return (int)
                Math.max(
                        ceil(cpu, free.milliCpu(), "cpu"),
                        Math.max(
                                ceil(mem, free.memoryBytes(), "memory"),
                                ceil(count, free.pods(), "pods")));
    }

    /**
     * A second bound that the volume bound misses: for each distinct request, no node holds more of
     * those pods than fit side by side on an empty node, so that kind alone needs count / per-node
     * nodes (e.g. pods of 3 CPU on 3.7 free CPU: one per node, whatever the volume says).
     */
    public static int nodesByKind(Collection<Pod> pods, Resources free) {
        java.util.Map<Resources, Integer> counts = new java.util.HashMap<>();
        for (Pod p : pods) {
            counts.merge(p.requests(), 1, Integer::sum);
        }
        long bound = 0;
        for (java.util.Map.Entry<Resources, Integer> e : counts.entrySet()) {
            long perNode =
                    Math.min(
                            perNode(e.getKey().milliCpu(), free.milliCpu()),
                            Math.min(
                                    perNode(e.getKey().memoryBytes(), free.memoryBytes()),
                                    perNode(Math.max(1, e.getKey().pods()), free.pods())));
            if (perNode <= 0) {
                throw new IllegalArgumentException(
                        "lower bound: a pod asking for "
                                + e.getKey()
                                + " does not fit a new node with "
                                + free);
            }
            bound = Math.max(bound, (e.getValue() + perNode - 1) / perNode);
        }
        return (int) bound;
    }

    private static long perNode(long request, long free) {
        return request <= 0 ? Long.MAX_VALUE : free / request;
    }

    private static long ceil(long total, long perNode, String dimension) {
        if (total == 0) {
            return 0;
        }
        if (perNode <= 0) {
            throw new IllegalArgumentException(
                    "lower bound: a new node has no free " + dimension + " (" + perNode + ")");
        }
        return (total + perNode - 1) / perNode;
    }
}

package org.k8sca.bench.cluster;

import org.k8sca.core.model.Taint;
import org.k8sca.core.model.TaintEffect;
import org.k8sca.core.resources.Resources;

import java.util.List;

/**
 * The machine type of one node group.
 *
 * @param groupId the node group id
 * @param milliCpu the machine's CPU in millicores
 * @param memoryGib the machine's memory in GiB
 * @param weight the share of the cluster's nodes in this group
 * @param taints taints on every node of the group (pods must tolerate them)
 */
public record NodeShape(
        String groupId, long milliCpu, long memoryGib, int weight, List<Taint> taints) {

    /** Taint of the dedicated batch group; only batch pods tolerate it. */
    public static final Taint BATCH_TAINT =
            new Taint("bench.k8sca.org/dedicated", "batch", TaintEffect.NO_SCHEDULE);

    /** The groups every generated cluster has, general purpose first. */
    public static final List<NodeShape> DEFAULT_SHAPES =
            List.of(
                    new NodeShape("general-4", 4_000, 16, 3, List.of()),
                    new NodeShape("general-8", 8_000, 32, 4, List.of()),
                    new NodeShape("compute-16", 16_000, 32, 2, List.of()),
                    new NodeShape("memory-8", 8_000, 64, 2, List.of()),
                    new NodeShape("batch-16", 16_000, 64, 1, List.of(BATCH_TAINT)));

    public static final long GIB = 1L << 30;

    /** What kubelet and the system keep for themselves on every node. */
    static final long RESERVED_MILLI_CPU = 100;

    static final long RESERVED_MEMORY = 512L << 20;
    static final long MAX_PODS = 110;

    public NodeShape {
        taints = List.copyOf(taints);
    }

    public Resources capacity() {
        return Resources.of(milliCpu, memoryGib * GIB, 100 * GIB, MAX_PODS, 0);
    }

    public Resources allocatable() {
        return Resources.of(
                milliCpu - RESERVED_MILLI_CPU,
                memoryGib * GIB - RESERVED_MEMORY,
                90 * GIB,
                MAX_PODS,
                0);
    }

    public boolean tainted() {
        return !taints.isEmpty();
    }
}

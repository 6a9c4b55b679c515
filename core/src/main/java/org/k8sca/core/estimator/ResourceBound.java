package org.k8sca.core.estimator;

import org.k8sca.core.cloud.NodeTemplate;
import org.k8sca.core.model.Pod;
import org.k8sca.core.resources.Resources;

import java.util.List;

/**
 * The fewest new nodes that resources alone allow: for CPU, memory, ephemeral storage, GPUs and pod
 * slots, the pods' total request over what one empty new node has free (its allocatable minus the
 * template's own pods, e.g. DaemonSets), rounded up; the largest of these. No packing can use fewer
 * nodes, so when a packing reaches this number there is nothing to improve.
 */
final class ResourceBound {

    private ResourceBound() {}

    static int nodes(List<Pod> pods, NodeTemplate template) {
        Resources used = Resources.ZERO;
        for (Pod p : template.pods()) {
            used = used.plus(p.requests());
        }
        Resources alloc = template.node().allocatable();
        Resources wanted = Resources.ZERO;
        for (Pod p : pods) {
            wanted = wanted.plus(p.requests());
        }
        long bound = 0;
        bound = Math.max(bound, ceil(wanted.milliCpu(), alloc.milliCpu() - used.milliCpu()));
        bound =
                Math.max(
                        bound,
                        ceil(wanted.memoryBytes(), alloc.memoryBytes() - used.memoryBytes()));
        bound =
                Math.max(
                        bound,
                        ceil(
                                wanted.ephemeralStorageBytes(),
                                alloc.ephemeralStorageBytes() - used.ephemeralStorageBytes()));
        bound = Math.max(bound, ceil(wanted.gpus(), alloc.gpus() - used.gpus()));
        bound = Math.max(bound, ceil(pods.size(), alloc.pods() - template.pods().size()));
        return (int) Math.min(bound, Integer.MAX_VALUE);
    }

    /**
     * {@code total / perNode} rounded up; 0 when nothing is wanted or a node has no room at all
     * (then this dimension proves nothing: the pods were placed, so the checker did not count it).
     */
    private static long ceil(long total, long perNode) {
        if (total <= 0 || perNode <= 0) {
            return 0;
        }
        return (total + perNode - 1) / perNode;
    }
}

package org.k8sca.core.estimator;

import org.k8sca.core.cloud.NodeTemplate;
import org.k8sca.core.labels.Labels;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.PodAffinityTerm;
import org.k8sca.core.resources.Resources;
import org.k8sca.core.template.NodeTemplates;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fewest new nodes that any packing of some pods needs, from cheap counts that are each a valid
 * bound; the largest of them:
 *
 * <ul>
 *   <li>volume: for CPU, memory, ephemeral storage, GPUs and pod slots, the pods' total request
 *       over what one empty new node has free (its allocatable minus the template's own pods, e.g.
 *       DaemonSets), rounded up;
 *   <li>large pods: pods that ask for more than half of a node's free CPU (or memory) cannot share
 *       a node with each other;
 *   <li>per request: of pods with the same requests, no node holds more than fit side by side;
 *   <li>anti-affinity: pods that carry a required anti-affinity term on the hostname and match it
 *       themselves cannot share a node.
 * </ul>
 *
 * When a packing reaches this number there is nothing to improve, so the estimator does not try.
 */
final class LowerBound {

    private LowerBound() {}

    static int nodes(List<Pod> pods, NodeTemplate template) {
        Resources used = Resources.ZERO;
        for (Pod p : template.pods()) {
            used = used.plus(p.requests());
        }
        Resources alloc = template.node().allocatable();
        long freeCpu = alloc.milliCpu() - used.milliCpu();
        long freeMemory = alloc.memoryBytes() - used.memoryBytes();
        long freeStorage = alloc.ephemeralStorageBytes() - used.ephemeralStorageBytes();
        long freeGpus = alloc.gpus() - used.gpus();
        long freeSlots = alloc.pods() - template.pods().size();

        long cpu = 0;
        long memory = 0;
        long storage = 0;
        long gpus = 0;
        long overHalfCpu = 0;
        long overHalfMemory = 0;
        Map<Resources, Integer> sameRequests = new HashMap<>();
        Map<PodAffinityTerm, Integer> antiAffine = new HashMap<>();
        for (Pod p : pods) {
            Resources r = p.requests();
            cpu += r.milliCpu();
            memory += r.memoryBytes();
            storage += r.ephemeralStorageBytes();
            gpus += r.gpus();
            overHalfCpu += r.milliCpu() > 0 && 2 * r.milliCpu() > freeCpu ? 1 : 0;
            overHalfMemory += r.memoryBytes() > 0 && 2 * r.memoryBytes() > freeMemory ? 1 : 0;
            sameRequests.merge(r, 1, Integer::sum);
            for (PodAffinityTerm t : p.antiAffinityTerms()) {
                if (NodeTemplates.HOSTNAME_LABEL.equals(t.topologyKey())
                        && t.matches(p, Labels.EMPTY)) {
                    antiAffine.merge(t, 1, Integer::sum);
                }
            }
        }
        long bound = Math.max(overHalfCpu, overHalfMemory);
        bound = Math.max(bound, ceil(cpu, freeCpu));
        bound = Math.max(bound, ceil(memory, freeMemory));
        bound = Math.max(bound, ceil(storage, freeStorage));
        bound = Math.max(bound, ceil(gpus, freeGpus));
        bound = Math.max(bound, ceil(pods.size(), freeSlots));
        for (Map.Entry<Resources, Integer> e : sameRequests.entrySet()) {
            Resources r = e.getKey();
            long perNode =
                    Math.min(
                            Math.min(
                                    perNode(r.milliCpu(), freeCpu),
                                    perNode(r.memoryBytes(), freeMemory)),
                            Math.min(
                                    perNode(r.ephemeralStorageBytes(), freeStorage),
                                    Math.min(perNode(r.gpus(), freeGpus), freeSlots)));
            if (perNode > 0) {
                bound = Math.max(bound, ceil(e.getValue(), perNode));
            }
        }
        for (int count : antiAffine.values()) {
            bound = Math.max(bound, count);
        }
        return (int) Math.min(bound, Integer.MAX_VALUE);
    }

    /** How many requests of {@code request} fit side by side in {@code free}. */
    private static long perNode(long request, long free) {
        return request <= 0 ? Long.MAX_VALUE : Math.max(free, 0) / request;
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

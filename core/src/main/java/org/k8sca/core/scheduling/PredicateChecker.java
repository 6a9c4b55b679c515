package org.k8sca.core.scheduling;

import org.k8sca.core.model.Node;
import org.k8sca.core.model.Pod;
import org.k8sca.core.snapshot.ClusterSnapshot;
import org.k8sca.core.snapshot.NodeInfo;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * Answers "does pod P fit node N" and "where does P fit" against a {@link ClusterSnapshot}, with
 * kube-scheduler's Filter plugins in the scheduler's order, stopping at the first plugin that
 * rejects a node (as the scheduler does).
 *
 * <p>Per-pod work that does not depend on the node (the scheduler's PreFilter: inter-pod affinity
 * and topology spread counts) is done once and reused until the pod or the snapshot changes.
 *
 * <p>The pod being checked must not itself be bound in the snapshot (remove it first when
 * simulating a move), otherwise it would count against itself.
 *
 * <p>Not thread-safe; use one checker per thread.
 */
public final class PredicateChecker {

    private final ClusterSnapshot snapshot;
    private final SpreadDomains spreadDomains = new SpreadDomains();

    // The PreFilter results of the last pod checked, valid while the snapshot version is unchanged.
    private Pod cachedPod;
    private long cachedVersion = -1;
    private InterPodAffinityState cachedAffinity;
    private TopologySpreadState cachedSpread;

    public PredicateChecker(ClusterSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    public ClusterSnapshot snapshot() {
        return snapshot;
    }

    /**
     * Whether {@code pod} fits node {@code nodeName}.
     *
     * @return empty when it fits, else the failure of the first plugin that rejected it
     * @throws IllegalArgumentException if the node is not in the snapshot or the pod is bound in it
     */
    public Optional<PredicateFailure> checkOnNode(Pod pod, String nodeName) {
        NodeInfo info = snapshot.nodeInfo(nodeName);
        if (info == null) {
            throw new IllegalArgumentException("node " + nodeName + " is not in the snapshot");
        }
        String preFilter = preFilter(pod);
        if (preFilter != null) {
            return Optional.of(PredicateFailure.of(Reasons.VOLUME_BINDING, preFilter));
        }
        return Optional.ofNullable(filter(pod, info));
    }

    /** Where {@code pod} fits, searching every node from the first. */
    public Placement findNode(Pod pod) {
        return findNode(pod, null, n -> true);
    }

    /**
     * Where {@code pod} fits: the first node, in snapshot order starting at {@code startAt} and
     * wrapping around, that passes {@code nodeFilter} and every scheduler filter.
     *
     * @param startAt node to try first (e.g. where the previous pod of the same group went), or
     *     {@code null} to start at the first node
     * @param nodeFilter the caller's restriction (e.g. "not the node being removed"); rejected
     *     nodes are skipped without a reason
     */
    public Placement findNode(Pod pod, String startAt, Predicate<NodeInfo> nodeFilter) {
        int total = snapshot.nodeCount();
        String preFilter = preFilter(pod);
        if (preFilter != null) {
            return new Placement(null, SchedulingFailure.preFilter(total, preFilter));
        }
        int slots = snapshot.nodeSlotCount();
        int start = startAt == null ? 0 : Math.max(0, snapshot.slotOf(startAt));
        SchedulingFailure.Builder failures = SchedulingFailure.builder();
        for (int k = 0; k < slots; k++) {
            NodeInfo info = snapshot.nodeAt((start + k) % slots);
            if (info == null || !nodeFilter.test(info)) {
                continue;
            }
            PredicateFailure failure = filter(pod, info);
            if (failure == null) {
                return new Placement(info.name(), null);
            }
            failures.add(failure);
        }
        return new Placement(null, failures.build(total));
    }

    /** Node-independent checks; returns a reason that rejects the pod everywhere, or null. */
    private String preFilter(Pod pod) {
        if (snapshot.pod(pod.uid()) != null) {
            throw new IllegalArgumentException(
                    "pod "
                            + pod.key()
                            + " is bound in the snapshot; remove it before checking where it fits");
        }
        if (pod.unboundImmediateClaims()) {
            return Reasons.UNBOUND_IMMEDIATE_CLAIMS;
        }
        if (pod != cachedPod || snapshot.version() != cachedVersion) {
            cachedPod = pod;
            cachedVersion = snapshot.version();
            cachedAffinity =
                    hasPodAffinityWork(pod) ? InterPodAffinityState.compute(pod, snapshot) : null;
            cachedSpread = TopologySpreadState.compute(pod, snapshot, spreadDomains);
        }
        return null;
    }

    private boolean hasPodAffinityWork(Pod pod) {
        return !pod.affinityTerms().isEmpty()
                || !pod.antiAffinityTerms().isEmpty()
                || !snapshot.existingAntiAffinity().isEmpty();
    }

    /** The Filter plugins of the default profile, in order. */
    private PredicateFailure filter(Pod pod, NodeInfo info) {
        Node node = info.node();
        PredicateFailure f = NodeFilters.nodeUnschedulable(pod, node);
        if (f == null) {
            f = NodeFilters.nodeName(pod, node);
        }
        if (f == null) {
            f = NodeFilters.taintToleration(pod, node);
        }
        if (f == null) {
            f = NodeFilters.nodeAffinity(pod, node);
        }
        if (f == null) {
            f = NodeFilters.nodePorts(pod, info);
        }
        if (f == null) {
            f = NodeFilters.resourcesFit(pod, info);
        }
        if (f == null) {
            f = NodeFilters.volumeBinding(pod, node);
        }
        if (f == null) {
            f = NodeFilters.volumeZone(pod, node);
        }
        if (f == null && cachedSpread != null) {
            f = cachedSpread.filter(info);
        }
        if (f == null && cachedAffinity != null) {
            f = cachedAffinity.filter(info);
        }
        return f;
    }
}

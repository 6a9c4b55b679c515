package org.k8sca.core.scheduling;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Why a pod fits no node, aggregated over nodes like kube-scheduler's FitError: each reason with
 * the number of nodes that gave it. A node that failed for several reasons of one plugin (e.g. cpu
 * and memory) counts once under each.
 */
public final class SchedulingFailure {

    private final int totalNodes;
    private final String preFilterReason;
    private final Map<String, Integer> nodesByReason;

    private SchedulingFailure(
            int totalNodes, String preFilterReason, Map<String, Integer> nodesByReason) {
        this.totalNodes = totalNodes;
        this.preFilterReason = preFilterReason;
        this.nodesByReason = Collections.unmodifiableMap(nodesByReason);
    }

    /**
     * A failure that rejects the pod before any node is looked at (e.g. unbound immediate PVCs).
     */
    static SchedulingFailure preFilter(int totalNodes, String reason) {
        return new SchedulingFailure(totalNodes, reason, new TreeMap<>());
    }

    /** Number of nodes in the snapshot (the N of "0/N nodes are available"). */
    public int totalNodes() {
        return totalNodes;
    }

    /** The reason that rejected the pod on every node at once, or {@code null}. */
    public String preFilterReason() {
        return preFilterReason;
    }

    /** Each reason with the number of nodes that gave it, sorted by reason. */
    public Map<String, Integer> nodesByReason() {
        return nodesByReason;
    }

    /**
     * The scheduler's message, e.g. {@code 0/5 nodes are available: 2 node(s) had untolerated taint
     * {dedicated: gpu}, 3 Insufficient cpu.} The "count reason" parts are sorted as strings, as the
     * scheduler sorts them.
     */
    public String message() {
        StringBuilder sb =
                new StringBuilder("0/").append(totalNodes).append(" nodes are available:");
        if (preFilterReason != null) {
            sb.append(' ').append(preFilterReason);
        }
        List<String> parts = new ArrayList<>(nodesByReason.size());
        for (Map.Entry<String, Integer> e : nodesByReason.entrySet()) {
            parts.add(e.getValue() + " " + e.getKey());
        }
        Collections.sort(parts);
        if (!parts.isEmpty()) {
            sb.append(' ').append(String.join(", ", parts));
        }
        return sb.append('.').toString();
    }

    @Override
    public String toString() {
        return message();
    }

    /** Collects per-node failures. */
    public static final class Builder {
        // Most failures are shared constants, so counting them by identity avoids work per node.
        private final Map<PredicateFailure, int[]> countByFailure = new IdentityHashMap<>();

        public Builder add(PredicateFailure failure) {
            int[] count = countByFailure.get(failure);
            if (count == null) {
                countByFailure.put(failure, new int[] {1});
            } else {
                count[0]++;
            }
            return this;
        }

        public SchedulingFailure build(int totalNodes) {
            Map<String, Integer> nodesByReason = new TreeMap<>();
            for (Map.Entry<PredicateFailure, int[]> e : countByFailure.entrySet()) {
                for (String reason : e.getKey().reasons()) {
                    nodesByReason.merge(reason, e.getValue()[0], Integer::sum);
                }
            }
            return new SchedulingFailure(totalNodes, null, nodesByReason);
        }
    }

    public static Builder builder() {
        return new Builder();
    }
}

package org.k8sca.core.scheduling;

import org.k8sca.core.labels.Labels;
import org.k8sca.core.labels.NodeSelector;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.Toleration;
import org.k8sca.core.model.TopologySpreadConstraint;
import org.k8sca.core.snapshot.ClusterSnapshot;
import org.k8sca.core.snapshot.NodeInfo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The eligible topology domains of a pod's DoNotSchedule spread constraints, cached across pods and
 * pod placements.
 *
 * <p>Which nodes count as domains depends only on the nodes and on a few fields of the pod (the
 * constraints' topology keys and policies, and the node selector, node affinity and tolerations
 * when a policy honours them), never on where pods are. Pods of one workload share those fields, so
 * one entry serves all of them; placing a pod leaves it valid. An entry follows node changes
 * incrementally: when {@link ClusterSnapshot#nodeSetVersion()} moved, it re-evaluates the positions
 * {@link ClusterSnapshot#nodeSlotsChangedSince} names (a fork, a node removal and its revert cost
 * two positions, not a walk over the cluster), or, when the snapshot no longer knows, compares
 * every position's node by identity (nodes are immutable).
 *
 * <p>Not thread-safe; owned by one {@link PredicateChecker}.
 */
final class SpreadDomains {

    /**
     * Enough for every distinct spread workload shape of a large cluster; least recently used goes.
     */
    private static final int MAX_ENTRIES = 256;

    /**
     * The fields of a pod and its hard constraints that decide which nodes are eligible domains.
     */
    private record Key(
            List<String> topologyKeys,
            List<Boolean> honorNodeAffinity,
            List<Boolean> honorNodeTaints,
            Labels nodeSelector,
            NodeSelector requiredNodeAffinity,
            List<Toleration> tolerations) {

        static Key of(Pod pod, List<TopologySpreadConstraint> hard) {
            List<String> keys = new ArrayList<>(hard.size());
            List<Boolean> affinity = new ArrayList<>(hard.size());
            List<Boolean> taints = new ArrayList<>(hard.size());
            boolean anyAffinity = false;
            boolean anyTaints = false;
            for (TopologySpreadConstraint c : hard) {
                keys.add(c.topologyKey());
                affinity.add(c.honorNodeAffinity());
                taints.add(c.honorNodeTaints());
                anyAffinity |= c.honorNodeAffinity();
                anyTaints |= c.honorNodeTaints();
            }
            // Pod fields no policy looks at stay out of the key, so more pods share an entry.
            return new Key(
                    keys,
                    affinity,
                    taints,
                    anyAffinity ? pod.nodeSelector() : null,
                    anyAffinity ? pod.requiredNodeAffinity() : null,
                    anyTaints ? pod.tolerations() : null);
        }
    }

    /**
     * The eligible domain of every node position for one {@link Key}, and the number of eligible
     * nodes per domain (a domain exists while it has at least one).
     */
    static final class Eligibility {
        private final List<TopologySpreadConstraint> constraints;

        /** The node each position held when last evaluated; {@code null} for an empty position. */
        private Node[] nodes = new Node[0];

        /**
         * Per constraint and position: the node's domain when it is eligible, else {@code null}.
         */
        private final String[][] domainBySlot;

        /** Per constraint: eligible nodes per domain. */
        private final List<Map<String, Integer>> nodesByDomain;

        private long nodeSetVersion = -1;

        private Eligibility(List<TopologySpreadConstraint> constraints) {
            this.constraints = constraints;
            this.domainBySlot = new String[constraints.size()][0];
            this.nodesByDomain = new ArrayList<>(constraints.size());
            for (int i = 0; i < constraints.size(); i++) {
                nodesByDomain.add(new HashMap<>());
            }
        }

        /**
         * The domain of the node at {@code slot} for constraint {@code i}, or {@code null} if not
         * eligible.
         */
        String domainAt(int i, int slot) {
            return slot < domainBySlot[i].length ? domainBySlot[i][slot] : null;
        }

        /** The number of eligible domains of constraint {@code i}. */
        int domainCount(int i) {
            return nodesByDomain.get(i).size();
        }

        /** Brings the entry up to the snapshot's nodes, re-evaluating only changed positions. */
        private void refresh(Pod pod, ClusterSnapshot snapshot) {
            if (snapshot.nodeSetVersion() == nodeSetVersion) {
                return;
            }
            int slots = snapshot.nodeSlotCount();
            if (slots > nodes.length) {
                int size = Math.max(slots, nodes.length + nodes.length / 2);
                nodes = Arrays.copyOf(nodes, size);
                for (int i = 0; i < domainBySlot.length; i++) {
                    domainBySlot[i] = Arrays.copyOf(domainBySlot[i], size);
                }
            }
            int[] changed = snapshot.nodeSlotsChangedSince(nodeSetVersion);
            if (changed != null) {
                for (int slot : changed) {
                    refreshSlot(pod, snapshot, slots, slot);
                }
            } else {
                for (int slot = 0; slot < nodes.length; slot++) {
                    refreshSlot(pod, snapshot, slots, slot);
                }
            }
            nodeSetVersion = snapshot.nodeSetVersion();
        }

        private void refreshSlot(Pod pod, ClusterSnapshot snapshot, int slots, int slot) {
            if (slot >= nodes.length) {
                // A position added and dropped again since the last refresh: never seen, nothing to
                // undo.
                return;
            }
            NodeInfo info = slot < slots ? snapshot.nodeAt(slot) : null;
            Node current = info == null ? null : info.node();
            // Nodes are immutable, so the same object at the same position has the same domains.
            if (current != nodes[slot]) {
                evaluate(pod, slot, current);
            }
        }

        private void evaluate(Pod pod, int slot, Node node) {
            boolean hasAllKeys = node != null && hasAllKeys(node);
            for (int i = 0; i < constraints.size(); i++) {
                String old = domainBySlot[i][slot];
                if (old != null) {
                    nodesByDomain.get(i).merge(old, -1, (a, b) -> a + b == 0 ? null : a + b);
                }
                TopologySpreadConstraint c = constraints.get(i);
                String domain =
                        hasAllKeys && passesInclusionPolicies(pod, node, c)
                                ? node.labels().get(c.topologyKey())
                                : null;
                domainBySlot[i][slot] = domain;
                if (domain != null) {
                    nodesByDomain.get(i).merge(domain, 1, Integer::sum);
                }
            }
            nodes[slot] = node;
        }

        /** A node is a domain of any constraint only if it carries every constraint's key. */
        private boolean hasAllKeys(Node node) {
            for (int i = 0; i < constraints.size(); i++) {
                if (!node.labels().containsKey(constraints.get(i).topologyKey())) {
                    return false;
                }
            }
            return true;
        }

        private static boolean passesInclusionPolicies(
                Pod pod, Node node, TopologySpreadConstraint c) {
            if (c.honorNodeAffinity() && !NodeFilters.matchesNodeSelectorAndAffinity(pod, node)) {
                return false;
            }
            return !c.honorNodeTaints() || NodeFilters.firstUntoleratedTaint(pod, node) == null;
        }
    }

    private final Map<Key, Eligibility> entries =
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Key, Eligibility> eldest) {
                    return size() > MAX_ENTRIES;
                }
            };

    /**
     * The eligible domains of {@code hard} (the pod's DoNotSchedule constraints) in the snapshot
     * now.
     */
    Eligibility eligibility(
            Pod pod, List<TopologySpreadConstraint> hard, ClusterSnapshot snapshot) {
        Key key = Key.of(pod, hard);
        Eligibility e = entries.get(key);
        if (e == null) {
            e = new Eligibility(List.copyOf(hard));
            entries.put(key, e);
        }
        e.refresh(pod, snapshot);
        return e;
    }
}

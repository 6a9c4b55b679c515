package org.k8sca.core.snapshot;

import org.k8sca.core.labels.LabelSelector;
import org.k8sca.core.labels.Labels;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.PodAffinityTerm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Nodes and the pods bound to them, with incremental aggregates, and cheap what-if simulation.
 *
 * <p>{@link #fork()} starts a simulation; every later change is recorded in an undo journal. {@link
 * #revert()} undoes the changes since the matching fork, {@link #commit()} keeps them (folding them
 * into the enclosing fork, if any). Both cost O(changes since the fork), never O(cluster). Forks
 * nest. Without an open fork nothing is journaled.
 *
 * <p>Nodes keep the order in which they were added (removal and revert keep positions), so "find a
 * node" is deterministic.
 *
 * <p>Not thread-safe. Reads from several threads are safe while nobody changes the snapshot.
 */
public final class ClusterSnapshot {

    /** One undoable step. */
    private interface Undo {
        void undo();
    }

    /** Node slots in insertion order; {@code null} marks a removed node. */
    private final List<NodeInfo> slots = new ArrayList<>();

    private final Map<String, Integer> slotByName = new HashMap<>();
    private int liveNodes;
    private final Map<String, Pod> podsByUid = new HashMap<>();
    private final Map<String, Pod> podsView = Collections.unmodifiableMap(podsByUid);
    private final PodLabelIndex labelIndex = new PodLabelIndex(podsByUid);
    private final AntiAffinityIndex antiAffinityIndex = new AntiAffinityIndex();
    private final Map<String, Labels> namespaceLabels = new HashMap<>();

    private final ArrayDeque<Undo> journal = new ArrayDeque<>();

    /** Journal sizes at each open fork, innermost last. */
    private final ArrayDeque<Integer> forkPoints = new ArrayDeque<>();

    private long version;
    private long nodeSetVersion;

    /**
     * The position each recent node set version changed, in a ring indexed by version: entry {@code
     * v % NODE_LOG_SIZE} is the position whose change produced version {@code v}, or {@link
     * #ALL_POSITIONS} when every position may have moved (compaction).
     */
    private final int[] nodeChangeLog = new int[NODE_LOG_SIZE];

    private static final int NODE_LOG_SIZE = 4096;
    private static final int ALL_POSITIONS = -1;

    // ---------------------------------------------------------------- reads

    /** Changes on every modification (including revert); lets callers cache derived data. */
    public long version() {
        return version;
    }

    /**
     * Changes whenever the set of nodes or their positions change (a node added or removed, such a
     * change reverted, positions compacted), but not when only pods change. Lets callers cache data
     * derived from the nodes alone, e.g. which topology domains exist.
     */
    public long nodeSetVersion() {
        return nodeSetVersion;
    }

    /**
     * The positions whose node changed (added, removed, or restored by a revert) since node set
     * version {@code since}, possibly with repeats; empty when nothing changed. {@code null} when
     * that is no longer known (the version is too old, or positions were compacted): callers then
     * re-read every position.
     */
    public int[] nodeSlotsChangedSince(long since) {
        long changes = nodeSetVersion - since;
        if (since < 0 || changes < 0 || changes > NODE_LOG_SIZE) {
            return null;
        }
        int[] out = new int[(int) changes];
        for (int k = 0; k < changes; k++) {
            int slot = nodeChangeLog[(int) ((since + 1 + k) % NODE_LOG_SIZE)];
            if (slot == ALL_POSITIONS) {
                return null;
            }
            out[k] = slot;
        }
        return out;
    }

    public int nodeCount() {
        return liveNodes;
    }

    public int podCount() {
        return podsByUid.size();
    }

    /** The node named {@code name}, or {@code null}. */
    public NodeInfo nodeInfo(String name) {
        Integer slot = slotByName.get(name);
        return slot == null ? null : slots.get(slot);
    }

    /** All nodes, in insertion order (a copy). */
    public List<NodeInfo> nodeInfos() {
        List<NodeInfo> out = new ArrayList<>(liveNodes);
        for (NodeInfo n : slots) {
            if (n != null) {
                out.add(n);
            }
        }
        return out;
    }

    /**
     * Number of node positions, including removed ones; for index-based iteration with {@link
     * #nodeAt}.
     */
    public int nodeSlotCount() {
        return slots.size();
    }

    /** The node at position {@code i}, or {@code null} if it was removed. */
    public NodeInfo nodeAt(int i) {
        return slots.get(i);
    }

    /** The position of node {@code name}, or -1. */
    public int slotOf(String name) {
        Integer slot = slotByName.get(name);
        return slot == null ? -1 : slot;
    }

    /** The bound pod with this UID, or {@code null}. */
    public Pod pod(String uid) {
        return podsByUid.get(uid);
    }

    /** All bound pods by UID (read-only, live). */
    public Map<String, Pod> pods() {
        return podsView;
    }

    /** Labels of namespace {@code name} (empty when unknown), for namespace selectors. */
    public Labels namespaceLabels(String name) {
        Labels l = namespaceLabels.get(name);
        return l == null ? Labels.EMPTY : l;
    }

    /**
     * Groups of bound pods that hold every pod {@code selector} may match; callers still check the
     * selector on each. Uses the label index, so it is usually far smaller than all pods.
     */
    public List<Collection<Pod>> candidatePods(LabelSelector selector) {
        return labelIndex.candidates(selector);
    }

    /** The existing pods' required anti-affinity terms with their pod count per topology value. */
    public Map<PodAffinityTerm, Map<String, Integer>> existingAntiAffinity() {
        return antiAffinityIndex.countsByTerm();
    }

    /** The number of forks not yet reverted or committed. */
    public int forkDepth() {
        return forkPoints.size();
    }

    // ---------------------------------------------------------------- changes

    /** Sets the labels of a namespace (used by namespace selectors of affinity terms). */
    public void setNamespaceLabels(String namespace, Labels labels) {
        Objects.requireNonNull(namespace, "namespace");
        Labels previous = namespaceLabels.put(namespace, labels == null ? Labels.EMPTY : labels);
        version++;
        record(
                () -> {
                    if (previous == null) {
                        namespaceLabels.remove(namespace);
                    } else {
                        namespaceLabels.put(namespace, previous);
                    }
                });
    }

    /**
     * Adds a node without pods.
     *
     * @throws IllegalArgumentException if a node with that name exists
     */
    public NodeInfo addNode(Node node) {
        if (slotByName.containsKey(node.name())) {
            throw new IllegalArgumentException(
                    "node " + node.name() + " is already in the snapshot");
        }
        NodeInfo info = new NodeInfo(node);
        int slot = slots.size();
        slots.add(info);
        slotByName.put(node.name(), slot);
        liveNodes++;
        version++;
        nodeChanged(slot);
        record(
                () -> {
                    // Undo runs newest first, so this node is the last slot again.
                    slots.remove(slots.size() - 1);
                    slotByName.remove(node.name());
                    liveNodes--;
                    nodeChanged(slot);
                });
        return info;
    }

    /** Adds a node and binds {@code pods} to it. */
    public NodeInfo addNode(Node node, Collection<Pod> pods) {
        NodeInfo info = addNode(node);
        for (Pod p : pods) {
            addPod(p, node.name());
        }
        return info;
    }

    /**
     * Removes a node and all its pods.
     *
     * @throws IllegalArgumentException if there is no such node
     */
    public void removeNode(String name) {
        NodeInfo info = requireNode(name);
        for (Pod p : new ArrayList<>(info.pods())) {
            removePod(p.uid());
        }
        int slot = slotByName.remove(name);
        slots.set(slot, null);
        liveNodes--;
        version++;
        nodeChanged(slot);
        record(
                () -> {
                    slots.set(slot, info);
                    slotByName.put(name, slot);
                    liveNodes++;
                    nodeChanged(slot);
                });
        compactIfIdle();
    }

    /**
     * Binds {@code pod} to node {@code nodeName} (its {@code nodeName} is set accordingly).
     *
     * @throws IllegalArgumentException if the node does not exist or the UID is already present
     */
    public Pod addPod(Pod pod, String nodeName) {
        NodeInfo info = requireNode(nodeName);
        if (podsByUid.containsKey(pod.uid())) {
            throw new IllegalArgumentException(
                    "pod "
                            + pod.key()
                            + " (uid "
                            + pod.uid()
                            + ") is already in the snapshot, on "
                            + podsByUid.get(pod.uid()).nodeName());
        }
        Pod bound = nodeName.equals(pod.nodeName()) ? pod : pod.withNodeName(nodeName);
        applyAdd(bound, info);
        record(() -> applyRemove(bound, info));
        return bound;
    }

    /**
     * Removes the pod with this UID from its node.
     *
     * @throws IllegalArgumentException if there is no such pod
     */
    public Pod removePod(String uid) {
        Pod pod = podsByUid.get(uid);
        if (pod == null) {
            throw new IllegalArgumentException("pod with uid " + uid + " is not in the snapshot");
        }
        NodeInfo info = requireNode(pod.nodeName());
        applyRemove(pod, info);
        record(() -> applyAdd(pod, info));
        return pod;
    }

    private void applyAdd(Pod pod, NodeInfo info) {
        info.addPod(pod);
        podsByUid.put(pod.uid(), pod);
        labelIndex.add(pod);
        antiAffinityIndex.add(pod, info.node());
        version++;
    }

    private void applyRemove(Pod pod, NodeInfo info) {
        info.removePod(pod);
        podsByUid.remove(pod.uid());
        labelIndex.remove(pod);
        antiAffinityIndex.remove(pod, info.node());
        version++;
    }

    private void nodeChanged(int slot) {
        nodeSetVersion++;
        nodeChangeLog[(int) (nodeSetVersion % NODE_LOG_SIZE)] = slot;
    }

    private NodeInfo requireNode(String name) {
        NodeInfo info = nodeInfo(name);
        if (info == null) {
            throw new IllegalArgumentException("node " + name + " is not in the snapshot");
        }
        return info;
    }

    // ---------------------------------------------------------------- fork / revert / commit

    /** Starts a simulation whose changes {@link #revert()} can undo. Forks nest. */
    public void fork() {
        forkPoints.addLast(journal.size());
    }

    /**
     * Undoes every change since the innermost open fork and closes it.
     *
     * @throws IllegalStateException if no fork is open
     */
    public void revert() {
        if (forkPoints.isEmpty()) {
            throw new IllegalStateException("revert() without an open fork()");
        }
        int point = forkPoints.removeLast();
        while (journal.size() > point) {
            journal.removeLast().undo();
        }
        version++;
        compactIfIdle();
    }

    /**
     * Keeps the changes since the innermost open fork and closes it. The changes stay revertible by
     * an enclosing fork.
     *
     * @throws IllegalStateException if no fork is open
     */
    public void commit() {
        if (forkPoints.isEmpty()) {
            throw new IllegalStateException("commit() without an open fork()");
        }
        forkPoints.removeLast();
        if (forkPoints.isEmpty()) {
            journal.clear();
        }
        compactIfIdle();
    }

    private void record(Undo undo) {
        if (!forkPoints.isEmpty()) {
            journal.addLast(undo);
        }
    }

    /**
     * Drops the positions of removed nodes once no fork can refer to them, so that the slot list
     * does not grow forever.
     */
    private void compactIfIdle() {
        if (!forkPoints.isEmpty() || slots.size() - liveNodes <= Math.max(16, liveNodes)) {
            return;
        }
        List<NodeInfo> live = nodeInfos();
        nodeChanged(ALL_POSITIONS);
        version++;
        slots.clear();
        slotByName.clear();
        for (NodeInfo n : live) {
            slotByName.put(n.name(), slots.size());
            slots.add(n);
        }
    }
}

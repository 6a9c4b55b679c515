package org.k8sca.core.scaledown.selection;

import org.k8sca.core.model.Node;
import org.k8sca.core.scaledown.explain.UnremovableReason;
import org.k8sca.core.scaledown.simulation.NodeRemoval;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Picks, among unneeded nodes, those to delete now. A node goes when it has been unneeded long
 * enough (the unready time for unready nodes), has no running on-completion pod, its group stays at
 * or above its minimum (counting deletions in progress and nodes picked earlier in this batch), and
 * the cluster stays at or above the cores and memory minimums. Empty nodes are considered before
 * nodes to drain, risky drains last, and the parallelism budgets cap the batch.
 *
 * <p>Zero-or-max (atomic) groups go first and only whole: when every node of the group qualifies,
 * all are picked, even beyond the budgets (as upstream); otherwise none is.
 */
public final class RemovalSelector {

    private RemovalSelector() {}

    public static Selection select(List<SelectionCandidate> candidates, SelectionLimits limits) {
        List<SelectionCandidate> ordered = new ArrayList<>(candidates);
        // Stable: keeps the caller's order within each class.
        ordered.sort(Comparator.comparingInt(RemovalSelector::orderClass));
        int totalBudget =
                Math.max(
                        0,
                        limits.maxScaleDownParallelism()
                                - limits.emptyInFlight()
                                - limits.drainsInFlight());
        int drainBudget = Math.max(0, limits.maxDrainParallelism() - limits.drainsInFlight());
        long milliCpuLeft = limits.clusterMilliCpu();
        long memoryLeft = limits.clusterMemoryBytes();
        Map<String, Integer> pickedPerGroup = new HashMap<>();
        List<NodeRemoval> empty = new ArrayList<>();
        List<NodeRemoval> drain = new ArrayList<>();
        Map<String, Selection.Kept> kept = new HashMap<>();
        List<String> deferred = new ArrayList<>();

        // Atomic groups first: all of a group's nodes or none.
        Map<String, List<SelectionCandidate>> atomic = new TreeMap<>();
        List<SelectionCandidate> regular = new ArrayList<>();
        for (SelectionCandidate c : ordered) {
            if (c.group().options().zeroOrMaxNodeScaling()) {
                atomic.computeIfAbsent(c.group().id(), k -> new ArrayList<>()).add(c);
            } else {
                regular.add(c);
            }
        }
        for (List<SelectionCandidate> groupNodes : atomic.values()) {
            NodeGroupView group = groupNodes.get(0).group();
            List<SelectionCandidate> ready = new ArrayList<>();
            long cpu = 0;
            long memory = 0;
            for (SelectionCandidate c : groupNodes) {
                Selection.Kept reason = timeOrCompletion(c);
                if (reason != null) {
                    kept.put(c.node().name(), reason);
                } else {
                    ready.add(c);
                    cpu += c.node().capacity().milliCpu();
                    memory += c.node().capacity().memoryBytes();
                }
            }
            int remaining = group.targetSize() - group.deletionsInProgress();
            boolean whole =
                    ready.size() == groupNodes.size()
                            && ready.size() >= remaining
                            && remaining - ready.size() >= group.minSize()
                            && milliCpuLeft - cpu >= limits.minMilliCpu()
                            && memoryLeft - memory >= limits.minMemoryBytes();
            if (!whole) {
                for (SelectionCandidate c : ready) {
                    kept.put(
                            c.node().name(),
                            new Selection.Kept(
                                    UnremovableReason.ATOMIC_GROUP_NOT_FULLY_REMOVABLE,
                                    ready.size()
                                            + " of the "
                                            + remaining
                                            + " nodes of group "
                                            + group.id()
                                            + " can go now"));
                }
                continue;
            }
            for (SelectionCandidate c : ready) {
                if (c.removal().empty()) {
                    empty.add(c.removal());
                } else {
                    drain.add(c.removal());
                    drainBudget = Math.max(0, drainBudget - 1);
                }
                totalBudget = Math.max(0, totalBudget - 1);
            }
            milliCpuLeft -= cpu;
            memoryLeft -= memory;
        }

        for (SelectionCandidate c : regular) {
            Node node = c.node();
            NodeGroupView group = c.group();
            Selection.Kept notNow = timeOrCompletion(c);
            if (notNow != null) {
                kept.put(node.name(), notNow);
                continue;
            }
            int picked = pickedPerGroup.getOrDefault(group.id(), 0);
            int sizeAfter = group.targetSize() - group.deletionsInProgress() - picked;
            if (sizeAfter <= group.minSize()) {
                kept.put(
                        node.name(),
                        new Selection.Kept(
                                UnremovableReason.NODE_GROUP_MIN_SIZE_REACHED,
                                "group "
                                        + group.id()
                                        + " would have "
                                        + (sizeAfter - 1)
                                        + " nodes, minimum "
                                        + group.minSize()));
                continue;
            }
            long cpu = node.capacity().milliCpu();
            long memory = node.capacity().memoryBytes();
            if (milliCpuLeft - cpu < limits.minMilliCpu()
                    || memoryLeft - memory < limits.minMemoryBytes()) {
                kept.put(
                        node.name(),
                        new Selection.Kept(
                                UnremovableReason.MINIMAL_RESOURCE_LIMIT_EXCEEDED,
                                "the cluster would fall below its minimum cores or memory"));
                continue;
            }
            boolean isEmpty = c.removal().empty();
            if (totalBudget == 0 || (!isEmpty && drainBudget == 0)) {
                deferred.add(node.name());
                continue;
            }
            totalBudget--;
            if (isEmpty) {
                empty.add(c.removal());
            } else {
                drainBudget--;
                drain.add(c.removal());
            }
            pickedPerGroup.merge(group.id(), 1, Integer::sum);
            milliCpuLeft -= cpu;
            memoryLeft -= memory;
        }
        return new Selection(empty, drain, kept, deferred);
    }

    /**
     * Why the node must wait regardless of budgets: not unneeded long enough, or an on-completion
     * pod; else null.
     */
    private static Selection.Kept timeOrCompletion(SelectionCandidate c) {
        Node node = c.node();
        NodeGroupView group = c.group();
        Duration needed =
                node.ready()
                        ? group.options().scaleDownUnneededTime()
                        : group.options().scaleDownUnreadyTime();
        if (c.unneededFor().compareTo(needed) < 0) {
            UnremovableReason reason =
                    node.ready()
                            ? UnremovableReason.NOT_UNNEEDED_LONG_ENOUGH
                            : UnremovableReason.NOT_UNREADY_LONG_ENOUGH;
            return new Selection.Kept(reason, "unneeded for " + c.unneededFor() + " of " + needed);
        }
        if (!c.removal().drain().onCompletionPods().isEmpty()) {
            return new Selection.Kept(
                    UnremovableReason.BLOCKED_BY_ON_COMPLETION_POD,
                    "waiting for "
                            + c.removal().drain().onCompletionPods().get(0).key()
                            + " to complete");
        }
        return null;
    }

    /** Empty nodes first, then drains, risky drains last. */
    private static int orderClass(SelectionCandidate c) {
        if (c.removal().empty()) {
            return 0;
        }
        return c.removal().risky() ? 2 : 1;
    }
}

package org.k8sca.core.clusterstate;

import java.util.ArrayList;
import java.util.List;

/** Counts one group's (or the nodes outside groups') registered nodes by category. */
final class CategoryCounter {

    int ready;
    int unready;
    int notStarted;
    int beingDeleted;
    final List<String> notStartedNames = new ArrayList<>();

    void add(NodeCategory category, String nodeName) {
        switch (category) {
            case READY -> ready++;
            case UNREADY -> unready++;
            case NOT_STARTED -> {
                notStarted++;
                notStartedNames.add(nodeName);
            }
            case BEING_DELETED -> beingDeleted++;
            case STOPPED -> {
                // Counted per machine in the group's snapshot, not per node.
            }
        }
    }

    NodeCounts toCounts(
            int stopped, int unregistered, int longUnregistered, int failed, int upcoming) {
        return new NodeCounts(
                ready,
                unready,
                notStarted,
                beingDeleted,
                stopped,
                unregistered,
                longUnregistered,
                failed,
                upcoming);
    }
}

package org.k8sca.core.clusterstate;

import org.k8sca.core.cloud.Instance;

import java.util.List;

/**
 * What one update computed for one group.
 *
 * @param view the group as the cloud reported it
 * @param counts node and instance counts
 * @param longUnregistered long-unregistered instances, oldest first
 * @param failed instances that failed to create, in listing order
 * @param notStartedNodes names of the group's registered nodes that are still booting
 * @param slotsWithoutInstance target minus listed machines (not stopped), never negative: requested
 *     machines the cloud does not list yet
 * @param existing registered nodes plus machines without a node (stopped ones excluded)
 */
record GroupSnapshot(
        NodeGroupView view,
        NodeCounts counts,
        List<Instance> longUnregistered,
        List<Instance> failed,
        List<String> notStartedNodes,
        int slotsWithoutInstance,
        int existing) {

    String id() {
        return view.id();
    }
}

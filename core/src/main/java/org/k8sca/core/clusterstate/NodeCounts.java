package org.k8sca.core.clusterstate;

/**
 * Node and instance counts for one group or the whole cluster.
 *
 * @param ready registered nodes that are ready
 * @param unready registered nodes not ready for longer than max-node-startup-time
 * @param notStarted registered nodes still booting (not ready, or startup-tainted, and young)
 * @param beingDeleted registered nodes that are going away
 * @param stopped nodes whose machine is powered off in a warm pool (not in {@code registered})
 * @param unregistered instances with no node yet (not deleting, not failed, not stopped), including
 *     the long-unregistered ones
 * @param longUnregistered unregistered for longer than max-node-provision-time
 * @param failed instances whose creation failed (state Creating with error info)
 * @param upcoming nodes on their way: booting nodes and instances still within their provision time
 *     (see {@link ClusterStateRegistry#upcomingNodes()})
 */
public record NodeCounts(
        int ready,
        int unready,
        int notStarted,
        int beingDeleted,
        int stopped,
        int unregistered,
        int longUnregistered,
        int failed,
        int upcoming) {

    public static final NodeCounts ZERO = new NodeCounts(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Registered nodes: ready, unready, not started and being deleted (stopped ones excluded). */
    public int registered() {
        return ready + unready + notStarted + beingDeleted;
    }

    public NodeCounts plus(NodeCounts o) {
        return new NodeCounts(
                ready + o.ready,
                unready + o.unready,
                notStarted + o.notStarted,
                beingDeleted + o.beingDeleted,
                stopped + o.stopped,
                unregistered + o.unregistered,
                longUnregistered + o.longUnregistered,
                failed + o.failed,
                upcoming + o.upcoming);
    }
}

package org.k8sca.kamatera.provider;

/** Where a server is in the autoscaler's life cycle. */
enum Phase {
    /** Being created, or being powered on from the warm pool; running once listed as powered on. */
    CREATING,
    /** In service. */
    RUNNING,
    /** Being powered off, terminated, or cancelled (see {@link DeleteStep}). */
    DELETING,
    /**
     * Powered off and not managed by the core: a warm-pool member (or a stopped server found at start).
     * Invisible to the core: not in {@code nodes()}, not in the target size, in no node group.
     */
    STANDBY
}

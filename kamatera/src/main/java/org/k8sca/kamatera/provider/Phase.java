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
     * Powered off and not managed by the core: a warm-pool member (or a stopped server found at
     * start). Shown to the core as a {@code STOPPED} instance in its group's {@code nodes()}; not
     * in the target size, and its node is in no node group (so the core's {@code isStandby} is true
     * for it).
     */
    STANDBY
}

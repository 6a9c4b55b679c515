package org.k8sca.core.cloud;

/** The life-cycle state of a machine. */
public enum InstanceState {
    /** Created and running (its node may still be registering). */
    RUNNING,
    /** Being created. */
    CREATING,
    /** Being deleted. */
    DELETING,
    /**
     * Powered off on purpose and kept for reuse (a warm pool). This is the SPI's only way to say
     * "warm-pool machine": the provider lists it in its group's {@link NodeGroup#nodes()} but not
     * in {@link NodeGroup#targetSize()}; {@link CloudProvider#nodeGroupFor} returns no group for
     * its node and {@link CloudProvider#isStandby} is true for it. Its Kubernetes node, if one is
     * left, is expected to be NotReady. The core does not count it as ready, unready, unregistered,
     * failed or upcoming, never deletes it (no cleanup, no {@code deleteNodes}) and never scales
     * its node down; a later {@link NodeGroup#increaseSize} may power it on again (it is then
     * {@link #CREATING}). Providers without a warm pool never report this state.
     */
    STOPPED
}

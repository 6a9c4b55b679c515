package org.k8sca.core.scaleup;

/** What scale-up planning decided for one pending pod. */
public enum PodVerdict {
    /**
     * Left out before planning (expendable, gated, waiting for preemption, too young, DaemonSet,
     * ...).
     */
    IGNORED,
    /** Fits on a node that exists now; the scheduler should place it without new nodes. */
    FITS_EXISTING_NODE,
    /** Fits on a node that is being created or is booting; no second scale-up for it. */
    FITS_UPCOMING_NODE,
    /** Planning waits for more pods before deciding (the short batching window). */
    WAITING,
    /** New nodes of the chosen group (and its balanced siblings) are planned for it. */
    TRIGGERS_SCALE_UP,
    /**
     * Some group could take it, but another option was chosen this loop; the next loop plans again.
     */
    HELPED_LATER,
    /** No node group can take it; see the reasons per group. */
    NOT_HELPED
}

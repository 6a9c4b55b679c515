package org.k8sca.core.clusterstate;

/** Where a registered Kubernetes node stands, as the registry counts it. */
public enum NodeCategory {
    /** Ready: Ready condition True, no not-ready/pressure taint, no startup taint. */
    READY,
    /**
     * Not ready (or still startup-tainted) and younger than max-node-startup-time: still booting.
     */
    NOT_STARTED,
    /** Not ready and older than max-node-startup-time. */
    UNREADY,
    /**
     * Going away: it carries the ToBeDeleted taint, its instance is being deleted, its group no
     * longer lists a machine for it, or the provider says its machine is gone ({@code hasInstance}
     * false; such a node belongs to no group). Neither ready nor unready.
     */
    BEING_DELETED,
    /** Its machine is powered off on purpose (warm pool); neither ready nor unready. */
    STOPPED
}

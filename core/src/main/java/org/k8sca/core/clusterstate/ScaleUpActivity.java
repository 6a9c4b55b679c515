package org.k8sca.core.clusterstate;

/** A group's (or the cluster's) scale-up state, as the status ConfigMap spells it. */
public enum ScaleUpActivity {
    /** A scale-up request is waiting for its nodes. */
    IN_PROGRESS("InProgress"),
    /** The group failed a scale-up recently and is not scaled up until its backoff ends. */
    BACKOFF("Backoff"),
    /** The group has too many unready nodes to be scaled up. */
    UNHEALTHY("Unhealthy"),
    NO_ACTIVITY("NoActivity");

    private final String statusName;

    ScaleUpActivity(String statusName) {
        this.statusName = statusName;
    }

    /** The value written to the status ConfigMap. */
    public String statusName() {
        return statusName;
    }
}

package org.k8sca.core.clusterstate;

/** Health of the cluster or of a node group, as the status ConfigMap spells it. */
public enum Health {
    HEALTHY("Healthy"),
    UNHEALTHY("Unhealthy");

    private final String statusName;

    Health(String statusName) {
        this.statusName = statusName;
    }

    /** The value written to the status ConfigMap. */
    public String statusName() {
        return statusName;
    }
}

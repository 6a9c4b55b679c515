package org.k8sca.core.model;

/** The effect of a taint. Only NoSchedule and NoExecute keep pods off a node when scheduling. */
public enum TaintEffect {
    NO_SCHEDULE("NoSchedule"),
    PREFER_NO_SCHEDULE("PreferNoSchedule"),
    NO_EXECUTE("NoExecute");

    private final String kubernetesName;

    TaintEffect(String kubernetesName) {
        this.kubernetesName = kubernetesName;
    }

    public String kubernetesName() {
        return kubernetesName;
    }

    /** Whether the scheduler's filters honour this effect. */
    public boolean filtersScheduling() {
        return this != PREFER_NO_SCHEDULE;
    }

    public static TaintEffect parse(String name) {
        for (TaintEffect e : values()) {
            if (e.kubernetesName.equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException(
                "unknown taint effect \""
                        + name
                        + "\" (allowed: NoSchedule, PreferNoSchedule, NoExecute)");
    }
}

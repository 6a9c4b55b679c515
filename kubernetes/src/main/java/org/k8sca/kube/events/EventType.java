package org.k8sca.kube.events;

/** An event's {@code type}. */
public enum EventType {
    NORMAL("Normal"),
    WARNING("Warning");

    private final String apiName;

    EventType(String apiName) {
        this.apiName = apiName;
    }

    /** The value the Kubernetes API uses. */
    public String apiName() {
        return apiName;
    }
}

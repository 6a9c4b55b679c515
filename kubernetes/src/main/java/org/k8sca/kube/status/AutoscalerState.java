package org.k8sca.kube.status;

/** The status document's {@code autoscalerStatus}. */
public enum AutoscalerState {
    /** Started, no loop finished yet. */
    INITIALIZING("Initializing"),
    RUNNING("Running");

    private final String statusName;

    AutoscalerState(String statusName) {
        this.statusName = statusName;
    }

    public String statusName() {
        return statusName;
    }
}

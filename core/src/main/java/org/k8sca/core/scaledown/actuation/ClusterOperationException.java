package org.k8sca.core.scaledown.actuation;

/** A Kubernetes operation failed (after the implementation's own retries, e.g. on conflicts). */
public class ClusterOperationException extends Exception {

    private static final long serialVersionUID = 1L;

    public ClusterOperationException(String message) {
        super(message);
    }

    public ClusterOperationException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.k8sca.kube.view;

/** The view could not start: an informer failed to list, or did not sync in time. */
public final class ClusterViewException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ClusterViewException(String message, Throwable cause) {
        super(message, cause);
    }

    public ClusterViewException(String message) {
        super(message);
    }
}

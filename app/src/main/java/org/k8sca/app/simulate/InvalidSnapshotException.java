package org.k8sca.app.simulate;

/**
 * A snapshot file that cannot be used. The message names the file and the place in it, e.g. {@code
 * snap.json: kubernetes.items[3] (Pod shop/web): spec.containers[0].resources.requests: ...}.
 */
public final class InvalidSnapshotException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidSnapshotException(String message) {
        super(message);
    }

    public InvalidSnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}

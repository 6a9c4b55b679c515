package org.k8sca.kube.status;

/**
 * The status ConfigMap could not be written or deleted; the message names the ConfigMap and why.
 */
public final class StatusWriteException extends RuntimeException {

    public StatusWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}

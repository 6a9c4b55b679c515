package org.k8sca.kube.creates;

/** The creates ConfigMap could not be read or written; the message names it. */
public final class CreatesStoreException extends RuntimeException {
    public CreatesStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

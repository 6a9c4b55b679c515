package org.k8sca.core.cloud;

import java.util.Objects;

/**
 * A failure of a cloud-provider call, with a kind the core can act on. Messages must never carry
 * secrets.
 */
public final class CloudProviderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, coarsely. */
    public enum Kind {
        /** The provider does not implement this optional method. */
        NOT_IMPLEMENTED,
        /** The cloud API failed or could not be reached; a later loop may succeed. */
        CLOUD_API,
        /** The request was wrong, e.g. deleting a node of another group or exceeding max size. */
        INVALID_REQUEST,
        /** A bug or an unexpected state in the provider. */
        INTERNAL
    }

    private final Kind kind;

    public CloudProviderException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public CloudProviderException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** The standard answer of an optional method a provider does not support. */
    public static CloudProviderException notImplemented(String what) {
        return new CloudProviderException(Kind.NOT_IMPLEMENTED, what + " is not implemented");
    }

    public Kind kind() {
        return kind;
    }

    public boolean isNotImplemented() {
        return kind == Kind.NOT_IMPLEMENTED;
    }
}

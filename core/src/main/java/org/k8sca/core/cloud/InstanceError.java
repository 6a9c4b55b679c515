package org.k8sca.core.cloud;

import java.util.Objects;

/**
 * Why a machine failed to come up (or go away).
 *
 * @param errorClass coarse class; OUT_OF_RESOURCES makes the core back off and try another group
 * @param code a short provider-specific code, e.g. {@code QUOTA_EXCEEDED}
 * @param message a human-readable message (never containing secrets)
 */
public record InstanceError(ErrorClass errorClass, String code, String message) {

    /** Coarse error classes the core acts on. */
    public enum ErrorClass {
        OUT_OF_RESOURCES,
        OTHER
    }

    public InstanceError {
        Objects.requireNonNull(errorClass, "error class");
        code = code == null ? "" : code;
        message = message == null ? "" : message;
    }
}

package org.k8sca.kube.ops;

import java.util.Objects;

/**
 * What a Node deletion did.
 *
 * @param outcome the result
 * @param message the API's message on failure (empty otherwise)
 */
public record NodeDeletion(Outcome outcome, String message) {

    public enum Outcome {
        DELETED,
        /** There was no such node, which is what the caller wanted. */
        NOT_FOUND,
        /**
         * HTTP 403: the autoscaler's RBAC lacks {@code nodes: delete} (upstream's example RBAC
         * does); retrying cannot help until the rules change.
         */
        FORBIDDEN,
        FAILED
    }

    public NodeDeletion {
        Objects.requireNonNull(outcome, "outcome");
        message = message == null ? "" : message;
    }

    /** Whether the Node object is gone. */
    public boolean succeeded() {
        return outcome == Outcome.DELETED || outcome == Outcome.NOT_FOUND;
    }
}

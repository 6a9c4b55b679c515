package org.k8sca.kube.ops;

import java.util.Objects;

/**
 * What a write to a Node did: a taint or cordon change, or any other {@link KubeNodeUpdater} write.
 *
 * @param outcome the result
 * @param message details for logs and events (empty on success)
 */
public record TaintChange(Outcome outcome, String message) {

    public enum Outcome {
        /** The node was updated. */
        APPLIED,
        /** The node already looked as asked; nothing was written. */
        ALREADY_IN_PLACE,
        /** There is no such node. */
        NODE_NOT_FOUND,
        /** The API refused or failed, or conflicts went on past the retry time. */
        FAILED
    }

    public TaintChange {
        Objects.requireNonNull(outcome, "outcome");
        message = message == null ? "" : message;
    }

    /** Whether the node now looks as asked. */
    public boolean succeeded() {
        return outcome == Outcome.APPLIED || outcome == Outcome.ALREADY_IN_PLACE;
    }
}
